package gov.gsb.admin.audit;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The {@link Actor} of the current request, from its security identity and its HTTP request. The client address
 * is Vert.x's remote address, which Quarkus replaces by the first {@code X-Forwarded-For} address only when the
 * peer is one of {@code quarkus.http.proxy.trusted-proxies}, so a client cannot forge it from outside.
 */
@RequestScoped
public class CurrentActor {

    @Inject
    SecurityIdentity identity;
    @Inject
    RoutingContext request;

    /** Who sent the current request, and from where. */
    public Actor get() {
        List<String> roles = identity.getRoles().stream().sorted().toList();
        var address = request.request().remoteAddress();
        String name = identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        return new Actor(name, roles, address == null ? "unknown" : address.hostAddress(),
                request.request().getHeader("User-Agent"));
    }
}

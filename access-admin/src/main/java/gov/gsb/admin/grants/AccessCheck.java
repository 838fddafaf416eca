package gov.gsb.admin.grants;

import gov.gsb.admin.catalog.Catalog;
import gov.gsb.admin.keycloak.RealmDirectory;
import gov.gsb.admin.keycloak.RealmDirectory.Identity;
import gov.gsb.admin.model.AccessDecision;
import gov.gsb.admin.model.GrantView;
import gov.gsb.admin.model.Kind;
import gov.gsb.admin.model.Operation;
import gov.gsb.admin.model.Result;
import gov.gsb.bus.Grant;
import gov.gsb.bus.GrantPermission;
import gov.gsb.bus.ServiceDescriptor;
import gov.gsb.bus.ServiceKind;
import gov.gsb.bus.ServiceStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers "may this user do this on this service, and why?" the way the brokers decide: the user's principals
 * (itself, everybody, its groups, its realm roles, as Keycloak has them now), the active grants of the service and
 * operation on any of them, DENY first, and no ALLOW means denied.
 */
@ApplicationScoped
public class AccessCheck {

    private final Catalog catalog;
    private final Grants grants;
    private final RealmDirectory directory;

    @Inject
    public AccessCheck(Catalog catalog, Grants grants, RealmDirectory directory) {
        this.catalog = catalog;
        this.grants = grants;
        this.directory = directory;
    }

    /**
     * @return Ok with the decision; NotFound (service or user); Invalid (an operation the service does not have)
     */
    public Result<AccessDecision> check(String username, Operation operation, String serviceId) {
        Optional<ServiceDescriptor> service = catalog.find(serviceId);
        if (service.isEmpty()) {
            return Result.notFound("no service " + serviceId + " in the catalog");
        }
        Kind kind = service.get().getKind() == ServiceKind.EVENT ? Kind.EVENT : Kind.REQUEST_REPLY;
        if (!operation.appliesTo(kind)) {
            return Result.invalid("operation", operation + " does not apply to a " + kind + " service");
        }
        Optional<Identity> identity = directory.identity(username);
        if (identity.isEmpty()) {
            return Result.notFound("the realm has no user " + username);
        }
        List<String> principals = principals(identity.get());
        if (service.get().getStatus() != ServiceStatus.ACTIVE) {
            return Result.ok(decision(username, serviceId, operation, false, "the service is retired: no grant applies",
                    principals, List.of()));
        }
        List<Grant> matching = grants.activeOn(serviceId).stream()
                .filter(g -> g.getOperation().name().equals(operation.name()))
                .filter(g -> principals.contains(AclMapping.principal(g.getPrincipalType(), g.getPrincipal())))
                .toList();
        List<Grant> denies = matching.stream().filter(g -> g.getPermission() == GrantPermission.DENY).toList();
        List<Grant> allows = matching.stream().filter(g -> g.getPermission() == GrantPermission.ALLOW).toList();
        if (!denies.isEmpty()) {
            return Result.ok(decision(username, serviceId, operation, false,
                    "denied: a DENY grant on " + principalsOf(denies) + " wins over any ALLOW", principals, denies));
        }
        if (!allows.isEmpty()) {
            return Result.ok(decision(username, serviceId, operation, true, "allowed by the grant(s) on "
                    + principalsOf(allows), principals, allows));
        }
        return Result.ok(decision(username, serviceId, operation, false,
                "denied by default: no grant of " + operation + " on this service to any of the user's principals",
                principals, List.of()));
    }

    /** A user's ACL principals, as the brokers' principal builder makes them from its token. */
    static List<String> principals(Identity identity) {
        List<String> p = new ArrayList<>();
        p.add("User:" + identity.username());
        p.add("User:*");
        identity.groups().forEach(g -> p.add("Group:" + g));
        identity.roles().forEach(r -> p.add("Role:" + r));
        return p;
    }

    private static String principalsOf(List<Grant> grants) {
        return grants.stream().map(g -> AclMapping.principal(g.getPrincipalType(), g.getPrincipal())).distinct().toList().toString();
    }

    private static AccessDecision decision(String user, String service, Operation op, boolean allowed, String reason,
            List<String> principals, List<Grant> deciding) {
        List<GrantView> views = deciding.stream().map(GrantService::view).toList();
        return new AccessDecision(user, service, op.name(), allowed, reason, principals, views);
    }
}

package gov.gsb.admin.keycloak;

import gov.gsb.admin.GsbConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.function.Supplier;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;

/**
 * Keycloak's admin API for the realm of {@code gsb.keycloak.url}, as access-admin's own client
 * ({@code gsb-services}, client credentials; its service account holds the realm-management roles it needs). The
 * client is Keycloak's {@code keycloak-admin-client} running on the Quarkus REST client (the
 * {@code quarkus-keycloak-admin-rest-client} extension), so no RESTEasy Classic sits next to Quarkus REST.
 */
@ApplicationScoped
public class KeycloakAdmin {

    private final Keycloak keycloak;
    private final String realm;

    @Inject
    public KeycloakAdmin(GsbConfig config) {
        String url = config.keycloak().url().replaceAll("/+$", "");
        int at = url.lastIndexOf("/realms/");
        if (at < 0) {
            throw new IllegalArgumentException("gsb.keycloak.url must be a realm's URL, <server>/realms/<realm>, not " + url);
        }
        this.realm = url.substring(at + "/realms/".length());
        this.keycloak = KeycloakBuilder.builder()
                .serverUrl(url.substring(0, at))
                .realm(realm)
                .clientId(config.keycloak().clientId())
                .clientSecret(config.keycloak().clientSecret())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .build();
    }

    /** The realm's admin resource. Use it inside {@link #call}. */
    public RealmResource realm() {
        return keycloak.realm(realm);
    }

    /**
     * Makes a call to the admin API, turning Keycloak's refusals and absence into {@link KeycloakException}, so
     * that none of its HTTP statuses leaks out as if it were the API's own.
     *
     * @param what what the call does, for the message
     * @param call the call
     */
    public <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            throw new KeycloakException("Keycloak refused to " + what + ": HTTP " + status + hint(status), status, e);
        } catch (ProcessingException e) {
            throw new KeycloakException("Keycloak could not be reached to " + what + ": " + e.getMessage(), 0, e);
        }
    }

    private static String hint(int status) {
        return status == 401 || status == 403
                ? " (check gsb.keycloak.client-secret and the realm-management roles of the client's service account)" : "";
    }

    @PreDestroy
    void close() {
        keycloak.close();
    }
}

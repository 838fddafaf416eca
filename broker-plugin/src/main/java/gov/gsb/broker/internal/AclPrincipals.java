package gov.gsb.broker.internal;

import gov.gsb.broker.GsbPrincipal;
import java.util.Optional;
import org.apache.kafka.common.security.auth.KafkaPrincipal;

/**
 * Checks the principal of a new ACL. An ACL that could never match anybody (a misspelt type, a
 * group written with Keycloak's leading slash) is refused when it is created, with a message that
 * says how to write it, instead of silently granting nothing.
 */
public final class AclPrincipals {

    private AclPrincipals() {
    }

    /** @return why an ACL on {@code principal} would never match, or empty if it is fine */
    public static Optional<String> problem(String principal) {
        int colon = principal.indexOf(':');
        if (colon <= 0 || colon == principal.length() - 1) {
            return Optional.of("an ACL principal is Type:name, not " + principal);
        }
        String type = principal.substring(0, colon);
        String name = principal.substring(colon + 1);
        boolean user = type.equals(KafkaPrincipal.USER_TYPE);
        if (!user && !type.equals(GsbPrincipal.GROUP_TYPE) && !type.equals(GsbPrincipal.ROLE_TYPE)) {
            return Optional.of("GSB matches User:, Group: and Role: principals only, not " + principal);
        }
        if (!user && name.equals(AclMatch.WILDCARD)) {
            return Optional.of("only User:* is a wildcard; " + principal + " would match nobody");
        }
        if (type.equals(GsbPrincipal.GROUP_TYPE) && name.startsWith("/")) {
            return Optional.of("write the group path without the leading slash: Group:" + name.substring(1));
        }
        return Optional.empty();
    }
}

package gov.gsb.admin.model;

import java.util.List;

/**
 * Whether a user may do an operation on a service, and why.
 *
 * @param user the user name asked about
 * @param service the service
 * @param operation the operation
 * @param allowed the answer
 * @param reason why, in a sentence
 * @param principals the user's ACL principals at this moment: the user, its groups, its realm roles
 * @param decidingGrants the grants that decided: the DENYs when one matches, else the matching ALLOWs
 */
public record AccessDecision(String user, String service, String operation, boolean allowed, String reason,
        List<String> principals, List<GrantView> decidingGrants) {
}

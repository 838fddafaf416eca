package gov.gsb.admin.model;

import java.time.Instant;
import java.util.List;

/**
 * A grant as it stands, with the ACLs it maps to.
 *
 * @param id its id
 * @param service the service, {@code <provider>.<name>}
 * @param operation PUBLISH, SUBSCRIBE, REQUEST or SERVE
 * @param principalType USER, GROUP or ROLE
 * @param principal the user, group path or role
 * @param permission ALLOW or DENY
 * @param consumerAgency the consuming agency (SUBSCRIBE, REQUEST), or null
 * @param grantedBy who made it
 * @param grantedAt when
 * @param comment why, or null
 * @param status ACTIVE or REVOKED
 * @param revokedBy who revoked it, or null
 * @param revokedAt when, or null
 * @param acls the Kafka ACLs it maps to (on the brokers while it is ACTIVE and its service is)
 */
public record GrantView(String id, String service, String operation, String principalType, String principal,
        String permission, String consumerAgency, String grantedBy, Instant grantedAt, String comment, String status,
        String revokedBy, Instant revokedAt, List<AclView> acls) {
}

package gov.gsb.admin.model;

import org.apache.kafka.common.acl.AclBinding;

/**
 * A Kafka ACL binding, as the brokers hold it.
 *
 * @param resourceType TOPIC, GROUP, CLUSTER, ...
 * @param resourceName the topic or group name, or prefix
 * @param patternType LITERAL or PREFIXED
 * @param principal e.g. {@code Group:agencies/tax}
 * @param host the client host it applies to; {@code *} for any
 * @param operation READ, WRITE, DESCRIBE, ...
 * @param permission ALLOW or DENY
 */
public record AclView(String resourceType, String resourceName, String patternType, String principal, String host,
        String operation, String permission) {

    /** The view of a binding. */
    public static AclView of(AclBinding b) {
        return new AclView(b.pattern().resourceType().name(), b.pattern().name(), b.pattern().patternType().name(),
                b.entry().principal(), b.entry().host(), b.entry().operation().name(), b.entry().permissionType().name());
    }
}

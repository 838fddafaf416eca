package gov.gsb.admin.grants;

import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;

import gov.gsb.bus.Grant;
import gov.gsb.bus.GrantOperation;
import gov.gsb.bus.GrantPermission;
import gov.gsb.bus.PrincipalType;
import gov.gsb.sdk.Service;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The Kafka ACLs a grant needs, and nothing more: a pure function of the grant, so the brokers' ACLs can always be
 * recomputed from the grants alone. Names come from {@link Service}. For service S of provider P and consumer
 * agency C:
 *
 * <table>
 *   <caption>Grant to ACLs</caption>
 *   <tr><th>operation</th><th>ACLs (ALLOW)</th></tr>
 *   <tr><td>PUBLISH</td><td>WRITE, DESCRIBE topic {@code gsb.P.S}</td></tr>
 *   <tr><td>SUBSCRIBE</td><td>READ, DESCRIBE topic {@code gsb.P.S}; READ groups prefixed {@code gsb.C.};
 *       WRITE, DESCRIBE topic {@code gsb.dlq.C.P.S}</td></tr>
 *   <tr><td>REQUEST</td><td>WRITE, DESCRIBE topic {@code gsb.P.S.requests}; READ, DESCRIBE topic
 *       {@code gsb.P.S.replies.C}</td></tr>
 *   <tr><td>SERVE</td><td>READ, DESCRIBE topic {@code gsb.P.S.requests}; WRITE, DESCRIBE topics prefixed
 *       {@code gsb.P.S.replies.}; READ groups prefixed {@code gsb.P.}; WRITE, DESCRIBE topic {@code gsb.dlq.P.P.S}</td></tr>
 * </table>
 *
 * <p>A DENY grant maps to the same ACLs with DENY, except the consumer-group ones: groups {@code gsb.C.*} are shared
 * by all of agency C's subscriptions, so denying them would deny C every service, not this one. The service's own
 * topics carry the DENY.
 */
public final class AclMapping {

    private static final Pattern AGENCY_GROUP = Pattern.compile("agencies/([a-z0-9][a-z0-9-]{0,62})");
    private static final Pattern SERVICE_ACCOUNT = Pattern.compile("service-account-([a-z0-9][a-z0-9-]{0,62})");

    private AclMapping() {
    }

    /** The ACLs of a grant; none for a grant this version cannot read (UNKNOWN operation or principal type). */
    public static Set<AclBinding> of(Grant grant) {
        if (grant.getOperation() == GrantOperation.UNKNOWN || grant.getPrincipalType() == PrincipalType.UNKNOWN) {
            return Set.of();
        }
        Service s = Service.parse(grant.getService());
        boolean allow = grant.getPermission() == GrantPermission.ALLOW;
        Acls acls = new Acls(principal(grant.getPrincipalType(), grant.getPrincipal()),
                allow ? AclPermissionType.ALLOW : AclPermissionType.DENY);
        String c = grant.getConsumerAgency();
        switch (grant.getOperation()) {
            case PUBLISH -> acls.topic(s.topic(), PatternType.LITERAL, WRITE, DESCRIBE);
            case SUBSCRIBE -> {
                acls.topic(s.topic(), PatternType.LITERAL, READ, DESCRIBE);
                if (c != null) {
                    acls.topic(s.deadLetterTopic(c), PatternType.LITERAL, WRITE, DESCRIBE);
                    acls.groups(allow, "gsb." + c + ".");
                }
            }
            case REQUEST -> {
                acls.topic(s.requestsTopic(), PatternType.LITERAL, WRITE, DESCRIBE);
                if (c != null) {
                    acls.topic(s.replyTopic(c), PatternType.LITERAL, READ, DESCRIBE);
                }
            }
            case SERVE -> {
                acls.topic(s.requestsTopic(), PatternType.LITERAL, READ, DESCRIBE);
                acls.topic(s.replyTopicPrefix(), PatternType.PREFIXED, WRITE, DESCRIBE);
                acls.topic(s.deadLetterTopic(s.provider()), PatternType.LITERAL, WRITE, DESCRIBE);
                acls.groups(allow, "gsb." + s.provider() + ".");
            }
            default -> throw new IllegalArgumentException("operation " + grant.getOperation());
        }
        return acls.bindings;
    }

    /**
     * The ACLs every SDK client needs whatever its grants: writing its call records. Both roles an agency's client
     * holds get them.
     *
     * @param callsTopic {@code gsb.calls}
     */
    public static Set<AclBinding> base(String callsTopic) {
        Set<AclBinding> base = new LinkedHashSet<>();
        for (String role : new String[] {"Role:publisher", "Role:subscriber"}) {
            Acls acls = new Acls(role, AclPermissionType.ALLOW);
            acls.topic(callsTopic, PatternType.LITERAL, WRITE, DESCRIBE);
            base.addAll(acls.bindings);
        }
        return base;
    }

    /** The ACL principal of a grant's principal, e.g. {@code Group:agencies/tax}. */
    public static String principal(PrincipalType type, String name) {
        return switch (type) {
            case USER -> "User:" + name;
            case GROUP -> "Group:" + name;
            case ROLE -> "Role:" + name;
            case UNKNOWN -> throw new IllegalArgumentException("a principal of unknown type has no ACL principal");
        };
    }

    /**
     * The agency a principal stands for, if it names one: the group {@code agencies/<agency>} or the agency client's
     * service account {@code service-account-<agency>}.
     */
    public static Optional<String> agencyOf(PrincipalType type, String name) {
        Pattern pattern = type == PrincipalType.GROUP ? AGENCY_GROUP : type == PrincipalType.USER ? SERVICE_ACCOUNT : null;
        if (pattern == null) {
            return Optional.empty();
        }
        Matcher m = pattern.matcher(name);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Collects one principal's bindings of one permission. */
    private static final class Acls {
        private final Set<AclBinding> bindings = new LinkedHashSet<>();
        private final String principal;
        private final AclPermissionType permission;

        Acls(String principal, AclPermissionType permission) {
            this.principal = principal;
            this.permission = permission;
        }

        void topic(String name, PatternType pattern, AclOperation... operations) {
            add(ResourceType.TOPIC, name, pattern, operations);
        }

        void groups(boolean allow, String prefix) {
            if (allow) { // see the class doc: a DENY on shared groups would reach beyond the service
                add(ResourceType.GROUP, prefix, PatternType.PREFIXED, READ);
            }
        }

        private void add(ResourceType type, String name, PatternType pattern, AclOperation... operations) {
            for (AclOperation op : operations) {
                bindings.add(new AclBinding(new ResourcePattern(type, name, pattern),
                        new AccessControlEntry(principal, "*", op, permission)));
            }
        }
    }
}

package gov.gsb.processors.composite;

import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The ACLs the orchestrator's identity needs besides its grants (SERVE on each composite, REQUEST on each component
 * service, which access-admin maps as for any agency): its Kafka Streams application (consumer group, transactional
 * ids, state topics) and reading the definitions.
 *
 * <pre>{@code
 * admin.createAcls(OrchestratorAcls.of("Group:agencies/orchestrator", "gsb.orchestrator.composites", "gsb.composites"));
 * }</pre>
 */
public final class OrchestratorAcls {

    private OrchestratorAcls() {
    }

    /**
     * @param principal the ACL principal, e.g. {@code Group:agencies/orchestrator}
     * @param applicationId {@code GSB_ORCHESTRATOR_APPLICATION_ID}
     * @param definitionsTopic {@code GSB_COMPOSITES_TOPIC}
     * @return the bindings (ALLOW)
     */
    public static Set<AclBinding> of(String principal, String applicationId, String definitionsTopic) {
        Set<AclBinding> acls = new LinkedHashSet<>();
        // State changelogs are <applicationId>-<store>-changelog; Kafka Streams creates them.
        add(acls, principal, ResourceType.TOPIC, applicationId, PatternType.PREFIXED, AclOperation.CREATE,
                AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS);
        add(acls, principal, ResourceType.GROUP, applicationId, PatternType.LITERAL, AclOperation.READ);
        // Exactly-once v2: transactional ids <applicationId>-<process id>-<thread>.
        add(acls, principal, ResourceType.TRANSACTIONAL_ID, applicationId, PatternType.PREFIXED, AclOperation.WRITE,
                AclOperation.DESCRIBE);
        add(acls, principal, ResourceType.TOPIC, definitionsTopic, PatternType.LITERAL, AclOperation.READ,
                AclOperation.DESCRIBE);
        return acls;
    }

    private static void add(Set<AclBinding> acls, String principal, ResourceType type, String name, PatternType pattern,
                            AclOperation... operations) {
        for (AclOperation op : operations) {
            acls.add(new AclBinding(new ResourcePattern(type, name, pattern),
                    new AccessControlEntry(principal, "*", op, AclPermissionType.ALLOW)));
        }
    }
}

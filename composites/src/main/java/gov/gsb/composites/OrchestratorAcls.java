package gov.gsb.composites;

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
 * The Kafka ACLs the orchestrator of composite services needs besides its grants (SERVE on each composite, REQUEST on
 * each service a step or compensation calls, which access-admin maps as for any agency): its Kafka Streams
 * application (state topics it creates, consumer group, transactional ids) and reading the definitions topic.
 *
 * <p>Stated once, here, because two sides must agree on them: access-admin keeps them as base ACLs on the brokers,
 * and the orchestrator's tests create them for a broker of their own.
 *
 * <pre>{@code
 * admin.createAcls(OrchestratorAcls.of("Group:agencies/orchestrator", "gsb.orchestrator.composites", "gsb.composites"));
 * }</pre>
 */
public final class OrchestratorAcls {

    private OrchestratorAcls() {
    }

    /**
     * The orchestrator's base ACLs, all ALLOW from any host.
     *
     * @param principal the ACL principal, e.g. {@code Group:agencies/orchestrator}
     * @param applicationId the orchestrator's Kafka Streams application id ({@code GSB_ORCHESTRATOR_APPLICATION_ID})
     * @param definitionsTopic the definitions topic ({@code GSB_COMPOSITES_TOPIC}, by default
     *        {@link DefinitionTopic#TOPIC})
     * @return the bindings, in a stable order
     */
    public static Set<AclBinding> of(String principal, String applicationId, String definitionsTopic) {
        Set<AclBinding> acls = new LinkedHashSet<>();
        // State changelogs and repartition topics are <applicationId>-...; Kafka Streams creates them.
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

package gov.gsb.composites;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.PatternType;
import org.junit.jupiter.api.Test;

class OrchestratorAclsTest {

    private static String text(AclBinding b) {
        return b.entry().principal() + " " + b.entry().host() + " " + b.entry().permissionType() + " "
                + b.entry().operation() + " " + b.pattern().resourceType() + ":" + b.pattern().name()
                + (b.pattern().patternType() == PatternType.PREFIXED ? "*" : "");
    }

    @Test
    void shouldGiveTheOrchestratorItsStreamsApplicationAndTheDefinitions() {
        assertThat(OrchestratorAcls.of("Group:agencies/orchestrator", "gsb.orchestrator.composites", "gsb.composites")
                .stream().map(OrchestratorAclsTest::text).toList()).containsExactly(
                "Group:agencies/orchestrator * ALLOW CREATE TOPIC:gsb.orchestrator.composites*",
                "Group:agencies/orchestrator * ALLOW READ TOPIC:gsb.orchestrator.composites*",
                "Group:agencies/orchestrator * ALLOW WRITE TOPIC:gsb.orchestrator.composites*",
                "Group:agencies/orchestrator * ALLOW DESCRIBE TOPIC:gsb.orchestrator.composites*",
                "Group:agencies/orchestrator * ALLOW DESCRIBE_CONFIGS TOPIC:gsb.orchestrator.composites*",
                "Group:agencies/orchestrator * ALLOW READ GROUP:gsb.orchestrator.composites",
                "Group:agencies/orchestrator * ALLOW WRITE TRANSACTIONAL_ID:gsb.orchestrator.composites*",
                "Group:agencies/orchestrator * ALLOW DESCRIBE TRANSACTIONAL_ID:gsb.orchestrator.composites*",
                "Group:agencies/orchestrator * ALLOW READ TOPIC:gsb.composites",
                "Group:agencies/orchestrator * ALLOW DESCRIBE TOPIC:gsb.composites");
    }
}

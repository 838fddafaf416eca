package gov.gsb.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.gsb.helm.Chart.Profile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every rendered manifest against the Kubernetes API: built-in kinds read strictly into fabric8's Kubernetes model,
 * the operators' kinds validated against their CRDs' OpenAPI schemas. And proof that both checks catch mistakes.
 */
class ManifestSchemaTest {

    @ParameterizedTest
    @EnumSource(Profile.class)
    void shouldRenderOnlyKindsThatAreCheckedAgainstASchema(Profile profile) {
        for (JsonNode doc : Chart.documents(profile)) {
            assertThat(KubernetesModel.isBuiltIn(doc) || CrdSchemas.covers(doc))
                    .as("%s (%s) has a schema to check it against", Chart.describe(doc), doc.path("apiVersion").asText())
                    .isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void shouldMatchTheKubernetesApiModel(Profile profile) {
        List<String> problems = new ArrayList<>();
        for (JsonNode doc : Chart.documents(profile)) {
            if (KubernetesModel.isBuiltIn(doc)) {
                KubernetesModel.problems(doc).forEach(p -> problems.add(Chart.describe(doc) + ": " + p));
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void shouldMatchTheOperatorsCrdSchemas(Profile profile) {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (JsonNode doc : Chart.documents(profile)) {
            if (CrdSchemas.covers(doc)) {
                checked++;
                CrdSchemas.problems(doc).forEach(p -> problems.add(Chart.describe(doc) + ": " + p));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).isGreaterThanOrEqualTo(6);
    }

    @Test
    void shouldCatchAMisspelledFieldOfABuiltInKind() {
        ObjectNode deployment = Chart.one(Chart.documents(Profile.DEFAULT), "Deployment", "-access-admin").deepCopy();
        ((ObjectNode) deployment.path("spec")).put("replica", 2);
        ObjectNode container = (ObjectNode) deployment.at("/spec/template/spec/containers/0");
        container.putObject("readinessProbes");

        assertThat(KubernetesModel.problems(deployment))
                .anyMatch(p -> p.contains("spec.replica"))
                .anyMatch(p -> p.contains("readinessProbes"));
    }

    @Test
    void shouldCatchAWrongTypeOfABuiltInKind() {
        ObjectNode service = Chart.one(Chart.documents(Profile.DEFAULT), "Service", "-access-admin").deepCopy();
        ((ObjectNode) service.at("/spec/ports/0")).put("port", "eighty");

        assertThat(KubernetesModel.problems(service)).isNotEmpty();
    }

    @Test
    void shouldCatchAMisspelledOrInvalidFieldOfACustomResource() {
        ObjectNode kafka = Chart.one(Chart.documents(Profile.DEFAULT), "Kafka", "-kafka").deepCopy();
        ObjectNode authorization = (ObjectNode) kafka.at("/spec/kafka/authorization");
        authorization.put("authorizerClas", "x");
        ((ObjectNode) kafka.at("/spec/kafka/listeners/0")).put("type", "internel");

        assertThat(CrdSchemas.problems(kafka))
                .anyMatch(p -> p.contains("authorizerClas"))
                .anyMatch(p -> p.contains("type"));
    }

    @Test
    void shouldCatchAWrongShapeOfAClickHouseInstallation() {
        ObjectNode chi = Chart.ofKind(Chart.documents(Profile.DEFAULT), "ClickHouseInstallation").get(0).deepCopy();
        ((ObjectNode) chi.at("/spec/configuration/clusters/0/layout")).put("shardsCount", "two");
        ((ObjectNode) chi.at("/spec/configuration/clusters/0/layout")).put("shardCount", 2);

        assertThat(CrdSchemas.problems(chi)).hasSizeGreaterThanOrEqualTo(2);
    }
}

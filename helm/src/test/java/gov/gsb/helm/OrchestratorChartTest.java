package gov.gsb.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import gov.gsb.helm.Chart.Profile;
import gov.gsb.processors.ProcessorSettings;
import gov.gsb.processors.composite.OrchestratorSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The orchestrator of composite services in the chart: what it runs, the identity it calls the steps with (an agency
 * of the realm, the group access-admin grants), what it may reach, and that the processes are only given variables
 * they read.
 */
class OrchestratorChartTest {

    private static final String MAIN = "gov.gsb.processors.composite.OrchestratorMain";

    @ParameterizedTest
    @EnumSource(Profile.class)
    void shouldRunOrchestratorMainFromTheStreamProcessorsImage(Profile profile) {
        List<JsonNode> docs = Chart.documents(profile);
        JsonNode set = Chart.one(docs, "StatefulSet", "-orchestrator");
        JsonNode c = container(set);

        assertThat(c.path("image").asText()).isEqualTo(container(Chart.one(docs, "StatefulSet", "-stream-processors"))
                .path("image").asText());
        assertThat(c.at("/command/2").asText()).startsWith("exec java ").endsWith(" " + MAIN);
        JsonNode service = Chart.one(docs, "Service", "-orchestrator");
        assertThat(set.at("/spec/serviceName").asText()).isEqualTo(service.at("/metadata/name").asText());
        assertThat(service.at("/spec/clusterIP").asText()).isEqualTo("None");
        assertThat(set.at("/spec/replicas").asInt()).isEqualTo(profile == Profile.PRODUCTION ? 2 : 1);
        assertThat(env(c, "GSB_BOOTSTRAP")).as("the SASL_PLAINTEXT listener, as the stream processors")
                .isEqualTo(env(container(Chart.one(docs, "StatefulSet", "-stream-processors")), "GSB_BOOTSTRAP"));
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void shouldGiveTheProcessesOnlyVariablesTheyRead(Profile profile) {
        List<JsonNode> docs = Chart.documents(profile);
        List<String> orchestratorReads = OrchestratorSettings.VARIABLES.stream().map(OrchestratorSettings.Variable::name)
                .toList();

        assertThat(gsbVariables(container(Chart.one(docs, "StatefulSet", "-orchestrator"))))
                .isSubsetOf(orchestratorReads)
                .contains("GSB_BOOTSTRAP", "GSB_REGISTRY_URL", "GSB_TOKEN_URL", "GSB_ORCHESTRATOR_CLIENT_SECRET");
        assertThat(gsbVariables(container(Chart.one(docs, "StatefulSet", "-stream-processors"))))
                .isSubsetOf(ProcessorSettings.VARIABLES)
                .contains("GSB_BOOTSTRAP", "GSB_REGISTRY_URL", "GSB_TOKEN_URL", "GSB_SERVICES_CLIENT_SECRET");
    }

    @Test
    void shouldMakeTheOrchestratorAnAgencyOfTheRealmWithTheSecretItLogsInWith() {
        assertAgency(Chart.documents(Profile.PRODUCTION), "orchestrator");
    }

    @Test
    void shouldFollowAnotherAgencyNameEverywhere() {
        assertAgency(Chart.parse(Chart.render(Profile.DEFAULT, Map.of("orchestrator.agency", "composer"))), "composer");
    }

    @Test
    void shouldRefuseAnAgencyNameThatIsNotOne() {
        assertThatThrownBy(() -> Chart.render(Profile.DEFAULT, Map.of("orchestrator.agency", "Single Window")))
                .hasMessageContaining("/orchestrator/agency").hasMessageContaining("'Single Window' does not match");
    }

    @Test
    void shouldLetTheOrchestratorReachKafkaTheRegistryAndKeycloakButNotClickHouse() {
        List<JsonNode> docs = Chart.documents(Profile.PRODUCTION);
        JsonNode labels = Chart.one(docs, "StatefulSet", "-orchestrator").at("/spec/template/metadata/labels");

        assertThat(labels.path("gsb.example/kafka-client").asText()).isEqualTo("plain");
        assertThat(labels.has("gsb.example/clickhouse-client")).isFalse();
        for (String policy : List.of("-registry-clients", "-keycloak-egress")) {
            assertThat(Chart.one(docs, "NetworkPolicy", policy).at("/spec/podSelector/matchExpressions/1/values"))
                    .as(policy).extracting(JsonNode::asText).contains("orchestrator");
        }
        assertThat(Chart.one(docs, "NetworkPolicy", "-keycloak").at("/spec/ingress/0/from/1/podSelector/matchExpressions/1/values"))
                .extracting(JsonNode::asText).contains("orchestrator");
    }

    @Test
    void shouldLeaveTheOrchestratorOutWhenDisabled() {
        List<JsonNode> docs = Chart.parse(Chart.render(Profile.PRODUCTION, Map.of("orchestrator.enabled", false,
                "keycloak.clientSecrets.orchestrator.name", "")));

        assertThat(docs).noneMatch(d -> d.at("/metadata/name").asText().endsWith("-orchestrator"));
        JsonNode realm = Chart.ofKind(docs, "KeycloakRealmImport").get(0).at("/spec/realm");
        assertThat(realm.path("clients")).extracting(client -> client.path("clientId").asText())
                .doesNotContain("orchestrator");
        assertThat(realm.toString()).doesNotContain("GSB_ORCHESTRATOR_CLIENT_SECRET");
        JsonNode devSecret = Chart.one(Chart.parse(Chart.render(Profile.MINIMAL, Map.of("orchestrator.enabled", false))),
                "Secret", "-dev-secrets");
        assertThat(devSecret.path("data").has("orchestrator-client-secret")).isFalse();
    }

    /** Realm client, group, service account and placeholder of the agency, and the group access-admin grants. */
    private static void assertAgency(List<JsonNode> docs, String agency) {
        JsonNode realmImport = Chart.ofKind(docs, "KeycloakRealmImport").get(0);
        JsonNode realm = realmImport.at("/spec/realm");
        JsonNode client = Chart.element(realm.path("clients"), "clientId", agency);
        assertThat(client.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(client.path("standardFlowEnabled").asBoolean(true)).isFalse();
        assertThat(client.path("secret").asText()).isEqualTo("${GSB_ORCHESTRATOR_CLIENT_SECRET}");
        assertThat(client.path("protocolMappers")).extracting(m -> m.path("protocolMapper").asText())
                .contains("oidc-group-membership-mapper", "oidc-audience-mapper");
        JsonNode group = Chart.element(Chart.element(realm.path("groups"), "path", "/agencies").path("subGroups"),
                "name", agency);
        assertThat(group.path("path").asText()).isEqualTo("/agencies/" + agency);
        JsonNode account = Chart.element(realm.path("users"), "username", "service-account-" + agency);
        assertThat(account.path("serviceAccountClientId").asText()).isEqualTo(agency);
        assertThat(account.path("groups")).extracting(JsonNode::asText).containsExactly("/agencies/" + agency);
        assertThat(account.path("realmRoles")).extracting(JsonNode::asText).containsExactlyInAnyOrder("publisher", "subscriber");

        JsonNode c = container(Chart.one(docs, "StatefulSet", "-orchestrator"));
        assertThat(env(c, "GSB_ORCHESTRATOR_CLIENT_ID")).isEqualTo(agency);
        assertThat(env(c, "GSB_ORCHESTRATOR_AGENCY")).isEqualTo(agency);
        // The realm's secret and the one the orchestrator logs in with are the same Secret's same key.
        JsonNode secret = Chart.element(c.path("env"), "name", "GSB_ORCHESTRATOR_CLIENT_SECRET").at("/valueFrom/secretKeyRef");
        assertThat(realmImport.at("/spec/placeholders/GSB_ORCHESTRATOR_CLIENT_SECRET/secret")).isEqualTo(secret);
        assertThat(env(container(Chart.one(docs, "Deployment", "-access-admin")), "GSB_ORCHESTRATOR_GROUP"))
                .isEqualTo("agencies/" + agency);
    }

    private static JsonNode container(JsonNode workload) {
        return workload.at("/spec/template/spec/containers/0");
    }

    private static String env(JsonNode container, String name) {
        return Chart.element(container.path("env"), "name", name).path("value").asText();
    }

    private static List<String> gsbVariables(JsonNode container) {
        List<String> names = new ArrayList<>();
        container.path("env").forEach(e -> {
            if (e.path("name").asText().startsWith("GSB_")) {
                names.add(e.path("name").asText());
            }
        });
        return names;
    }
}

package gov.gsb.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import gov.gsb.helm.Chart.Profile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Keycloak, its realm import, ClickHouse and the registry: what the bus relies on. */
class OperatorResourcesTest {

    @Test
    void shouldImportTheRealmWithTheBusClientsRolesAndMappersAndNoDevSecret() {
        JsonNode realmImport = Chart.ofKind(Chart.documents(Profile.PRODUCTION), "KeycloakRealmImport").get(0);
        JsonNode realm = realmImport.at("/spec/realm");

        assertThat(realm.path("realm").asText()).isEqualTo("gsb");
        assertThat(realm.at("/roles/realm")).extracting(r -> r.path("name").asText())
                .containsExactlyInAnyOrder("admin", "auditor", "analyst", "publisher", "subscriber");
        assertThat(realm.path("clients")).extracting(c -> c.path("clientId").asText())
                .containsExactlyInAnyOrder("gsb-services", "gsb-broker", "gsb-registry", "gsb-portal", "orchestrator");
        for (JsonNode client : realm.path("clients")) {
            assertThat(client.path("secret").asText()).as(client.path("clientId").asText()).matches("\\$\\{GSB_[A-Z_]+}");
            assertThat(client.path("protocolMappers")).extracting(m -> m.path("protocolMapper").asText())
                    .containsExactlyInAnyOrder("oidc-group-membership-mapper", "oidc-audience-mapper");
        }
        assertThat(realmImport.at("/spec/placeholders").size()).isEqualTo(6);
        realmImport.at("/spec/placeholders").forEach(p -> assertThat(p.at("/secret/name").asText()).isNotEmpty());
        assertThat(realmImport.toString()).doesNotContain("dev-secret").doesNotContain("localhost");
        JsonNode services = realm.path("users").get(0);
        assertThat(services.path("serviceAccountClientId").asText()).isEqualTo("gsb-services");
        assertThat(services.at("/clientRoles/realm-management")).extracting(JsonNode::asText).contains("manage-clients");
        JsonNode admin = Chart.element(realm.path("users"), "username", "gsb-admin");
        assertThat(admin.at("/credentials/0/temporary").asBoolean()).isTrue();
    }

    @Test
    void shouldPointKeycloakAtItsDatabaseBySecretAndPinTheIssuer() {
        JsonNode kc = Chart.ofKind(Chart.documents(Profile.PRODUCTION), "Keycloak").get(0).path("spec");

        assertThat(kc.at("/db/host").asText()).isEqualTo("keycloak-db.gsb.example");
        assertThat(kc.at("/db/passwordSecret/name").asText()).isEqualTo("gsb-keycloak-db");
        assertThat(kc.at("/hostname/hostname").asText()).isEqualTo("https://keycloak.gsb.example");
        assertThat(kc.at("/hostname/strict").asBoolean()).isTrue();
        assertThat(kc.at("/http/tlsSecret").asText()).isEqualTo("gsb-keycloak-tls");
        assertThat(kc.at("/instances").asInt()).isEqualTo(3);
        assertThat(Chart.ofKind(Chart.documents(Profile.PRODUCTION), "StatefulSet"))
                .as("no database of the chart's own in production").extracting(Chart::describe)
                .containsExactlyInAnyOrder("StatefulSet/gsb-stream-processors", "StatefulSet/gsb-orchestrator");
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void shouldRunClickHouseOnOneHost(Profile profile) {
        JsonNode chi = Chart.ofKind(Chart.documents(profile), "ClickHouseInstallation").get(0);
        JsonNode layout = chi.at("/spec/configuration/clusters/0/layout");

        assertThat(layout.path("shardsCount").asInt()).isEqualTo(1);
        assertThat(layout.path("replicasCount").asInt()).isEqualTo(1);
        assertThat(CrdSchemas.problems(chi)).isEmpty();
    }

    /** On more hosts each would hold a part of the call log: the analytics tables are not Replicated yet. */
    @ParameterizedTest
    @ValueSource(strings = {"clickhouse.shards", "clickhouse.replicas"})
    void shouldRefuseMoreClickHouseHostsThanTheTablesCanShare(String value) {
        assertThatThrownBy(() -> Chart.render(Profile.PRODUCTION, Map.of(value, 2)))
                .hasMessageContaining("run ClickHouse as 1 shard x 1 replica")
                .hasMessageContaining("not Replicated");
    }

    @Test
    void shouldGiveClickHouseUserGsbItsPasswordFromASecret() {
        JsonNode users = Chart.ofKind(Chart.documents(Profile.PRODUCTION), "ClickHouseInstallation").get(0)
                .at("/spec/configuration/users");

        assertThat(users.path("gsb/password").at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("gsb-clickhouse");
    }

    @Test
    void shouldStoreSchemasInKafkaWithTheBackwardRuleAndItsOwnCredentials() {
        JsonNode c = Chart.one(Chart.documents(Profile.PRODUCTION), "Deployment", "-registry")
                .at("/spec/template/spec/containers/0");
        String env = c.path("env").toString();

        assertThat(c.path("image").asText()).isEqualTo("quay.io/apicurio/apicurio-registry:3.3.3");
        assertThat(env).contains("\"APICURIO_STORAGE_KIND\",\"value\":\"kafkasql\"")
                .contains("-Dapicurio.rules.global.compatibility=BACKWARD")
                .contains("\"APICURIO_KAFKASQL_SECURITY_SASL_CLIENT_ID\",\"value\":\"gsb-registry\"")
                .contains("{\"name\":\"gsb-client-secrets\",\"key\":\"gsb-registry\"}");
    }

    @Test
    void shouldHandTheServicesTheContractsEnvironment() {
        List<JsonNode> docs = Chart.documents(Profile.PRODUCTION);
        String admin = Chart.one(docs, "Deployment", "-access-admin").toString();
        String analytics = Chart.one(docs, "Deployment", "-analytics").toString();
        String processors = Chart.one(docs, "StatefulSet", "-stream-processors").toString();

        assertThat(admin).contains("GSB_BOOTSTRAP", "GSB_KEYCLOAK_URL", "GSB_REGISTRY_URL", "GSB_SERVICES_CLIENT_SECRET",
                "GSB_PORTAL_CLIENT_SECRET", "/apis/ccompat/v7", "https://keycloak.gsb.example/realms/gsb");
        assertThat(analytics).contains("GSB_CLICKHOUSE_URL", "GSB_CLICKHOUSE_USER", "GSB_CLICKHOUSE_PASSWORD",
                "GSB_KEYCLOAK_URL", "GSB_PORTAL_CLIENT_SECRET");
        assertThat(processors).contains("GSB_BOOTSTRAP", "GSB_REGISTRY_URL", "GSB_CLICKHOUSE_URL", "GSB_TOKEN_URL",
                "GSB_SERVICES_CLIENT_SECRET", "/realms/gsb/protocol/openid-connect/token", "gsb-kafka-kafka-bootstrap");
    }
}

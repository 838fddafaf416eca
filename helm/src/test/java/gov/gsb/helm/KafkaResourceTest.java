package gov.gsb.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gov.gsb.helm.Chart.Profile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Strimzi Kafka resource keeps the bus's design: Kafka's own OAUTHBEARER validation, our plugin decides. */
class KafkaResourceTest {

    private static JsonNode kafka(Profile profile) {
        return Chart.one(Chart.documents(profile), "Kafka", "-kafka").path("spec").path("kafka");
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void shouldAuthorizeWithTheBrokerPluginAndItsPrincipalBuilder(Profile profile) {
        JsonNode k = kafka(profile);

        assertThat(k.at("/authorization/type").asText()).isEqualTo("custom");
        assertThat(k.at("/authorization/authorizerClass").asText()).isEqualTo("gov.gsb.broker.GsbAuthorizer");
        assertThat(k.at("/config/principal.builder.class").asText()).isEqualTo("gov.gsb.broker.GsbPrincipalBuilder");
        // Strimzi prefixes "User:" itself.
        assertThat(k.at("/authorization/superUsers")).extracting(JsonNode::asText)
                .containsExactly("service-account-gsb-broker", "service-account-gsb-services");
        assertThat(k.at("/authorization/supportsAdminApi").asBoolean(true)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void shouldValidateTokensWithKafkasOwnOAuthBearerValidatorOnEveryListener(Profile profile) {
        JsonNode k = kafka(profile);
        String realm = profile == Profile.PRODUCTION ? "https://keycloak.gsb.example/realms/gsb"
                : "http://gsb-keycloak-service.gsb.svc:8080/realms/gsb";

        assertThat(k.path("listeners")).isNotEmpty();
        for (JsonNode listener : k.path("listeners")) {
            JsonNode auth = listener.path("authentication");
            JsonNode c = auth.path("listenerConfig");
            assertThat(auth.path("type").asText()).isEqualTo("custom");
            assertThat(auth.path("sasl").asBoolean()).isTrue();
            assertThat(c.path("sasl.enabled.mechanisms").asText()).isEqualTo("OAUTHBEARER");
            assertThat(c.path("oauthbearer.sasl.server.callback.handler.class").asText())
                    .isEqualTo("org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallbackHandler");
            assertThat(c.path("oauthbearer.sasl.jaas.config").asText())
                    .isEqualTo("org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required ;");
            assertThat(c.path("sasl.oauthbearer.jwks.endpoint.url").asText())
                    .isEqualTo(realm + "/protocol/openid-connect/certs");
            assertThat(c.path("sasl.oauthbearer.expected.issuer").asText()).isEqualTo(realm);
            assertThat(c.path("sasl.oauthbearer.expected.audience").asText()).isEqualTo("gsb");
            assertThat(c.path("sasl.oauthbearer.sub.claim.name").asText()).isEqualTo("preferred_username");
            assertThat(c.path("oauthbearer.connections.max.reauth.ms").asLong()).isPositive();
            // Nothing of Strimzi's kafka-oauth library.
            assertThat(c.toString()).doesNotContain("io.strimzi.kafka.oauth");
        }
        assertThat(k.path("listeners")).extracting(l -> l.path("name").asText() + ":" + l.path("tls").asBoolean())
                .contains("plain:false", "tls:true");
        if (profile == Profile.PRODUCTION) {
            assertThat(k.path("listeners")).anyMatch(l -> l.path("name").asText().equals("external")
                    && l.path("tls").asBoolean());
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void shouldAllowKafkasOAuthCodeToFetchOnlyTheRealmsUrls(Profile profile) {
        JsonNode props = kafka(profile).at("/jvmOptions/javaSystemProperties");
        List<String> allowed = new ArrayList<>();
        props.forEach(p -> {
            if (p.path("name").asText().equals("org.apache.kafka.sasl.oauthbearer.allowed.urls")) {
                allowed.addAll(List.of(p.path("value").asText().split(",")));
            }
        });
        String jwks = kafka(profile).at("/listeners/0/authentication/listenerConfig")
                .path("sasl.oauthbearer.jwks.endpoint.url").asText();

        assertThat(allowed).contains(jwks).allMatch(u -> u.contains("/realms/gsb/protocol/openid-connect/"));
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void shouldRunTheBrokerImageThatCarriesThePlugin(Profile profile) {
        assertThat(kafka(profile).path("version").asText()).isEqualTo("4.3.1");
        assertThat(kafka(profile).path("image").asText()).contains("gsb/kafka:").endsWith("-kafka-4.3.1");
    }

    @Test
    void shouldRunThreeBrokersAndThreeControllersInProduction() {
        List<JsonNode> pools = Chart.ofKind(Chart.documents(Profile.PRODUCTION), "KafkaNodePool");

        assertThat(pools).extracting(p -> p.at("/spec/roles/0").asText() + "=" + p.at("/spec/replicas").asInt())
                .containsExactlyInAnyOrder("controller=3", "broker=3");
        assertThat(pools).allMatch(p -> p.at("/metadata/labels/strimzi.io~1cluster").asText().equals("gsb-kafka"));
        JsonNode config = kafka(Profile.PRODUCTION).path("config");
        assertThat(config.path("default.replication.factor").asInt()).isEqualTo(3);
        assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(2);
    }

    @Test
    void shouldLimitTheListenersToTheBusPods() {
        JsonNode listeners = kafka(Profile.PRODUCTION).path("listeners");

        assertThat(listeners.get(0).at("/networkPolicyPeers/0/podSelector/matchLabels/gsb.example~1kafka-client")
                .asText()).isEqualTo("plain");
        assertThat(listeners.get(1).at("/networkPolicyPeers/0/podSelector/matchLabels/gsb.example~1kafka-client")
                .asText()).isEqualTo("tls");
    }
}

package gov.gsb.processors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import gov.gsb.processors.ProcessorSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {

    private static ProcessorSettings settings(Map<String, String> more) {
        Map<String, String> env = new HashMap<>(Map.of("GSB_BOOTSTRAP", "broker:9092", "GSB_REGISTRY_URL", "http://r",
                "GSB_CLICKHOUSE_URL", "http://ch:8123"));
        env.putAll(more);
        return ProcessorSettings.fromEnv(env);
    }

    @Test
    void shouldRunExactlyOnceWithTimeoutsThatOutlastAClickHouseOutage() {
        Properties p = KafkaSettings.streams(settings(Map.of()), new AtomicLong());

        assertThat(p).containsEntry("processing.guarantee", "exactly_once_v2")
                .containsEntry("application.id", "gsb-stream-processors")
                .containsEntry("bootstrap.servers", "broker:9092")
                .containsEntry("commit.interval.ms", 1000L)
                .containsEntry("producer.transaction.timeout.ms", 600_000)
                .containsEntry("main.consumer.max.poll.interval.ms", 600_000)
                .containsEntry("deserialization.exception.handler", DeadLetterHandler.class.getName())
                .containsEntry("gsb.dead.letter.topics",
                        "gsb.calls=gsb.dlq.stream-processors.calls,gsb.audit=gsb.dlq.stream-processors.audit")
                .doesNotContainKey("main.consumer.group.instance.id")
                .doesNotContainKey("security.protocol");
    }

    @Test
    void shouldUseStaticMembershipWhenTheInstanceHasAName() {
        Properties p = KafkaSettings.streams(settings(Map.of("GSB_PROCESSORS_INSTANCE_ID", "processors-0")), new AtomicLong());

        assertThat(p).containsEntry("main.consumer.group.instance.id", "processors-0");
    }

    @Test
    void shouldLogInAsTheServicesClientWithKafkasOwnLoginHandler() {
        String tokenUrl = "http://127.0.0.1:8080/realms/gsb/protocol/openid-connect/token";
        Map<String, Object> p = KafkaSettings.clients(settings(Map.of("GSB_TOKEN_URL", tokenUrl,
                "GSB_SERVICES_CLIENT_SECRET", "gsb-services-dev-secret")));

        assertThat(p).containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "OAUTHBEARER")
                .containsEntry("sasl.login.callback.handler.class",
                        "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler")
                .containsEntry("sasl.oauthbearer.token.endpoint.url", tokenUrl)
                .containsEntry("sasl.oauthbearer.client.credentials.client.id", "gsb-services");
        assertThat(p.get("sasl.oauthbearer.client.credentials.client.secret")).isInstanceOf(Password.class)
                .hasToString(Password.HIDDEN);
        assertThat(System.getProperty(KafkaSettings.ALLOWED_URLS_PROPERTY)).contains(tokenUrl);
    }
}

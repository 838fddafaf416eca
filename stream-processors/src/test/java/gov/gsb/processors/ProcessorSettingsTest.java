package gov.gsb.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessorSettingsTest {

    private static final Map<String, String> REQUIRED = Map.of("GSB_BOOTSTRAP", "127.0.0.1:9092",
            "GSB_REGISTRY_URL", "http://127.0.0.1:8081/apis/ccompat/v7", "GSB_CLICKHOUSE_URL", "http://127.0.0.1:8123/");

    private static ProcessorSettings with(String name, String value) {
        Map<String, String> env = new HashMap<>(REQUIRED);
        env.put(name, value);
        return ProcessorSettings.fromEnv(env);
    }

    @Test
    void shouldHaveDefaultsForAllButTheServersAddresses() {
        ProcessorSettings s = ProcessorSettings.fromEnv(REQUIRED);

        assertThat(s.clickhouseUrl()).isEqualTo("http://127.0.0.1:8123");
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:clickhouse://127.0.0.1:8123/default");
        assertThat(s.port()).isEqualTo(8098);
        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.servicesClientId()).isEqualTo("gsb-services");
        assertThat(s.tokenUrl()).isNull();
        assertThat(s.applicationId()).isEqualTo("gsb-stream-processors");
        assertThat(s.threads()).isEqualTo(1);
        assertThat(s.commitInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.batchRows()).isEqualTo(20_000);
        assertThat(s.grace()).isEqualTo(RollupTopology.DEFAULT_GRACE);
        assertThat(s.callsTopic()).isEqualTo(CallLogTopology.CALLS);
        assertThat(s.auditTopic()).isEqualTo(AuditTopology.AUDIT);
    }

    @Test
    void shouldNameAMissingVariable() {
        assertThatThrownBy(() -> ProcessorSettings.fromEnv(Map.of("GSB_BOOTSTRAP", "b:9092")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GSB_REGISTRY_URL is not set: run eval \"$(./gsb env)\" first, or set it yourself");
    }

    @Test
    void shouldNameAWrongValueAndSayWhatToGive() {
        assertThatThrownBy(() -> with("GSB_PROCESSORS_PORT", "eighty")).hasMessageContaining("GSB_PROCESSORS_PORT=eighty");
        assertThatThrownBy(() -> with("GSB_PROCESSORS_PORT", "70000")).hasMessageContaining("give 0 to 65535");
        assertThatThrownBy(() -> with("GSB_CLICKHOUSE_URL", "127.0.0.1:8123")).hasMessageContaining("GSB_CLICKHOUSE_URL");
        assertThatThrownBy(() -> with("GSB_CLICKHOUSE_DATABASE", "x; DROP")).hasMessageContaining("GSB_CLICKHOUSE_DATABASE");
        assertThatThrownBy(() -> with("GSB_PROCESSORS_BATCH_ROWS", "0")).hasMessageContaining("GSB_PROCESSORS_BATCH_ROWS");
        assertThatThrownBy(() -> with("GSB_ROLLUP_GRACE_SECONDS", "-1")).hasMessageContaining("GSB_ROLLUP_GRACE_SECONDS");
        assertThatThrownBy(() -> with("GSB_TOKEN_URL", "http://kc/token"))
                .hasMessageContaining("GSB_SERVICES_CLIENT_SECRET").hasMessageContaining("gsb-services");
    }

    @Test
    void shouldNeverShowASecret() {
        Map<String, String> env = new HashMap<>(REQUIRED);
        env.put("GSB_TOKEN_URL", "http://kc/token");
        env.put("GSB_SERVICES_CLIENT_SECRET", "s3cr3t");
        env.put("GSB_CLICKHOUSE_PASSWORD", "pa55");

        assertThat(ProcessorSettings.fromEnv(env).toString()).doesNotContain("s3cr3t").doesNotContain("pa55");
    }

    @Test
    void shouldTreatBlankAsUnset() {
        assertThat(with("GSB_PROCESSORS_PORT", "  ").port()).isEqualTo(8098);
    }

    @Test
    void shouldAskForTlsToAnHttpsClickHouse() {
        assertThat(with("GSB_CLICKHOUSE_URL", "https://ch.example:8443").jdbcUrl())
                .isEqualTo("jdbc:clickhouse://ch.example:8443/default?ssl=true");
    }
}

package gov.gsb.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class GsbClientConfigTest {

    private static Map<String, Object> minimal() {
        Map<String, Object> m = new HashMap<>();
        m.put(GsbClientConfig.BOOTSTRAP_SERVERS, "127.0.0.1:9092");
        m.put(GsbClientConfig.AGENCY, "tax");
        return m;
    }

    @Test
    void shouldDefaultToPlaintextWithoutATokenEndpointAndToOauthWithOne() {
        assertThat(new GsbClientConfig(minimal()).securityProtocol()).isEqualTo("PLAINTEXT");

        Map<String, Object> secured = minimal();
        secured.put(GsbClientConfig.TOKEN_URL, "http://127.0.0.1:8080/realms/gsb/protocol/openid-connect/token");
        secured.put(GsbClientConfig.CLIENT_ID, "tax");
        secured.put(GsbClientConfig.CLIENT_SECRET, "s");
        assertThat(new GsbClientConfig(secured).securityProtocol()).isEqualTo("SASL_PLAINTEXT");
    }

    @Test
    void shouldNameTheKeyOfAMissingOrWrongValue() {
        Map<String, Object> noAgency = minimal();
        noAgency.remove(GsbClientConfig.AGENCY);
        assertThatThrownBy(() -> new GsbClientConfig(noAgency))
                .isInstanceOf(ConfigException.class).hasMessageContaining("gsb.agency");

        Map<String, Object> badAgency = minimal();
        badAgency.put(GsbClientConfig.AGENCY, "Tax Office");
        assertThatThrownBy(() -> new GsbClientConfig(badAgency))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("gsb.agency").hasMessageContaining("lower-case letters");

        Map<String, Object> badBuffer = minimal();
        badBuffer.put(GsbClientConfig.CALLS_BUFFER_RECORDS, 0);
        assertThatThrownBy(() -> new GsbClientConfig(badBuffer))
                .isInstanceOf(ConfigException.class).hasMessageContaining("gsb.calls.buffer.records");
    }

    @Test
    void shouldRequireClientCredentialsWithATokenEndpoint() {
        Map<String, Object> m = minimal();
        m.put(GsbClientConfig.TOKEN_URL, "http://127.0.0.1:8080/token");
        assertThatThrownBy(() -> new GsbClientConfig(m))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("gsb.client.id and gsb.client.secret are required");
    }
}

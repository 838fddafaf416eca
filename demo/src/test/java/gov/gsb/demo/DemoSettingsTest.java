package gov.gsb.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoSettingsTest {

    private static final Map<String, String> BUS = Map.of("GSB_BOOTSTRAP", "127.0.0.1:9092",
            "GSB_REGISTRY_URL", "http://127.0.0.1:8081/apis/ccompat/v7");

    @Test
    void shouldTakeTheBusFromGsbEnvAndDefaultTheRest() {
        DemoSettings s = DemoSettings.fromEnv(BUS);

        assertThat(s.bootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(s.registryUrl()).isEqualTo("http://127.0.0.1:8081/apis/ccompat/v7");
        assertThat(s.tokenUrl()).isNull();
        assertThat(s.credentials()).isEmpty();
        assertThat(s.rate()).isEqualTo(5);
        assertThat(s.port()).isEqualTo(8099);
        assertThat(s.seed()).isPositive();
    }

    @Test
    void shouldPickAFreshSeedPerRunUnlessOneIsGiven() {
        Map<String, String> env = new HashMap<>(BUS);
        java.util.Set<Long> seeds = new java.util.HashSet<>();
        for (int i = 0; i < 5; i++) {
            seeds.add(DemoSettings.fromEnv(env).seed());
        }
        assertThat(seeds).hasSizeGreaterThan(1);

        env.put("GSB_DEMO_SEED", "31");
        assertThat(DemoSettings.fromEnv(env).seed()).isEqualTo(31);
    }

    @Test
    void shouldGiveEachAgencyItsOwnCredentialsWhenTheBusHasATokenUrl() {
        Map<String, String> env = new HashMap<>(BUS);
        env.put("GSB_TOKEN_URL", "http://127.0.0.1:8080/realms/gsb/protocol/openid-connect/token");
        for (String agency : DemoServices.AGENCIES) {
            env.put(DemoSettings.variablePrefix(agency) + "_CLIENT_ID", agency);
            env.put(DemoSettings.variablePrefix(agency) + "_CLIENT_SECRET", agency + "-dev-secret");
        }

        DemoSettings s = DemoSettings.fromEnv(env);

        assertThat(DemoSettings.variablePrefix("single-window")).isEqualTo("GSB_SINGLE_WINDOW");
        assertThat(s.credentialsOf("civil-registry")).hasValue(
                new DemoSettings.Credentials("civil-registry", "civil-registry-dev-secret"));
        assertThat(s.credentials()).hasSize(4);
        assertThat(s.toString()).doesNotContain("dev-secret");
    }

    @Test
    void shouldNameTheMissingVariable() {
        Map<String, String> env = new HashMap<>(BUS);
        env.put("GSB_TOKEN_URL", "http://127.0.0.1:8080/token");

        assertThatThrownBy(() -> DemoSettings.fromEnv(env))
                .hasMessage("GSB_CIVIL_REGISTRY_CLIENT_ID is not set: run eval \"$(./gsb env)\" first, or set it yourself");
        assertThatThrownBy(() -> DemoSettings.fromEnv(Map.of()))
                .hasMessageStartingWith("GSB_BOOTSTRAP is not set");
    }

    @Test
    void shouldRefuseARateOrPortThatMakesNoSense() {
        Map<String, String> env = new HashMap<>(BUS);
        env.put("GSB_DEMO_RATE", "fast");
        assertThatThrownBy(() -> DemoSettings.fromEnv(env)).hasMessage("GSB_DEMO_RATE=fast is not a number: unset it for the default, 5");
        env.put("GSB_DEMO_RATE", "0");
        assertThatThrownBy(() -> DemoSettings.fromEnv(env)).hasMessageStartingWith("GSB_DEMO_RATE=0.0 is out of range");
        env.put("GSB_DEMO_RATE", "2.5");
        env.put("GSB_DEMO_PORT", "70000");
        assertThatThrownBy(() -> DemoSettings.fromEnv(env)).hasMessageStartingWith("GSB_DEMO_PORT=70000 is not a port");
    }
}

package gov.gsb.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class GsbBrokerConfigTest {

    static final Path README = Path.of("README.md");
    static final String START = "<!-- config-table: generated from GsbBrokerConfig.configDef() by GsbBrokerConfigTest -->\n";
    static final String END = "<!-- /config-table -->";

    @Test
    void shouldDefaultToTheClaimsOfTheGsbRealm() {
        GsbBrokerConfig config = new GsbBrokerConfig(Map.of("unrelated.broker.key", 1));

        assertThat(config.userClaim()).isEqualTo("preferred_username");
        assertThat(config.groupsClaim()).isEqualTo("groups");
        assertThat(config.rolesClaim()).isEqualTo("realm_access.roles");
        assertThat(config.denialLogInterval()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void shouldRefuseANegativeIntervalNamingTheKey() {
        assertThatThrownBy(() -> new GsbBrokerConfig(Map.of(GsbBrokerConfig.DENIAL_LOG_INTERVAL_MS_CONFIG, "-1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(GsbBrokerConfig.DENIAL_LOG_INTERVAL_MS_CONFIG);
    }

    @Test
    void shouldPrefixEveryKeyWithGsb() {
        assertThat(GsbBrokerConfig.configDef().names()).allMatch(k -> k.startsWith("gsb."));
    }

    /**
     * The README's table is this test's output. When a key changes, run
     * {@code mvn -pl broker-plugin test -Dtest=GsbBrokerConfigTest -Dgsb.readme.update=true} and commit the README.
     */
    @Test
    void shouldDocumentEveryKeyInTheReadme() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int from = readme.indexOf(START);
        int to = readme.indexOf(END);
        assertThat(from).as("README.md has the config table markers").isNotNegative();
        assertThat(to).isGreaterThan(from);
        String expected = markdownTable(GsbBrokerConfig.configDef());
        if (Boolean.getBoolean("gsb.readme.update")) {
            Files.writeString(README, readme.substring(0, from + START.length()) + expected + readme.substring(to));
            return;
        }
        assertThat(readme.substring(from + START.length(), to))
                .as("README.md's config table; regenerate it with -Dgsb.readme.update=true")
                .isEqualTo(expected);
    }

    static String markdownTable(ConfigDef def) {
        StringBuilder table = new StringBuilder("| key | type | default | valid values | importance | description |\n")
                .append("|---|---|---|---|---|---|\n");
        for (ConfigDef.ConfigKey key : def.configKeys().values()) {
            table.append("| `").append(key.name).append("` | ").append(key.type.name().toLowerCase())
                    .append(" | `").append(ConfigDef.convertToString(key.defaultValue, key.type)).append("` | ")
                    .append(key.validator == null ? "" : key.validator.toString()).append(" | ")
                    .append(key.importance.name().toLowerCase()).append(" | ")
                    .append(key.documentation.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")).append(" |\n");
        }
        return table.toString();
    }
}

package gov.gsb.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

/** The README's table of the serde's keys is generated from {@link GsbAvroSerdeConfig}: this keeps them the same. */
class SerdeConfigReadmeTest {

    @Test
    void shouldListEverySerdeKeyInTheReadmeAsTheConfigDeclaresIt() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String table = table(GsbAvroSerdeConfig.configDef());

        assertThat(readme).as("paste this table into sdk-core/README.md:%n%s", table).contains(table);
    }

    static String table(ConfigDef definition) {
        return "| key | type | default | valid values | importance | what it does |\n"
                + "|---|---|---|---|---|---|\n"
                + definition.configKeys().values().stream().map(k -> "| `%s` | %s | %s | %s | %s | %s |".formatted(
                        k.name, k.type.name().toLowerCase(), k.defaultValue == null ? "(none)" : "`" + k.defaultValue + "`",
                        k.validator == null ? "" : k.validator.toString(), k.importance.name().toLowerCase(),
                        k.documentation.replace("|", "\\|"))).collect(Collectors.joining("\n")) + "\n";
    }
}

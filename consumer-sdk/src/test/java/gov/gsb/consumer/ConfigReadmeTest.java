package gov.gsb.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import gov.gsb.sdk.internal.ConfigDocs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's settings table is generated from {@link GsbSubscriberConfig}. Run with
 * {@code -Dgsb.readme.update=true} to rewrite it after changing a key.
 */
class ConfigReadmeTest {

    @Test
    void shouldDocumentEverySettingAsTheConfigDeclaresIt() throws IOException {
        Path readme = Path.of("README.md");
        String current = Files.readString(readme);
        String generated = ConfigDocs.withTable(current, GsbSubscriberConfig.configDef());
        if (Boolean.getBoolean("gsb.readme.update")) {
            Files.writeString(readme, generated);
        }
        assertThat(current).as("run with -Dgsb.readme.update=true to regenerate the table").isEqualTo(generated);
    }
}

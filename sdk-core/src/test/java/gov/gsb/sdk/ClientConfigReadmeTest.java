package gov.gsb.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import gov.gsb.sdk.internal.ConfigDocs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's table of the shared settings is generated from {@link GsbClientConfig}. Run with
 * {@code -Dgsb.readme.update=true} to rewrite it after changing a key.
 */
class ClientConfigReadmeTest {

    @Test
    void shouldDocumentEverySharedSettingAsTheConfigDeclaresIt() throws IOException {
        Path readme = Path.of("README.md");
        String current = Files.readString(readme);
        String generated = ConfigDocs.withTable(current, GsbClientConfig.baseConfigDef());
        if (Boolean.getBoolean("gsb.readme.update")) {
            Files.writeString(readme, generated);
        }
        assertThat(current).as("run with -Dgsb.readme.update=true to regenerate the table").isEqualTo(generated);
    }
}

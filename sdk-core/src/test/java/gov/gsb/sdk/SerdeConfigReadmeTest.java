package gov.gsb.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's table of the serde's keys is generated from {@link GsbAvroSerdeConfig}: this keeps them the same. */
class SerdeConfigReadmeTest {

    @Test
    void shouldListEverySerdeKeyInTheReadmeAsTheConfigDeclaresIt() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String table = gov.gsb.sdk.internal.ConfigDocs.markdownTable(GsbAvroSerdeConfig.configDef());

        assertThat(readme).as("paste this table into sdk-core/README.md:%n%s", table).contains(table);
    }

}

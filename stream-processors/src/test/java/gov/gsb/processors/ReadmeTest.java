package gov.gsb.processors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's settings table lists exactly the variables {@link ProcessorSettings} reads, in its order. */
class ReadmeTest {

    @Test
    void shouldListEverySettingInTheReadme() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("## Settings"), readme.indexOf("## Exactly once"));
        List<String> listed = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\| `(GSB_[A-Z0-9_]+)` \\|").matcher(table);
        while (m.find()) {
            listed.add(m.group(1));
        }

        assertThat(listed).containsExactlyElementsOf(ProcessorSettings.VARIABLES);
    }
}

package gov.gsb.processors;

import static org.assertj.core.api.Assertions.assertThat;

import gov.gsb.processors.composite.OrchestratorSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's settings tables list exactly the variables {@link ProcessorSettings} and {@link OrchestratorSettings}
 * read, in their order.
 */
class ReadmeTest {

    @Test
    void shouldListEverySettingInTheReadme() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("## Settings"), readme.indexOf("## Exactly once"));

        assertThat(variables(table)).containsExactlyElementsOf(ProcessorSettings.VARIABLES);
    }

    @Test
    void shouldListEveryOrchestratorSettingInTheReadme() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## Composite services"));
        String table = section.substring(section.indexOf("| variable |"), section.indexOf("| test |"));

        assertThat(variables(table)).containsExactlyElementsOf(
                OrchestratorSettings.VARIABLES.stream().map(OrchestratorSettings.Variable::name).toList());
    }

    private static List<String> variables(String table) {
        List<String> listed = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\| `(GSB_[A-Z0-9_]+)` \\|").matcher(table);
        while (m.find()) {
            listed.add(m.group(1));
        }
        return listed;
    }
}

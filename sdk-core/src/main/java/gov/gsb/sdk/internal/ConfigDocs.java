package gov.gsb.sdk.internal;

import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;

/** The Markdown table of a component's settings, generated from its {@link ConfigDef} for its README. */
public final class ConfigDocs {

    private ConfigDocs() {
    }

    /** Marks where a README's generated settings table starts. */
    public static final String START = "<!-- settings table: generated from the config class, do not edit -->";
    /** Marks where it ends. */
    public static final String END = "<!-- end of settings table -->";

    /**
     * @param readme a README holding the two markers
     * @param definition the settings
     * @return the README with the table between the markers replaced by the one generated now
     * @throws IllegalArgumentException if the markers are missing
     */
    public static String withTable(String readme, ConfigDef definition) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("the README has no " + START + " ... " + END + " markers");
        }
        return readme.substring(0, start + START.length()) + "\n" + markdownTable(definition) + readme.substring(end);
    }

    /** @return a table of key, type, default, valid values, importance and doc, in declaration order */
    public static String markdownTable(ConfigDef definition) {
        return "| key | type | default | valid values | importance | what it does |\n"
                + "|---|---|---|---|---|---|\n"
                + definition.configKeys().values().stream().map(k -> "| `%s` | %s | %s | %s | %s | %s |".formatted(
                        k.name, k.type.name().toLowerCase(), k.defaultValue == ConfigDef.NO_DEFAULT_VALUE ? "(required)"
                                : k.defaultValue == null ? "(none)"
                                : k.type == ConfigDef.Type.PASSWORD ? "(hidden)" : "`" + k.defaultValue + "`",
                        k.validator == null ? "" : k.validator.toString(), k.importance.name().toLowerCase(),
                        k.documentation.replace("|", "\\|"))).collect(Collectors.joining("\n")) + "\n";
    }
}

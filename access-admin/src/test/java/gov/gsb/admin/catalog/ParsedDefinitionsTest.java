package gov.gsb.admin.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import gov.gsb.composites.CompositeDefinition;
import gov.gsb.composites.CompositeDefinitions;
import gov.gsb.composites.DefinitionTopic;
import gov.gsb.composites.Examples;
import gov.gsb.composites.Format;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parsed definitions access-admin keeps: each text parsed once, and only while the store holds it. */
class ParsedDefinitionsTest {

    private final ParsedDefinitions parsed = new ParsedDefinitions();

    @Test
    void shouldReadEveryStoredTextIntoItsDefinitionAndSkipWhatIsNotOne() {
        List<CompositeDefinition> read = parsed.readAll(List.of(text(1), "{\"not\": \"a definition\"}", text(2)));

        assertThat(read).extracting(CompositeDefinition::version).containsExactly(1, 2);
        assertThat(read).extracting(CompositeDefinition::service).containsOnly("orchestrator.move-house");
    }

    @Test
    void shouldParseEachTextOnceWhileTheStoreHoldsIt() {
        List<String> texts = List.of(text(1), text(2));
        CompositeDefinition first = parsed.readAll(texts).get(0);

        assertThat(parsed.readAll(texts).get(0)).as("the cached definition, not a new parse").isSameAs(first);
    }

    @Test
    void shouldForgetTextsRemovedFromTheStore() {
        List<String> texts = new ArrayList<>();
        for (int version = 1; version <= 50; version++) {
            texts.add(text(version));
        }
        parsed.readAll(texts);
        assertThat(parsed.size()).isEqualTo(50);

        List<CompositeDefinition> left = parsed.readAll(texts.subList(48, 50)); // versions 49 and 50 left

        assertThat(left).extracting(CompositeDefinition::version).containsExactly(49, 50);
        assertThat(parsed.size()).isEqualTo(2);
        assertThat(parsed.readAll(List.of())).isEmpty();
        assertThat(parsed.size()).isZero();
    }

    private static String text(int version) {
        CompositeDefinition d = CompositeDefinitions.parseStructure(Examples.yaml(Examples.MOVE_HOUSE), Format.YAML)
                .orThrow().withVersion(version);
        return new String(DefinitionTopic.value(d), StandardCharsets.UTF_8);
    }
}

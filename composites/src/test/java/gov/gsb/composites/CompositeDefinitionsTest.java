package gov.gsb.composites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompositeDefinitionsTest {

    static final Map<String, ComponentKind> SERVICES = Map.of(
            "civil-registry.address-change", ComponentKind.REQUEST_REPLY,
            "civil-registry.address-changed", ComponentKind.EVENT,
            "tax.tax-address", ComponentKind.REQUEST_REPLY,
            "utilities.supply-transfer", ComponentKind.REQUEST_REPLY,
            "orchestrator.other-composite", ComponentKind.COMPOSITE);
    static final ServiceCatalog CATALOG = name -> Optional.ofNullable(SERVICES.get(name));

    @Test
    void shouldReadTheMoveHouseExampleWithoutProblems() {
        CompositeDefinitions.Parsed parsed = CompositeDefinitions.parse(Examples.yaml(Examples.MOVE_HOUSE), Format.YAML,
                CATALOG);

        assertThat(parsed.problems()).isEmpty();
        CompositeDefinition d = parsed.orThrow();
        assertThat(d.service()).isEqualTo("orchestrator.move-house");
        assertThat(d.steps()).extracting(Step::name)
                .containsExactly("register-address", "update-tax-address", "transfer-supply");
        Step transfer = d.step("transfer-supply").orElseThrow();
        assertThat(transfer.after()).containsExactly("register-address");
        assertThat(transfer.when().test()).isEqualTo(Condition.Test.EXISTS);
        assertThat(transfer.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(transfer.compensation().method()).isEqualTo("cancel");
    }

    @Test
    void shouldReadTheSameDefinitionFromJsonAndRoundTripIt() {
        CompositeDefinition fromYaml = CompositeDefinitions.parse(Examples.yaml(Examples.MOVE_HOUSE), Format.YAML,
                CATALOG).orThrow().withVersion(3);

        String json = CompositeDefinitions.toJson(fromYaml);
        CompositeDefinition fromJson = CompositeDefinitions.parse(json, Format.JSON, CATALOG).orThrow();

        assertThat(fromJson).isEqualTo(fromYaml);
        assertThat(fromJson.version()).isEqualTo(3);
    }

    @Test
    void shouldReportSyntaxErrorsWithTheirPlace() {
        CompositeDefinitions.Parsed parsed = CompositeDefinitions.parse("{\"service\": ", Format.JSON, CATALOG);

        assertThat(parsed.definition()).isEmpty();
        assertThat(parsed.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("not valid JSON"));
    }

    @Test
    void shouldReportSchemaViolationsByField() {
        String text = """
                service: Not A Service
                steps:
                  - name: a
                    service: tax.tax-address
                    timeoutMs: 5
                  - name: b
                    timeoutMs: 1000
                    colour: blue
                """;

        CompositeDefinitions.Parsed parsed = CompositeDefinitions.parse(text, Format.YAML, CATALOG);

        assertThat(parsed.definition()).isEmpty();
        assertThat(parsed.problems()).extracting(Problem::field)
                .contains("service", "steps[0].timeoutMs", "steps[1].service", "steps[1]");
        assertThat(parsed.problems().toString()).contains("colour");
        assertThatThrownBy(parsed::orThrow).isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("steps[0].timeoutMs");
    }

    @Test
    void shouldRefuseAnEmptyListOfSteps() {
        CompositeDefinitions.Parsed parsed = CompositeDefinitions.parse("{\"service\":\"a.b\",\"steps\":[]}",
                Format.JSON, CATALOG);

        assertThat(parsed.problems()).extracting(Problem::field).containsExactly("steps");
    }

    @Test
    void shouldStoreAndReadADefinitionOnTheTopic() {
        CompositeDefinition d = CompositeDefinitions.parse(Examples.yaml(Examples.MOVE_HOUSE), Format.YAML, CATALOG)
                .orThrow().withVersion(2);

        assertThat(new String(DefinitionTopic.key(d))).isEqualTo("orchestrator.move-house@2");
        assertThat(DefinitionTopic.read(DefinitionTopic.value(d))).isEqualTo(d);
        assertThatThrownBy(() -> DefinitionTopic.value(d.withVersion(0))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldPublishItsSchema() {
        assertThat(CompositeDefinitions.schema()).contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"");
    }
}

package gov.gsb.sdk.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.gsb.bus.CallRecord;
import gov.gsb.sdk.SchemaIncompatibleException;
import gov.gsb.sdk.SchemaNotRegisteredException;
import gov.gsb.sdk.SchemaRegistry;
import gov.gsb.sdk.TestSchemas;
import gov.gsb.sample.civilregistry.AddressChanged;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryTest {

    private static final Schema V1 = AddressChanged.getClassSchema();
    private static final String SUBJECT = "gsb.civilregistry.address-changed-value";

    private final InMemorySchemaRegistry registry = (InMemorySchemaRegistry) SchemaRegistry.inMemory();

    @Test
    void shouldGiveIdsFromOneAndTheSameIdToTheSameSchema() {
        int first = registry.register(SUBJECT, V1);
        int again = registry.register(SUBJECT, V1);
        int calls = registry.register("gsb.calls-value", CallRecord.getClassSchema());

        assertThat(first).isEqualTo(1).isEqualTo(again);
        assertThat(calls).isEqualTo(2);
        assertThat(registry.versionIds(SUBJECT)).containsExactly(1);
    }

    @Test
    void shouldShareAnIdBetweenSubjectsHoldingTheSameSchema() {
        assertThat(registry.register("a-value", V1)).isEqualTo(registry.register("b-value", V1));
    }

    @Test
    void shouldTakeAClassSchemaAndItsAvscTextForTheSameSchema() {
        int fromClass = registry.register(SUBJECT, V1);

        assertThat(registry.idOf(SUBJECT, SchemaText.normalised(V1))).isEqualTo(fromClass);
        assertThat(registry.schemaById(fromClass).toString()).doesNotContain(SchemaText.JAVA_STRING);
    }

    @Test
    void shouldAcceptABackwardCompatibleVersion() {
        int v1 = registry.register(SUBJECT, V1);
        Schema v2 = TestSchemas.withOptionalField(V1, "district");

        int id = registry.register(SUBJECT, v2);

        assertThat(id).isNotEqualTo(v1);
        assertThat(registry.versionIds(SUBJECT)).containsExactly(v1, id);
        assertThat(registry.latest(SUBJECT)).contains(registry.schemaById(id));
        assertThat(registry.schemaById(v1)).isEqualTo(SchemaText.normalised(V1));
    }

    @Test
    void shouldRefuseAnIncompatibleVersionNamingTheField() {
        registry.register(SUBJECT, V1);

        assertThatThrownBy(() -> registry.register(SUBJECT, TestSchemas.withRequiredField(V1, "district")))
                .isInstanceOfSatisfying(SchemaIncompatibleException.class, e -> {
                    assertThat(e.subject()).isEqualTo(SUBJECT);
                    assertThat(e.problems()).singleElement().asString()
                            .contains("'district'", "READER_FIELD_MISSING_DEFAULT_VALUE");
                });
        assertThat(registry.versionIds(SUBJECT)).hasSize(1);
    }

    @Test
    void shouldLookUpWithoutRegistering() {
        assertThatThrownBy(() -> registry.idOf(SUBJECT, V1)).isInstanceOf(SchemaNotRegisteredException.class)
                .hasMessageContaining(SUBJECT).hasMessageContaining("gov.gsb.sample.civilregistry.AddressChanged");
        assertThat(registry.latest(SUBJECT)).isEmpty();

        int id = registry.register(SUBJECT, V1);

        assertThat(registry.idOf(SUBJECT, V1)).isEqualTo(id);
    }

    @Test
    void shouldRefuseAnUnknownId() {
        assertThatThrownBy(() -> registry.schemaById(99)).isInstanceOf(SchemaNotRegisteredException.class)
                .hasMessageContaining("id 99");
    }

    @Test
    void shouldStayConsistentUnderConcurrentRegistrations() {
        Set<Integer> ids = ConcurrentHashMap.newKeySet();
        List<Schema> schemas = IntStream.range(0, 20)
                .mapToObj(i -> TestSchemas.withOptionalField(V1, "extra" + i)).toList();

        IntStream.range(0, 400).parallel().forEach(i -> ids.add(registry.register("s" + (i % 20) + "-value",
                schemas.get(i % 20))));

        assertThat(ids).hasSize(20);
        IntStream.range(0, 20).forEach(i -> assertThat(registry.versionIds("s" + i + "-value")).hasSize(1));
    }
}

package gov.gsb.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import gov.gsb.bus.CallRecord;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class ContractsTest {

    private static final AvscTree SOURCES = AvscTree.load(AvscTree.SOURCES);

    @Test
    void shouldListEachContractOnceWithItsGeneratedClass() {
        assertThat(Contracts.all()).extracting(Contracts.Contract::fullName).doesNotHaveDuplicates().hasSize(18);
        assertThat(Contracts.all()).allSatisfy(c -> assertThat(c.type().getName()).isEqualTo(c.fullName()));
    }

    @Test
    void shouldFindAContractByItsFullName() {
        assertThat(Contracts.find("gov.gsb.bus.CallRecord")).get()
                .returns(CallRecord.class, Contracts.Contract::type)
                .returns(CallRecord.getClassSchema(), Contracts.Contract::schema);
        assertThat(Contracts.find("gov.gsb.bus.Nothing")).isEmpty();
    }

    @Test
    void shouldListEveryContractInTheSources() {
        // Every source file defines a contract or a type contracts share; none is forgotten in Contracts.
        Set<String> inContracts = SchemaWalk.namedTypesOfAllContracts().stream()
                .map(Schema::getFullName).collect(Collectors.toSet());

        assertThat(SOURCES.files().values()).allSatisfy(name -> assertThat(inContracts).contains(name));
        assertThat(SOURCES.files().values()).containsAll(Contracts.all().stream()
                .map(Contracts.Contract::fullName).toList());
    }

    @Test
    void shouldMatchTheSchemasInTheSources() {
        // The generated classes must be built from these files. They are not after an incremental build that
        // changed only a shared (imported) type: the Avro plugin then regenerates that type but not the contracts
        // that embed it. The classes' schemas also carry the plugin's "avro.java.string" hints, which files lack.
        assertThat(Contracts.all())
                .filteredOn(c -> !withoutJavaHints(c.schema()).equals(SOURCES.types().get(c.fullName())))
                .extracting(Contracts.Contract::fullName)
                .as("generated classes that differ from their .avsc files: run mvn clean verify")
                .isEmpty();
    }

    @Test
    void shouldNameEveryFileAfterTheTypeItDefines() {
        assertThat(SOURCES.files()).allSatisfy((path, name) -> assertThat(path).isEqualTo(AvscTree.expectedPath(name)));
        assertThat(AvscTree.loadReleased().files())
                .allSatisfy((path, name) -> assertThat(path).isEqualTo(AvscTree.expectedPath(name)));
    }

    private static Schema withoutJavaHints(Schema schema) {
        return new Schema.Parser().parse(schema.toString().replace(",\"avro.java.string\":\"String\"", ""));
    }
}

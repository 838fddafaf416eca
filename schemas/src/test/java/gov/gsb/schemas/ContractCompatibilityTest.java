package gov.gsb.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compatibility guard over the real contracts: each must read data written with its released version, the copy
 * kept under src/test/resources/released (README, "Evolving a contract").
 */
class ContractCompatibilityTest {

    private static final AvscTree RELEASED = AvscTree.loadReleased();

    static Stream<String> contracts() {
        return Contracts.all().stream().map(Contracts.Contract::fullName);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void shouldReadDataWrittenWithItsReleasedVersion(String fullName) {
        Schema current = Contracts.find(fullName).orElseThrow().schema();
        Schema released = RELEASED.types().get(fullName);
        if (released == null || !RELEASED.files().containsValue(fullName)) {
            fail("%s has no released version. Release it: cp src/main/avro/%s src/test/resources/released/%s"
                    .formatted(fullName, AvscTree.expectedPath(fullName), AvscTree.expectedPath(fullName)));
        }

        List<String> problems = Compatibility.problems(current, released);

        if (!problems.isEmpty()) {
            fail(("%s cannot read data written with its released version:%n  %s%nMake the change BACKWARD "
                    + "compatible (schemas/README.md, Evolving a contract) or offer it as a new service.")
                    .formatted(fullName, String.join(System.lineSeparator() + "  ", problems)));
        }
    }

    @Test
    void shouldStillOfferEveryReleasedType() {
        // A released file may hold a contract or a type contracts share (Address); anything else was taken away
        // from consumers that still read it.
        Set<String> inUse = SchemaWalk.namedTypesOfAllContracts().stream()
                .map(Schema::getFullName).collect(Collectors.toSet());

        assertThat(RELEASED.files().values())
                .as("released types that no current contract offers any more")
                .allSatisfy(name -> assertThat(inUse).contains(name));
    }
}

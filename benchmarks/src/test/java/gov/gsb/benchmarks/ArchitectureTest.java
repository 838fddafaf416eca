package gov.gsb.benchmarks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Public API at a package's root, machinery in its {@code .internal}: no module reaches into
 * another's internals. The one family exception: the producer and consumer SDKs are built on
 * sdk-core's internals (they ship and version together). This module depends on every library
 * module, so it sees all their classes.
 */
class ArchitectureTest {

    private static final JavaClasses GSB = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("gov.gsb");

    @Test
    void shouldSeeTheClassesOfEveryLibraryModule() {
        org.assertj.core.api.Assertions.assertThat(List.of("gov.gsb.producer.GsbPublisher", "gov.gsb.consumer.GsbSubscriber",
                "gov.gsb.sdk.internal.CallRecorder", "gov.gsb.broker.GsbAuthorizer", "gov.gsb.devstack.Stack",
                "gov.gsb.schemas.Contracts")).allMatch(GSB::contain);
    }

    @Test
    void shouldKeepEveryModuleOutOfAnotherModulesInternals() {
        for (String module : List.of("producer", "consumer", "broker", "devstack", "schemas", "benchmarks")) {
            noClasses().that().resideOutsideOfPackage("gov.gsb." + module + "..")
                    .should().dependOnClassesThat().resideInAPackage("gov.gsb." + module + ".internal..")
                    .because("gov.gsb." + module + ".internal is that module's machinery, not its API")
                    .check(GSB);
        }
    }

    @Test
    void shouldLetOnlyTheSdkFamilyUseSdkCoreInternals() {
        noClasses().that().resideOutsideOfPackages("gov.gsb.sdk..", "gov.gsb.producer..", "gov.gsb.consumer..")
                .should().dependOnClassesThat().resideInAPackage("gov.gsb.sdk.internal..")
                .because("applications use the SDKs' public types only")
                .check(GSB);
    }
}

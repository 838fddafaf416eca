package gov.gsb.processors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The processors use the SDKs' public API only, and Kafka Streams' internals in one known place. */
class ArchitectureTest {

    private static final JavaClasses PROCESSORS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(Path.of("target", "classes"));

    @Test
    void shouldNotReachIntoTheSdksInternals() {
        noClasses().should().dependOnClassesThat().resideInAPackage("gov.gsb.sdk.internal..")
                .because("gov.gsb.sdk.internal is the SDKs' machinery; the processors copy the few lines they need")
                .check(PROCESSORS);
    }

    @Test
    void shouldUseKafkaStreamsInternalsOnlyForThePreCommitHook() {
        noClasses().that().haveNameNotMatching(".*\\.internal\\.(PendingRows|RollupCombiner)(\\$.*)?")
                .should().dependOnClassesThat().resideInAPackage("org.apache.kafka.streams..internals..")
                .because("only PendingRows and RollupCombiner rely on internals of Kafka Streams (the pre-commit "
                        + "hook CachedStateStore, and forwarding from it), and their tests pin that down")
                .check(PROCESSORS);
    }
}

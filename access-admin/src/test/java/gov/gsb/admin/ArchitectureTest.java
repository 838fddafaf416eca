package gov.gsb.admin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** access-admin uses the SDK's and the other modules' public types only, never their {@code .internal}. */
class ArchitectureTest {

    private static final JavaClasses ADMIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("gov.gsb.admin");

    @Test
    void shouldStayOutOfOtherModulesInternals() {
        noClasses().that().resideInAPackage("gov.gsb.admin..")
                .should().dependOnClassesThat().resideInAnyPackage("gov.gsb.sdk.internal..", "gov.gsb.producer.internal..",
                        "gov.gsb.consumer.internal..", "gov.gsb.broker..", "gov.gsb.devstack..")
                .because("other modules' machinery is not API, and the broker's and devstack's classes are not ours to run")
                .check(ADMIN);
    }
}

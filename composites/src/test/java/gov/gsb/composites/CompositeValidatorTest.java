package gov.gsb.composites;

import static gov.gsb.composites.CompositeDefinitionsTest.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompositeValidatorTest {

    private static List<Problem> problems(String yaml) {
        return CompositeDefinitions.parse(yaml, Format.YAML, CATALOG).problems();
    }

    @Test
    void shouldRefuseAnUnknownServiceNamingIt() {
        assertThat(problems("""
                service: orchestrator.x
                steps:
                  - {name: a, service: tax.tax-address, timeoutMs: 1000}
                  - {name: b, service: tax.nothing-here, timeoutMs: 1000}
                """)).containsExactly(new Problem("steps[1].service",
                "unknown service tax.nothing-here: not in the catalog (or retired); register it first"));
    }

    @Test
    void shouldRefuseACycleNamingItsSteps() {
        List<Problem> problems = problems("""
                service: orchestrator.x
                steps:
                  - {name: a, service: tax.tax-address, timeoutMs: 1000, after: [c]}
                  - {name: b, service: tax.tax-address, timeoutMs: 1000, after: [a]}
                  - {name: c, service: tax.tax-address, timeoutMs: 1000, after: [b]}
                """);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("steps");
            assertThat(p.message()).startsWith("the steps a -> c -> b -> a form a cycle");
        });
    }

    @Test
    void shouldRefuseAStepAfterItselfAndAfterAnUnknownStep() {
        assertThat(problems("""
                service: orchestrator.x
                steps:
                  - {name: a, service: tax.tax-address, timeoutMs: 1000, after: [a, zz]}
                """)).extracting(Problem::message)
                .contains("step a cannot come after itself", "unknown step zz: no step of that name");
    }

    @Test
    void shouldRefuseACompensationThatIsNotRequestReply() {
        assertThat(problems("""
                service: orchestrator.x
                steps:
                  - name: a
                    service: tax.tax-address
                    timeoutMs: 1000
                    compensation: {service: civil-registry.address-changed}
                  - name: b
                    service: tax.tax-address
                    timeoutMs: 1000
                    compensation: {service: orchestrator.other-composite}
                """)).extracting(Problem::field, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("steps[0].compensation.service", "service civil-registry.address-changed "
                        + "is an EVENT service: a compensation must call a REQUEST_REPLY service, which answers"),
                org.assertj.core.groups.Tuple.tuple("steps[1].compensation.service", "service orchestrator.other-composite "
                        + "is COMPOSITE: a compensation must call a REQUEST_REPLY service"));
    }

    @Test
    void shouldRefuseAnEventServiceAsAStepAndTheCompositeItself() {
        assertThat(problems("""
                service: orchestrator.x
                steps:
                  - {name: a, service: civil-registry.address-changed, timeoutMs: 1000}
                  - {name: b, service: orchestrator.x, timeoutMs: 1000}
                """)).extracting(Problem::field).containsExactly("steps[0].service", "steps[1].service");
    }

    @Test
    void shouldRefuseABadTimeout() {
        assertThat(problems("""
                service: orchestrator.x
                steps:
                  - {name: a, service: tax.tax-address, timeoutMs: 0}
                  - {name: b, service: tax.tax-address, timeoutMs: 99999999}
                  - {name: c, service: tax.tax-address, timeoutMs: "soon"}
                """)).extracting(Problem::field)
                .contains("steps[0].timeoutMs", "steps[1].timeoutMs", "steps[2].timeoutMs");
    }

    @Test
    void shouldRefuseReadingTheReplyOfAStepThatDoesNotRunBefore() {
        assertThat(problems("""
                service: orchestrator.x
                steps:
                  - name: a
                    service: tax.tax-address
                    timeoutMs: 1000
                    input: {x: $.steps.b.reply.taxOffice}
                  - name: b
                    service: tax.tax-address
                    timeoutMs: 1000
                    when: {path: $.steps.nope.reply.x, exists: true}
                """)).extracting(Problem::message).containsExactly(
                "path $.steps.b.reply.taxOffice reads the reply of step b, which does not run before step a: add it to after",
                "path $.steps.nope.reply.x reads unknown step nope");
    }

    @Test
    void shouldLetACompensationReadItsOwnStepsReply() {
        assertThat(problems("""
                service: orchestrator.x
                steps:
                  - name: a
                    service: tax.tax-address
                    timeoutMs: 1000
                    compensation: {service: tax.tax-address, input: {office: $.steps.a.reply.taxOffice}}
                """)).isEmpty();
    }

    @Test
    void shouldReportEveryProblemNotOnlyTheFirst() {
        assertThat(problems("""
                service: orchestrator.x
                steps:
                  - {name: a, service: tax.unknown-one, timeoutMs: 1000}
                  - {name: a, service: tax.unknown-two, timeoutMs: 1000}
                """)).hasSize(3);
    }
}

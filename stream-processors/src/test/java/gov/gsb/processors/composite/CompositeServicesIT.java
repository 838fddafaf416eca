package gov.gsb.processors.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import gov.gsb.bus.CallKind;
import gov.gsb.bus.CallRecord;
import gov.gsb.bus.CompositeReply;
import gov.gsb.bus.CompositeStepOutcome;
import gov.gsb.bus.Outcome;
import gov.gsb.bus.StepStatus;
import gov.gsb.composites.CompositeFailure;
import gov.gsb.devstack.RegistryServer;
import gov.gsb.devstack.junit.RealServers;
import gov.gsb.devstack.junit.SecuredKafka;
import gov.gsb.producer.GsbPublisher;
import gov.gsb.sdk.CallContext;
import gov.gsb.sdk.NotAuthorizedException;
import gov.gsb.sdk.ServiceFailedException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Composite services end to end on the secured bus: real Keycloak tokens for every party (the caller single-window,
 * the orchestrator, the three agencies serving through the consumer SDK), the broker plugin's authorizer, the real
 * registry. Each test has its own "moves house" composite and services.
 */
@ExtendWith(RealServers.class)
class CompositeServicesIT {

    private CompositeBus bus;
    private Providers providers;
    private Orchestrator orchestrator;

    @BeforeEach
    void setUp(SecuredKafka kafka, RegistryServer registry) throws Exception {
        bus = new CompositeBus(kafka, registry).setUp(1_500);
        providers = new Providers(bus);
        orchestrator = bus.startOrchestrator();
        await().atMost(Duration.ofSeconds(60)).until(() -> orchestrator.state() == KafkaStreams.State.RUNNING);
    }

    @AfterEach
    void tearDown() {
        if (orchestrator != null) {
            orchestrator.close();
        }
        if (providers != null) {
            providers.close();
        }
    }

    private CompositeReply call(GsbPublisher caller, String citizen, String utilityAccount) {
        return caller.request(bus.composite, CompositeBus.move(citizen, utilityAccount), CompositeReply.class,
                Duration.ofSeconds(30), CallContext.builder().endUser("j.jansen").build()).toCompletableFuture().join();
    }

    @Test
    void shouldRunTheStepsAndAnswerWithOneCombinedReply() {
        CompositeReply reply;
        CompositeReply withoutUtility;
        try (GsbPublisher caller = bus.caller("single-window")) {
            reply = call(caller, "ok-1", "C-1");
            withoutUtility = call(caller, "ok-2", null);
        }

        assertThat(reply.getService()).isEqualTo(bus.composite.toString());
        assertThat(reply.getDefinitionVersion()).isEqualTo(1);
        assertThat(reply.getSteps()).extracting(CompositeStepOutcome::getName, CompositeStepOutcome::getStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("register-address", StepStatus.SUCCEEDED),
                        org.assertj.core.groups.Tuple.tuple("update-tax-address", StepStatus.SUCCEEDED),
                        org.assertj.core.groups.Tuple.tuple("transfer-supply", StepStatus.SUCCEEDED));
        assertThat(reply.getSteps().get(0).getReply()).contains("\"registrationNumber\":\"CR-ok-1\"");
        assertThat(reply.getSteps().get(2).getReply()).contains("\"finalBillAmount\":\"42.17\"");
        // The conditional step: no utility account, no transfer.
        assertThat(withoutUtility.getSteps().get(2).getStatus()).isEqualTo(StepStatus.SKIPPED);
        assertThat(providers.count(bus.register.toString(), null)).isEqualTo(2);
        assertThat(providers.count(bus.tax.toString(), null)).isEqualTo(2);
        assertThat(providers.count(bus.transfer.toString(), null)).isEqualTo(1);

        // One CallRecord for the composite, one per step call, linked by the composite's call id.
        List<CallRecord> composite = bus.calls(r -> r.getService().equals(bus.composite.toString())
                && r.getKind() == CallKind.REPLY && "j.jansen".equals(r.getEndUser()), 2);
        assertThat(composite).hasSize(2).allSatisfy(r -> {
            assertThat(r.getOutcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(r.getConsumerAgency()).isEqualTo("single-window");
            assertThat(r.getProviderAgency()).isEqualTo("orchestrator");
        });
        List<CallRecord> steps = bus.calls(r -> r.getKind() == CallKind.REQUEST
                && "orchestrator".equals(r.getConsumerAgency()) && r.getService().endsWith(bus.id), 5);
        assertThat(steps).hasSize(5).allSatisfy(r -> {
            assertThat(r.getParentCallId()).isIn(composite.stream().map(CallRecord::getCallId).toList());
            assertThat(r.getOutcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(r.getEndUser()).isEqualTo("j.jansen");
        });
        assertThat(steps).extracting(CallRecord::getCallId).contains(reply.getSteps().get(0).getCallId());
        // The providers' own REPLY records carry the parent too (the step request's gsb-parent-call-id header).
        List<CallRecord> served = bus.calls(r -> r.getKind() == CallKind.REPLY && r.getService().equals(bus.tax.toString()), 2);
        assertThat(served).hasSize(2).allSatisfy(r -> {
            assertThat(r.getParentCallId()).isNotNull();
            assertThat(r.getConsumerAgency()).isEqualTo("orchestrator");
        });
    }

    @Test
    void shouldUndoTheCompletedStepsInReverseOrderAndNameTheFailedStep() {
        Throwable thrown;
        try (GsbPublisher caller = bus.caller("single-window")) {
            thrown = org.assertj.core.api.Assertions.catchThrowable(() -> call(caller, "fail-tax", "C-2"));
        }

        assertThat(thrown).isInstanceOf(CompletionException.class).cause().isInstanceOf(ServiceFailedException.class);
        ServiceFailedException e = (ServiceFailedException) thrown.getCause();
        assertThat(e.errorCode()).isEqualTo(CompositeFailure.STEP_FAILED);
        CompositeFailure why = CompositeFailure.parse(e.errorCode(), e.getMessage()).orElseThrow();
        assertThat(why.failedStep()).isEqualTo("update-tax-address");
        assertThat(why.stepService()).isEqualTo(bus.tax.toString());
        assertThat(why.cause()).startsWith("INVALID_POSTAL_CODE: postal code 3511 CE");
        // The transfer ran in parallel with the failing step and completed after the registration: undone first.
        assertThat(why.compensated()).containsExactly("transfer-supply", "register-address");
        assertThat(why.notCompensated()).isEmpty();
        assertThat(providers.compensations("fail-tax"))
                .containsExactly(bus.transfer + ":cancel", bus.register + ":revert");

        List<CallRecord> composite = bus.calls(r -> r.getService().equals(bus.composite.toString())
                && r.getKind() == CallKind.REPLY, 1);
        assertThat(composite).singleElement().satisfies(r -> {
            assertThat(r.getOutcome()).isEqualTo(Outcome.FAILURE);
            assertThat(r.getErrorCode()).isEqualTo("STEP_FAILED");
        });
        List<CallRecord> compensations = bus.calls(r -> r.getKind() == CallKind.REQUEST
                && r.getParentCallId() != null && r.getParentCallId().equals(composite.get(0).getCallId())
                && !r.getMethod().equals("request"), 2);
        assertThat(compensations).extracting(CallRecord::getMethod).containsExactly("cancel", "revert");
    }

    @Test
    void shouldFailAStepThatTimesOutAndUndoTheOthers() {
        Throwable thrown;
        try (GsbPublisher caller = bus.caller("single-window")) {
            thrown = org.assertj.core.api.Assertions.catchThrowable(() -> call(caller, "slow-tax", null));
        }

        ServiceFailedException e = (ServiceFailedException) thrown.getCause();
        assertThat(e.errorCode()).isEqualTo(CompositeFailure.STEP_TIMEOUT);
        CompositeFailure why = CompositeFailure.parse(e.errorCode(), e.getMessage()).orElseThrow();
        assertThat(why.failedStep()).isEqualTo("update-tax-address");
        assertThat(why.cause()).isEqualTo("no reply within 1500 ms");
        assertThat(why.compensated()).containsExactly("register-address"); // the transfer was skipped: nothing to undo
        CallRecord composite = bus.calls(r -> r.getService().equals(bus.composite.toString())
                && r.getKind() == CallKind.REPLY, 1).get(0);
        CallRecord taxAnswered = bus.calls(r -> r.getService().equals(bus.tax.toString())
                && r.getKind() == CallKind.REPLY && !"revert".equals(r.getMethod()), 1).get(0);
        assertThat(composite.getReplySentAt()).as("the caller was answered before the slow tax office answered")
                .isBefore(taxAnswered.getReplySentAt());
        List<CallRecord> timedOut = bus.calls(r -> r.getService().equals(bus.tax.toString())
                && r.getKind() == CallKind.REQUEST && r.getOutcome() == Outcome.TIMEOUT, 1);
        assertThat(timedOut).singleElement().satisfies(r -> assertThat(r.getErrorCode()).isEqualTo("TIMEOUT"));
    }

    @Test
    void shouldRefuseACallerWithoutTheCompositeGrant() {
        // utilities serves a component, but holds no request grant on the composite itself.
        try (GsbPublisher caller = bus.caller("utilities")) {
            assertThatThrownBy(() -> call(caller, "nope", null))
                    .isInstanceOf(CompletionException.class).cause().isInstanceOf(NotAuthorizedException.class)
                    .hasMessageContaining("agency utilities may not request service " + bus.composite);
        }
        assertThat(providers.received).isEmpty();
    }
}

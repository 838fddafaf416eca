package gov.gsb.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.gsb.bus.CallKind;
import gov.gsb.bus.CallRecord;
import gov.gsb.bus.Outcome;
import gov.gsb.devstack.RegistryServer;
import gov.gsb.devstack.junit.InJvmKafka;
import gov.gsb.devstack.junit.RealServers;
import gov.gsb.producer.GsbPublisher;
import gov.gsb.schemas.Samples;
import gov.gsb.sample.civilregistry.AddressChangeReply;
import gov.gsb.sample.civilregistry.AddressChangeRequest;
import gov.gsb.sample.civilregistry.AddressChangeStatus;
import gov.gsb.sdk.CallContext;
import gov.gsb.sdk.SchemaRegistry;
import gov.gsb.sdk.ServiceFailedException;
import gov.gsb.sdk.Service;
import gov.gsb.sdk.ServiceTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealServers.class)
class RequestReplyIT {

    private TestBus bus;
    private final String provider = TestBus.agency("civil-registry");
    private final String requester = TestBus.agency("tax");
    private Service service;

    @BeforeEach
    void bus(InJvmKafka kafka, RegistryServer registry) {
        bus = new TestBus(kafka, registry);
        service = Service.of(provider, "address-change");
        bus.twoWayService(service, requester);
    }

    private GsbSubscriber registry(RequestHandler<AddressChangeRequest, AddressChangeReply> handler) {
        return bus.subscriber(provider).group("address-change").build()
                .serve(service.name(), AddressChangeRequest.class, handler).start();
    }

    private static AddressChangeRequest request() {
        return (AddressChangeRequest) Samples.of(AddressChangeRequest.class).orElseThrow();
    }

    @Test
    void shouldReturnTheProvidersReplyAndRecordBothSides() {
        CallContext ctx = CallContext.builder().endUser("jan.jansen").clientIp("203.0.113.7").device("Firefox 140")
                .correlationId("case-" + requester).method("change-address").build();
        AddressChangeReply reply;
        try (GsbSubscriber ignored = registry((q, m) -> AddressChangeReply.newBuilder()
                .setRequestId(q.getRequestId()).setStatus(AddressChangeStatus.ACCEPTED)
                .setRegistrationNumber("REG-" + m.endUser()).setRejectionReason(null).build());
             GsbPublisher publisher = bus.publisher(requester)) {
            reply = publisher.request(service, request(), AddressChangeReply.class, Duration.ofSeconds(20), ctx)
                    .toCompletableFuture().join();
        }
        assertThat(reply.getStatus()).isEqualTo(AddressChangeStatus.ACCEPTED);
        assertThat(reply.getRegistrationNumber()).isEqualTo("REG-jan.jansen");
        assertThat(reply.getRequestId()).isEqualTo(request().getRequestId());

        var records = bus.callRecords(r -> r.getService().equals(service.toString()), 2);
        assertThat(records).extracting(CallRecord::getKind).containsExactlyInAnyOrder(CallKind.REQUEST, CallKind.REPLY);
        assertThat(records).allSatisfy(r -> {
            assertThat(r.getOutcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(r.getCorrelationId()).isEqualTo("case-" + requester);
            assertThat(r.getConsumerAgency()).isEqualTo(requester);
            assertThat(r.getProviderAgency()).isEqualTo(provider);
            assertThat(r.getEndUser()).isEqualTo("jan.jansen");
            assertThat(r.getMethod()).isEqualTo("change-address");
        });
        assertThat(records.get(0).getCallId()).isEqualTo(records.get(1).getCallId());
    }

    /**
     * Production: auto-registration off, contracts registered through the catalog. A reply's subject is the
     * requester's own reply topic's, which the catalog cannot fill, so the provider registers its reply schema there.
     */
    @Test
    void shouldReplyToANewRequesterWithAutoRegistrationOff() {
        String replySubject = Service.valueSubject(service.replyTopic(requester));
        SchemaRegistry schemas = SchemaRegistry.http(bus.registry.ccompatUrl());
        assertThat(schemas.latest(replySubject)).as("a new requester's reply subject").isEmpty();
        AddressChangeReply reply;
        try (GsbSubscriber ignored = bus.subscriber(provider).autoRegisterSchemas(false).group("address-change").build()
                .serve(service.name(), AddressChangeRequest.class, (q, m) -> AddressChangeReply.newBuilder()
                        .setRequestId(q.getRequestId()).setStatus(AddressChangeStatus.ACCEPTED)
                        .setRegistrationNumber("REG-1").setRejectionReason(null).build()).start();
             GsbPublisher publisher = bus.publisher(requester)) {
            reply = publisher.request(service, request(), AddressChangeReply.class, Duration.ofSeconds(20))
                    .toCompletableFuture().join();
        }
        assertThat(reply.getStatus()).isEqualTo(AddressChangeStatus.ACCEPTED);
        assertThat(schemas.latest(replySubject)).hasValueSatisfying(
                schema -> assertThat(schema.getFullName()).isEqualTo(AddressChangeReply.getClassSchema().getFullName()));
    }

    @Test
    void shouldGiveTheRequesterTheProvidersRefusalAsATypedFailure() {
        try (GsbSubscriber ignored = registry((q, m) -> {
            throw new ServiceFailedException("INVALID_POSTAL_CODE", "postal code 0000 XX does not exist");
        });
             GsbPublisher publisher = bus.publisher(requester)) {
            assertThatThrownBy(() -> publisher.request(service, request(), AddressChangeReply.class, Duration.ofSeconds(20))
                    .toCompletableFuture().join())
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(ServiceFailedException.class)
                    .hasMessageContaining("postal code 0000 XX does not exist")
                    .satisfies(e -> assertThat(((ServiceFailedException) e).errorCode()).isEqualTo("INVALID_POSTAL_CODE"));
        }
    }

    @Test
    void shouldAnswerAHandlerThatKeepsFailingWithHandlerFailed() {
        try (GsbSubscriber ignored = registry((q, m) -> {
            throw new IllegalStateException("registry database down");
        });
             GsbPublisher publisher = bus.publisher(requester)) {
            assertThatThrownBy(() -> publisher.request(service, request(), AddressChangeReply.class, Duration.ofSeconds(20))
                    .toCompletableFuture().join())
                    .cause().isInstanceOf(ServiceFailedException.class)
                    .satisfies(e -> assertThat(((ServiceFailedException) e).errorCode()).isEqualTo("HANDLER_FAILED"));
        }
    }

    @Test
    void shouldTimeOutWhenNoProviderAnswers() {
        long start = System.nanoTime();
        try (GsbPublisher publisher = bus.publisher(requester)) {
            assertThatThrownBy(() -> publisher.request(service, request(), AddressChangeReply.class, Duration.ofSeconds(2))
                    .toCompletableFuture().join())
                    .cause().isInstanceOf(ServiceTimeoutException.class)
                    .hasMessageContaining(service.toString());
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(bus.callRecords(r -> r.getService().equals(service.toString()), 1))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.getOutcome()).isEqualTo(Outcome.TIMEOUT);
                    assertThat(r.getErrorCode()).isEqualTo("TIMEOUT");
                    assertThat(r.getReplyReceivedAt()).isNull();
                });
    }
}

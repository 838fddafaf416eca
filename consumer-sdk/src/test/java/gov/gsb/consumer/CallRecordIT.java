package gov.gsb.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

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
import gov.gsb.sample.utilities.BillIssued;
import gov.gsb.sdk.CallContext;
import gov.gsb.sdk.NotAuthorizedException;
import gov.gsb.sdk.Service;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One CallRecord per publish, delivery, request and reply, for every outcome, with its fields filled. */
@ExtendWith(RealServers.class)
class CallRecordIT {

    private static final CallContext CONTEXT = CallContext.builder().endUser("a.citizen").clientIp("198.51.100.23")
            .device("GSB single window/2.1 (Android 15)").correlationId("case-42").build();

    @Test
    void shouldRecordSuccessFailureTimeoutAndInvalidWithEveryFieldFilled(InJvmKafka kafka, RegistryServer registry)
            throws Exception {
        TestBus bus = new TestBus(kafka, registry);
        String utilities = TestBus.agency("utilities");
        String tax = TestBus.agency("tax");
        Service bills = Service.of(utilities, "bill-issued");
        Service change = Service.of(utilities, "address-change");
        bus.eventService(bills, tax);
        bus.twoWayService(change, tax);
        AtomicInteger deliveries = new AtomicInteger();

        try (GsbPublisher publisher = bus.publisher(utilities);
             GsbPublisher requester = bus.publisher(tax);
             GsbSubscriber subscriber = bus.subscriber(tax).retries(0, Duration.ofMillis(1)).build()
                     .subscribe(bills, BillIssued.class, (b, m) -> {
                         if (deliveries.incrementAndGet() == 2) {
                             throw new IllegalStateException("ledger locked");
                         }
                     }).start();
             GsbSubscriber provider = bus.subscriber(utilities).group("change").build()
                     .serve(change.name(), AddressChangeRequest.class, (q, m) -> AddressChangeReply.newBuilder()
                             .setRequestId(q.getRequestId()).setStatus(AddressChangeStatus.ACCEPTED).build()).start()) {
            BillIssued bill = (BillIssued) Samples.of(BillIssued.class).orElseThrow();
            publisher.publish(bills.name(), "cust-1", bill, CONTEXT).toCompletableFuture().join();       // PUBLISH SUCCESS, DELIVERY SUCCESS
            publisher.publish(bills.name(), "cust-1", bill, CONTEXT).toCompletableFuture().join();       // DELIVERY FAILURE
            requester.request(change, Samples.of(AddressChangeRequest.class).orElseThrow(), AddressChangeReply.class,
                    Duration.ofSeconds(20), CONTEXT).toCompletableFuture().join();                           // REQUEST + REPLY SUCCESS
            provider.pause(change);
            Thread.sleep(500);
            assertThatThrownBy(() -> requester.request(change, Samples.of(AddressChangeRequest.class).orElseThrow(),
                    AddressChangeReply.class, Duration.ofSeconds(1), CONTEXT).toCompletableFuture().join()); // REQUEST TIMEOUT
            await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.get() == 2);
        }

        List<CallRecord> records = bus.callRecords(r -> r.getProviderAgency().equals(utilities), 7);
        Map<Outcome, CallRecord> byOutcome = new EnumMap<>(Outcome.class);
        records.forEach(r -> byOutcome.putIfAbsent(r.getOutcome(), r));
        assertThat(byOutcome).containsKeys(Outcome.SUCCESS, Outcome.FAILURE, Outcome.TIMEOUT);

        CallRecord reply = records.stream().filter(r -> r.getKind() == CallKind.REPLY).findFirst().orElseThrow();
        assertEveryFieldFilled(reply);
        CallRecord request = records.stream()
                .filter(r -> r.getKind() == CallKind.REQUEST && r.getOutcome() == Outcome.SUCCESS).findFirst().orElseThrow();
        assertEveryFieldFilled(request);
        assertThat(request.getRequestSentAt()).isBeforeOrEqualTo(request.getRequestReceivedAt());
        assertThat(request.getRequestReceivedAt()).isBeforeOrEqualTo(request.getReplySentAt());
        assertThat(request.getReplySentAt()).isBeforeOrEqualTo(request.getReplyReceivedAt());

        CallRecord failed = byOutcome.get(Outcome.FAILURE);
        assertThat(failed.getKind()).isEqualTo(CallKind.DELIVERY);
        assertThat(failed.getErrorCode()).isEqualTo("HANDLER_FAILED");
        assertThat(failed.getErrorMessage()).contains("ledger locked");
        assertThat(failed.getEndUser()).isEqualTo("a.citizen");
        assertThat(byOutcome.get(Outcome.TIMEOUT).getErrorCode()).isEqualTo("TIMEOUT");
        assertThat(records).filteredOn(r -> r.getKind() == CallKind.PUBLISH).hasSize(2)
                .allSatisfy(r -> assertThat(r.getPartition()).isNotNull());
    }

    @Test
    void shouldRecordADeniedPublishAndRaiseNotAuthorized(RegistryServer registry) throws Exception {
        // A broker with Kafka's own authorizer: everything allowed but writing to one topic.
        try (InJvmKafka secured = InJvmKafka.start(Map.of(
                "authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "allow.everyone.if.no.acl.found", "true"))) {
            TestBus bus = new TestBus(secured, registry);
            String agency = TestBus.agency("utilities");
            Service service = Service.of(agency, "bill-issued");
            bus.eventService(service, "tax");
            try (Admin admin = secured.admin()) {
                admin.createAcls(List.of(new AclBinding(new ResourcePattern(ResourceType.TOPIC, service.topic(), PatternType.LITERAL),
                        new AccessControlEntry("User:ANONYMOUS", "*", AclOperation.WRITE, AclPermissionType.DENY))))
                        .all().get(30, TimeUnit.SECONDS);
            }
            try (GsbPublisher publisher = bus.publisher(agency)) {
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                        assertThatThrownBy(() -> publisher.publish(service.name(), "k", Samples.of(BillIssued.class).orElseThrow(),
                                CONTEXT).toCompletableFuture().join())
                                .cause().isInstanceOf(NotAuthorizedException.class)
                                .hasMessageContaining("may not publish to service " + service));
            }
            CallRecord denied = bus.callRecords(r -> r.getService().equals(service.toString()), 1).get(0);
            assertThat(denied.getOutcome()).isEqualTo(Outcome.DENIED);
            assertThat(denied.getErrorCode()).isEqualTo("NOT_AUTHORIZED");
            assertThat(denied.getKind()).isEqualTo(CallKind.PUBLISH);
            assertThat(denied.getEndUser()).isEqualTo("a.citizen");
            assertThat(denied.getClientIp()).isEqualTo("198.51.100.23");
        }
    }

    /** Every field of a two-way call's record is known once the reply is in. */
    private static void assertEveryFieldFilled(CallRecord r) {
        for (org.apache.avro.Schema.Field f : r.getSchema().getFields()) {
            boolean mayBeEmpty = switch (f.name()) {
                case "parentCallId", "errorCode", "errorMessage" -> true; // no parent, no error
                case "replyReceivedAt" -> r.getKind() == CallKind.REPLY;  // only the requester sees it arrive
                default -> false;
            };
            if (!mayBeEmpty) {
                assertThat(r.get(f.pos())).as("%s of a %s record", f.name(), r.getKind()).isNotNull();
            }
        }
        assertThat(r.getDevice()).isEqualTo("GSB single window/2.1 (Android 15)");
        assertThat(r.getClientIp()).isEqualTo("198.51.100.23");
        assertThat(r.getSdkVersion()).startsWith("gsb-java/");
    }
}

package gov.gsb.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.gsb.bus.CallKind;
import gov.gsb.bus.CallRecord;
import gov.gsb.bus.Outcome;
import gov.gsb.devstack.RegistryServer;
import gov.gsb.devstack.junit.InJvmKafka;
import gov.gsb.devstack.junit.RealServers;
import gov.gsb.producer.GsbPublisher;
import gov.gsb.schemas.Samples;
import gov.gsb.sample.poll.PollVoteCast;
import gov.gsb.sdk.GsbHeaders;
import gov.gsb.sdk.Service;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealServers.class)
class DeadLetterIT {

    private TestBus bus;
    private final String provider = TestBus.agency("poll-office");
    private final String subscriberAgency = TestBus.agency("statistics");
    private Service service;

    @BeforeEach
    void bus(InJvmKafka kafka, RegistryServer registry) {
        bus = new TestBus(kafka, registry);
        service = Service.of(provider, "vote-cast");
        bus.eventService(service, subscriberAgency);
    }

    private static PollVoteCast vote(int i) {
        PollVoteCast v = (PollVoteCast) Samples.of(PollVoteCast.class).orElseThrow();
        return PollVoteCast.newBuilder(v).setVoterPseudonym("voter-" + i).build();
    }

    @Test
    void shouldDeadLetterBytesThatAreNotAvroAndGoOn() throws Exception {
        List<String> handled = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (GsbPublisher publisher = bus.publisher(provider);
             KafkaProducer<String, String> raw = new KafkaProducer<>(bus.kafka.clientProperties(), new StringSerializer(),
                     new StringSerializer());
             GsbSubscriber subscriber = bus.subscriber(subscriberAgency).build()
                     .subscribe(service, PollVoteCast.class, (v, m) -> handled.add(v.getVoterPseudonym())).start()) {
            publisher.publishAndWait(service.name(), "k", vote(1));
            raw.send(new ProducerRecord<>(service.topic(), "k", "this is not avro")).get();
            publisher.publishAndWait(service.name(), "k", vote(2));

            await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 2);
            assertThat(subscriber.isRunning()).isTrue();
        }
        assertThat(handled).containsExactly("voter-1", "voter-2");
        ConsumerRecord<byte[], byte[]> letter = bus.read(service.deadLetterTopic(subscriberAgency), 1).get(0);
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("this is not avro");
        Map<String, String> why = TestBus.headers(letter);
        assertThat(why).containsEntry(GsbHeaders.DLQ_ERROR_CODE, "INVALID_MESSAGE")
                .containsEntry(GsbHeaders.DLQ_ATTEMPTS, "0")
                .containsEntry(GsbHeaders.DLQ_SOURCE_TOPIC, service.topic())
                .containsEntry(GsbHeaders.DLQ_SOURCE_OFFSET, "1")
                .containsKeys(GsbHeaders.DLQ_EXCEPTION, GsbHeaders.DLQ_MESSAGE, GsbHeaders.DLQ_AT);
        assertThat(bus.callRecords(r -> r.getService().equals(service.toString()) && r.getKind() == CallKind.DELIVERY, 3))
                .extracting(CallRecord::getOutcome)
                .containsExactlyInAnyOrder(Outcome.SUCCESS, Outcome.INVALID, Outcome.SUCCESS);
    }

    @Test
    void shouldRetryAFailingHandlerThenDeadLetterItWithTheReason() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        List<String> handled = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (GsbPublisher publisher = bus.publisher(provider);
             GsbSubscriber subscriber = bus.subscriber(subscriberAgency).retries(3, Duration.ofMillis(10)).build()
                     .subscribe(service, PollVoteCast.class, (v, m) -> {
                         if (v.getVoterPseudonym().equals("voter-bad")) {
                             attempts.incrementAndGet();
                             throw new IllegalStateException("the statistics store refused voter-bad");
                         }
                         handled.add(v.getVoterPseudonym());
                     }).start()) {
            publisher.publishAndWait(service.name(), "k", vote(1));
            publisher.publishAndWait(service.name(), "k", PollVoteCast.newBuilder(vote(0)).setVoterPseudonym("voter-bad").build());
            publisher.publishAndWait(service.name(), "k", vote(2));

            await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 2);
        }
        assertThat(attempts).hasValue(4); // the first try and 3 retries
        assertThat(handled).containsExactly("voter-1", "voter-2");
        ConsumerRecord<byte[], byte[]> letter = bus.read(service.deadLetterTopic(subscriberAgency), 1).get(0);
        assertThat(TestBus.headers(letter))
                .containsEntry(GsbHeaders.DLQ_ERROR_CODE, "HANDLER_FAILED")
                .containsEntry(GsbHeaders.DLQ_EXCEPTION, IllegalStateException.class.getName())
                .containsEntry(GsbHeaders.DLQ_MESSAGE, "the statistics store refused voter-bad")
                .containsEntry(GsbHeaders.DLQ_ATTEMPTS, "4")
                .containsEntry(GsbHeaders.DLQ_SOURCE_TOPIC, service.topic())
                .containsEntry(GsbHeaders.DLQ_SOURCE_PARTITION, Integer.toString(letter.partition()))
                .containsEntry(GsbHeaders.DLQ_SOURCE_OFFSET, "1")
                .containsEntry(GsbHeaders.DLQ_CONSUMER_GROUP, "gsb." + subscriberAgency + ".default")
                .containsKey(GsbHeaders.CALL_ID); // the original headers travel with it
    }

    @Test
    void shouldLoseNothingEveryInputIsHandledOrDeadLettered() throws Exception {
        int events = 300;
        int poison = 5;
        Set<String> handled = ConcurrentHashMap.newKeySet();
        AtomicInteger calls = new AtomicInteger();
        try (GsbPublisher publisher = bus.publisher(provider);
             KafkaProducer<String, String> raw = new KafkaProducer<>(bus.kafka.clientProperties(), new StringSerializer(),
                     new StringSerializer());
             GsbSubscriber subscriber = bus.subscriber(subscriberAgency).retries(1, Duration.ofMillis(1)).build()
                     .subscribe(service, PollVoteCast.class, (v, m) -> {
                         int i = Integer.parseInt(v.getVoterPseudonym().substring("voter-".length()));
                         calls.incrementAndGet();
                         if (i % 10 == 0) {
                             throw new IllegalStateException("always fails: " + i);
                         }
                         if (i % 7 == 0 && m.attempt() == 1) {
                             throw new IllegalStateException("fails once: " + i);
                         }
                         handled.add(v.getVoterPseudonym());
                     }).start()) {
            for (int i = 1; i <= events; i++) {
                publisher.publish(service.name(), "voter-" + i, vote(i));
                if (i % 60 == 0) {
                    raw.send(new ProducerRecord<>(service.topic(), "poison-" + i, "garbage " + i));
                }
            }
            raw.flush();
            int alwaysFailing = events / 10;
            await().atMost(Duration.ofSeconds(60)).until(() -> handled.size() == events - alwaysFailing);
            List<ConsumerRecord<byte[], byte[]>> letters = bus.read(service.deadLetterTopic(subscriberAgency), alwaysFailing + poison);

            assertThat(handled.size() + letters.size()).isEqualTo(events + poison);
            assertThat(letters).extracting(l -> TestBus.headers(l).get(GsbHeaders.DLQ_ERROR_CODE))
                    .containsOnly("HANDLER_FAILED", "INVALID_MESSAGE")
                    .filteredOn("INVALID_MESSAGE"::equals).hasSize(poison);
        }
    }

    @Test
    void shouldHoldMessagesWhilePausedAndDeliverThemOnResume() throws Exception {
        List<String> handled = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (GsbPublisher publisher = bus.publisher(provider);
             GsbSubscriber subscriber = bus.subscriber(subscriberAgency).build()
                     .subscribe(service, PollVoteCast.class, (v, m) -> handled.add(v.getVoterPseudonym())).start()) {
            publisher.publishAndWait(service.name(), "k", vote(1));
            await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 1);

            subscriber.pause(service);
            Thread.sleep(500); // the pause applies at the next poll
            publisher.publishAndWait(service.name(), "k", vote(2));
            Thread.sleep(1500);
            assertThat(handled).containsExactly("voter-1");

            subscriber.resume(service);
            await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 2);
        }
    }

    @Test
    void shouldGoOnAfterACloseWhereTheLastOneStopped() throws Exception {
        List<String> handled = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (GsbPublisher publisher = bus.publisher(provider)) {
            try (GsbSubscriber first = bus.subscriber(subscriberAgency).build()
                    .subscribe(service, PollVoteCast.class, (v, m) -> handled.add(v.getVoterPseudonym())).start()) {
                publisher.publishAndWait(service.name(), "k", vote(1));
                await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 1);
            }
            publisher.publishAndWait(service.name(), "k", vote(2));
            try (GsbSubscriber second = bus.subscriber(subscriberAgency).build()
                    .subscribe(service, PollVoteCast.class, (v, m) -> handled.add(v.getVoterPseudonym())).start()) {
                await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 2);
                Thread.sleep(500);
            }
        }
        assertThat(handled).containsExactly("voter-1", "voter-2"); // committed: voter-1 is not seen again
    }
}

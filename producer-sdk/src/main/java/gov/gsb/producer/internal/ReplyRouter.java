package gov.gsb.producer.internal;

import gov.gsb.sdk.GsbHeaders;
import gov.gsb.sdk.UnknownServiceException;
import gov.gsb.sdk.internal.Call;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings replies back to the requests waiting for them. One consumer thread reads this agency's
 * reply topics (assigned, not subscribed: no consumer group, so every publisher instance sees
 * every reply and keeps those whose call id it is waiting for) and hands each reply to its
 * {@link PendingRequest}; a timer fails the ones whose reply does not come in time.
 *
 * <p>A reply topic is listened to from its end, and the position is fixed before the first
 * request is sent on it, so that no reply can slip past.
 */
public final class ReplyRouter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyRouter.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, PendingRequest> pending = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> listening = new ConcurrentHashMap<>();
    private final java.util.concurrent.LinkedBlockingQueue<String> toListen = new java.util.concurrent.LinkedBlockingQueue<>();
    private final ScheduledExecutorService timer;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException died;

    public ReplyRouter(Map<String, Object> consumerProperties) {
        Map<String, Object> p = new java.util.HashMap<>(consumerProperties);
        p.put("enable.auto.commit", false);
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gsb-request-timeouts");
            t.setDaemon(true);
            return t;
        });
        this.thread = new Thread(this::run, "gsb-replies");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** @return completes once replies on {@code replyTopic} are being read (from now on) */
    public CompletableFuture<Void> listen(String replyTopic) {
        RuntimeException death = died;
        if (death != null) {
            return CompletableFuture.failedFuture(death);
        }
        // No wakeup(): it could interrupt the listener inside partitionsFor(). The listener picks new
        // topics up within one short poll.
        return listening.computeIfAbsent(replyTopic, topic -> {
            toListen.add(topic);
            return new CompletableFuture<>();
        });
    }

    /** Waits for the reply to {@code request}'s call, failing it after {@code timeout}. */
    public void expect(PendingRequest request, Duration timeout) {
        String callId = request.call().callId;
        pending.put(callId, request);
        request.timeout(timer.schedule(() -> {
            if (pending.remove(callId, request)) {
                request.handler().timeout();
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Stops waiting for a request whose sending failed. */
    public void forget(Call call) {
        PendingRequest p = pending.remove(call.callId);
        if (p != null) {
            p.cancelTimeout();
        }
    }

    private void run() {
        try {
            while (running) {
                assignNewTopics();
                if (consumer.assignment().isEmpty()) {
                    waitForATopic();
                    continue;
                }
                try {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        route(r);
                    }
                } catch (WakeupException e) {
                    // closing
                }
            }
        } catch (RuntimeException e) {
            LOG.error("the reply listener stopped: {}", e.toString());
            died = e;
            listening.values().forEach(f -> f.completeExceptionally(e));
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void waitForATopic() {
        try {
            String topic = toListen.poll(100, TimeUnit.MILLISECONDS);
            if (topic != null) {
                toListen.add(topic);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void route(ConsumerRecord<String, byte[]> reply) {
        String callId = Call.text(reply.headers(), GsbHeaders.CALL_ID);
        PendingRequest request = callId == null ? null : pending.remove(callId);
        if (request != null) {
            request.cancelTimeout();
            request.handler().reply(reply);
        }
    }

    private void assignNewTopics() {
        List<String> added = new ArrayList<>();
        for (String topic; (topic = toListen.poll()) != null; ) {
            added.add(topic);
        }
        if (added.isEmpty()) {
            return;
        }
        Set<TopicPartition> all = new HashSet<>(consumer.assignment());
        List<TopicPartition> fresh = new ArrayList<>();
        for (String topic : added) {
            List<PartitionInfo> partitions;
            try {
                partitions = partitionsOf(topic);
            } catch (RuntimeException e) {
                // Not authorized to read it, or the bus is away: this topic fails, the others go on.
                listening.remove(topic).completeExceptionally(e);
                continue;
            }
            if (partitions.isEmpty()) {
                listening.remove(topic).completeExceptionally(new UnknownServiceException("there is no reply topic " + topic
                        + " for this agency: ask the bus administrator for a request grant on the service", null));
                continue;
            }
            partitions.forEach(pi -> fresh.add(new TopicPartition(topic, pi.partition())));
        }
        all.addAll(fresh);
        consumer.assign(all);
        consumer.seekToEnd(fresh);
        fresh.forEach(consumer::position); // fix the position now: a reply sent after this is read
        for (String topic : added) {
            CompletableFuture<Void> f = listening.get(topic);
            if (f != null && !f.isDone()) {
                f.complete(null);
            }
        }
    }

    private List<PartitionInfo> partitionsOf(String topic) {
        try {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            return partitions == null ? List.of() : partitions;
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            return List.of();
        }
    }

    /** Stops listening; requests still waiting are abandoned. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer.shutdownNow();
        for (PendingRequest p : pending.values()) {
            p.handler().abandon();
        }
        pending.clear();
    }
}

package gov.gsb.consumer.internal;

import gov.gsb.bus.CallKind;
import gov.gsb.bus.Outcome;
import gov.gsb.consumer.Message;
import gov.gsb.sdk.GsbHeaders;
import gov.gsb.sdk.internal.Call;
import gov.gsb.sdk.internal.ClientContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The subscriber's one thread: poll, hand each message to its handler in partition order, retry,
 * dead-letter or reply, and commit a partition's offset only past messages that are handled,
 * dead-lettered or answered (at-least-once; nothing skipped).
 */
public final class SubscriberLoop implements Runnable {

    private final ClientContext context;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Subscription> byTopic;
    private final Retrier retrier;
    private final DeadLetters deadLetters;
    private final Replies replies;
    private final Consumer<Throwable> onFatal;
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final Set<String> pausedTopics = new HashSet<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile boolean assigned;

    public SubscriberLoop(ClientContext context, KafkaConsumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer,
                          Map<String, Subscription> byTopic, RetrySettings retry, String groupId,
                          gov.gsb.sdk.GsbAvroSerializer<Object> replySerializer, Consumer<Throwable> onFatal) {
        this.context = context;
        this.consumer = consumer;
        this.byTopic = Map.copyOf(byTopic);
        this.retrier = new Retrier(retry.retries(), retry.backoffMs(), retry.maxBackoffMs(), Thread::sleep);
        this.deadLetters = new DeadLetters(producer, context.agency(), groupId);
        this.replies = new Replies(producer, replySerializer, context.agency());
        this.onFatal = onFatal;
    }

    /** The retry settings. */
    public record RetrySettings(int retries, long backoffMs, long maxBackoffMs) {
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(byTopic.keySet(), new KeepPaused());
            while (running) {
                for (Runnable c; (c = commands.poll()) != null; ) {
                    c.run();
                }
                try {
                    pollOnce();
                } catch (WakeupException e) {
                    // stop() woke the consumer up: the loop ends
                }
            }
        } catch (RuntimeException | Error e) {
            onFatal.accept(e);
        } finally {
            running = false;
            consumer.close(Duration.ofSeconds(10));
            stopped.countDown();
        }
    }

    private void pollOnce() {
        var records = consumer.poll(Duration.ofMillis(200));
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        try {
            for (TopicPartition tp : records.partitions()) {
                for (ConsumerRecord<byte[], byte[]> r : records.records(tp)) {
                    if (!process(r)) {
                        return; // closing mid-retry: this message is not done, and is read again next time
                    }
                    done.put(tp, new OffsetAndMetadata(r.offset() + 1));
                }
            }
        } finally {
            commit(done);
        }
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> done) {
        if (done.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(done);
        } catch (WakeupException e) {
            consumer.commitSync(done); // stop() woke it; the wakeup is spent, so this commit goes through
        } catch (CommitFailedException e) {
            // The group moved the partitions elsewhere meanwhile: their new owner reads these again.
        }
    }

    /** @return false if the subscriber is closing before this message could be finished */
    private boolean process(ConsumerRecord<byte[], byte[]> r) {
        Subscription sub = byTopic.get(r.topic());
        Call call = Call.received(sub.serves() ? CallKind.REPLY : CallKind.DELIVERY, sub.service(), r.headers(), r.timestamp());
        call.topic = r.topic();
        call.partition = r.partition();
        call.offset = r.offset();
        call.requestReceivedAt = Instant.now();
        call.requestBytes = r.value() == null ? 0 : r.value().length;
        String sender = Call.sender(r.headers(), sub.service());
        call.consumerAgency = sub.serves() ? sender : context.agency();
        Object value;
        try {
            value = sub.decoder().deserialize(r.topic(), r.headers(), r.value());
        } catch (RuntimeException e) {
            invalid(r, sub, call, e);
            return true;
        }
        Retrier.Result result = retrier.run(sub, value, message(r, call, sender), () -> !running);
        call.attempt = result.attempts();
        boolean interrupted = !result.succeeded() && !running
                && !(result.failure() instanceof gov.gsb.sdk.ServiceFailedException);
        if (interrupted) {
            return false;
        }
        if (sub.serves()) {
            answer(r, sub, call, result);
        } else if (result.succeeded()) {
            context.record(call, Outcome.SUCCESS, null, null);
        } else {
            deadLetters.send(r, sub.service(), "HANDLER_FAILED", result.failure(), result.attempts(), () -> !running);
            context.record(call, Outcome.FAILURE, "HANDLER_FAILED", result.failure().toString());
        }
        return true;
    }

    private void invalid(ConsumerRecord<byte[], byte[]> r, Subscription sub, Call call, RuntimeException e) {
        String replyTo = replyTopic(r, sub);
        if (sub.serves() && replyTo != null) {
            replies.failed(call, replyTo, Replies.code(e), e.getMessage(), () -> !running);
        } else {
            deadLetters.send(r, sub.service(), Replies.code(e), e, 0, () -> !running);
        }
        context.record(call, Outcome.INVALID, Replies.code(e), e.getMessage());
    }

    private void answer(ConsumerRecord<byte[], byte[]> r, Subscription sub, Call call, Retrier.Result result) {
        String replyTo = replyTopic(r, sub);
        if (replyTo == null) {
            IllegalArgumentException e = new IllegalArgumentException("the request has no valid " + GsbHeaders.REPLY_TO
                    + " header (a reply topic of " + sub.service() + ")");
            deadLetters.send(r, sub.service(), "INVALID_REPLY_TO", e, result.attempts(), () -> !running);
            context.record(call, Outcome.INVALID, "INVALID_REPLY_TO", e.getMessage());
            return;
        }
        if (result.succeeded()) {
            Exception encoding = replies.ok(call, replyTo, result.reply(), () -> !running);
            if (encoding == null) {
                context.record(call, Outcome.SUCCESS, null, null);
            } else {
                context.record(call, Outcome.INVALID, Replies.code(encoding), encoding.getMessage());
            }
        } else {
            String code = Replies.code(result.failure());
            replies.failed(call, replyTo, code, result.failure().getMessage(), () -> !running);
            context.record(call, Outcome.FAILURE, code, result.failure().getMessage());
        }
    }

    /** The request's reply topic, if it is one of this service's (a provider writes nowhere else). */
    private static String replyTopic(ConsumerRecord<byte[], byte[]> r, Subscription sub) {
        String replyTo = Call.text(r.headers(), GsbHeaders.REPLY_TO);
        return replyTo != null && replyTo.startsWith(sub.service().replyTopicPrefix()) ? replyTo : null;
    }

    private static Message message(ConsumerRecord<byte[], byte[]> r, Call call, String sender) {
        return new Message(call.callId, call.correlationId, call.service.toString(), sender, call.method, call.endUser,
                call.clientIp, call.device, r.key() == null ? null : new String(r.key(), java.nio.charset.StandardCharsets.UTF_8),
                r.topic(), r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()), 1);
    }

    /** Stops taking this topic's messages (from the next poll) until {@link #resume}. */
    public void pause(String topic) {
        command(() -> {
            pausedTopics.add(topic);
            consumer.pause(partitionsOf(consumer.assignment(), topic));
        });
    }

    /** Takes this topic's messages again. */
    public void resume(String topic) {
        command(() -> {
            pausedTopics.remove(topic);
            consumer.resume(partitionsOf(consumer.assignment(), topic));
        });
    }

    private void command(Runnable c) {
        commands.add(c); // applied by the loop's thread before its next poll (within 200 ms)
    }

    private static Set<TopicPartition> partitionsOf(Collection<TopicPartition> partitions, String topic) {
        Set<TopicPartition> result = new HashSet<>();
        for (TopicPartition tp : partitions) {
            if (tp.topic().equals(topic)) {
                result.add(tp);
            }
        }
        return result;
    }

    /** @return whether the group has given this instance partitions (it then receives messages) */
    public boolean isAssigned() {
        return assigned;
    }

    /** @return whether the loop still runs */
    public boolean isRunning() {
        return running && stopped.getCount() > 0;
    }

    /** Finishes the message in hand, commits, and stops; waits up to {@code timeout}. */
    public void stop(Duration timeout) {
        running = false;
        consumer.wakeup();
        try {
            stopped.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Partitions given to this instance after a rebalance stay paused if their topic is. */
    private final class KeepPaused implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            assigned = assigned || !partitions.isEmpty();
            for (String topic : pausedTopics) {
                consumer.pause(partitionsOf(partitions, topic));
            }
        }
    }
}

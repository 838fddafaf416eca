package gov.gsb.sdk.internal;

import gov.gsb.bus.CallRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends CallRecords to {@code gsb.calls} without ever making the caller wait: {@link #record}
 * puts the record in a bounded queue and returns; one background thread serializes and sends
 * batches. When the bus is unreachable, records stay queued (and failed sends are queued again)
 * and go out when it is back; past the bound the oldest are dropped and counted
 * ({@code call-records-dropped-total}), because a caller's own call must never fail or slow down
 * for want of its record.
 */
public final class CallRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CallRecorder.class);
    private static final int BATCH = 500;
    private static final long MAX_BACKOFF_MS = 5_000;

    // Lock-free: the callers' threads only append, and must not contend with the sender for a lock.
    private final ConcurrentLinkedDeque<CallRecord> queue = new ConcurrentLinkedDeque<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final int capacity;
    private final Producer<byte[], byte[]> producer;
    private final Serializer<CallRecord> serializer;
    private final String topic;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger failuresSinceSuccess = new AtomicInteger();
    private final Thread worker;
    private volatile boolean closing;

    /**
     * @param producer the producer the records go out with (owned: closed with this recorder)
     * @param serializer turns a CallRecord into the bus's wire format
     * @param topic the calls topic
     * @param capacity how many records may wait at most
     */
    public CallRecorder(Producer<byte[], byte[]> producer, Serializer<CallRecord> serializer, String topic, int capacity) {
        this.producer = producer;
        this.serializer = serializer;
        this.topic = topic;
        this.capacity = capacity;
        this.worker = new Thread(this::run, "gsb-call-recorder");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Queues a record; never blocks. If the queue is full the oldest waiting record is dropped. */
    public void record(CallRecord record) {
        queue.offerLast(record);
        if (queued.incrementAndGet() > capacity && take() != null) {
            dropped.incrementAndGet(); // the oldest waiting one makes room
        }
    }

    private CallRecord take() {
        CallRecord r = queue.pollFirst();
        if (r != null) {
            queued.decrementAndGet();
        }
        return r;
    }

    /** @return how many records were dropped because the queue was full or the bus refused them */
    public long droppedCount() {
        return dropped.get();
    }

    /** @return how many records the bus acknowledged */
    public long sentCount() {
        return sent.get();
    }

    /** @return how many records are waiting or in flight */
    public long pendingCount() {
        return Math.max(0, queued.get()) + inFlight.get();
    }

    /** Registers this recorder's counters ({@code call-records-*}) in a client's metrics. */
    public void registerMetrics(Metrics metrics, String group) {
        add(metrics, group, "call-records-dropped-total", "CallRecords dropped: the queue was full or the bus refused them",
                (config, now) -> dropped.get());
        add(metrics, group, "call-records-sent-total", "CallRecords the bus acknowledged", (config, now) -> sent.get());
        add(metrics, group, "call-records-pending", "CallRecords waiting or in flight", (config, now) -> pendingCount());
    }

    private static void add(Metrics metrics, String group, String name, String doc, Measurable value) {
        MetricName metricName = metrics.metricName(name, group, doc);
        metrics.addMetric(metricName, value);
    }

    private void run() {
        List<CallRecord> batch = new ArrayList<>(BATCH);
        while (!Thread.currentThread().isInterrupted() && (!closing || queued.get() > 0)) {
            try {
                for (CallRecord r; batch.size() < BATCH && (r = take()) != null; ) {
                    batch.add(r);
                }
                if (batch.isEmpty()) {
                    Thread.sleep(5); // nothing waiting: CallRecords may lag their calls by a few ms
                    continue;
                }
                send(batch);
                batch.clear();
                backOffAfterFailures();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void send(List<CallRecord> batch) {
        for (int i = 0; i < batch.size(); i++) {
            CallRecord record = batch.get(i);
            try {
                byte[] value = serializer.serialize(topic, record);
                inFlight.incrementAndGet();
                producer.send(new ProducerRecord<>(topic, null, value), (metadata, error) -> done(record, error));
            } catch (RuntimeException e) {
                // The registry or the brokers are unreachable (or the producer is closing): keep this
                // record and the rest of the batch, in order, for the next attempt.
                failed(e);
                for (int j = batch.size() - 1; j >= i; j--) {
                    requeue(batch.get(j));
                }
                return;
            }
        }
    }

    private void done(CallRecord record, Exception error) {
        inFlight.decrementAndGet();
        if (error == null) {
            sent.incrementAndGet();
            failuresSinceSuccess.set(0);
        } else if (error instanceof RetriableException) {
            failed(error);
            requeue(record);
        } else {
            dropped.incrementAndGet();
            LOG.warn("the bus refused a CallRecord ({}); it is dropped and counted in call-records-dropped-total", error.toString());
        }
    }

    private void requeue(CallRecord record) {
        if (queued.get() >= capacity) {
            dropped.incrementAndGet(); // full of newer ones: this older one goes
            return;
        }
        queue.offerFirst(record);
        queued.incrementAndGet();
    }

    private void failed(Exception e) {
        if (failuresSinceSuccess.getAndIncrement() == 0) {
            LOG.warn("CallRecords cannot reach the bus ({}); they are kept, up to the buffer's bound, and sent when it is back",
                    e.toString());
        }
    }

    private void backOffAfterFailures() throws InterruptedException {
        int failures = failuresSinceSuccess.get();
        if (failures > 0) {
            // While closing, keep trying until close() gives up, but never spin.
            Thread.sleep(closing ? 50 : Math.min(MAX_BACKOFF_MS, 100L << Math.min(failures, 6)));
        }
    }

    /**
     * Sends what is waiting, for at most {@code timeout}, then closes the producer. Records still
     * unsent after that are counted as dropped.
     */
    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    /** @param timeout how long to try to send what is waiting */
    public void close(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        closing = true;
        try {
            worker.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.interrupt();
        try {
            worker.join(1_000); // it puts back what it held before it stops: count those too
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        for (CallRecord r; (r = take()) != null; ) {
            dropped.incrementAndGet();
        }
    }
}

package gov.gsb.processors;

import gov.gsb.processors.internal.Backoff;
import gov.gsb.processors.internal.ClickHouseSetup;
import gov.gsb.processors.internal.ClickHouseTableWriter;
import gov.gsb.processors.internal.HealthServer;
import gov.gsb.processors.internal.InsertStats;
import gov.gsb.processors.internal.KafkaSettings;
import gov.gsb.processors.internal.LagReport;
import gov.gsb.processors.internal.RetryingTableWriter;
import gov.gsb.processors.internal.Status;
import gov.gsb.processors.internal.TopicSetup;
import gov.gsb.sdk.SchemaRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream processors: one Kafka Streams application that loads the bus's call records and audit events into
 * ClickHouse exactly once ({@link Topologies}), with {@code /health} and {@code /lag} on an HTTP port.
 *
 * <pre>{@code
 * eval "$(./gsb env)"; java -cp "$(cat stream-processors/target/classpath.txt)" gov.gsb.processors.StreamProcessors
 * }</pre>
 *
 * In a program or a test: {@code try (StreamProcessors p = StreamProcessors.start(settings)) { ... }}.
 */
public final class StreamProcessors implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamProcessors.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);

    private final ProcessorSettings settings;
    private final AtomicBoolean stopping;
    private final TableWriter writer;
    private final Admin admin;
    private final KafkaStreams streams;
    private final HealthServer http;
    private final CountDownLatch ended = new CountDownLatch(1);

    private StreamProcessors(ProcessorSettings settings, AtomicBoolean stopping, TableWriter writer, Admin admin,
                             KafkaStreams streams, HealthServer http) {
        this.settings = settings;
        this.stopping = stopping;
        this.writer = writer;
        this.admin = admin;
        this.streams = streams;
        this.http = http;
    }

    /**
     * Runs the processors until the process is stopped; exits 1 if Kafka Streams fails, 2 on wrong settings.
     *
     * @param args none: settings come from the environment (see the README)
     */
    public static void main(String[] args) throws Exception {
        ProcessorSettings settings;
        try {
            settings = ProcessorSettings.fromEnv(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("gsb-stream-processors: " + e.getMessage());
            System.exit(2);
            return;
        }
        StreamProcessors processors = start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(processors::close, "gsb-processors-shutdown"));
        boolean failed = processors.awaitEnd();
        System.exit(failed ? 1 : 0);
    }

    /**
     * Starts the HTTP endpoint (answering 503 until the jobs run), prepares ClickHouse (waiting for it, applying the
     * migrations), creates missing topics, and starts the jobs.
     *
     * @param settings the settings
     * @return the running processors; close them to stop
     * @throws Exception (fatal) if ClickHouse refuses the migrations or its tables do not fit, or the port is taken
     */
    public static StreamProcessors start(ProcessorSettings settings) throws Exception {
        LOG.info("starting: {}", settings);
        AtomicBoolean stopping = new AtomicBoolean();
        AtomicReference<KafkaStreams> started = new AtomicReference<>();
        InsertStats inserts = new InsertStats(Clock.systemUTC());
        AtomicLong deadLetters = new AtomicLong();
        Admin admin = Admin.create(KafkaSettings.clients(settings));
        HealthServer http = HealthServer.start(settings.host(), settings.port(), new Status(
                () -> started.get() == null ? KafkaStreams.State.CREATED : started.get().state(),
                () -> started.get() == null ? Map.of() : started.get().metrics(), inserts, deadLetters,
                new LagReport(admin, settings.applicationId(), List.of(settings.callsTopic(), settings.auditTopic()))));
        TableWriter writer = null;
        try {
            Backoff backoff = Backoff.until(stopping::get);
            ClickHouseSetup.prepare(settings, backoff);
            writer = new RetryingTableWriter(new ClickHouseTableWriter(settings), backoff, inserts);
            TopicSetup.ensure(admin, settings);
            started.set(new KafkaStreams(
                    Topologies.build(settings, SchemaRegistry.http(settings.registryUrl()), writer, stopping::get),
                    KafkaSettings.streams(settings, deadLetters)));
        } catch (Exception | Error e) {
            http.close();
            admin.close();
            if (writer != null) {
                writer.close();
            }
            throw e;
        }
        StreamProcessors processors = new StreamProcessors(settings, stopping, writer, admin, started.get(), http);
        processors.run();
        return processors;
    }

    private void run() {
        streams.setUncaughtExceptionHandler(StreamProcessors::onError);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                ended.countDown();
            }
        });
        streams.start();
        LOG.info("running: /health and /lag on http://{}:{}", settings.host(), http.port());
    }

    /**
     * A thread that failed because something was away (a retriable error) is replaced, and its tasks read their
     * uncommitted records again; anything else stops the application, for its supervisor to restart it.
     */
    private static StreamThreadExceptionResponse onError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RetriableException) {
                LOG.warn("a stream thread failed ({}); replacing it", t.toString());
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            }
        }
        LOG.error("a stream thread failed; stopping", e);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    /** @return whether the processors ended on an error (false: closed) */
    boolean awaitEnd() throws InterruptedException {
        ended.await();
        return !stopping.get();
    }

    /** @return the Kafka Streams instance (its state, metrics and metadata) */
    public KafkaStreams streams() {
        return streams;
    }

    /** @return the port of {@code /health} and {@code /lag} */
    public int port() {
        return http.port();
    }

    /** Stops the jobs (committing what they have written), the endpoint and the clients. */
    @Override
    public void close() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        LOG.info("stopping");
        streams.close(CLOSE_TIMEOUT);
        http.close();
        admin.close();
        writer.close();
        ended.countDown();
    }
}

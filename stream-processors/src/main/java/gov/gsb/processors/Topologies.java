package gov.gsb.processors;

import gov.gsb.bus.AuditEvent;
import gov.gsb.bus.CallRecord;
import gov.gsb.processors.internal.AvroSerdes;
import gov.gsb.processors.internal.Backoff;
import gov.gsb.processors.internal.CallTimestampExtractor;
import gov.gsb.sdk.SchemaRegistry;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;

/**
 * The processors' three jobs ({@link CallLogTopology}, {@link RollupTopology}, {@link AuditTopology}) in one
 * Kafka Streams application: the call log and the rollups share one read (and one decoding) of the calls topic.
 */
public final class Topologies {

    /** The name of the calls topic's source node. */
    public static final String CALLS_SOURCE = "calls-source";

    private Topologies() {
    }

    /**
     * @param settings the topics, the rollups' grace and the rows per write
     * @param registry where the records' schemas come from
     * @param writer where the rows go
     * @param stopping true once the application is shutting down (ends waiting for an unreachable registry)
     * @return the topology
     */
    public static Topology build(ProcessorSettings settings, SchemaRegistry registry, TableWriter writer,
                                 BooleanSupplier stopping) {
        Backoff backoff = Backoff.until(stopping);
        StreamsBuilder builder = new StreamsBuilder();
        KStream<byte[], CallRecord> calls = builder.stream(settings.callsTopic(),
                Consumed.with(Serdes.ByteArray(), AvroSerdes.reading(registry, CallRecord.class, backoff))
                        .withTimestampExtractor(new CallTimestampExtractor()).withName(CALLS_SOURCE));
        CallLogTopology.addTo(calls, writer, settings.batchRows());
        RollupTopology.addTo(calls, writer, settings.batchRows(), settings.grace());
        AuditTopology.addTo(builder, settings.auditTopic(), AvroSerdes.reading(registry, AuditEvent.class, backoff),
                writer, settings.batchRows());
        return builder.build();
    }

    /**
     * @param settings the topics
     * @return each source topic with its dead-letter topic, as the dead-letter handler reads it
     */
    public static String deadLetterTopics(ProcessorSettings settings) {
        return settings.callsTopic() + "=" + CallLogTopology.DEAD_LETTERS + "," + settings.auditTopic() + "="
                + AuditTopology.DEAD_LETTERS;
    }
}

package gov.gsb.producer;

import gov.gsb.sdk.GsbClientConfig;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * A publisher's settings: those every GSB client shares ({@link GsbClientConfig}) and these.
 * Any key starting {@code kafka.} is handed, without the prefix, to the underlying
 * {@code KafkaProducer} (e.g. {@code kafka.linger.ms=5}).
 */
public final class GsbPublisherConfig extends GsbClientConfig {

    /** How long a publish may take before it fails. */
    public static final String PUBLISH_TIMEOUT_MS = "gsb.publish.timeout.ms";
    /** How long a publish may block its caller while the bus is unreachable. */
    public static final String PUBLISH_MAX_BLOCK_MS = "gsb.publish.max.block.ms";

    private static final ConfigDef DEFINITION = GsbClientConfig.baseConfigDef()
            .define(PUBLISH_TIMEOUT_MS, Type.INT, 120_000, ConfigDef.Range.atLeast(1_000), Importance.MEDIUM,
                    "How long a publish (or sending a request) may take, retries included, before it fails with "
                            + "BusUnavailableException (Kafka's delivery.timeout.ms).")
            .define(PUBLISH_MAX_BLOCK_MS, Type.INT, 10_000, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                    "How long publish() may block its caller when the bus is unreachable or the send buffer is full, "
                            + "before the returned stage fails (Kafka's max.block.ms).");

    /**
     * @param settings the values
     * @throws org.apache.kafka.common.config.ConfigException (fatal) naming the first wrong key
     */
    public GsbPublisherConfig(Map<?, ?> settings) {
        super(DEFINITION, settings);
    }

    /** @return every key of a publisher with its doc, default and validator (for the README's table) */
    public static ConfigDef configDef() {
        return new ConfigDef(DEFINITION);
    }
}

package gov.gsb.consumer;

import gov.gsb.sdk.GsbClientConfig;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * A subscriber's settings: those every GSB client shares ({@link GsbClientConfig}) and these.
 * Any key starting {@code kafka.} is handed, without the prefix, to the underlying
 * {@code KafkaConsumer} and producers.
 */
public final class GsbSubscriberConfig extends GsbClientConfig {

    /** The subscriber's name within its agency; its consumer group is {@code gsb.<agency>.<group>}. */
    public static final String GROUP = "gsb.group";
    /** How many times a failing handler is tried again. */
    public static final String RETRIES = "gsb.retries";
    /** The first wait between tries. */
    public static final String RETRY_BACKOFF_MS = "gsb.retry.backoff.ms";
    /** The longest wait between tries. */
    public static final String RETRY_BACKOFF_MAX_MS = "gsb.retry.backoff.max.ms";
    /** Where a new group starts reading. */
    public static final String START_FROM = "gsb.start.from";

    private static final Pattern GROUP_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,100}");

    private static final ConfigDef DEFINITION = GsbClientConfig.baseConfigDef()
            .define(GROUP, Type.STRING, "default", ConfigDef.LambdaValidator.with((name, value) -> {
                if (value == null || !GROUP_NAME.matcher(value.toString()).matches()) {
                    throw new ConfigException(name, value, "a group name is lower-case letters, digits, dots and dashes");
                }
            }, () -> "lower-case letters, digits, dots, dashes"), Importance.HIGH, "This subscriber's name within its agency. Instances with the same name share the work "
                    + "(each partition goes to one of them); its Kafka consumer group is gsb.<agency>.<group>, which is what "
                    + "the bus's subscribe grants cover.")
            .define(RETRIES, Type.INT, 3, ConfigDef.Range.between(0, 100), Importance.MEDIUM,
                    "How many times a handler that throws is tried again before the message is dead-lettered (events) "
                            + "or answered as failed (requests).")
            .define(RETRY_BACKOFF_MS, Type.LONG, 200L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "The wait before the first retry; it doubles with each retry up to gsb.retry.backoff.max.ms.")
            .define(RETRY_BACKOFF_MAX_MS, Type.LONG, 5_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "The longest wait between retries. Retries hold up their partition (order is kept), so keep "
                            + "retries x backoff well under Kafka's max.poll.interval.ms (5 minutes).")
            .define(START_FROM, Type.STRING, "earliest", ConfigDef.ValidString.in("earliest", "latest"), Importance.MEDIUM,
                    "Where a subscriber group that has never run starts: earliest (every stored event) or latest (new ones only).");

    /**
     * @param settings the values
     * @throws ConfigException (fatal) naming the first wrong key
     */
    public GsbSubscriberConfig(Map<?, ?> settings) {
        super(DEFINITION, settings);
    }

    /** @return every key of a subscriber with its doc, default and validator (for the README's table) */
    public static ConfigDef configDef() {
        return new ConfigDef(DEFINITION);
    }

    /** @return the Kafka consumer group, {@code gsb.<agency>.<group>} */
    public String groupId() {
        return "gsb." + agency() + "." + getString(GROUP);
    }
}

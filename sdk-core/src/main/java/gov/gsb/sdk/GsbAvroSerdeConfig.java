package gov.gsb.sdk;

import gov.gsb.sdk.internal.registry.CachingSchemaRegistry;
import gov.gsb.sdk.internal.registry.HttpSchemaRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The settings of {@link GsbAvroSerializer} and {@link GsbAvroDeserializer} when Kafka creates them from class names,
 * declared once here in Kafka's {@link ConfigDef} style. A wrong value throws a {@link ConfigException} naming the
 * key. Key names are public API: deprecated, never renamed.
 *
 * <pre>{@code
 * value.serializer=gov.gsb.sdk.GsbAvroSerializer
 * gsb.registry.url=http://127.0.0.1:8081/apis/ccompat/v7
 * gsb.schemas.auto.register=false
 * }</pre>
 */
public final class GsbAvroSerdeConfig extends AbstractConfig {

    /** The registry's Confluent-compatible API base. */
    public static final String REGISTRY_URL = "gsb.registry.url";
    /** What {@link #REGISTRY_URL} means. */
    public static final String REGISTRY_URL_DOC = "The schema registry's Confluent-compatible REST API (v7) base URL, "
            + "e.g. http://127.0.0.1:8081/apis/ccompat/v7 for Apicurio (GSB_REGISTRY_URL of ./gsb env).";

    /** Whether the serializer may register the schemas it writes. */
    public static final String AUTO_REGISTER = "gsb.schemas.auto.register";
    /** What {@link #AUTO_REGISTER} means. */
    public static final String AUTO_REGISTER_DOC = "Whether the serializer registers a record's schema under the "
            + "topic's subject when the registry does not hold it yet. Off in production, where contracts are "
            + "registered through the catalog and a missing one fails with SchemaNotRegisteredException; on for a "
            + "development stack. A provider's replies are registered either way: each requester has a reply topic, "
            + "and subject, of its own, which the catalog cannot fill with the provider's reply schema (the "
            + "subject's compatibility rule still applies).";

    /** The class the deserializer reads into. */
    public static final String READER_CLASS = "gsb.avro.reader.class";
    /** What {@link #READER_CLASS} means. */
    public static final String READER_CLASS_DOC = "The deserializer's generated Avro class (a SpecificRecord), whose "
            + "schema reads every version the producers wrote (schema evolution both ways). Absent: GenericRecords "
            + "in the writer's schema.";

    /** How long one registry request may take. */
    public static final String REGISTRY_REQUEST_TIMEOUT_MS = "gsb.registry.request.timeout.ms";
    /** What {@link #REGISTRY_REQUEST_TIMEOUT_MS} means. */
    public static final String REGISTRY_REQUEST_TIMEOUT_MS_DOC = "How long one request to the schema registry may "
            + "take, connecting included, before it fails with BusUnavailableException (retriable). Requests happen "
            + "only on cache misses: once per schema and topic.";

    /** How long a failed registry call is remembered. */
    public static final String REGISTRY_FAILURE_CACHE_MS = "gsb.registry.failure.cache.ms";
    /** What {@link #REGISTRY_FAILURE_CACHE_MS} means. */
    public static final String REGISTRY_FAILURE_CACHE_MS_DOC = "How long a failed registry call (schema not "
            + "registered, unknown id, registry unreachable) is remembered and answered again without asking, so "
            + "that a failing schema costs one request every so often rather than one per record. 0 asks every time.";

    private static final ConfigDef CONFIG = new ConfigDef()
            .define(REGISTRY_URL, Type.STRING, null, 
                    ConfigDef.LambdaValidator.with(GsbAvroSerdeConfig::validateUrl, () -> "an http(s) URL"), Importance.HIGH,
                    REGISTRY_URL_DOC + " Required unless the serde was given a SchemaRegistry object.")
            .define(AUTO_REGISTER, Type.BOOLEAN, false, Importance.MEDIUM, AUTO_REGISTER_DOC)
            .define(READER_CLASS, Type.CLASS, null, 
                    ConfigDef.LambdaValidator.with(GsbAvroSerdeConfig::validateReaderClass, () -> "a SpecificRecord class"),
                    Importance.MEDIUM,
                    READER_CLASS_DOC)
            .define(REGISTRY_REQUEST_TIMEOUT_MS, Type.INT, 10_000, Range.atLeast(1), Importance.LOW,
                    REGISTRY_REQUEST_TIMEOUT_MS_DOC)
            .define(REGISTRY_FAILURE_CACHE_MS, Type.LONG, 5_000L, Range.atLeast(0), Importance.LOW,
                    REGISTRY_FAILURE_CACHE_MS_DOC);

    /**
     * Reads and checks the serde's settings; keys it does not know are ignored (a producer's map holds many).
     *
     * @param settings the values, e.g. a producer's or consumer's configuration map
     * @throws ConfigException (fatal) naming the first key whose value is invalid
     */
    public GsbAvroSerdeConfig(Map<?, ?> settings) {
        super(CONFIG, settings, false); // not logged: a producer logs its map already, and there are two serdes
    }

    /**
     * The definition of every key, e.g. to render the documentation's table.
     *
     * @return a copy of the definition
     */
    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }

    /** @return whether the serializer may register schemas */
    public boolean autoRegister() {
        return getBoolean(AUTO_REGISTER);
    }

    /** @return the deserializer's reader class, or null for GenericRecords */
    public Class<?> readerClass() {
        return getClass(READER_CLASS);
    }

    /**
     * A caching HTTP registry built from these settings.
     *
     * @return the registry at {@link #REGISTRY_URL}
     * @throws ConfigException (fatal) if {@link #REGISTRY_URL} is not set
     */
    public SchemaRegistry registry() {
        String url = getString(REGISTRY_URL);
        if (url == null) {
            throw new ConfigException(REGISTRY_URL, null, "required: the schema registry's Confluent-compatible API, "
                    + "e.g. http://127.0.0.1:8081/apis/ccompat/v7 (GSB_REGISTRY_URL of ./gsb env)");
        }
        Duration timeout = Duration.ofMillis(getInt(REGISTRY_REQUEST_TIMEOUT_MS));
        Duration failures = Duration.ofMillis(getLong(REGISTRY_FAILURE_CACHE_MS));
        return new CachingSchemaRegistry(new HttpSchemaRegistry(url, null, timeout), Clock.systemUTC(), failures);
    }

    private static void validateUrl(String name, Object value) {
        if (value == null) {
            return;
        }
        try {
            URI uri = URI.create(value.toString());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new ConfigException(name, value, "must be an http or https URL, e.g. "
                + "http://127.0.0.1:8081/apis/ccompat/v7 (GSB_REGISTRY_URL of ./gsb env)");
    }

    private static void validateReaderClass(String name, Object value) {
        if (value != null && !SpecificRecord.class.isAssignableFrom((Class<?>) value)) {
            throw new ConfigException(name, ((Class<?>) value).getName(), "must be a generated Avro class (a "
                    + "SpecificRecord), e.g. gov.gsb.sample.civilregistry.AddressChanged; leave it out for GenericRecords");
        }
    }
}

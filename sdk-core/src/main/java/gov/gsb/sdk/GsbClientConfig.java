package gov.gsb.sdk;

import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigException;

/**
 * The settings every GSB client shares (the publisher's and the subscriber's configs add theirs).
 * Each key is declared once here, with its doc, default and validator; a wrong value throws a
 * {@link ConfigException} naming the key. Key names are public API: deprecated, never renamed.
 *
 * <pre>{@code
 * gsb.bootstrap.servers=127.0.0.1:9092
 * gsb.agency=tax
 * gsb.registry.url=http://127.0.0.1:8081/apis/ccompat/v7
 * gsb.token.url=http://127.0.0.1:8080/realms/gsb/protocol/openid-connect/token
 * gsb.client.id=tax
 * gsb.client.secret=...
 * }</pre>
 */
public class GsbClientConfig extends AbstractConfig {

    /** The brokers to reach first. */
    public static final String BOOTSTRAP_SERVERS = "gsb.bootstrap.servers";
    /** The calling agency. */
    public static final String AGENCY = "gsb.agency";
    /** The token endpoint of the identity provider. */
    public static final String TOKEN_URL = "gsb.token.url";
    /** The agency's OAuth client id. */
    public static final String CLIENT_ID = "gsb.client.id";
    /** The agency's OAuth client secret. */
    public static final String CLIENT_SECRET = "gsb.client.secret";
    /** The wire protocol to the brokers. */
    public static final String SECURITY_PROTOCOL = "gsb.security.protocol";
    /** Whether every call writes a CallRecord. */
    public static final String CALLS_ENABLED = "gsb.calls.enabled";
    /** Where CallRecords go. */
    public static final String CALLS_TOPIC = "gsb.calls.topic";
    /** How many CallRecords may wait for the bus. */
    public static final String CALLS_BUFFER_RECORDS = "gsb.calls.buffer.records";

    private static final Pattern AGENCY_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /**
     * The shared keys; the publisher's and subscriber's configs start from a copy of this.
     *
     * @return a new definition holding the shared keys
     */
    public static ConfigDef baseConfigDef() {
        return new ConfigDef()
                .define(BOOTSTRAP_SERVERS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.LambdaValidator.with((name, value) -> {
                    if (value == null || ((java.util.List<?>) value).isEmpty()) {
                        throw new ConfigException(name, value, "give at least one host:port, e.g. 127.0.0.1:9092");
                    }
                }, () -> "host:port[,host:port...]"), Importance.HIGH, "The bus's brokers to reach first, host:port, comma-separated (GSB_BOOTSTRAP of ./gsb env).")
                .define(AGENCY, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.LambdaValidator.with((name, value) -> {
                    if (value == null || !AGENCY_NAME.matcher(value.toString()).matches()) {
                        throw new ConfigException(name, value, "an agency is 1 to 63 lower-case letters, digits and dashes, e.g. civil-registry");
                    }
                }, () -> "lower-case letters, digits, dashes"), Importance.HIGH, "The agency this client acts for, as named on the bus (its Keycloak group /agencies/<agency>). "
                        + "It is the provider of the services it publishes and serves, and the consumer of those it subscribes to and requests.")
                .define(GsbAvroSerdeConfig.REGISTRY_URL, Type.STRING, null, Importance.HIGH,
                        GsbAvroSerdeConfig.REGISTRY_URL_DOC + " Required unless the application gives a SchemaRegistry object.")
                .define(GsbAvroSerdeConfig.AUTO_REGISTER, Type.BOOLEAN, false, Importance.MEDIUM, GsbAvroSerdeConfig.AUTO_REGISTER_DOC)
                .define(TOKEN_URL, Type.STRING, null, Importance.HIGH,
                        "The OAuth token endpoint (GSB_TOKEN_URL). With it the client logs in with client credentials "
                                + "(SASL OAUTHBEARER); without it, it connects without authentication (a development bus only).")
                .define(CLIENT_ID, Type.STRING, null, Importance.HIGH, "The agency's OAuth client id (required with gsb.token.url).")
                .define(CLIENT_SECRET, Type.PASSWORD, null, Importance.HIGH, "The agency's OAuth client secret (required with gsb.token.url).")
                .define(SECURITY_PROTOCOL, Type.STRING, null,
                        ConfigDef.LambdaValidator.with((name, value) -> {
                            if (value != null) {
                                ValidString.in("PLAINTEXT", "SASL_PLAINTEXT", "SASL_SSL").ensureValid(name, value);
                            }
                        }, () -> "null, PLAINTEXT, SASL_PLAINTEXT, SASL_SSL"),
                        Importance.MEDIUM, "The protocol to the brokers. Default: SASL_PLAINTEXT when gsb.token.url is set, else PLAINTEXT.")
                .define(CALLS_ENABLED, Type.BOOLEAN, true, Importance.LOW,
                        "Whether every publish, delivery, request and reply writes a CallRecord to gsb.calls.topic. "
                                + "Leave on: the bus's statistics and audit depend on it.")
                .define(CALLS_TOPIC, Type.STRING, "gsb.calls", new ConfigDef.NonEmptyString(), Importance.LOW,
                        "The topic CallRecords are written to.")
                .define(CALLS_BUFFER_RECORDS, Type.INT, 10_000, ConfigDef.Range.atLeast(1), Importance.LOW,
                        "How many CallRecords may wait while the bus is unreachable; past that the oldest are dropped "
                                + "and counted in the metric call-records-dropped-total. Calls themselves never wait for them.");
    }

    /**
     * @param definition the keys (the base ones plus the component's)
     * @param settings the values
     * @throws ConfigException (fatal) naming the first key whose value is missing or invalid
     */
    protected GsbClientConfig(ConfigDef definition, Map<?, ?> settings) {
        super(definition, settings);
        if (getString(TOKEN_URL) != null && (getString(CLIENT_ID) == null || getPassword(CLIENT_SECRET) == null)) {
            throw new ConfigException(TOKEN_URL + " is set, so " + CLIENT_ID + " and " + CLIENT_SECRET
                    + " are required: give the agency's client credentials");
        }
    }

    /**
     * The shared settings alone.
     *
     * @param settings the values
     * @throws ConfigException (fatal) naming the first key whose value is missing or invalid
     */
    public GsbClientConfig(Map<?, ?> settings) {
        this(baseConfigDef(), settings);
    }

    /** @return the agency this client acts for */
    public String agency() {
        return getString(AGENCY);
    }

    /** @return the protocol to the brokers, defaulted from whether a token endpoint is set */
    public String securityProtocol() {
        String explicit = getString(SECURITY_PROTOCOL);
        if (explicit != null) {
            return explicit;
        }
        return getString(TOKEN_URL) != null ? "SASL_PLAINTEXT" : "PLAINTEXT";
    }
}

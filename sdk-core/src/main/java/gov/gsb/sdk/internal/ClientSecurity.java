package gov.gsb.sdk.internal;

import gov.gsb.sdk.GsbClientConfig;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;

/**
 * Turns a client's GSB settings into the Kafka client properties it needs: the brokers, and for
 * a secured bus SASL OAUTHBEARER with Kafka's own client-credentials login (or a token supplier
 * the application gives). Sets Kafka's allowed-URLs system property for the token endpoint, so
 * that agencies need not know it exists.
 */
public final class ClientSecurity {

    /** Kafka's allow-list of URLs its OAuth code may call (default: none). */
    public static final String ALLOWED_URLS_PROPERTY = "org.apache.kafka.sasl.oauthbearer.allowed.urls";
    /** Where a token supplier travels in the client's properties, to {@link SuppliedTokenLoginHandler}. */
    public static final String TOKEN_SUPPLIER = "gsb.token.supplier";

    private ClientSecurity() {
    }

    /**
     * @param config the client's settings
     * @param tokenSupplier a source of access tokens, or null to use the configured client credentials
     * @return Kafka client properties: bootstrap servers and security
     */
    public static Map<String, Object> kafkaProperties(GsbClientConfig config, Supplier<String> tokenSupplier) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, String.join(",", config.getList(GsbClientConfig.BOOTSTRAP_SERVERS)));
        String protocol = tokenSupplier != null && config.getString(GsbClientConfig.SECURITY_PROTOCOL) == null
                ? "SASL_PLAINTEXT" : config.securityProtocol();
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol);
        if (!protocol.startsWith("SASL")) {
            return p;
        }
        p.put(SaslConfigs.SASL_MECHANISM, "OAUTHBEARER");
        p.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required ;");
        // Keycloak's tokens live 5 minutes, exactly Kafka's default refresh buffer: refresh well before expiry.
        p.put(SaslConfigs.SASL_LOGIN_REFRESH_BUFFER_SECONDS, (short) 60);
        p.put(SaslConfigs.SASL_LOGIN_REFRESH_MIN_PERIOD_SECONDS, (short) 30);
        if (tokenSupplier != null) {
            p.put(SaslConfigs.SASL_LOGIN_CALLBACK_HANDLER_CLASS, SuppliedTokenLoginHandler.class.getName());
            p.put(TOKEN_SUPPLIER, tokenSupplier);
            return p;
        }
        String tokenUrl = config.getString(GsbClientConfig.TOKEN_URL);
        Password secret = config.getPassword(GsbClientConfig.CLIENT_SECRET);
        p.put(SaslConfigs.SASL_LOGIN_CALLBACK_HANDLER_CLASS,
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler");
        p.put(SaslConfigs.SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL, tokenUrl);
        p.put("sasl.oauthbearer.client.credentials.client.id", config.getString(GsbClientConfig.CLIENT_ID));
        p.put("sasl.oauthbearer.client.credentials.client.secret", secret);
        allowUrl(tokenUrl);
        return p;
    }

    /** Adds a URL to Kafka's allow-list of OAuth URLs (a JVM-wide system property), keeping what is there. */
    public static synchronized void allowUrl(String url) {
        String current = System.getProperty(ALLOWED_URLS_PROPERTY, "");
        Set<String> urls = new LinkedHashSet<>(Arrays.asList(current.split(",")));
        urls.remove("");
        if (urls.add(url)) {
            System.setProperty(ALLOWED_URLS_PROPERTY, String.join(",", urls));
        }
    }
}

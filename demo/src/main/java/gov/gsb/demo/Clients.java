package gov.gsb.demo;

import gov.gsb.consumer.GsbSubscriber;
import gov.gsb.producer.GsbPublisher;
import gov.gsb.producer.GsbPublisherConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes each agency's SDK clients from the settings: its own agency name and, on a secured bus,
 * its own client credentials. Schemas are registered on first use (a development stack).
 */
final class Clients {

    private static final Logger LOG = LoggerFactory.getLogger(Clients.class);

    /** Tries after the first before a subscriber gives up on a message. */
    static final int RETRIES = 2;

    private final DemoSettings settings;

    Clients(DemoSettings settings) {
        this.settings = settings;
    }

    /** @param agency the agency @return its publisher */
    GsbPublisher publisher(String agency) {
        GsbPublisher.Builder b = GsbPublisher.builder()
                .bootstrapServers(settings.bootstrap())
                .agency(agency)
                .registryUrl(settings.registryUrl())
                .autoRegisterSchemas(true)
                // A citizen's call fails after 5 s instead of 10 when the bus is away.
                .config(GsbPublisherConfig.PUBLISH_MAX_BLOCK_MS, 5_000);
        settings.credentialsOf(agency).ifPresent(c -> b.clientCredentials(settings.tokenUrl(), c.clientId(), c.clientSecret()));
        return b.build();
    }

    /**
     * @param agency the agency
     * @param group the subscriber's name within the agency
     * @return its subscriber, not started
     */
    GsbSubscriber subscriber(String agency, String group) {
        GsbSubscriber.Builder b = GsbSubscriber.builder()
                .bootstrapServers(settings.bootstrap())
                .agency(agency)
                .group(group)
                .registryUrl(settings.registryUrl())
                .autoRegisterSchemas(true)
                .retries(RETRIES, Duration.ofMillis(100))
                .onFatalError(e -> LOG.error("{}'s subscriber {} stopped: {}", agency, group, e.getMessage()));
        settings.credentialsOf(agency).ifPresent(c -> b.clientCredentials(settings.tokenUrl(), c.clientId(), c.clientSecret()));
        return b.build();
    }

    /**
     * Settings of the admin client that creates the demo's topics. On a secured bus it logs in as
     * the civil registry, which then needs the right to create topics; the catalog service will
     * take this over.
     */
    Map<String, Object> admin() {
        Map<String, Object> p = new HashMap<>();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, "gsb-demo-topics");
        settings.credentialsOf(DemoServices.CIVIL_REGISTRY).ifPresent(c -> {
            p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
            p.put(SaslConfigs.SASL_MECHANISM, "OAUTHBEARER");
            p.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required ;");
            p.put(SaslConfigs.SASL_LOGIN_CALLBACK_HANDLER_CLASS,
                    "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler");
            p.put(SaslConfigs.SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL, settings.tokenUrl());
            p.put("sasl.oauthbearer.client.credentials.client.id", c.clientId());
            p.put("sasl.oauthbearer.client.credentials.client.secret", c.clientSecret());
            allowTokenUrl(settings.tokenUrl());
        });
        return p;
    }

    /** Kafka calls only the OAuth URLs listed in a system property (the SDK adds its own clients' there too). */
    private static synchronized void allowTokenUrl(String url) {
        String property = "org.apache.kafka.sasl.oauthbearer.allowed.urls";
        String current = System.getProperty(property, "");
        if (!java.util.Arrays.asList(current.split(",")).contains(url)) {
            System.setProperty(property, current.isEmpty() ? url : current + "," + url);
        }
    }
}

package gov.gsb.broker;

import gov.gsb.devstack.KeycloakServer;
import gov.gsb.devstack.junit.InJvmKafka;
import gov.gsb.devstack.junit.TestServers;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.internals.Plugin;
import org.apache.kafka.server.authorizer.Authorizer;

/**
 * A real broker as the bus runs it: OAUTHBEARER on every listener (the controller's too), tokens
 * validated by Kafka against the real Keycloak's JWKS, and this module's principal builder and
 * authorizer. One is shared by the JVM's integration tests; {@link #start} makes others.
 */
final class SecuredKafka {

    static final InJvmKafka.Secured LISTENERS = InJvmKafka.Secured.saslPlaintext();
    static final String BROKER_CLIENT = "gsb-broker";
    static final String LOGIN_MODULE = "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;";
    static final String VALIDATOR = "org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallbackHandler";
    static final String LOGIN_HANDLER = "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler";

    private static InJvmKafka shared;

    private SecuredKafka() {
    }

    /** The broker this JVM's tests share, started on first use and stopped with the other test servers. */
    static synchronized InJvmKafka shared(KeycloakServer keycloak) {
        if (shared == null) {
            shared = start(keycloak, Map.of());
            TestServers.closeAtEnd(shared);
        }
        return shared;
    }

    /** A new secured broker with {@code overrides} on top of the bus's settings; the caller closes it. */
    static InJvmKafka start(KeycloakServer keycloak, Map<String, String> overrides) {
        // Kafka fetches no URL that this JVM-wide list does not name (the default allows none).
        System.setProperty("org.apache.kafka.sasl.oauthbearer.allowed.urls", keycloak.tokenUrl() + "," + keycloak.jwksUrl());
        Map<String, String> props = new LinkedHashMap<>(brokerProperties(keycloak));
        props.putAll(overrides);
        return InJvmKafka.start(props, LISTENERS);
    }

    /** The broker lines the README documents, for this Keycloak. */
    static Map<String, String> brokerProperties(KeycloakServer keycloak) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("sasl.enabled.mechanisms", "OAUTHBEARER");
        p.put("sasl.mechanism.controller.protocol", "OAUTHBEARER");
        p.put("sasl.mechanism.inter.broker.protocol", "OAUTHBEARER");
        for (String listener : new String[] {LISTENERS.brokerListener(), LISTENERS.controllerListener()}) {
            String prefix = "listener.name." + listener.toLowerCase(Locale.ROOT) + ".oauthbearer.";
            p.put(prefix + "sasl.server.callback.handler.class", VALIDATOR);
            p.put(prefix + "sasl.login.callback.handler.class", LOGIN_HANDLER);
            p.put(prefix + "sasl.jaas.config", LOGIN_MODULE);
        }
        p.put("sasl.oauthbearer.jwks.endpoint.url", keycloak.jwksUrl());
        p.put("sasl.oauthbearer.expected.audience", KeycloakServer.AUDIENCE);
        p.put("sasl.oauthbearer.expected.issuer", keycloak.realmUrl());
        p.put("sasl.oauthbearer.sub.claim.name", "preferred_username");
        // No grace after exp: the expired-token test need not wait 30 s.
        p.put("sasl.oauthbearer.clock.skew.seconds", "0");
        p.put("sasl.oauthbearer.token.endpoint.url", keycloak.tokenUrl());
        p.put("sasl.oauthbearer.client.credentials.client.id", BROKER_CLIENT);
        p.put("sasl.oauthbearer.client.credentials.client.secret", KeycloakServer.devSecret(BROKER_CLIENT));
        // Keycloak's tokens live 300 s, as long as the default buffer: refresh 30 s before expiry.
        p.put("sasl.login.refresh.buffer.seconds", "30");
        p.put("principal.builder.class", GsbPrincipalBuilder.class.getName());
        p.put("authorizer.class.name", GsbAuthorizer.class.getName());
        p.put("super.users", "User:service-account-" + BROKER_CLIENT);
        return p;
    }

    /** Settings for a client that logs in with a realm client's credentials (Kafka's own login handler). */
    static Properties client(InJvmKafka kafka, KeycloakServer keycloak, String clientId) {
        return client(kafka, keycloak, clientId, KeycloakServer.devSecret(clientId));
    }

    static Properties client(InJvmKafka kafka, KeycloakServer keycloak, String clientId, String secret) {
        Properties p = sasl(kafka.bootstrapServers());
        p.put(SaslConfigs.SASL_LOGIN_CALLBACK_HANDLER_CLASS, LOGIN_HANDLER);
        p.put(SaslConfigs.SASL_JAAS_CONFIG, LOGIN_MODULE);
        p.put(SaslConfigs.SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL, keycloak.tokenUrl());
        p.put("sasl.oauthbearer.client.credentials.client.id", clientId);
        p.put("sasl.oauthbearer.client.credentials.client.secret", secret);
        p.put(SaslConfigs.SASL_LOGIN_REFRESH_BUFFER_SECONDS, "30");
        return p;
    }

    /** Settings for a client that presents exactly this JWT, whatever it is. */
    static Properties clientWithToken(String bootstrapServers, String jwt) {
        Properties p = sasl(bootstrapServers);
        p.put(SaslConfigs.SASL_LOGIN_CALLBACK_HANDLER_CLASS, FixedTokenLoginCallbackHandler.class.getName());
        p.put(SaslConfigs.SASL_JAAS_CONFIG, FixedTokenLoginCallbackHandler.jaasConfig(jwt));
        return p;
    }

    private static Properties sasl(String bootstrapServers) {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        p.put(SaslConfigs.SASL_MECHANISM, "OAUTHBEARER");
        return p;
    }

    /** An admin client of the broker's own service account, a super user: creates topics and ACLs. */
    static Admin superAdmin(InJvmKafka kafka, KeycloakServer keycloak) {
        return Admin.create(client(kafka, keycloak, BROKER_CLIENT));
    }

    /** The authorizer instance the broker (not the controller) runs. */
    static GsbAuthorizer brokerAuthorizer(InJvmKafka kafka) {
        Plugin<Authorizer> plugin = kafka.testKit().brokers().values().iterator().next().authorizerPlugin().get();
        return (GsbAuthorizer) plugin.get();
    }
}

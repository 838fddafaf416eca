package gov.gsb.devstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the bus's brokers are secured, in one place for the launcher's broker process and the test
 * fixtures: SASL OAUTHBEARER on every listener (the controller's too), tokens validated by Kafka
 * against the realm's JWKS with the bus's audience and issuer, our principal builder and
 * authorizer (the broker-plugin module), and the two super users: the brokers themselves and the
 * bus's own services (access-admin creates topics and ACLs).
 */
public final class BrokerSecurity {

    /** The realm client the brokers log in with (to each other and to the controller). */
    public static final String BROKER_CLIENT = "gsb-broker";
    /** The realm client of the bus's own services (access-admin, stream processors, orchestrator). */
    public static final String SERVICES_CLIENT = "gsb-services";
    /** The broker plugin's principal builder (class name: the devstack does not depend on the plugin). */
    public static final String PRINCIPAL_BUILDER = "gov.gsb.broker.GsbPrincipalBuilder";
    /** The broker plugin's authorizer. */
    public static final String AUTHORIZER = "gov.gsb.broker.GsbAuthorizer";
    /** Kafka's JVM-wide allow-list of URLs its OAuth code may call (default: none). */
    public static final String ALLOWED_URLS = "org.apache.kafka.sasl.oauthbearer.allowed.urls";

    private static final String LOGIN_MODULE = "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;";
    private static final String VALIDATOR = "org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallbackHandler";
    private static final String LOGIN_HANDLER = "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler";

    private BrokerSecurity() {
    }

    /** @return {@code User:service-account-gsb-broker;User:service-account-gsb-services} */
    public static String superUsers() {
        return "User:service-account-" + BROKER_CLIENT + ";User:service-account-" + SERVICES_CLIENT;
    }

    /** @return the token endpoint and JWKS URLs, comma-separated, for {@link #ALLOWED_URLS} */
    public static String allowedUrls(KeycloakServer keycloak) {
        return keycloak.tokenUrl() + "," + keycloak.jwksUrl();
    }

    /**
     * @param keycloak the realm that issues the tokens
     * @param listeners the names of the listeners (broker's and controller's) to secure
     * @return the broker properties that secure them
     */
    public static Map<String, String> brokerProperties(KeycloakServer keycloak, List<String> listeners) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("sasl.enabled.mechanisms", "OAUTHBEARER");
        p.put("sasl.mechanism.controller.protocol", "OAUTHBEARER");
        p.put("sasl.mechanism.inter.broker.protocol", "OAUTHBEARER");
        for (String listener : listeners) {
            String prefix = "listener.name." + listener.toLowerCase(Locale.ROOT) + ".oauthbearer.";
            p.put(prefix + "sasl.server.callback.handler.class", VALIDATOR);
            p.put(prefix + "sasl.login.callback.handler.class", LOGIN_HANDLER);
            p.put(prefix + "sasl.jaas.config", LOGIN_MODULE);
        }
        p.put("sasl.oauthbearer.jwks.endpoint.url", keycloak.jwksUrl());
        p.put("sasl.oauthbearer.expected.audience", KeycloakServer.AUDIENCE);
        p.put("sasl.oauthbearer.expected.issuer", keycloak.realmUrl());
        p.put("sasl.oauthbearer.sub.claim.name", "preferred_username");
        p.put("sasl.oauthbearer.token.endpoint.url", keycloak.tokenUrl());
        p.put("sasl.oauthbearer.client.credentials.client.id", BROKER_CLIENT);
        p.put("sasl.oauthbearer.client.credentials.client.secret", KeycloakServer.devSecret(BROKER_CLIENT));
        // Keycloak's tokens live 300 s, as long as Kafka's default refresh buffer: refresh 30 s before expiry.
        p.put("sasl.login.refresh.buffer.seconds", "30");
        p.put("principal.builder.class", PRINCIPAL_BUILDER);
        p.put("authorizer.class.name", AUTHORIZER);
        p.put("super.users", superUsers());
        return p;
    }

    /**
     * @param bootstrapServers the secured brokers
     * @param keycloak the realm
     * @param clientId a realm client (its dev secret is used)
     * @return Kafka client properties that log in as that client with Kafka's own login handler
     */
    public static Map<String, Object> clientProperties(String bootstrapServers, KeycloakServer keycloak, String clientId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", "OAUTHBEARER");
        p.put("sasl.jaas.config", LOGIN_MODULE);
        p.put("sasl.login.callback.handler.class", LOGIN_HANDLER);
        p.put("sasl.oauthbearer.token.endpoint.url", keycloak.tokenUrl());
        p.put("sasl.oauthbearer.client.credentials.client.id", clientId);
        p.put("sasl.oauthbearer.client.credentials.client.secret", KeycloakServer.devSecret(clientId));
        p.put("sasl.login.refresh.buffer.seconds", "30");
        allowUrlsInThisJvm(keycloak);
        return p;
    }

    /** Lets this JVM's Kafka clients call the realm's token endpoint and JWKS (adds to what is allowed). */
    public static synchronized void allowUrlsInThisJvm(KeycloakServer keycloak) {
        String current = System.getProperty(ALLOWED_URLS, "");
        StringBuilder urls = new StringBuilder(current);
        for (String url : allowedUrls(keycloak).split(",")) {
            if (!("," + current + ",").contains("," + url + ",")) {
                urls.append(urls.length() == 0 ? "" : ",").append(url);
            }
        }
        System.setProperty(ALLOWED_URLS, urls.toString());
    }
}

package gov.gsb.broker;

import static org.assertj.core.api.Assertions.assertThat;

import gov.gsb.devstack.KeycloakServer;
import gov.gsb.devstack.junit.InJvmKafka;
import gov.gsb.devstack.junit.RealServers;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kafka's own validator, configured as the bus configures it, refuses every token it should: each
 * test presents one exactly as it is (see {@link FixedTokenLoginCallbackHandler}) and shows, where
 * it can, that the same kind of token without the flaw is accepted.
 */
@ExtendWith(RealServers.class)
class TokenValidationIT {

    static final String UNSECURED_LOGIN =
            "org.apache.kafka.common.security.oauthbearer.internals.unsecured.OAuthBearerUnsecuredLoginCallbackHandler";

    static KeycloakServer keycloak;
    static InJvmKafka kafka;

    @BeforeAll
    static void startBroker(KeycloakServer server) {
        keycloak = server;
        kafka = SecuredKafka.shared(server);
    }

    /** Null if the broker accepted the token, else why the client failed. */
    static Throwable login(Properties client) throws Exception {
        try (Admin admin = Admin.create(client)) {
            admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    static Throwable login(String jwt) throws Exception {
        return login(SecuredKafka.clientWithToken(kafka.bootstrapServers(), jwt));
    }

    @Test
    void shouldAcceptARealmTokenPresentedAsItIs() throws Exception {
        assertThat(login(KeycloakTokens.token(keycloak, "tax"))).isNull();
    }

    @Test
    void shouldRefuseATokenWhosePayloadWasChanged() throws Exception {
        String forged = KeycloakTokens.forge(KeycloakTokens.token(keycloak, "utilities"),
                "/agencies/utilities", "/agencies/tax");

        assertThat(login(forged)).isInstanceOf(SaslAuthenticationException.class);
    }

    /**
     * A real token that expires: Keycloak lets a client set its own {@code access.token.lifespan},
     * so a client made for this test gets 6-second tokens. The broker accepts the token, then, once
     * {@code exp} has passed (the broker allows no clock skew), refuses the very same token.
     */
    @Test
    void shouldRefuseATokenOnceItHasExpired() throws Exception {
        String clientId = "short-lived-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = KeycloakTokens.createClient(keycloak, clientId, 6, KeycloakServer.AUDIENCE);
        String token = KeycloakTokens.token(keycloak, clientId, secret);
        Instant expiry = KeycloakTokens.expiry(token);
        assertThat(login(token)).as("the fresh token").isNull();
        assertThat(Instant.now()).as("still before exp, or the check above proves nothing").isBefore(expiry);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis()) + 1_500);

        assertThat(login(token)).isInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void shouldRefuseATokenIssuedForAnotherAudience() throws Exception {
        String clientId = "other-audience-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = KeycloakTokens.createClient(keycloak, clientId, 300, "not-gsb");
        String token = KeycloakTokens.token(keycloak, clientId, secret);
        assertThat(KeycloakTokens.payload(token).path("aud").toString()).contains("not-gsb").doesNotContain("\"gsb\"");

        assertThat(login(token)).isInstanceOf(SaslAuthenticationException.class);
    }

    /**
     * Keycloak pins the issuer to the realm URL and signs only with the realm's keys, so a
     * correctly signed token of another issuer cannot be had from it. The same holds the other way
     * round: a second broker that trusts another issuer on its client listener (its controller
     * listener still trusts the realm, so it starts) refuses the realm's token, which the first
     * broker accepts.
     *
     * <p>At start a broker also logs in on each listener and checks its own token with that
     * listener's validator settings, which would now fail; this broker never uses that login (it
     * talks to its controller over the controller listener only), so there it gets Kafka's
     * unsecured placeholder login. Validation of clients on the listener is untouched.
     */
    @Test
    void shouldRefuseATokenOfAnotherIssuer() throws Exception {
        String token = KeycloakTokens.token(keycloak, "tax");
        String prefix = "listener.name." + SecuredKafka.LISTENERS.brokerListener().toLowerCase(Locale.ROOT) + ".";
        try (InJvmKafka other = SecuredKafka.start(keycloak, Map.of(
                prefix + "sasl.oauthbearer.expected.issuer", keycloak.realmUrl() + "-elsewhere",
                prefix + "oauthbearer.sasl.login.callback.handler.class", UNSECURED_LOGIN,
                prefix + "oauthbearer.sasl.jaas.config",
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required unsecuredLoginStringClaim_sub=\"unused\";"))) {

            assertThat(login(SecuredKafka.clientWithToken(other.bootstrapServers(), token)))
                    .isInstanceOf(SaslAuthenticationException.class);
        }
        assertThat(login(token)).isNull();
    }

    @Test
    void shouldAuthenticateTheControllerListenerWithTokensToo() throws Exception {
        String forged = KeycloakTokens.forge(KeycloakTokens.token(keycloak, SecuredKafka.BROKER_CLIENT),
                "service-account-gsb-broker", "service-account-gsb-brokex");

        assertThat(login(controllerClient(forged))).isInstanceOf(SaslAuthenticationException.class);
        assertThat(login(controllerClient(KeycloakTokens.token(keycloak, SecuredKafka.BROKER_CLIENT)))).isNull();
    }

    private static Properties controllerClient(String jwt) {
        Properties p = SecuredKafka.clientWithToken(kafka.bootstrapServers(), jwt);
        p.remove(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        p.put(AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG, kafka.testKit().bootstrapControllers());
        return p;
    }
}

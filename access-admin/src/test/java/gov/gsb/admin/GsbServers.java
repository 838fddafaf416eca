package gov.gsb.admin;

import gov.gsb.devstack.BrokerSecurity;
import gov.gsb.devstack.KeycloakServer;
import gov.gsb.devstack.RegistryServer;
import gov.gsb.devstack.junit.SecuredKafka;
import gov.gsb.devstack.junit.TestServers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The real servers the bus runs on, started once per test JVM and handed to Quarkus as configuration: Keycloak
 * with the realm {@code gsb} and Apicurio Registry (devstack's processes), and devstack's secured in-JVM broker:
 * OAUTHBEARER on every listener validating the realm's tokens, the bus's plugin authorizing, and access-admin's
 * client {@code gsb-services} a super user, as a deployment must make it (it creates topics and ACLs).
 */
public class GsbServers implements QuarkusTestResourceLifecycleManager {

    private SecuredKafka kafka;

    @Override
    public Map<String, String> start() {
        TestServers.prestart(KeycloakServer.class);
        TestServers.prestart(RegistryServer.class);
        kafka = TestServers.securedKafka();
        Map<String, String> config = Map.of("gsb.bootstrap", kafka.bootstrapServers(),
                "gsb.keycloak.url", TestServers.keycloak().realmUrl(),
                "gsb.registry.url", TestServers.registry().ccompatUrl(),
                // What %test sets, for the packaged app (*IT), which runs with the production profile:
                "gsb.kafka.security-protocol", "SASL_PLAINTEXT",
                "gsb.keycloak.client-secret", KeycloakServer.devSecret(BrokerSecurity.SERVICES_CLIENT),
                "quarkus.oidc.credentials.secret", KeycloakServer.devSecret("gsb-portal"));
        config.forEach(System::setProperty); // for the tests' own clients (Bus), in whichever JVM runs them
        return config;
    }

    /**
     * Stops the broker now, while the JVM still runs. Left to the JVM's shutdown hooks, its close races the hook
     * with which Kafka's test kit deletes the broker's log directories, and a broker that loses its log directory
     * halts the JVM with a failure code (surefire: "Error occurred in starting fork"). Keycloak and the registry are
     * processes: they stop when the JVM exits. All test classes share this one resource, so it starts and stops once.
     */
    @Override
    public void stop() {
        if (kafka != null) {
            kafka.kafka().close();
        }
    }
}

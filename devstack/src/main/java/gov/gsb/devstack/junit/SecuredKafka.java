package gov.gsb.devstack.junit;

import gov.gsb.devstack.BrokerSecurity;
import gov.gsb.devstack.KeycloakServer;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;

/**
 * A real in-JVM broker secured as the bus runs it ({@link BrokerSecurity}): every client logs in
 * with a realm client's credentials, and the broker plugin authorizes. The module using it must
 * have {@code gsb-broker-plugin} on its test classpath.
 *
 * @param kafka the broker
 * @param keycloak the realm that issues its clients' tokens
 */
public record SecuredKafka(InJvmKafka kafka, KeycloakServer keycloak) {

    /** Starts one with the bus's security settings plus {@code overrides}; the caller closes it. */
    public static SecuredKafka start(KeycloakServer keycloak, Map<String, String> overrides) {
        BrokerSecurity.allowUrlsInThisJvm(keycloak);
        InJvmKafka.Secured listeners = InJvmKafka.Secured.saslPlaintext();
        Map<String, String> props = new java.util.LinkedHashMap<>(BrokerSecurity.brokerProperties(keycloak,
                List.of(listeners.brokerListener(), listeners.controllerListener())));
        props.putAll(overrides);
        return new SecuredKafka(InJvmKafka.start(props, listeners), keycloak);
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** @return client settings that log in as the realm client {@code clientId} (its dev secret) */
    public Properties clientProperties(String clientId) {
        Properties p = new Properties();
        p.putAll(BrokerSecurity.clientProperties(bootstrapServers(), keycloak, clientId));
        return p;
    }

    /** @return an admin client of the bus's services (a super user: topics and ACLs); the caller closes it */
    public Admin servicesAdmin() {
        return Admin.create(clientProperties(BrokerSecurity.SERVICES_CLIENT));
    }
}

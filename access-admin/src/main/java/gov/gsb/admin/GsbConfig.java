package gov.gsb.admin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * access-admin's own settings, prefix {@code gsb}. Each has a default for the local stack ({@code %dev}) in
 * {@code application.properties}; production takes them from the environment ({@code %prod}), with the names
 * {@code ./gsb env} prints: {@code GSB_BOOTSTRAP}, {@code GSB_KEYCLOAK_URL}, {@code GSB_REGISTRY_URL}, plus
 * {@code GSB_SERVICES_CLIENT_SECRET}.
 */
@ConfigMapping(prefix = "gsb")
public interface GsbConfig {

    /** The bus's brokers, {@code host:port,...} ({@code GSB_BOOTSTRAP}). */
    String bootstrap();

    /** How access-admin's own Kafka clients connect. */
    Kafka kafka();

    /** The realm and access-admin's client in it. */
    Keycloak keycloak();

    /** The schema registry. */
    Registry registry();

    /** The bus's own topics. */
    Topics topics();

    /** Keeping the brokers' ACLs equal to the grants. */
    Acls acls();

    /** The orchestrator of composite services, as far as access-admin grants it what it needs. */
    Orchestrator orchestrator();

    /** Kafka client settings. */
    interface Kafka {
        /**
         * {@code SASL_SSL} or {@code SASL_PLAINTEXT}: log in with OAUTHBEARER as {@code gsb.keycloak.client-id};
         * {@code PLAINTEXT}: no authentication (the local stack's broker).
         */
        @WithDefault("SASL_SSL")
        String securityProtocol();

        /** More Kafka client properties, for every client (e.g. {@code ssl.truststore.location}). */
        Map<String, String> properties();

        /** How long one Kafka operation (a write, an admin call, loading a topic) may take. */
        @WithDefault("30s")
        Duration timeout();
    }

    /** Keycloak. */
    interface Keycloak {
        /** The realm's URL, also its tokens' issuer, e.g. {@code http://127.0.0.1:8080/realms/gsb}. */
        String url();

        /** access-admin's confidential client: Keycloak admin API and Kafka login. */
        @WithDefault("gsb-services")
        String clientId();

        /** Its secret ({@code GSB_SERVICES_CLIENT_SECRET}). */
        String clientSecret();

        /** The audience the bus's tokens carry (the brokers' {@code sasl.oauthbearer.expected.audience}). */
        @WithDefault("gsb")
        String audience();
    }

    /** Apicurio Registry. */
    interface Registry {
        /** Its Confluent-compatible API, e.g. {@code http://127.0.0.1:8081/apis/ccompat/v7}. */
        String url();
    }

    /** Topic names and the settings of the topics access-admin creates. */
    interface Topics {
        /** The compacted topic of the service catalog. */
        @WithDefault("gsb.catalog")
        String catalog();

        /** The compacted topic of the grants. */
        @WithDefault("gsb.grants")
        String grants();

        /** The audit trail. */
        @WithDefault("gsb.audit")
        String audit();

        /** The compacted topic of the composite services' definitions, one record per version. */
        @WithDefault("gsb.composites")
        String composites();

        /** Every SDK call's record; created when missing, and the SDK clients' base ACLs name it. */
        @WithDefault("gsb.calls")
        String calls();

        /** Partitions of {@code gsb.calls} when access-admin creates it. */
        @WithDefault("3")
        int callsPartitions();

        /** How long {@code gsb.audit} keeps events, in ms; -1 keeps them forever. */
        @WithDefault("-1")
        long auditRetentionMs();

        /** Replication factor of every topic access-admin creates; the brokers' default when absent. */
        Optional<Short> replicationFactor();
    }

    /**
     * The orchestrator's identity. At a composite's registration access-admin grants this group SERVE on the
     * composite and REQUEST on each service it calls; the base ACLs give it its Kafka Streams application (state
     * topics, consumer group, transactional ids) and READ on the definitions.
     */
    interface Orchestrator {
        /** Its group, written as grants write groups (no leading slash). */
        @WithDefault("agencies/orchestrator")
        String group();

        /** Its Kafka Streams application id ({@code GSB_ORCHESTRATOR_APPLICATION_ID} of the orchestrator). */
        @WithDefault("gsb.orchestrator.composites")
        String applicationId();
    }

    /** ACL reconciliation. */
    interface Acls {
        /** How often the brokers' ACLs are compared with the grants and repaired; 0 only at start and on change. */
        @WithDefault("5m")
        Duration reconcileInterval();
    }
}

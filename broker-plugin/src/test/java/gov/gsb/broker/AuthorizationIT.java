package gov.gsb.broker;

import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.WRITE;
import static org.apache.kafka.common.acl.AclPermissionType.ALLOW;
import static org.apache.kafka.common.acl.AclPermissionType.DENY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.gsb.broker.internal.DecisionMetrics;
import gov.gsb.devstack.KeycloakServer;
import gov.gsb.devstack.junit.InJvmKafka;
import gov.gsb.devstack.junit.RealServers;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real agency clients, with real Keycloak tokens, against a real broker that runs the plugin:
 * grants on groups and roles decide who may produce, DENY wins, revocations bite, and groups
 * survive the trip to the controller.
 */
@ExtendWith(RealServers.class)
class AuthorizationIT {

    static KeycloakServer keycloak;
    static InJvmKafka kafka;
    static Admin admin;

    @BeforeAll
    static void startBroker(KeycloakServer server) {
        keycloak = server;
        kafka = SecuredKafka.shared(server);
        admin = SecuredKafka.superAdmin(kafka, server);
    }

    @AfterAll
    static void closeAdmin() {
        admin.close();
    }

    static String newTopic(String agency) throws Exception {
        String name = "gsb." + agency + ".it-" + UUID.randomUUID().toString().substring(0, 8);
        await(admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all());
        return name;
    }

    static AclBinding acl(String principal, String topic, AclOperation op, AclPermissionType permission) {
        return new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
                new AccessControlEntry(principal, "*", op, permission));
    }

    static void grant(AclBinding... acls) throws Exception {
        await(admin.createAcls(List.of(acls)).all());
    }

    static void revoke(AclBinding acl) throws Exception {
        await(admin.deleteAcls(List.of(acl.toFilter())).all());
    }

    static <T> T await(KafkaFuture<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }

    static Producer<String, String> producer(String clientId, boolean idempotent) {
        Properties p = SecuredKafka.client(kafka, keycloak, clientId);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, idempotent);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        // Re-ask for metadata quickly after a refusal: the grant test measures how soon a produce succeeds.
        p.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 5);
        p.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 20);
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    static void produce(Producer<String, String> producer, String topic) throws Exception {
        producer.send(new ProducerRecord<>(topic, "key", "value")).get(20, TimeUnit.SECONDS);
    }

    /** Whether a produce went through; false if it was refused for lack of a grant. */
    static boolean produced(Producer<String, String> producer, String topic) throws Exception {
        try {
            produce(producer, topic);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicAuthorizationException) {
                return false;
            }
            throw e;
        }
    }

    @Test
    void shouldLetAGroupMemberProduceIdempotentlyAndRefuseAnAgencyWithoutAGrant() throws Exception {
        String topic = newTopic("tax");
        grant(acl("Group:agencies/tax", topic, WRITE, ALLOW));

        // Idempotent: InitProducerId passes through authorizeByResourceType on the group's grant.
        try (Producer<String, String> tax = producer("tax", true)) {
            produce(tax, topic);
        }
        try (Producer<String, String> utilities = producer("utilities", false)) {
            assertThatThrownBy(() -> produce(utilities, topic)).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void shouldLetAHolderOfTheRoleProduce() throws Exception {
        String topic = newTopic("civil-registry");
        grant(acl("Role:publisher", topic, WRITE, ALLOW));

        try (Producer<String, String> civilRegistry = producer("civil-registry", true)) {
            produce(civilRegistry, topic);
        }
    }

    @Test
    void shouldLetARoleDenyBeatAGroupAllow() throws Exception {
        String topic = newTopic("tax");
        grant(acl("Group:agencies/tax", topic, WRITE, ALLOW), acl("Role:publisher", topic, WRITE, DENY));

        try (Producer<String, String> tax = producer("tax", false)) {
            assertThatThrownBy(() -> produce(tax, topic)).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void shouldRefuseTheNextProduceOnceTheGrantIsRevoked() throws Exception {
        String topic = newTopic("tax");
        AclBinding grant = acl("Group:agencies/tax", topic, WRITE, ALLOW);
        grant(grant);
        try (Producer<String, String> tax = producer("tax", false)) {
            produce(tax, topic);

            revoke(grant);

            assertThat(GrantLatency.untilOutcome(() -> produced(tax, topic), false).micros()).isLessThan(1_000_000L);
            assertThatThrownBy(() -> produce(tax, topic)).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void shouldMakeAGrantEffectiveWellUnderASecond() throws Exception {
        String topic = newTopic("tax");
        AclBinding grant = acl("Group:agencies/tax", topic, WRITE, ALLOW);
        GrantLatency latency = new GrantLatency();
        try (Producer<String, String> tax = producer("tax", false)) {
            assertThat(produced(tax, topic)).isFalse();
            for (int trial = 0; trial < GrantLatency.TRIALS; trial++) {
                grant(grant);
                latency.granted(GrantLatency.untilOutcome(() -> produced(tax, topic), true));
                revoke(grant);
                latency.revoked(GrantLatency.untilOutcome(() -> produced(tax, topic), false));
            }
        }
        latency.report();

        assertThat(latency.grantP95Micros()).isLessThan(1_000_000L);
        assertThat(latency.revokeP95Micros()).isLessThan(1_000_000L);
    }

    @Test
    void shouldCarryGroupsToTheControllerWhichAuthorizesForwardedCreateTopics() throws Exception {
        String prefix = "gsb.tax.it-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        grant(new AclBinding(new ResourcePattern(ResourceType.TOPIC, prefix, PatternType.PREFIXED),
                new AccessControlEntry("Group:agencies/tax", "*", CREATE, ALLOW)));

        try (Admin tax = Admin.create(SecuredKafka.client(kafka, keycloak, "tax"));
                Admin utilities = Admin.create(SecuredKafka.client(kafka, keycloak, "utilities"))) {
            await(tax.createTopics(List.of(new NewTopic(prefix + "returns", 1, (short) 1))).all());
            assertThatThrownBy(() -> await(utilities.createTopics(List.of(new NewTopic(prefix + "bills", 1, (short) 1))).all()))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        assertThat(await(admin.listTopics().names())).contains(prefix + "returns").doesNotContain(prefix + "bills");
    }

    @Test
    void shouldCountDecisionsInTheBrokersPluginMetrics() throws Exception {
        GsbAuthorizer authorizer = SecuredKafka.brokerAuthorizer(kafka);
        long deniedBefore = authorizer.deniedDecisions();
        String topic = newTopic("tax");

        try (Producer<String, String> utilities = producer("utilities", false)) {
            assertThat(produced(utilities, topic)).isFalse();
        }

        assertThat(authorizer.deniedDecisions()).isGreaterThan(deniedBefore);
        assertThat(authorizer.allowedDecisions()).isPositive();
        MetricName denied = kafka.testKit().brokers().values().iterator().next().metrics().metrics().keySet().stream()
                .filter(m -> m.name().equals(DecisionMetrics.DENIED_TOTAL) && "broker".equals(m.tags().get("role")))
                .findFirst().orElseThrow();
        Object value = kafka.testKit().brokers().values().iterator().next().metrics().metric(denied).metricValue();
        assertThat((Long) value).isGreaterThan(deniedBefore);
    }
}

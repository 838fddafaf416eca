package gov.gsb.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.gsb.bus.CallRecord;
import gov.gsb.bus.Outcome;
import gov.gsb.devstack.KeycloakServer;
import gov.gsb.devstack.RegistryServer;
import gov.gsb.devstack.junit.RealServers;
import gov.gsb.devstack.junit.SecuredKafka;
import gov.gsb.producer.GsbPublisher;
import gov.gsb.sample.poll.PollVoteCast;
import gov.gsb.schemas.Samples;
import gov.gsb.sdk.GsbAvroDeserializer;
import gov.gsb.sdk.NotAuthorizedException;
import gov.gsb.sdk.SchemaRegistry;
import gov.gsb.sdk.Service;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The SDKs on the bus as it runs: a broker that takes only Keycloak tokens and our authorizer. */
@ExtendWith(RealServers.class)
class SecuredBusIT {

    private SecuredKafka bus;
    private KeycloakServer keycloak;
    private RegistryServer registry;

    @BeforeEach
    void bus(SecuredKafka kafka, RegistryServer registry) throws Exception {
        this.bus = kafka;
        this.keycloak = kafka.keycloak();
        this.registry = registry;
        try (Admin admin = kafka.servicesAdmin()) {
            createTopic(admin, "gsb.calls");
            // Every SDK client writes its CallRecords (access-admin applies this base grant on a real bus).
            allow(admin, "Role:publisher", "gsb.calls", AclOperation.WRITE);
            allow(admin, "Role:subscriber", "gsb.calls", AclOperation.WRITE);
        }
    }

    @Test
    void shouldPublishAndSubscribeWithClientCredentialsOnceTheAgencysGroupIsGranted() throws Exception {
        Service service = Service.of("civil-registry", "it-" + UUID.randomUUID().toString().substring(0, 8));
        String group = "gsb.tax.it";
        try (Admin admin = bus.servicesAdmin()) {
            createTopic(admin, service.topic());
            createTopic(admin, service.deadLetterTopic("tax"));
            allow(admin, "Group:agencies/civil-registry", service.topic(), AclOperation.WRITE);
            allow(admin, "Group:agencies/tax", service.topic(), AclOperation.READ);
            admin.createAcls(List.of(new AclBinding(new ResourcePattern(ResourceType.GROUP, "gsb.tax.", PatternType.PREFIXED),
                    new AccessControlEntry("Group:agencies/tax", "*", AclOperation.READ, AclPermissionType.ALLOW))))
                    .all().get(30, TimeUnit.SECONDS);
        }
        List<PollVoteCast> received = new CopyOnWriteArrayList<>();
        try (GsbPublisher publisher = publisher("civil-registry", KeycloakServer.devSecret("civil-registry"));
             GsbSubscriber subscriber = GsbSubscriber.builder().bootstrapServers(bus.bootstrapServers()).agency("tax")
                     .registryUrl(registry.ccompatUrl()).group("it")
                     .clientCredentials(keycloak.tokenUrl(), "tax", KeycloakServer.devSecret("tax")).build()
                     .subscribe(service, PollVoteCast.class, (v, m) -> received.add(v)).start()) {
            publisher.publishAndWait(service.name(), "k", Samples.pollVoteCast());

            await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 1);
            assertThat(subscriber.failure()).isEmpty();
        }
        assertThat(received.get(0)).isEqualTo(Samples.pollVoteCast());
        assertThat(group).startsWith("gsb.tax.");
    }

    @Test
    void shouldRaiseNotAuthorizedAndRecordADeniedCallWithoutAGrant() throws Exception {
        Service service = Service.of("utilities", "it-" + UUID.randomUUID().toString().substring(0, 8));
        try (Admin admin = bus.servicesAdmin()) {
            createTopic(admin, service.topic());
        }
        try (GsbPublisher publisher = publisher("utilities", KeycloakServer.devSecret("utilities"))) {
            assertThatThrownBy(() -> publisher.publishAndWait(service.name(), "k", Samples.pollVoteCast()))
                    .isInstanceOf(NotAuthorizedException.class)
                    .hasMessageContaining("agency utilities may not publish to service " + service);
        }
        CallRecord denied = readCalls(r -> r.getService().equals(service.toString()));
        assertThat(denied.getOutcome()).isEqualTo(Outcome.DENIED);
        assertThat(denied.getErrorCode()).isEqualTo("NOT_AUTHORIZED");
    }

    @Test
    void shouldRaiseNotAuthorizedWhenTheAgencysSecretIsWrong() {
        // With OAuth a client logs in as it is made: the builder already knows.
        assertThatThrownBy(() -> publisher("tax", "not-the-secret"))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("agency tax could not log in to the bus")
                .hasMessageContaining("gsb.client.secret");
    }

    @Test
    void shouldLogInWithTokensTheApplicationSupplies() throws Exception {
        Service service = Service.of("single-window", "it-" + UUID.randomUUID().toString().substring(0, 8));
        try (Admin admin = bus.servicesAdmin()) {
            createTopic(admin, service.topic());
            allow(admin, "User:service-account-single-window", service.topic(), AclOperation.WRITE);
        }
        Supplier<String> tokens = () -> clientCredentialsToken("single-window");
        try (GsbPublisher publisher = GsbPublisher.builder().bootstrapServers(bus.bootstrapServers()).agency("single-window")
                .registryUrl(registry.ccompatUrl()).autoRegisterSchemas(true).tokenSupplier(tokens).build()) {
            assertThat(publisher.publishAndWait(service.name(), "k", Samples.pollVoteCast()).offset()).isZero();
        }
    }

    private GsbPublisher publisher(String agency, String secret) {
        return GsbPublisher.builder().bootstrapServers(bus.bootstrapServers()).agency(agency)
                .registryUrl(registry.ccompatUrl()).autoRegisterSchemas(true)
                .clientCredentials(keycloak.tokenUrl(), agency, secret)
                .config("gsb.publish.max.block.ms", 5_000)
                .build();
    }

    private CallRecord readCalls(java.util.function.Predicate<CallRecord> which) {
        Properties p = bus.clientProperties("gsb-services");
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-calls-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<CallRecord> found = new ArrayList<>();
        try (var d = new GsbAvroDeserializer<>(SchemaRegistry.http(registry.ccompatUrl()), CallRecord.class);
             KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of("gsb.calls"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.isEmpty() && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(r -> {
                    CallRecord record = d.deserialize(r.topic(), r.value());
                    if (which.test(record)) {
                        found.add(record);
                    }
                });
            }
        }
        assertThat(found).as("a CallRecord on gsb.calls").isNotEmpty();
        return found.get(0);
    }

    private String clientCredentialsToken(String clientId) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(keycloak.tokenUrl()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + clientId
                            + "&client_secret=" + KeycloakServer.devSecret(clientId))).build(), HttpResponse.BodyHandlers.ofString());
            return new ObjectMapper().readTree(r.body()).path("access_token").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void createTopic(Admin admin, String topic) throws Exception {
        try {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static void allow(Admin admin, String principal, String topic, AclOperation operation) throws Exception {
        admin.createAcls(List.of(new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)))).all().get(30, TimeUnit.SECONDS);
    }
}

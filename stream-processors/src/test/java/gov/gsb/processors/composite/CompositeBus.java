package gov.gsb.processors.composite;

import gov.gsb.bus.CallRecord;
import gov.gsb.composites.CompositeDefinition;
import gov.gsb.composites.CompositeDefinitions;
import gov.gsb.composites.ComponentKind;
import gov.gsb.composites.DefinitionTopic;
import gov.gsb.composites.Examples;
import gov.gsb.composites.Format;
import gov.gsb.composites.OrchestratorAcls;
import gov.gsb.consumer.GsbSubscriber;
import gov.gsb.devstack.KeycloakServer;
import gov.gsb.devstack.RegistryServer;
import gov.gsb.devstack.junit.SecuredKafka;
import gov.gsb.producer.GsbPublisher;
import gov.gsb.sample.civilregistry.AddressChangeRequest;
import gov.gsb.sample.composite.MoveHouseRequest;
import gov.gsb.sample.tax.TaxAddressRequest;
import gov.gsb.sample.utilities.SupplyTransferRequest;
import gov.gsb.sdk.GsbAvroDeserializer;
import gov.gsb.sdk.SchemaRegistry;
import gov.gsb.sdk.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One test's composite world on the secured bus: its own "moves house" composite and component services (names
 * suffixed, so tests do not share topics), their topics, schemas and grants as the ACLs access-admin would apply
 * (AclMapping: REQUEST and SERVE), the orchestrator's own ACLs, and the definition on a definitions topic of its own.
 */
final class CompositeBus {

    static final int PARTITIONS = 3;

    final SecuredKafka kafka;
    final RegistryServer registry;
    final String id = UUID.randomUUID().toString().substring(0, 8);
    final Service composite = Service.of("orchestrator", "move-house-" + id);
    final Service register = Service.of("civil-registry", "address-change-" + id);
    final Service tax = Service.of("tax", "tax-address-" + id);
    final Service transfer = Service.of("utilities", "supply-transfer-" + id);
    final String definitionsTopic = "gsb.composites.it-" + id;
    final String applicationId = "gsb.orchestrator.composites-it-" + id;

    CompositeBus(SecuredKafka kafka, RegistryServer registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    /** Creates the topics, registers the request schemas and makes the grants; stores the definition. */
    CompositeBus setUp(int stepTimeoutMs) throws Exception {
        try (Admin admin = kafka.servicesAdmin()) {
            topic(admin, "gsb.calls", PARTITIONS);
            topic(admin, definitionsTopic, 1);
            for (Service s : List.of(composite, register, tax, transfer)) {
                topic(admin, s.requestsTopic(), PARTITIONS);
            }
            topic(admin, composite.replyTopic("single-window"), PARTITIONS);
            for (Service s : List.of(register, tax, transfer)) {
                topic(admin, s.replyTopic("orchestrator"), PARTITIONS);
            }
            List<AclBinding> acls = new ArrayList<>();
            for (String role : List.of("Role:publisher", "Role:subscriber")) {
                acls.add(acl(role, ResourceType.TOPIC, "gsb.calls", PatternType.LITERAL, AclOperation.WRITE));
            }
            acls.addAll(request("Group:agencies/single-window", composite, "single-window"));
            acls.addAll(serve("Group:agencies/orchestrator", composite));
            for (Service s : List.of(register, tax, transfer)) {
                acls.addAll(request("Group:agencies/orchestrator", s, "orchestrator"));
                acls.addAll(serve("Group:agencies/" + s.provider(), s));
            }
            acls.addAll(OrchestratorAcls.of("Group:agencies/orchestrator", applicationId, definitionsTopic));
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
        }
        SchemaRegistry schemas = SchemaRegistry.http(registry.ccompatUrl());
        // What registering a service in the catalog does: its request contract under <requests topic>-value.
        schemas.register(Service.valueSubject(register.requestsTopic()), AddressChangeRequest.getClassSchema());
        schemas.register(Service.valueSubject(tax.requestsTopic()), TaxAddressRequest.getClassSchema());
        schemas.register(Service.valueSubject(transfer.requestsTopic()), SupplyTransferRequest.getClassSchema());
        schemas.register(Service.valueSubject(composite.requestsTopic()), MoveHouseRequest.getClassSchema());
        // What access-admin does at start: the CallRecord contract under gsb.calls-value.
        schemas.register(Service.valueSubject("gsb.calls"), CallRecord.getClassSchema());
        storeDefinition(stepTimeoutMs);
        Thread.sleep(500); // a new ACL takes effect within 0.1-0.4 s
        return this;
    }

    /** The "moves house" example, with this test's service names: validated against a catalog, then stored. */
    private void storeDefinition(int stepTimeoutMs) {
        String yaml = Examples.yaml(Examples.MOVE_HOUSE)
                .replace("orchestrator.move-house", composite.toString())
                .replace("civil-registry.address-change", register.toString())
                .replace("tax.tax-address", tax.toString())
                .replace("utilities.supply-transfer", transfer.toString())
                .replace("timeoutMs: 5000", "timeoutMs: " + stepTimeoutMs);
        Map<String, ComponentKind> catalog = Map.of(register.toString(), ComponentKind.REQUEST_REPLY,
                tax.toString(), ComponentKind.REQUEST_REPLY, transfer.toString(), ComponentKind.REQUEST_REPLY);
        CompositeDefinition d = CompositeDefinitions.parse(yaml, Format.YAML, name -> Optional.ofNullable(catalog.get(name)))
                .orThrow().withVersion(1);
        Properties p = kafka.clientProperties("gsb-services");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(definitionsTopic, DefinitionTopic.key(d), DefinitionTopic.value(d))).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The orchestrator's environment (what ./gsb up would give it). */
    Map<String, String> env(Path stateDir) {
        Map<String, String> env = new HashMap<>();
        env.put("GSB_BOOTSTRAP", kafka.bootstrapServers());
        env.put("GSB_REGISTRY_URL", registry.ccompatUrl());
        env.put("GSB_TOKEN_URL", kafka.keycloak().tokenUrl());
        env.put("GSB_ORCHESTRATOR_CLIENT_SECRET", KeycloakServer.devSecret("orchestrator"));
        env.put("GSB_ORCHESTRATOR_APPLICATION_ID", applicationId);
        env.put("GSB_ORCHESTRATOR_STATE_DIR", stateDir.toString());
        // As in production: nothing registered on first use but the replies to each caller (which always are).
        env.put("GSB_ORCHESTRATOR_AUTO_REGISTER", "false");
        env.put("GSB_COMPOSITES_TOPIC", definitionsTopic);
        env.put("GSB_ORCHESTRATOR_REFRESH_MS", "1000");
        return env;
    }

    Orchestrator startOrchestrator() throws Exception {
        return Orchestrator.start(OrchestratorSettings.fromEnv(env(Files.createTempDirectory("orchestrator-it"))));
    }

    /** A provider agency's subscriber, logged in with its own client credentials, reading committed requests only. */
    GsbSubscriber.Builder provider(String agency) {
        return GsbSubscriber.builder().bootstrapServers(kafka.bootstrapServers()).agency(agency)
                .registryUrl(registry.ccompatUrl()).autoRegisterSchemas(true).group("it-" + id)
                .clientCredentials(kafka.keycloak().tokenUrl(), agency, KeycloakServer.devSecret(agency))
                .retries(0, Duration.ofMillis(10))
                .kafkaProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    }

    GsbPublisher caller(String agency) {
        return GsbPublisher.builder().bootstrapServers(kafka.bootstrapServers()).agency(agency)
                .registryUrl(registry.ccompatUrl()).autoRegisterSchemas(true)
                .clientCredentials(kafka.keycloak().tokenUrl(), agency, KeycloakServer.devSecret(agency))
                .config("gsb.publish.max.block.ms", 5_000).build();
    }

    /** Reads gsb.calls (as the services' super user) until {@code count} records match, or 30 s pass. */
    List<CallRecord> calls(Predicate<CallRecord> which, int count) {
        Properties p = kafka.clientProperties("gsb-services");
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-calls-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<CallRecord> found = new ArrayList<>();
        try (var d = new GsbAvroDeserializer<>(SchemaRegistry.http(registry.ccompatUrl()), CallRecord.class);
             KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of("gsb.calls"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(r -> {
                    CallRecord record = d.deserialize(r.topic(), r.headers(), r.value());
                    if (which.test(record)) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }

    static MoveHouseRequest move(String citizen, String utilityAccount) {
        return MoveHouseRequest.newBuilder(gov.gsb.schemas.Samples.moveHouseRequest())
                .setRequestId(UUID.randomUUID().toString()).setCitizenId(citizen).setUtilityAccountId(utilityAccount)
                .build();
    }

    /** REQUEST grant (AclMapping): write the requests, read the consumer's own reply topic. */
    static List<AclBinding> request(String principal, Service s, String consumer) {
        return List.of(acl(principal, ResourceType.TOPIC, s.requestsTopic(), PatternType.LITERAL, AclOperation.WRITE),
                acl(principal, ResourceType.TOPIC, s.requestsTopic(), PatternType.LITERAL, AclOperation.DESCRIBE),
                acl(principal, ResourceType.TOPIC, s.replyTopic(consumer), PatternType.LITERAL, AclOperation.READ),
                acl(principal, ResourceType.TOPIC, s.replyTopic(consumer), PatternType.LITERAL, AclOperation.DESCRIBE));
    }

    /** SERVE grant (AclMapping): read the requests, write every reply topic, the provider's groups. */
    static List<AclBinding> serve(String principal, Service s) {
        return List.of(acl(principal, ResourceType.TOPIC, s.requestsTopic(), PatternType.LITERAL, AclOperation.READ),
                acl(principal, ResourceType.TOPIC, s.requestsTopic(), PatternType.LITERAL, AclOperation.DESCRIBE),
                acl(principal, ResourceType.TOPIC, s.replyTopicPrefix(), PatternType.PREFIXED, AclOperation.WRITE),
                acl(principal, ResourceType.TOPIC, s.replyTopicPrefix(), PatternType.PREFIXED, AclOperation.DESCRIBE),
                acl(principal, ResourceType.GROUP, "gsb." + s.provider() + ".", PatternType.PREFIXED, AclOperation.READ));
    }

    static AclBinding acl(String principal, ResourceType type, String name, PatternType pattern, AclOperation op) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(principal, "*", op, AclPermissionType.ALLOW));
    }

    static void topic(Admin admin, String topic, int partitions) throws Exception {
        try {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}

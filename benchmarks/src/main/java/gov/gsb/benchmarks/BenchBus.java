package gov.gsb.benchmarks;

import gov.gsb.devstack.KafkaBroker;
import gov.gsb.devstack.RegistryServer;
import gov.gsb.devstack.junit.TestServers;
import gov.gsb.producer.GsbPublisher;
import gov.gsb.sdk.Service;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The real servers a benchmark publishes through: the launcher's own Kafka broker, as a process
 * of its own (so the broker's CPU is not counted in the benchmark's JVM), and Apicurio Registry.
 * Both stop when the JVM exits.
 */
final class BenchBus {

    final KafkaBroker broker;
    final RegistryServer registry;
    final String agency = "bench-" + UUID.randomUUID().toString().substring(0, 8);

    BenchBus() {
        this.broker = TestServers.startProcess(KafkaBroker::new);
        this.registry = TestServers.registry();
    }

    /** Creates a service's topic, and gsb.calls, with {@code partitions} partitions each. */
    Service eventService(String name, int partitions) {
        Service service = Service.of(agency, name);
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new java.util.ArrayList<>();
            for (String t : List.of(service.topic(), "gsb.calls")) {
                if (!existing.contains(t)) {
                    missing.add(new NewTopic(t, partitions, (short) 1));
                }
            }
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not create the benchmark's topics: " + e, e);
        }
        return service;
    }

    /** The producer settings both sides use, so that only the SDK's own work differs. */
    static Properties producerTuning() {
        Properties p = new Properties();
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return p;
    }

    GsbPublisher publisher() {
        return publisher(true);
    }

    /** @param callRecords whether it writes a CallRecord per call (the SDK's default, and its real cost) */
    GsbPublisher publisher(boolean callRecords) {
        GsbPublisher.Builder b = GsbPublisher.builder()
                .config("gsb.calls.enabled", callRecords)
                .bootstrapServers(broker.bootstrapServers())
                .agency(agency)
                .registryUrl(registry.ccompatUrl())
                .autoRegisterSchemas(true);
        producerTuning().forEach((k, v) -> b.kafkaProperty(k.toString(), v));
        return b.build();
    }

    Properties rawProducerProperties() {
        Properties p = producerTuning();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return p;
    }
}

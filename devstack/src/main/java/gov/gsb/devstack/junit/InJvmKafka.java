package gov.gsb.devstack.junit;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker inside the test JVM (Kafka's own {@code KafkaClusterTestKit}: one combined
 * broker and controller node in KRaft mode). The first one in a JVM takes 6 to 9 s, later ones
 * under a second.
 */
public final class InJvmKafka implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private InJvmKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /**
     * The listeners of a cluster started by {@link #start(Map, Secured)}: both the broker's and the
     * controller's use {@code protocol}. The caller sets the mechanism and everything it needs
     * through the broker properties, per listener with {@code listener.name.<lowercase name>.};
     * {@link #clientProperties()} and {@link #admin()} still carry only the bootstrap servers.
     * With SASL, Kafka's test kit also writes a JAAS file for PLAIN and points the JVM's
     * {@code java.security.auth.login.config} at it: set {@code sasl.jaas.config} per listener for
     * any other mechanism.
     */
    public record Secured(SecurityProtocol protocol, String brokerListener, String controllerListener) {

        /** SASL without TLS on both listeners, named EXTERNAL and CONTROLLER as in Kafka's test kit. */
        public static Secured saslPlaintext() {
            return new Secured(SecurityProtocol.SASL_PLAINTEXT, "EXTERNAL", "CONTROLLER");
        }
    }

    /** Starts a single-node cluster with the bus's defaults plus {@code brokerProperties}. */
    public static InJvmKafka start(Map<String, String> brokerProperties) {
        return start(brokerProperties, new TestKitNodes.Builder());
    }

    /** Like {@link #start(Map)}, with authenticated listeners on the broker and the controller. */
    public static InJvmKafka start(Map<String, String> brokerProperties, Secured secured) {
        return start(brokerProperties, new TestKitNodes.Builder()
                .setBrokerListenerName(new ListenerName(secured.brokerListener()))
                .setBrokerSecurityProtocol(secured.protocol())
                .setControllerListenerName(new ListenerName(secured.controllerListener()))
                .setControllerSecurityProtocol(secured.protocol()));
    }

    private static InJvmKafka start(Map<String, String> brokerProperties, TestKitNodes.Builder nodeBuilder) {
        try {
            // A folder of our own: Kafka's default is a temp folder deleted by a JVM shutdown hook, which can run
            // while the broker still writes there; the broker then halts the JVM with status 1.
            TestKitNodes nodes = nodeBuilder
                    .setBaseDirectory(TestServers.newServerDirectory("kafka"))
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "3")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("transaction.state.log.num.partitions", "3")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "false")
                    .setConfigProp("num.partitions", "3");
            brokerProperties.forEach(builder::setConfigProp);
            KafkaClusterTestKit cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new InJvmKafka(cluster);
        } catch (Exception e) {
            throw new IllegalStateException("the in-JVM Kafka cluster did not start: " + e, e);
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Client settings to reach the broker. */
    public Properties clientProperties() {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return p;
    }

    /** An admin client for this cluster; the caller closes it. */
    public Admin admin() {
        return Admin.create(clientProperties());
    }

    /** Creates a topic with a unique name derived from {@code prefix} and returns that name. */
    public String createTopic(String prefix, int partitions) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
            return name;
        } catch (Exception e) {
            throw new IllegalStateException("could not create topic " + name + ": " + e, e);
        }
    }

    /** The underlying test kit, for what this class does not wrap. */
    public KafkaClusterTestKit testKit() {
        return cluster;
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("the in-JVM Kafka cluster did not close cleanly: " + e, e);
        }
    }
}

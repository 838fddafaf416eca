package gov.gsb.devstack;

import gov.gsb.devstack.internal.Console;
import gov.gsb.devstack.internal.Downloads;
import gov.gsb.devstack.internal.Files2;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Kafka (KRaft, broker and controller in one process) from the jars Maven
 * fetched for this module. Its metadata quorum is formatted once ({@code --standalone}); the
 * controller port is part of that metadata, so it cannot move afterwards.
 */
public final class KafkaBroker extends ManagedServer {

    private final int port;
    private final int controllerPort;
    private final List<Path> extraJars = new ArrayList<>();
    private final Map<String, String> extraProperties = new LinkedHashMap<>();
    private KeycloakServer keycloak;

    public KafkaBroker(StackSettings settings) {
        super("kafka", settings);
        this.port = settings.port("GSB_KAFKA_PORT", 9092);
        this.controllerPort = settings.port("GSB_KAFKA_CONTROLLER_PORT", 9093);
    }

    /** Adds jars (the broker plugin, say) to the broker's classpath. */
    public KafkaBroker withJars(List<Path> jars) {
        extraJars.addAll(jars);
        return this;
    }

    /**
     * Secures every listener with SASL OAUTHBEARER against the realm, with the broker plugin's
     * principal builder and authorizer ({@link BrokerSecurity}). The broker then starts after
     * Keycloak is healthy (it logs in at start).
     *
     * @param realm the Keycloak that issues the tokens
     * @param pluginJar the broker plugin's jar, put on the broker's classpath
     * @return this broker
     */
    public KafkaBroker secured(KeycloakServer realm, Path pluginJar) {
        this.keycloak = realm;
        extraJars.add(pluginJar);
        return this;
    }

    /** @return whether clients must log in */
    public boolean isSecured() {
        return keycloak != null;
    }

    @Override
    protected int phase() {
        return keycloak != null ? 1 : 0;
    }

    /** Adds or overrides broker properties. */
    public KafkaBroker withProperties(Map<String, String> properties) {
        extraProperties.putAll(properties);
        return this;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    protected List<PortUse> ports() {
        return List.of(new PortUse(port, "broker", "GSB_KAFKA_PORT"),
                new PortUse(controllerPort, "controller", "GSB_KAFKA_CONTROLLER_PORT"));
    }

    @Override
    protected long downloadSize(Downloads downloads) {
        return 0; // its jars come with the launcher's own build
    }

    @Override
    protected void install(Downloads downloads, Console console) throws IOException {
        Files.createDirectories(home.resolve("data"));
        Path props = home.resolve("server.properties");
        Properties p = brokerProperties();
        try (var out = Files.newBufferedWriter(props)) {
            p.store(out, "written by the gsb launcher on every start");
        }
        Path formatted = home.resolve("formatted-with-controller-port");
        if (Files.exists(formatted)) {
            String before = Files.readString(formatted).trim();
            if (!before.equals(Integer.toString(controllerPort))) {
                throw new DevstackException("kafka's data in " + home + " was formatted with controller port " + before
                        + ": set GSB_KAFKA_CONTROLLER_PORT=" + before + ", or delete " + home + " to start afresh");
            }
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        ProcessBuilder format = new ProcessBuilder(currentJava(), "-cp", classpath(), "kafka.tools.StorageTool",
                "format", "--standalone", "-t", clusterId, "-c", props.toString(), "--ignore-formatted");
        Files2.run(format.directory(home.toFile()), "formatting kafka's storage");
        Files.writeString(formatted, Integer.toString(controllerPort));
    }

    Properties brokerProperties() {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        String listener = keycloak != null ? "BROKER" : "PLAINTEXT";
        String protocol = keycloak != null ? "SASL_PLAINTEXT" : "PLAINTEXT";
        p.setProperty("listeners", listener + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", listener + "://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", listener);
        p.setProperty("listener.security.protocol.map", listener + ":" + protocol + ",CONTROLLER:" + protocol);
        if (keycloak != null) {
            BrokerSecurity.brokerProperties(keycloak, List.of("BROKER", "CONTROLLER")).forEach(p::setProperty);
        }
        p.setProperty("log.dirs", home.resolve("data").toString());
        p.setProperty("num.partitions", "3");
        // Topics are made on purpose (the catalog, the tests), never by a typo in a client.
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        extraProperties.forEach(p::setProperty);
        return p;
    }

    @Override
    protected List<String> command() {
        List<String> cmd = new ArrayList<>(List.of(currentJava(), "-Xms256m", "-Xmx768m", "-XX:+UseG1GC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=true"));
        if (keycloak != null) {
            cmd.add("-D" + BrokerSecurity.ALLOWED_URLS + "=" + BrokerSecurity.allowedUrls(keycloak));
        }
        cmd.addAll(List.of("-cp", classpath(), "kafka.Kafka", home.resolve("server.properties").toString()));
        return cmd;
    }

    /** This module's runtime classpath (written at build time) plus any extra jars. */
    String classpath() {
        String listed = new String(Files2.resource("runtime-classpath.txt"), StandardCharsets.UTF_8).trim();
        String resolved = listed.replace("$M2_REPO", settings.mavenLocal().toString());
        StringBuilder cp = new StringBuilder(resolved);
        extraJars.forEach(j -> cp.append(File.pathSeparator).append(j.toAbsolutePath()));
        return cp.toString();
    }

    @Override
    public boolean healthy() {
        Properties p = new Properties();
        p.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        p.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000");
        p.putAll(clientProperties());
        try (Admin admin = Admin.create(p)) {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes()
                    .get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    /** Security settings a client of this broker needs: none on a plaintext broker, else the broker's own login. */
    public Map<String, Object> clientProperties() {
        return keycloak == null ? Map.of() : BrokerSecurity.clientProperties(bootstrapServers(), keycloak, BrokerSecurity.BROKER_CLIENT);
    }

    @Override
    public String url() {
        return bootstrapServers();
    }

    @Override
    public Map<String, String> endpoints() {
        return Map.of("GSB_BOOTSTRAP", bootstrapServers());
    }

    @Override
    protected Duration startTimeout() {
        return Duration.ofSeconds(90);
    }
}

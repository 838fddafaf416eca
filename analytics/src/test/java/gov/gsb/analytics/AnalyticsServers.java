package gov.gsb.analytics;

import gov.gsb.devstack.ClickHouseServer;
import gov.gsb.devstack.KeycloakServer;
import gov.gsb.devstack.junit.TestServers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.UUID;

/**
 * The real servers the dashboards read from, handed to Quarkus as configuration: ClickHouse and Keycloak (realm
 * {@code gsb}) from devstack, and {@link TestData}'s traffic loaded through the real pipeline (CallRecords on
 * {@code gsb.calls} of an in-JVM broker, written to ClickHouse by the stream processors), into a database of this
 * JVM's own. Started once per JVM: every test class shares this resource.
 */
public class AnalyticsServers implements QuarkusTestResourceLifecycleManager {

    /** This JVM's ClickHouse database. */
    public static final String DATABASE = "analytics_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @Override
    public Map<String, String> start() {
        TestServers.prestart(KeycloakServer.class);
        TestServers.prestart(ClickHouseServer.class);
        loadThroughThePipeline(TestServers.clickhouse().httpUrl());
        Map<String, String> config = Map.of(
                "gsb.clickhouse.url", TestServers.clickhouse().httpUrl(),
                "gsb.clickhouse.database", DATABASE,
                "gsb.keycloak.url", TestServers.keycloak().realmUrl(),
                // What %test sets, for the packaged app (*IT), which runs with the production profile:
                "quarkus.oidc.credentials.secret", KeycloakServer.devSecret("gsb-portal"));
        config.forEach(System::setProperty); // for the tests' own clients, in whichever JVM runs them
        return config;
    }

    /**
     * Runs {@link Pipeline} in the JVM's own class loader. In a {@code @QuarkusTest} this class is Quarkus's, which
     * splits Kafka, Kafka Streams and the processors between loaders ("DeadLetterHandler is not an instance of
     * DeserializationExceptionHandler"); loaded from the JVM's loader, the broker, the registry client, the
     * processors and the records form one world. Only strings cross over.
     */
    private static void loadThroughThePipeline(String clickhouseUrl) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        ClassLoader jvm = ClassLoader.getSystemClassLoader();
        thread.setContextClassLoader(jvm);
        try {
            jvm.loadClass(Pipeline.class.getName()).getMethod("loadOnce", String.class, String.class)
                    .invoke(null, clickhouseUrl, DATABASE);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("loading the test data failed: " + e.getCause(), e);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Override
    public void stop() {
        // The servers stop when the test JVM's launcher session ends (devstack's StopServersAtSessionEnd).
    }
}

package gov.gsb.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import gov.gsb.devstack.internal.Console;
import gov.gsb.devstack.internal.Ports;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ./gsb up | status | env | down} as a user runs them, on free ports and a private state folder. */
class LauncherIT {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @Test
    void shouldBringTheStackUpReportItAndLeaveNoProcessBehindOnDown() throws Exception {
        Map<String, String> env = env("stack");

        assertThat(gsb(env, "up")).as(output()).isEqualTo(0);
        assertThat(output()).contains("kafka        healthy", "keycloak     healthy", "registry     healthy",
                "clickhouse   healthy");
        List<ProcessHandle> processes = Stack.defaultServers(StackSettings.forLauncher(Path.of("."), env)).stream()
                .map(s -> s.running().orElseThrow()).toList();

        assertThat(gsb(env, "status")).as(output()).isEqualTo(0);
        assertThat(output()).doesNotContain("NO (").doesNotContain("stopped");
        assertThat(gsb(env, "env")).isEqualTo(0);
        assertThat(output()).contains("export GSB_BOOTSTRAP=127.0.0.1:" + env.get("GSB_KAFKA_PORT"),
                "export GSB_KEYCLOAK_URL=http://127.0.0.1:" + env.get("GSB_KEYCLOAK_PORT") + "/realms/gsb",
                "export GSB_REGISTRY_URL=http://127.0.0.1:" + env.get("GSB_REGISTRY_PORT") + "/apis/ccompat/v7",
                "export GSB_CLICKHOUSE_URL=http://127.0.0.1:" + env.get("GSB_CLICKHOUSE_HTTP_PORT"),
                "export GSB_TAX_CLIENT_SECRET=tax-dev-secret");

        assertThat(gsb(env, "up")).as("a second up is harmless").isEqualTo(0);
        assertThat(output()).contains("kafka        already running (pid " + processes.get(0).pid() + ")");

        assertThat(gsb(env, "down")).isEqualTo(0);
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        assertThat(gsb(env, "status")).isEqualTo(1);
        assertThat(gsb(env, "env")).isEqualTo(1);
        assertThat(output()).contains("the stack is not running: start it with ./gsb up");
    }

    @Test
    void shouldNameTheVariableToSetWhenAPortIsTakenAndStartNothing() throws Exception {
        Map<String, String> env = env("taken");
        try (ServerSocket squatter = new ServerSocket(Integer.parseInt(env.get("GSB_KEYCLOAK_PORT")), 1,
                InetAddress.getLoopbackAddress())) {
            assertThat(gsb(env, "up")).isEqualTo(1);
        }
        assertThat(output().strip()).endsWith("gsb up failed: port " + env.get("GSB_KEYCLOAK_PORT")
                + " (keycloak http) is taken by another program: stop it, or set GSB_KEYCLOAK_PORT to a free port");
        assertThat(Stack.defaultServers(StackSettings.forLauncher(Path.of("."), env)))
                .allMatch(s -> s.running().isEmpty());
    }

    @Test
    void shouldStopWithOneLineWhenNoJdk21CanBeFound() throws Exception {
        Map<String, String> env = env("nojdk");
        env.put("GSB_JAVA21_HOME", System.getProperty("java.home")); // the JDK 17 the tests run on

        assertThat(gsb(env, "up")).isEqualTo(1);

        assertThat(output()).contains("gsb up failed: Apicurio Registry needs a JDK 21 or newer",
                "set GSB_JAVA21_HOME");
        assertThat(Stack.defaultServers(StackSettings.forLauncher(Path.of("."), env)))
                .allMatch(s -> s.running().isEmpty());
    }

    @Test
    void shouldExplainUsageAndUnknownServers() {
        Map<String, String> env = env("usage");
        assertThat(gsb(env)).isEqualTo(2);
        assertThat(output()).contains("usage: ./gsb <command>");
        assertThat(gsb(env, "logs", "zookeeper")).isEqualTo(1);
        assertThat(output()).contains("no server named zookeeper: choose one of [kafka, keycloak, registry, clickhouse]");
    }

    private Map<String, String> env(String name) {
        Map<String, String> env = new HashMap<>();
        try {
            env.put("GSB_HOME", Files.createTempDirectory(Path.of("target"), "launcher-" + name).toAbsolutePath().toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (String port : List.of("GSB_KAFKA_PORT", "GSB_KAFKA_CONTROLLER_PORT", "GSB_KEYCLOAK_PORT",
                "GSB_KEYCLOAK_MANAGEMENT_PORT", "GSB_REGISTRY_PORT", "GSB_REGISTRY_MANAGEMENT_PORT",
                "GSB_CLICKHOUSE_HTTP_PORT", "GSB_CLICKHOUSE_TCP_PORT")) {
            env.put(port, Integer.toString(Ports.free()));
        }
        return env;
    }

    private int gsb(Map<String, String> env, String... args) {
        output.reset();
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        return Gsb.run(args, Path.of("."), env, new Console(out, false));
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }
}

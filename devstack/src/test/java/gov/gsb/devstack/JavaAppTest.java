package gov.gsb.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.gsb.devstack.internal.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link JavaApp}: found only when built, run on its built classpath with the servers' endpoints. */
class JavaAppTest {

    @TempDir
    Path root;

    private StackSettings settings() {
        return new StackSettings(root.resolve(".gsb"), root.resolve("cache"), root.resolve("m2"), Map.of(), true);
    }

    private List<ManagedServer> servers(StackSettings settings) {
        return List.of(new KafkaBroker(settings), new KeycloakServer(settings), new RegistryServer(settings));
    }

    private Path built(String classpath) throws Exception {
        Path target = Files.createDirectories(root.resolve("demo/target"));
        Files.writeString(target.resolve("gsb-demo.jar"), "");
        Files.writeString(target.resolve("demo-classpath.txt"), classpath + "\n");
        return target;
    }

    @Test
    void shouldNotBePartOfTheStackUnlessTheDemoIsBuilt() {
        StackSettings settings = settings();

        assertThat(JavaApp.demo(root, settings, servers(settings))).isEmpty();
        assertThat(Stack.defaultServers(settings, root)).extracting(ManagedServer::name)
                .containsExactly("kafka", "keycloak", "registry", "clickhouse");
    }

    @Test
    void shouldRunTheProcessorsAndTheOrchestratorBeforeTheDemoWithStateAndMembershipThatSurviveRestarts() throws Exception {
        built("");
        Path processors = Files.createDirectories(root.resolve("stream-processors/target"));
        Files.writeString(processors.resolve("gsb-stream-processors.jar"), "");
        Files.writeString(processors.resolve("classpath.txt"), "\n");
        StackSettings settings = settings();

        List<ManagedServer> stack = Stack.defaultServers(settings, root);

        assertThat(stack).extracting(ManagedServer::name).endsWith("processors", "orchestrator", "demo");
        JavaApp app = (JavaApp) stack.get(stack.size() - 3);
        assertThat(app.phase()).isLessThan(stack.get(stack.size() - 1).phase());
        assertThat(app.command()).contains("gov.gsb.processors.StreamProcessors");
        assertThat(app.environment()).containsEntry("GSB_PROCESSORS_STATE_DIR",
                settings.home("processors").resolve("state").toString())
                .containsEntry("GSB_PROCESSORS_INSTANCE_ID", "local-processors") // a restart takes its partitions at once
                .containsKeys("GSB_BOOTSTRAP", "GSB_REGISTRY_URL", "GSB_CLICKHOUSE_URL", "GSB_PROCESSORS_PORT");
        assertThat(app.endpoints()).containsKey("GSB_PROCESSORS_URL");
        JavaApp orchestrator = (JavaApp) stack.get(stack.size() - 2);
        assertThat(orchestrator.command()).contains("gov.gsb.processors.composite.OrchestratorMain");
        assertThat(orchestrator.environment()).containsEntry("GSB_ORCHESTRATOR_AUTO_REGISTER", "true")
                .containsEntry("GSB_ORCHESTRATOR_STATE_DIR", settings.home("orchestrator").resolve("state").toString())
                .containsEntry("GSB_ORCHESTRATOR_CLIENT_SECRET", "orchestrator-dev-secret")
                .containsEntry("GSB_ORCHESTRATOR_INSTANCE_ID", "local-orchestrator");
    }

    @Test
    void shouldStartLastOnItsBuiltClasspathWithTheLocalRepositoryResolved() throws Exception {
        Path target = built("$M2_REPO/org/a.jar:$M2_REPO/org/b.jar");
        StackSettings settings = settings();

        List<ManagedServer> stack = Stack.defaultServers(settings, root);

        assertThat(stack).extracting(ManagedServer::name).endsWith("demo");
        JavaApp demo = (JavaApp) stack.get(stack.size() - 1);
        assertThat(demo.phase()).isGreaterThan(stack.get(0).phase());
        assertThat(demo.command()).containsSubsequence("-cp", target.resolve("gsb-demo.jar").toAbsolutePath()
                + ":" + root.resolve("m2/org/a.jar") + ":" + root.resolve("m2/org/b.jar"), JavaApp.DEMO.mainClass());
    }

    @Test
    void shouldGiveTheDemoTheServersEndpointsButNoTokenUrlWhileTheBrokerIsPlaintext() throws Exception {
        built("");
        StackSettings settings = settings();
        List<ManagedServer> servers = servers(settings);
        KafkaBroker kafka = (KafkaBroker) servers.get(0);

        Map<String, String> env = JavaApp.demo(root, settings, servers).orElseThrow().environment();

        assertThat(env).containsEntry("GSB_BOOTSTRAP", kafka.bootstrapServers())
                .containsEntry("GSB_REGISTRY_URL", ((RegistryServer) servers.get(2)).ccompatUrl())
                .containsEntry("GSB_SINGLE_WINDOW_CLIENT_ID", "single-window")
                .containsEntry("GSB_SINGLE_WINDOW_CLIENT_SECRET", "single-window-dev-secret")
                .containsKey("GSB_DEMO_PORT")
                .containsEntry("GSB_TOKEN_URL", null);
    }

    @Test
    void shouldRunOnPrivateCopiesOfTheJarsThatABuildRewrites() throws Exception {
        Path release = Files.createDirectories(root.resolve("m2/org/a/1.0")).resolve("a-1.0.jar");
        Path snapshot = Files.createDirectories(root.resolve("m2/gov/b/0.1-SNAPSHOT")).resolve("b-0.1-SNAPSHOT.jar");
        Path reactor = Files.createDirectories(root.resolve("sdk-core/target")).resolve("sdk-core.jar");
        for (Path jar : List.of(release, snapshot, reactor)) {
            Files.writeString(jar, jar.getFileName().toString());
        }
        built("$M2_REPO/org/a/1.0/a-1.0.jar:$M2_REPO/gov/b/0.1-SNAPSHOT/b-0.1-SNAPSHOT.jar:" + reactor);
        StackSettings settings = settings();
        JavaApp demo = JavaApp.demo(root, settings, servers(settings)).orElseThrow();

        demo.prepare(Console.silent());

        Path lib = settings.home("demo").resolve("lib");
        assertThat(demo.command()).contains(String.join(":", lib.resolve("0-gsb-demo.jar").toString(),
                release.toString(), lib.resolve("2-b-0.1-SNAPSHOT.jar").toString(), lib.resolve("3-sdk-core.jar").toString()));
        assertThat(lib.resolve("3-sdk-core.jar")).hasContent("sdk-core.jar");
    }

    @Test
    void shouldNameTheRebuildWhenAFileOfItsClasspathIsGone() throws Exception {
        built("$M2_REPO/gone.jar");
        StackSettings settings = settings();
        JavaApp demo = JavaApp.demo(root, settings, servers(settings)).orElseThrow();

        assertThatThrownBy(() -> demo.prepare(Console.silent()))
                .isInstanceOf(DevstackException.class)
                .hasMessage("the demo's classpath names 1 missing file(s), e.g. " + root.resolve("m2/gone.jar")
                        + ": rebuild it with mvn -pl devstack,demo -am package");
    }
}

package gov.gsb.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.gsb.devstack.internal.Console;
import gov.gsb.devstack.internal.Downloads;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Stack} over small real processes standing in for servers. */
class StackTest {

    @TempDir
    Path state;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void shouldStopWhatItStartedWhenAServerFailsToStart() {
        StackSettings settings = new StackSettings(state, state.resolve("cache"), state.resolve("m2"), Map.of(), true);
        FakeServer good = new FakeServer("good", settings, List.of("sleep", "300"));
        FakeServer bad = new FakeServer("bad", settings, List.of("sh", "-c", "echo 'bad: config error' && exit 3"));
        Stack stack = new Stack(settings, List.of(good, bad), console());

        assertThatThrownBy(stack::up)
                .isInstanceOf(DevstackException.class)
                .hasMessage("bad exited during start with code 3: read " + bad.logFile());
        assertThat(good.running()).isEmpty();
        assertThat(bad.logFile()).content().contains("bad: config error");
    }

    @Test
    void shouldStopOnlyTheProcessesOfItsOwnStateFolder() {
        StackSettings mine = new StackSettings(state.resolve("mine"), state.resolve("cache"), state.resolve("m2"), Map.of(), true);
        StackSettings other = new StackSettings(state.resolve("other"), state.resolve("cache"), state.resolve("m2"), Map.of(), true);
        FakeServer a = new FakeServer("a", mine, List.of("sleep", "300"));
        FakeServer b = new FakeServer("a", other, List.of("sleep", "300"));
        new Stack(mine, List.of(a), console()).up();
        new Stack(other, List.of(b), console()).up();
        ProcessHandle otherProcess = b.running().orElseThrow();

        new Stack(mine, List.of(a), console()).down();

        assertThat(a.running()).isEmpty();
        assertThat(otherProcess.isAlive()).isTrue();
        b.stop();
        assertThat(otherProcess.isAlive()).isFalse();
    }

    @Test
    void shouldStartALaterPhaseOnlyOnceTheEarlierOnesAreHealthy() {
        StackSettings settings = new StackSettings(state, state.resolve("cache"), state.resolve("m2"), Map.of(), true);
        FakeServer server = new FakeServer("server", settings, List.of("sleep", "300")).healthyAfter(Duration.ofSeconds(1));
        FakeServer app = new FakeServer("app", settings, List.of("sleep", "300")).inPhase(1);
        Stack stack = new Stack(settings, List.of(app, server), console());

        stack.up();

        assertThat(app.startedNanos).isGreaterThan(server.firstHealthyNanos);
        assertThat(printed.toString(StandardCharsets.UTF_8)).containsSubsequence("server       starting",
                "server       healthy", "app          starting", "app          healthy");
        stack.down();
    }

    @Test
    void shouldStopTheEarlierPhasesWhenALaterOneFails() {
        StackSettings settings = new StackSettings(state, state.resolve("cache"), state.resolve("m2"), Map.of(), true);
        FakeServer server = new FakeServer("server", settings, List.of("sleep", "300"));
        FakeServer app = new FakeServer("app", settings, List.of("sh", "-c", "exit 3")).inPhase(1);

        assertThatThrownBy(new Stack(settings, List.of(server, app), console())::up)
                .hasMessage("app exited during start with code 3: read " + app.logFile());
        assertThat(server.running()).isEmpty();
    }

    @Test
    void shouldRemoveAnInheritedVariableWhoseValueIsNull() throws Exception {
        StackSettings settings = new StackSettings(state, state.resolve("cache"), state.resolve("m2"), Map.of(), true);
        FakeServer server = new FakeServer("server", settings, List.of("sh", "-c", "echo \"home=[$HOME]\"; sleep 300"));
        java.util.HashMap<String, String> env = new java.util.HashMap<>();
        env.put("HOME", null);
        server.environment = env;

        new Stack(settings, List.of(server), console()).up();

        assertThat(server.logFile()).content().contains("home=[]");
        server.stop();
    }

    private Console console() {
        return new Console(new PrintStream(printed, true, StandardCharsets.UTF_8), false);
    }

    /** A process that is healthy as long as it runs (and, if asked, once it has run a while). */
    static final class FakeServer extends ManagedServer {
        private final List<String> command;
        private int phase;
        private Duration healthyAfter = Duration.ZERO;
        Map<String, String> environment = Map.of();
        volatile long startedNanos;
        volatile long firstHealthyNanos;

        FakeServer(String name, StackSettings settings, List<String> command) {
            super(name, settings);
            this.command = command;
        }

        FakeServer inPhase(int value) {
            this.phase = value;
            return this;
        }

        FakeServer healthyAfter(Duration value) {
            this.healthyAfter = value;
            return this;
        }

        @Override
        protected int phase() {
            return phase;
        }

        @Override
        protected Map<String, String> environment() {
            return environment;
        }

        @Override
        public void start() {
            startedNanos = System.nanoTime();
            super.start();
        }

        @Override
        protected List<PortUse> ports() {
            return List.of();
        }

        @Override
        protected long downloadSize(Downloads downloads) {
            return 0;
        }

        @Override
        protected void install(Downloads downloads, Console console) {
        }

        @Override
        protected List<String> command() {
            return command;
        }

        @Override
        public boolean healthy() {
            sleep(300); // let a failing process die first
            boolean healthy = running().isPresent() && System.nanoTime() - startedNanos >= healthyAfter.toNanos();
            if (healthy && firstHealthyNanos == 0) {
                firstHealthyNanos = System.nanoTime();
            }
            return healthy;
        }

        @Override
        public String url() {
            return "-";
        }

        @Override
        public Map<String, String> endpoints() {
            return Map.of("FAKE_" + name.toUpperCase(), "1");
        }

        @Override
        protected Duration startTimeout() {
            return Duration.ofSeconds(5);
        }
    }
}

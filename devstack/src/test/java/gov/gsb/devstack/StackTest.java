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

    private Console console() {
        return new Console(new PrintStream(printed, true, StandardCharsets.UTF_8), false);
    }

    /** A process that is healthy as long as it runs. */
    static final class FakeServer extends ManagedServer {
        private final List<String> command;

        FakeServer(String name, StackSettings settings, List<String> command) {
            super(name, settings);
            this.command = command;
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
            return running().isPresent();
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

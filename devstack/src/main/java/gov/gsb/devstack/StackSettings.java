package gov.gsb.devstack;

import gov.gsb.devstack.internal.Downloads;
import gov.gsb.devstack.internal.Ports;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the stack keeps its state and caches, which ports it takes, and the environment its
 * settings came from.
 *
 * <p>Every port has a default and an environment variable that moves it ({@code GSB_KAFKA_PORT},
 * {@code GSB_KEYCLOAK_PORT}, ...). State (data, logs, pids) lives under {@code GSB_HOME}
 * (default {@code .gsb/} in the repository); downloads are cached under {@code GSB_CACHE}
 * (default {@code ~/.cache/gsb}) and the local Maven repository, never in the repository.
 *
 * @param stateDir the folder holding every server's data, log and pid file
 * @param cacheDir the folder holding unpacked distributions (outside the repository)
 * @param mavenLocal the local Maven repository
 * @param env the environment the ports were read from
 * @param randomPorts whether unset ports are picked at random (test fixtures) rather than defaulted
 */
public record StackSettings(Path stateDir, Path cacheDir, Path mavenLocal, Map<String, String> env, boolean randomPorts) {

    public StackSettings {
        env = Map.copyOf(env);
    }

    /** Settings for {@code ./gsb}: state in {@code GSB_HOME} or {@code <repo>/.gsb}. */
    public static StackSettings forLauncher(Path repoRoot, Map<String, String> env) {
        Path state = env.containsKey("GSB_HOME") ? Path.of(env.get("GSB_HOME")) : repoRoot.resolve(".gsb");
        return new StackSettings(state.toAbsolutePath(), cacheDir(env), Downloads.defaultMavenLocal(), env, false);
    }

    /** Settings for test fixtures: a private state folder and free random ports. */
    public static StackSettings forTests(Path stateDir) {
        // Port variables are for ./gsb; tests always take free ports so they never meet a running stack.
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.endsWith("_PORT"));
        return new StackSettings(stateDir.toAbsolutePath(), cacheDir(env), Downloads.defaultMavenLocal(), env, true);
    }

    private static Path cacheDir(Map<String, String> env) {
        return env.containsKey("GSB_CACHE") ? Path.of(env.get("GSB_CACHE"))
                : Path.of(System.getProperty("user.home"), ".cache", "gsb");
    }

    /** The port named by {@code variable}, else a random free one (tests) or the default. */
    public int port(String variable, int defaultPort) {
        String value = env.get(variable);
        if (value != null && !value.isBlank()) {
            try {
                int port = Integer.parseInt(value.trim());
                if (port > 0 && port < 65536) {
                    return port;
                }
            } catch (NumberFormatException ignored) {
                // fall through to the message below
            }
            throw new DevstackException(variable + "=" + value + " is not a port number: set it to a number between 1 and 65535");
        }
        return randomPorts ? Ports.free() : defaultPort;
    }

    /** A server's own state folder. */
    public Path home(String server) {
        return stateDir.resolve(server);
    }

    public Path logs() {
        return stateDir.resolve("logs");
    }

    public Path run() {
        return stateDir.resolve("run");
    }
}

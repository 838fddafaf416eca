package gov.gsb.devstack;

import gov.gsb.devstack.internal.Console;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code ./gsb} launcher: {@code up | down | status | logs NAME | env}.
 *
 * <p>Run through the {@code gsb} script at the repository's root, which builds this module and
 * the demo when needed and passes the repository's path in {@code gsb.root} (where the built
 * demo is found).
 */
public final class Gsb {

    private static final String USAGE = """
            usage: ./gsb <command>
              up           start Kafka, Keycloak, Apicurio Registry and ClickHouse on loopback, then the demo
                           agencies and their traffic (idempotent)
              down         stop every process ./gsb up started
              status       a table of name, pid, URL and health
              logs NAME    the last 200 lines of a server's log (kafka, keycloak, registry, clickhouse, demo)
              env          export lines for GSB_BOOTSTRAP, GSB_KEYCLOAK_URL, GSB_REGISTRY_URL, ... (eval "$(./gsb env)")
            Ports move with GSB_KAFKA_PORT, GSB_KEYCLOAK_PORT, GSB_REGISTRY_PORT, GSB_CLICKHOUSE_HTTP_PORT, GSB_DEMO_PORT, ...
            State lives in GSB_HOME (default .gsb/), downloads in GSB_CACHE (default ~/.cache/gsb).""";

    private Gsb() {
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "off");
        Path root = Path.of(System.getProperty("gsb.root", ".")).toAbsolutePath().normalize();
        int code = run(args, root, System.getenv(), Console.system());
        System.exit(code);
    }

    /** Runs one command; returns the process exit code. */
    static int run(String[] args, Path root, Map<String, String> env, Console console) {
        if (args.length == 0) {
            console.line("%s", USAGE);
            return 2;
        }
        StackSettings settings = StackSettings.forLauncher(root, env);
        try {
            Stack stack = new Stack(settings, Stack.defaultServers(settings, root), console);
            switch (args[0]) {
                case "up" -> stack.up();
                case "down" -> stack.down();
                case "status" -> {
                    return stack.status() ? 0 : 1;
                }
                case "env" -> stack.env().forEach(l -> console.line("%s", l));
                case "logs" -> {
                    if (args.length < 2) {
                        console.line("usage: ./gsb logs NAME   (kafka, keycloak, registry, clickhouse, demo)");
                        return 2;
                    }
                    stack.logs(args[1], 200).forEach(l -> console.line("%s", l));
                }
                default -> {
                    console.line("unknown command %s%n%s", args[0], USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (DevstackException e) {
            console.line("gsb %s failed: %s", args[0], e.getMessage());
            return 1;
        }
    }
}

package gov.gsb.processors.composite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The orchestrator's settings, read from the environment (the variables {@code ./gsb env} prints, plus its own). Each
 * variable is declared once, in {@link #VARIABLES}, with its default and what it does; the README's table is made
 * from the same list.
 *
 * @param bootstrap the bus's brokers
 * @param registryUrl the schema registry's Confluent-compatible API
 * @param tokenUrl the OAuth token endpoint, or null for a bus without security
 * @param clientId the OAuth client the orchestrator logs in as
 * @param clientSecret its secret, or null without a token endpoint
 * @param agency the agency the orchestrator calls the steps as (its reply topics are {@code ...replies.<agency>})
 * @param applicationId the Kafka Streams application id
 * @param stateDir Kafka Streams' state directory
 * @param instanceId a stable instance name for static membership, or null
 * @param threads stream threads
 * @param commitInterval how often a task commits: every step request waits for it
 * @param tick how often step timeouts are checked
 * @param refresh how often new composites, and topics that appeared, are looked for
 * @param autoRegister whether the CallRecord schema may be registered on first use (replies' always are)
 * @param callsTopic the CallRecords' topic
 * @param definitionsTopic the composites' definitions topic
 * @param host the address of its {@code /health} endpoint
 * @param port that endpoint's port, 0 for any free one
 */
public record OrchestratorSettings(String bootstrap, String registryUrl, String tokenUrl, String clientId,
                                   String clientSecret, String agency, String applicationId, Path stateDir,
                                   String instanceId, int threads, Duration commitInterval, Duration tick,
                                   Duration refresh, boolean autoRegister, String callsTopic, String definitionsTopic,
                                   String host, int port) {

    /**
     * One environment variable.
     *
     * @param name its name
     * @param defaultValue its default, or null if it has none
     * @param doc what it does
     */
    public record Variable(String name, String defaultValue, String doc) {
    }

    /** Every variable read, in order: name, default, what it does. */
    public static final List<Variable> VARIABLES = List.of(
            new Variable("GSB_BOOTSTRAP", null, "the bus's brokers, host:port[,host:port] (required)"),
            new Variable("GSB_REGISTRY_URL", null, "the schema registry's Confluent-compatible API (required)"),
            new Variable("GSB_TOKEN_URL", null, "the OAuth token endpoint; unset: a bus without security"),
            new Variable("GSB_ORCHESTRATOR_CLIENT_ID", "orchestrator", "the OAuth client the orchestrator logs in as"),
            new Variable("GSB_ORCHESTRATOR_CLIENT_SECRET", null, "its secret (required with GSB_TOKEN_URL; never logged)"),
            new Variable("GSB_ORCHESTRATOR_AGENCY", "orchestrator", "the agency it calls the steps as: its grants, its "
                    + "reply topics gsb.<provider>.<service>.replies.<agency>, the consumer agency of step CallRecords"),
            new Variable("GSB_ORCHESTRATOR_APPLICATION_ID", "gsb.orchestrator.composites", "the Kafka Streams "
                    + "application id: consumer group, transactional ids, prefix of its state topics"),
            new Variable("GSB_ORCHESTRATOR_STATE_DIR", "$TMPDIR/gsb-orchestrator", "Kafka Streams' local state (a cache "
                    + "of the changelog; keep it on a persistent volume for fast restarts)"),
            new Variable("GSB_ORCHESTRATOR_INSTANCE_ID", null, "a stable name per instance: static membership"),
            new Variable("GSB_ORCHESTRATOR_THREADS", "1", "Kafka Streams threads"),
            new Variable("GSB_ORCHESTRATOR_COMMIT_INTERVAL_MS", "20", "how often a task commits; a step request is seen "
                    + "by its service only once committed, so this is added to every step's latency"),
            new Variable("GSB_ORCHESTRATOR_TICK_MS", "100", "how often step timeouts are checked"),
            new Variable("GSB_ORCHESTRATOR_REFRESH_MS", "10000", "how often new composites and newly created topics "
                    + "are looked for (a change restarts the topology)"),
            new Variable("GSB_ORCHESTRATOR_AUTO_REGISTER", "false", "whether the CallRecord schema may be "
                    + "registered on first use (a development stack); replies register theirs in any case (a subject "
                    + "per caller's reply topic, which the catalog cannot fill)"),
            new Variable("GSB_ORCHESTRATOR_HOST", "127.0.0.1", "the address of its HTTP endpoint (GET /health)"),
            new Variable("GSB_ORCHESTRATOR_PORT", "8097", "its port, 0 for any free one: /health answers 200 while "
                    + "Kafka Streams runs, or while no composite is registered yet (idle), 503 otherwise"),
            new Variable("GSB_CALLS_TOPIC", "gsb.calls", "the CallRecords' topic"),
            new Variable("GSB_COMPOSITES_TOPIC", "gsb.composites", "the definitions' compacted topic"));

    /** @throws IllegalArgumentException (fatal) naming the variable whose value is wrong */
    public OrchestratorSettings {
        check(tokenUrl == null || clientSecret != null, "GSB_ORCHESTRATOR_CLIENT_SECRET", "(not set)",
                "with GSB_TOKEN_URL set, give the secret of client " + clientId);
        check(threads >= 1 && threads <= 64, "GSB_ORCHESTRATOR_THREADS", threads, "give 1 to 64");
        check(commitInterval.toMillis() >= 1, "GSB_ORCHESTRATOR_COMMIT_INTERVAL_MS", commitInterval.toMillis(),
                "give at least 1, e.g. 20");
        check(tick.toMillis() >= 10, "GSB_ORCHESTRATOR_TICK_MS", tick.toMillis(), "give at least 10, e.g. 100");
        check(refresh.toMillis() >= 100, "GSB_ORCHESTRATOR_REFRESH_MS", refresh.toMillis(), "give at least 100");
        check(port >= 0 && port <= 65535, "GSB_ORCHESTRATOR_PORT", port, "give 0 to 65535, e.g. 8097");
        check(agency.matches("[a-z0-9][a-z0-9-]{0,62}"), "GSB_ORCHESTRATOR_AGENCY", agency,
                "give an agency name: lower-case letters, digits and dashes");
    }

    /**
     * @param env the environment
     * @return the settings
     * @throws IllegalArgumentException (fatal) naming the variable that is missing or wrong
     */
    public static OrchestratorSettings fromEnv(Map<String, String> env) {
        Map<String, String> v = new LinkedHashMap<>();
        for (Variable variable : VARIABLES) {
            String value = env.get(variable.name());
            v.put(variable.name(), value == null || value.isBlank() ? variable.defaultValue() : value.trim());
        }
        Function<String, String> required = name -> {
            if (v.get(name) == null) {
                throw new IllegalArgumentException(name + " is not set: run eval \"$(./gsb env)\" first, or set it");
            }
            return v.get(name);
        };
        String stateDir = v.get("GSB_ORCHESTRATOR_STATE_DIR").replace("$TMPDIR", System.getProperty("java.io.tmpdir"));
        return new OrchestratorSettings(required.apply("GSB_BOOTSTRAP"), required.apply("GSB_REGISTRY_URL"),
                v.get("GSB_TOKEN_URL"), v.get("GSB_ORCHESTRATOR_CLIENT_ID"), v.get("GSB_ORCHESTRATOR_CLIENT_SECRET"),
                v.get("GSB_ORCHESTRATOR_AGENCY"), v.get("GSB_ORCHESTRATOR_APPLICATION_ID"), Path.of(stateDir),
                v.get("GSB_ORCHESTRATOR_INSTANCE_ID"), (int) number(v, "GSB_ORCHESTRATOR_THREADS"),
                Duration.ofMillis(number(v, "GSB_ORCHESTRATOR_COMMIT_INTERVAL_MS")),
                Duration.ofMillis(number(v, "GSB_ORCHESTRATOR_TICK_MS")),
                Duration.ofMillis(number(v, "GSB_ORCHESTRATOR_REFRESH_MS")),
                Boolean.parseBoolean(v.get("GSB_ORCHESTRATOR_AUTO_REGISTER")), v.get("GSB_CALLS_TOPIC"),
                v.get("GSB_COMPOSITES_TOPIC"), v.get("GSB_ORCHESTRATOR_HOST"), (int) number(v, "GSB_ORCHESTRATOR_PORT"));
    }

    private static long number(Map<String, String> v, String name) {
        try {
            return Long.parseLong(v.get(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + v.get(name) + " is not a whole number");
        }
    }

    private static void check(boolean ok, String variable, Object value, String fix) {
        if (!ok) {
            throw new IllegalArgumentException(variable + "=" + value + " is not valid: " + fix);
        }
    }

    @Override
    public String toString() {
        return "OrchestratorSettings[bootstrap=" + bootstrap + ", registryUrl=" + registryUrl + ", tokenUrl=" + tokenUrl
                + ", client=" + clientId + ", secret=******, agency=" + agency + ", applicationId=" + applicationId
                + ", stateDir=" + stateDir + ", commitInterval=" + commitInterval + ", tick=" + tick + ", http=" + host + ":"
                + port + "]";
    }
}

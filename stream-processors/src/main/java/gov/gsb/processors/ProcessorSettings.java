package gov.gsb.processors;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stream processors' settings, read from the environment: the variables {@code ./gsb env} prints, plus the
 * processors' own. The README's settings table lists the same variables ({@code ReadmeTest} keeps them in step).
 *
 * @param bootstrap the bus's brokers ({@code GSB_BOOTSTRAP})
 * @param registryUrl the schema registry's Confluent-compatible API ({@code GSB_REGISTRY_URL})
 * @param clickhouseUrl ClickHouse's HTTP interface, e.g. {@code http://127.0.0.1:8123} ({@code GSB_CLICKHOUSE_URL})
 * @param clickhouseDatabase the database the tables live in ({@code GSB_CLICKHOUSE_DATABASE})
 * @param clickhouseUser the ClickHouse user ({@code GSB_CLICKHOUSE_USER})
 * @param clickhousePassword its password ({@code GSB_CLICKHOUSE_PASSWORD})
 * @param tokenUrl the OAuth token endpoint, or null for a bus without security ({@code GSB_TOKEN_URL})
 * @param servicesClientId the OAuth client the processors log in as ({@code GSB_SERVICES_CLIENT_ID})
 * @param servicesClientSecret its secret, or null without a token endpoint ({@code GSB_SERVICES_CLIENT_SECRET})
 * @param host the address of {@code /health} and {@code /lag} ({@code GSB_PROCESSORS_HOST})
 * @param port their port, 0 for any free one ({@code GSB_PROCESSORS_PORT})
 * @param applicationId the Kafka Streams application id: consumer group, transactional ids, internal topics
 * @param stateDir where Kafka Streams keeps the rollups' state ({@code GSB_PROCESSORS_STATE_DIR})
 * @param instanceId a stable name of this instance for static group membership, or null ({@code GSB_PROCESSORS_INSTANCE_ID})
 * @param threads Kafka Streams threads ({@code GSB_PROCESSORS_THREADS})
 * @param commitInterval how often each task commits, and so writes its rows ({@code GSB_PROCESSORS_COMMIT_INTERVAL_MS})
 * @param batchRows rows gathered at most before a write between commits ({@code GSB_PROCESSORS_BATCH_ROWS})
 * @param grace how late a call may arrive and still count in its minute ({@code GSB_ROLLUP_GRACE_SECONDS})
 * @param callsTopic the topic of the CallRecords ({@code GSB_CALLS_TOPIC})
 * @param auditTopic the topic of the AuditEvents ({@code GSB_AUDIT_TOPIC})
 */
public record ProcessorSettings(String bootstrap, String registryUrl, String clickhouseUrl, String clickhouseDatabase,
                                String clickhouseUser, String clickhousePassword, String tokenUrl,
                                String servicesClientId, String servicesClientSecret, String host, int port,
                                String applicationId, Path stateDir, String instanceId, int threads,
                                Duration commitInterval, int batchRows, Duration grace, String callsTopic,
                                String auditTopic) {

    /** Every variable read, in the order of the README's table. */
    public static final List<String> VARIABLES = List.of("GSB_BOOTSTRAP", "GSB_REGISTRY_URL", "GSB_CLICKHOUSE_URL",
            "GSB_CLICKHOUSE_DATABASE", "GSB_CLICKHOUSE_USER", "GSB_CLICKHOUSE_PASSWORD", "GSB_TOKEN_URL",
            "GSB_SERVICES_CLIENT_ID", "GSB_SERVICES_CLIENT_SECRET", "GSB_PROCESSORS_HOST", "GSB_PROCESSORS_PORT",
            "GSB_PROCESSORS_APPLICATION_ID", "GSB_PROCESSORS_STATE_DIR", "GSB_PROCESSORS_INSTANCE_ID",
            "GSB_PROCESSORS_THREADS", "GSB_PROCESSORS_COMMIT_INTERVAL_MS", "GSB_PROCESSORS_BATCH_ROWS",
            "GSB_ROLLUP_GRACE_SECONDS", "GSB_CALLS_TOPIC", "GSB_AUDIT_TOPIC");

    /** @throws IllegalArgumentException (fatal) naming the variable whose value is wrong */
    public ProcessorSettings {
        check(clickhouseUrl.startsWith("http://") || clickhouseUrl.startsWith("https://"), "GSB_CLICKHOUSE_URL",
                clickhouseUrl, "give ClickHouse's HTTP interface, e.g. http://127.0.0.1:8123");
        check(clickhouseDatabase.matches("[A-Za-z0-9_]+"), "GSB_CLICKHOUSE_DATABASE", clickhouseDatabase,
                "give a database name of letters, digits and underscores");
        check(tokenUrl == null || servicesClientSecret != null, "GSB_SERVICES_CLIENT_SECRET", "(not set)",
                "with GSB_TOKEN_URL set, give the secret of client " + servicesClientId);
        check(port >= 0 && port <= 65535, "GSB_PROCESSORS_PORT", port, "give 0 to 65535, e.g. 8098");
        check(threads >= 1 && threads <= 64, "GSB_PROCESSORS_THREADS", threads, "give 1 to 64");
        check(!commitInterval.isNegative() && commitInterval.toMillis() >= 10, "GSB_PROCESSORS_COMMIT_INTERVAL_MS",
                commitInterval.toMillis(), "give at least 10, e.g. 1000");
        check(batchRows >= 1, "GSB_PROCESSORS_BATCH_ROWS", batchRows, "give at least 1, e.g. 20000");
        check(!grace.isNegative(), "GSB_ROLLUP_GRACE_SECONDS", grace.toSeconds(), "give 0 or more, e.g. 3600");
    }

    /**
     * @param env the environment
     * @return the settings
     * @throws IllegalArgumentException (fatal) naming the variable that is missing or wrong, and what to set
     */
    public static ProcessorSettings fromEnv(Map<String, String> env) {
        Env e = new Env(env);
        return new ProcessorSettings(e.required("GSB_BOOTSTRAP"), e.required("GSB_REGISTRY_URL"),
                stripSlash(e.required("GSB_CLICKHOUSE_URL")), e.or("GSB_CLICKHOUSE_DATABASE", "default"),
                e.or("GSB_CLICKHOUSE_USER", "default"), e.or("GSB_CLICKHOUSE_PASSWORD", ""), e.value("GSB_TOKEN_URL"),
                e.or("GSB_SERVICES_CLIENT_ID", "gsb-services"), e.value("GSB_SERVICES_CLIENT_SECRET"),
                e.or("GSB_PROCESSORS_HOST", "127.0.0.1"), (int) e.number("GSB_PROCESSORS_PORT", 8098),
                e.or("GSB_PROCESSORS_APPLICATION_ID", "gsb-stream-processors"),
                Path.of(e.or("GSB_PROCESSORS_STATE_DIR", Path.of(System.getProperty("java.io.tmpdir"),
                        "gsb-stream-processors").toString())),
                e.value("GSB_PROCESSORS_INSTANCE_ID"), (int) e.number("GSB_PROCESSORS_THREADS", 1),
                Duration.ofMillis(e.number("GSB_PROCESSORS_COMMIT_INTERVAL_MS", 1000)),
                (int) e.number("GSB_PROCESSORS_BATCH_ROWS", 20_000),
                Duration.ofSeconds(e.number("GSB_ROLLUP_GRACE_SECONDS", 3600)),
                e.or("GSB_CALLS_TOPIC", "gsb.calls"), e.or("GSB_AUDIT_TOPIC", "gsb.audit"));
    }

    /** @return the JDBC URL of the database, e.g. {@code jdbc:clickhouse://127.0.0.1:8123/default} */
    public String jdbcUrl() {
        URI uri = URI.create(clickhouseUrl);
        return "jdbc:clickhouse://" + uri.getHost() + ":" + uri.getPort() + "/" + clickhouseDatabase
                + ("https".equals(uri.getScheme()) ? "?ssl=true" : "");
    }

    @Override
    public String toString() {
        return "ProcessorSettings[bootstrap=" + bootstrap + ", registryUrl=" + registryUrl + ", clickhouseUrl="
                + clickhouseUrl + ", database=" + clickhouseDatabase + ", tokenUrl=" + tokenUrl + ", client="
                + servicesClientId + ", secret=******, port=" + port + ", applicationId=" + applicationId
                + ", stateDir=" + stateDir + ", instanceId=" + instanceId + ", threads=" + threads + ", commitInterval="
                + commitInterval + ", batchRows=" + batchRows + ", grace=" + grace + ", topics=" + callsTopic + ","
                + auditTopic + "]"; // never a secret in a log
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void check(boolean ok, String variable, Object value, String fix) {
        if (!ok) {
            throw new IllegalArgumentException(variable + "=" + value + " is not valid: " + fix);
        }
    }

    /** Reads variables, treating blank ones as unset. */
    private record Env(Map<String, String> env) {
        String value(String name) {
            String v = env.get(name);
            return v == null || v.isBlank() ? null : v.trim();
        }

        String or(String name, String defaultValue) {
            return Optional.ofNullable(value(name)).orElse(defaultValue);
        }

        String required(String name) {
            String v = value(name);
            if (v == null) {
                throw new IllegalArgumentException(name + " is not set: run eval \"$(./gsb env)\" first, or set it yourself");
            }
            return v;
        }

        long number(String name, long defaultValue) {
            String v = value(name);
            try {
                return v == null ? defaultValue : Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + "=" + v + " is not a whole number: unset it for the default, "
                        + defaultValue);
            }
        }
    }
}

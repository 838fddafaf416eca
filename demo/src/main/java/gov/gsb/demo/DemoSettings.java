package gov.gsb.demo;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The demo's settings, read from the environment: the variables {@code ./gsb env} prints, plus the
 * demo's own.
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>variable</th><th>default</th><th>what</th></tr>
 *   <tr><td>GSB_BOOTSTRAP</td><td>required</td><td>the bus's brokers, host:port</td></tr>
 *   <tr><td>GSB_REGISTRY_URL</td><td>required</td><td>the schema registry's Confluent-compatible API</td></tr>
 *   <tr><td>GSB_TOKEN_URL</td><td>none: no security</td><td>the token endpoint; with it each agency logs in
 *       with {@code GSB_<AGENCY>_CLIENT_ID} and {@code GSB_<AGENCY>_CLIENT_SECRET}</td></tr>
 *   <tr><td>GSB_DEMO_RATE</td><td>5</td><td>the single window's calls per second</td></tr>
 *   <tr><td>GSB_DEMO_PORT</td><td>8099</td><td>the port of {@code /health} and {@code /stats} on 127.0.0.1 (0: any free one)</td></tr>
 *   <tr><td>GSB_DEMO_SEED</td><td>a new one per run (logged at start)</td><td>the seed of every random choice: the
 *       same seed, the same citizens, calls and troubles</td></tr>
 * </table>
 *
 * @param bootstrap the bus's brokers
 * @param registryUrl the schema registry's Confluent-compatible API
 * @param tokenUrl the token endpoint, or null for a bus without security
 * @param credentials each agency's client credentials (empty without a token endpoint)
 * @param rate the single window's calls per second
 * @param port the HTTP port on 127.0.0.1 (0: any free one)
 * @param seed the seed of the traffic and of the agencies' fates
 * @param adminUrl access-admin's base URL (GSB_ADMIN_URL), or null: the demo then makes its topics itself
 * @param servicesSecret the secret of the realm client {@code gsb-services} (role admin), to register the
 *     demo's services and grants through access-admin; null without a token endpoint
 */
public record DemoSettings(String bootstrap, String registryUrl, String tokenUrl, Map<String, Credentials> credentials,
                           double rate, int port, long seed, String adminUrl, String servicesSecret) {

    /** An agency's OAuth client. @param clientId its id @param clientSecret its secret */
    public record Credentials(String clientId, String clientSecret) {
        @Override
        public String toString() {
            return "Credentials[clientId=" + clientId + ", clientSecret=******]"; // never in a log
        }
    }

    /** @throws IllegalArgumentException (fatal) naming a missing or wrong value */
    public DemoSettings {
        credentials = Map.copyOf(credentials);
        if (!(rate > 0 && rate <= 1000)) {
            throw new IllegalArgumentException("GSB_DEMO_RATE=" + rate + " is out of range: give calls per second, "
                    + "more than 0 and at most 1000, e.g. 5");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("GSB_DEMO_PORT=" + port + " is not a port: give 0 to 65535, e.g. 8099");
        }
    }

    /**
     * @param env the environment
     * @return the settings
     * @throws IllegalArgumentException (fatal) naming the variable that is missing or wrong, and what to set
     */
    public static DemoSettings fromEnv(Map<String, String> env) {
        String tokenUrl = value(env, "GSB_TOKEN_URL");
        Map<String, Credentials> credentials = new LinkedHashMap<>();
        if (tokenUrl != null) {
            for (String agency : DemoServices.AGENCIES) {
                String prefix = variablePrefix(agency);
                credentials.put(agency, new Credentials(required(env, prefix + "_CLIENT_ID"),
                        required(env, prefix + "_CLIENT_SECRET")));
            }
        }
        String adminUrl = value(env, "GSB_ADMIN_URL");
        String servicesSecret = adminUrl != null && tokenUrl != null ? required(env, "GSB_SERVICES_CLIENT_SECRET") : null;
        return new DemoSettings(required(env, "GSB_BOOTSTRAP"), required(env, "GSB_REGISTRY_URL"), tokenUrl, credentials,
                number(env, "GSB_DEMO_RATE", "5"), (int) whole(env, "GSB_DEMO_PORT", "8099"), seed(env), adminUrl,
                servicesSecret);
    }

    /** @param agency e.g. {@code civil-registry} @return its variables' prefix, e.g. {@code GSB_CIVIL_REGISTRY} */
    public static String variablePrefix(String agency) {
        return "GSB_" + agency.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** @param agency an agency of the demo @return its client credentials, when the bus is secured */
    public Optional<Credentials> credentialsOf(String agency) {
        return Optional.ofNullable(credentials.get(agency));
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static String required(Map<String, String> env, String name) {
        String v = value(env, name);
        if (v == null) {
            throw new IllegalArgumentException(name + " is not set: run eval \"$(./gsb env)\" first, or set it yourself");
        }
        return v;
    }

    private static double number(Map<String, String> env, String name, String defaultValue) {
        String v = Optional.ofNullable(value(env, name)).orElse(defaultValue);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + v + " is not a number: unset it for the default, " + defaultValue);
        }
    }

    /**
     * A new seed per run unless one is given: a run's case and request ids then differ from the last run's, which
     * the bus's call log keeps (a fixed seed would repeat them on every start).
     */
    private static long seed(Map<String, String> env) {
        return value(env, "GSB_DEMO_SEED") == null ? ThreadLocalRandom.current().nextLong(1, 1_000_000)
                : whole(env, "GSB_DEMO_SEED", "0");
    }

    private static long whole(Map<String, String> env, String name, String defaultValue) {
        String v = Optional.ofNullable(value(env, name)).orElse(defaultValue);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + v + " is not a whole number: unset it for the default, "
                    + defaultValue);
        }
    }
}

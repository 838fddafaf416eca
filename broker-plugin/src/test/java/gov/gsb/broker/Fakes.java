package gov.gsb.broker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.security.sasl.SaslServer;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.MetricValueProvider;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.security.auth.KafkaPrincipal;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerToken;
import org.apache.kafka.server.authorizer.AuthorizableRequestContext;

/** Hand-written test doubles: fakes over mocks. */
public final class Fakes {

    private Fakes() {
    }

    /** The request of a caller from a host. */
    public record Request(KafkaPrincipal principal, InetAddress clientAddress) implements AuthorizableRequestContext {
        public static Request from(KafkaPrincipal principal) {
            return new Request(principal, address("127.0.0.1"));
        }

        @Override
        public String listenerName() {
            return "EXTERNAL";
        }

        @Override
        public SecurityProtocol securityProtocol() {
            return SecurityProtocol.SASL_PLAINTEXT;
        }

        @Override
        public int requestType() {
            return 0;
        }

        @Override
        public int requestVersion() {
            return 0;
        }

        @Override
        public String clientId() {
            return "test-client";
        }

        @Override
        public int correlationId() {
            return 1;
        }
    }

    public static InetAddress address(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A clock the test moves by hand. */
    public static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        public void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** An unsigned compact JWT with this JSON payload (the builder trusts Kafka to have verified it). */
    public static String jwt(String payloadJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    /** What Kafka's validator leaves in the SASL server: the raw JWT and the subject it read. */
    public record Token(String value, String principalName) implements OAuthBearerToken {
        @Override
        public Set<String> scope() {
            return Set.of();
        }

        @Override
        public long lifetimeMs() {
            return Long.MAX_VALUE;
        }

        @Override
        public Long startTimeMs() {
            return null;
        }
    }

    /** A completed SASL exchange of some mechanism, with its negotiated properties. */
    public record Sasl(String mechanism, String authorizationId, Map<String, Object> properties) implements SaslServer {
        public static Sasl oauthBearer(OAuthBearerToken token) {
            return new Sasl("OAUTHBEARER", token.principalName(), Map.of("OAUTHBEARER.token", token));
        }

        @Override
        public String getMechanismName() {
            return mechanism;
        }

        @Override
        public byte[] evaluateResponse(byte[] response) {
            return new byte[0];
        }

        @Override
        public boolean isComplete() {
            return true;
        }

        @Override
        public String getAuthorizationID() {
            return authorizationId;
        }

        @Override
        public byte[] unwrap(byte[] incoming, int offset, int len) {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] wrap(byte[] outgoing, int offset, int len) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getNegotiatedProperty(String propName) {
            return properties.get(propName);
        }

        @Override
        public void dispose() {
        }
    }

    /** Kafka's plugin metrics as a map the test can read. */
    public static final class Metrics implements PluginMetrics {
        private final Map<String, MetricValueProvider<?>> metrics = new HashMap<>();

        @Override
        public MetricName metricName(String name, String description, LinkedHashMap<String, String> tags) {
            return new MetricName(name, "plugins", description, tags);
        }

        @Override
        public void addMetric(MetricName name, MetricValueProvider<?> provider) {
            metrics.put(name.name(), provider);
        }

        @Override
        public void removeMetric(MetricName name) {
            metrics.remove(name.name());
        }

        @Override
        public Sensor addSensor(String name) {
            throw new UnsupportedOperationException("the plugin uses gauges only");
        }

        @Override
        public void removeSensor(String name) {
        }

        public Object value(String name) {
            return ((Gauge<?>) metrics.get(name)).value(null, 0);
        }
    }
}

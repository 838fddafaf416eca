package gov.gsb.benchmarks;

import gov.gsb.broker.GsbAuthorizer;
import gov.gsb.broker.GsbPrincipal;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Monitorable;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.security.auth.KafkaPrincipal;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.metadata.authorizer.ClusterMetadataAuthorizer;
import org.apache.kafka.metadata.authorizer.StandardAcl;
import org.apache.kafka.metadata.authorizer.StandardAuthorizer;
import org.apache.kafka.server.authorizer.Action;
import org.apache.kafka.server.authorizer.AuthorizableRequestContext;
import org.apache.kafka.server.authorizer.AuthorizationResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One authorization decision with 10,000 ACLs: {@link GsbAuthorizer} with ACLs spread over users,
 * groups and roles, against Kafka's {@link StandardAuthorizer} with the equivalent user-only ACLs
 * (the same 10,000 ACLs, each on a {@code User:} principal: what the bus would need without groups).
 *
 * <p>Self-contained on purpose: it uses only the plugin's public API and Kafka.
 * {@code AuthorizerBenchmarkTest} checks that the decisions are the intended ones (it times nothing).
 *
 * <pre>{@code java -jar benchmarks/target/gsb-benchmarks.jar AuthorizerBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AuthorizerBenchmark {

    static final int ACLS = 10_000;
    static final int AGENCIES = 100;
    static final int USERS = 2_000;
    static final int TOPICS = 2_500;
    static final List<String> ROLES = List.of("publisher", "subscriber", "auditor", "analyst", "admin");

    /** User 1234 of agency 34, a publisher. */
    static final GsbPrincipal CALLER = new GsbPrincipal("user-1234", Set.of("agencies/agency-34"), Set.of("publisher"));
    /** The topic the caller may write: its agency's group holds the grant (in the user-only set: the user). */
    static final String GRANTED_TOPIC = topic(34 * 25);
    /** A topic nobody granted the caller anything on. */
    static final String FOREIGN_TOPIC = topic(77 * 25 + 3);

    GsbAuthorizer gsb;
    StandardAuthorizer standard;
    Request request;
    List<Action> writeGranted;
    List<Action> writeForeign;

    static String topic(int i) {
        return "gsb.agency-" + (i / 25) + ".service-" + (i % 25);
    }

    /** Builds both authorizers; public so a test can check the state it produces. */
    @Setup
    public void setUp() {
        request = new Request(CALLER, InetAddress.getLoopbackAddress());
        writeGranted = List.of(write(GRANTED_TOPIC));
        writeForeign = List.of(write(FOREIGN_TOPIC));
        gsb = load(new GsbAuthorizer(), false);
        standard = load(new StandardAuthorizer(), true);
    }

    private static Action write(String topic) {
        return new Action(AclOperation.WRITE, new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL), 1, true, true);
    }

    private static <A extends ClusterMetadataAuthorizer & Monitorable> A load(A authorizer, boolean usersOnly) {
        authorizer.configure(Map.of("super.users", "User:service-account-gsb-broker"));
        // As in a broker: both record every decision in Kafka's plugin metrics their own way.
        authorizer.withPluginMetrics(new PluginMetricsImpl(new Metrics(), Map.of("role", "broker")));
        for (int i = 0; i < ACLS; i++) {
            authorizer.addAcl(Uuid.randomUuid(), acl(i, usersOnly));
        }
        authorizer.completeInitialLoad();
        return authorizer;
    }

    /**
     * ACL number {@code i}: a LITERAL WRITE or READ grant on one of 2,500 topics, 40 % on users,
     * 40 % on agency groups, 20 % on roles; the first ACL of each agency's first topic is that
     * agency's group WRITE grant. No two are equal (Kafka's controller never stores duplicates).
     * With {@code usersOnly} every principal is a user, and the grant that lets the caller write
     * goes to the caller itself.
     */
    static StandardAcl acl(int i, boolean usersOnly) {
        int topic = i % TOPICS;
        boolean agencyGrant = i < TOPICS && topic % 25 == 0;
        AclOperation op = agencyGrant || i % 3 != 0 ? AclOperation.WRITE : AclOperation.READ;
        return new StandardAcl(ResourceType.TOPIC, topic(topic), PatternType.LITERAL,
                principal(i, topic / 25, agencyGrant, usersOnly), "*", op, AclPermissionType.ALLOW);
    }

    private static String principal(int i, int agency, boolean agencyGrant, boolean usersOnly) {
        if (agencyGrant) {
            String user = agency == 34 ? CALLER.getName() : "agency-" + agency;
            return usersOnly ? "User:" + user : "Group:agencies/agency-" + agency;
        }
        if (i % 5 < 2) {
            return "User:user-" + (i * 7919 % USERS);
        }
        // The four ACLs of a topic (i, i + 2,500, ...) share i % 5: the round (i / TOPICS) keeps them apart.
        int round = i / TOPICS;
        if (i % 5 < 4) {
            return (usersOnly ? "User:member-of-agency-" : "Group:agencies/agency-") + ((i * 31 + round) % AGENCIES);
        }
        return (usersOnly ? "User:holder-of-" : "Role:") + ROLES.get((i / 5 + round) % ROLES.size());
    }

    /** GSB: allowed through the caller's group, after checking its user, wildcard, group and role. */
    @Benchmark
    public AuthorizationResult gsbAllowedThroughGroup() {
        return gsb.authorize(request, writeGranted).get(0);
    }

    /** GSB: no ACL matches, so denied by default (counted, and logged once a minute). */
    @Benchmark
    public AuthorizationResult gsbDeniedByDefault() {
        return gsb.authorize(request, writeForeign).get(0);
    }

    /** Kafka: allowed through a user ACL. */
    @Benchmark
    public AuthorizationResult standardAllowedThroughUser() {
        return standard.authorize(request, writeGranted).get(0);
    }

    /** Kafka: no ACL matches, so denied. */
    @Benchmark
    public AuthorizationResult standardDeniedByDefault() {
        return standard.authorize(request, writeForeign).get(0);
    }

    /** A request of a caller from a host; Kafka fills in the rest for real requests. */
    record Request(KafkaPrincipal principal, InetAddress clientAddress) implements AuthorizableRequestContext {
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
            return "benchmark";
        }

        @Override
        public int correlationId() {
            return 0;
        }
    }

}

package gov.gsb.broker;

import gov.gsb.broker.internal.AclIndex;
import gov.gsb.broker.internal.AclMatch.Verdict;
import gov.gsb.broker.internal.AclPrincipals;
import gov.gsb.broker.internal.DecisionMetrics;
import gov.gsb.broker.internal.DenialLog;
import gov.gsb.broker.internal.DenialLog.Denial;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.Endpoint;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.AuthorizerNotReadyException;
import org.apache.kafka.common.errors.InvalidRequestException;
import org.apache.kafka.common.metrics.Monitorable;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.security.auth.KafkaPrincipal;
import org.apache.kafka.common.utils.SecurityUtils;
import org.apache.kafka.metadata.authorizer.AclMutator;
import org.apache.kafka.metadata.authorizer.ClusterMetadataAuthorizer;
import org.apache.kafka.metadata.authorizer.StandardAcl;
import org.apache.kafka.metadata.authorizer.StandardAuthorizer;
import org.apache.kafka.server.authorizer.AclCreateResult;
import org.apache.kafka.server.authorizer.AclDeleteResult;
import org.apache.kafka.server.authorizer.Action;
import org.apache.kafka.server.authorizer.AuthorizableRequestContext;
import org.apache.kafka.server.authorizer.AuthorizationResult;
import org.apache.kafka.server.authorizer.AuthorizerServerInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus's authorizer: Kafka ACLs on users, groups and realm roles. Enable it on every broker
 * and controller, with {@link GsbPrincipalBuilder}:
 *
 * <pre>
 * authorizer.class.name=gov.gsb.broker.GsbAuthorizer
 * super.users=User:service-account-gsb-broker
 * </pre>
 *
 * <p>Rules. An ACL on {@code User:<name>}, {@code User:*}, {@code Group:<path>} (no leading slash)
 * or {@code Role:<role>} applies to a caller who has that name, group or role. A DENY on any of the
 * caller's principals beats every ALLOW; without a matching ALLOW the answer is DENIED
 * ({@code allow.everyone.if.no.acl.found} is ignored); super users ({@code super.users},
 * {@code ;}-separated, compared with the caller's {@code User:<name>} only) may do anything.
 * Resource patterns (LITERAL, PREFIXED, the {@code *} wildcard) and implied operations (READ,
 * WRITE, DELETE, ALTER imply DESCRIBE; ALTER_CONFIGS implies DESCRIBE_CONFIGS) behave as in Kafka.
 *
 * <p>Storage. ACLs live in Kafka's metadata log as with Kafka's {@link StandardAuthorizer}, which
 * this class wraps for storage, {@code createAcls}, {@code deleteAcls} and {@code acls}. Every
 * change Kafka applies ({@link #addAcl}, {@link #removeAcl}, {@link #loadSnapshot}) also goes into
 * this class's own index, synchronously, so a new ACL decides the very next request after the
 * broker applies it; nothing is cached.
 *
 * <p>Decisions are counted ({@link #allowedDecisions()}, {@link #deniedDecisions()}, and as Kafka
 * plugin metrics); denials are logged through SLF4J logger {@value #DENIAL_LOGGER}, at most once
 * per {@link GsbBrokerConfig#DENIAL_LOG_INTERVAL_MS_CONFIG} for each (principal, resource,
 * operation). Thread-safe.
 */
public class GsbAuthorizer implements ClusterMetadataAuthorizer, Monitorable {

    /** The SLF4J logger that receives denials (INFO), so operators can route them to an audit file. */
    public static final String DENIAL_LOGGER = "gov.gsb.broker.denials";
    /** How many distinct denials the log throttle remembers before it forgets old ones. */
    static final int MAX_REMEMBERED_DENIALS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(GsbAuthorizer.class);
    private static final Logger DENIALS = LoggerFactory.getLogger(DENIAL_LOGGER);

    private final StandardAuthorizer store = new StandardAuthorizer();
    private final DecisionMetrics metrics = new DecisionMetrics();
    private final Clock clock;
    private final DenialLog.Sink denialSink;
    private volatile AclIndex index = new AclIndex();
    private volatile boolean loaded;
    private volatile Set<String> superUsers = Set.of();
    private volatile DenialLog denials;

    /** Created by Kafka from {@code authorizer.class.name}; {@link #configure} follows. */
    public GsbAuthorizer() {
        this(Clock.systemUTC(), GsbAuthorizer::logDenial);
    }

    /** For tests: a clock for the denial log's intervals, and where denials to log go. */
    GsbAuthorizer(Clock clock, DenialLog.Sink denialSink) {
        this.clock = clock;
        this.denialSink = denialSink;
        this.denials = new DenialLog(clock, new GsbBrokerConfig(Map.of()).denialLogInterval(), MAX_REMEMBERED_DENIALS, denialSink);
    }

    /**
     * Reads {@code super.users} and the plugin's settings ({@link GsbBrokerConfig}).
     *
     * @throws org.apache.kafka.common.config.ConfigException (fatal) naming an invalid key
     * @throws IllegalArgumentException (fatal) if a super user is not of the form {@code Type:name}
     */
    @Override
    public void configure(Map<String, ?> configs) {
        store.configure(configs);
        GsbBrokerConfig config = new GsbBrokerConfig(configs);
        superUsers = parseSuperUsers(configs.get(StandardAuthorizer.SUPER_USERS_CONFIG));
        denials = new DenialLog(clock, config.denialLogInterval(), MAX_REMEMBERED_DENIALS, denialSink);
        Object allowEveryone = configs.get(StandardAuthorizer.ALLOW_EVERYONE_IF_NO_ACL_IS_FOUND_CONFIG);
        if (allowEveryone != null && Boolean.parseBoolean(allowEveryone.toString().trim())) {
            LOG.warn("{}=true is ignored: the GSB authorizer denies whatever no ACL allows",
                    StandardAuthorizer.ALLOW_EVERYONE_IF_NO_ACL_IS_FOUND_CONFIG);
        }
    }

    private static Set<String> parseSuperUsers(Object value) {
        Set<String> users = new HashSet<>();
        if (value != null) {
            for (String user : value.toString().split(";")) {
                if (!user.isBlank()) {
                    SecurityUtils.parseKafkaPrincipal(user.trim());
                    users.add(user.trim());
                }
            }
        }
        return Set.copyOf(users);
    }

    /** Publishes the decision counters and the ACL count as Kafka plugin metrics. */
    @Override
    public void withPluginMetrics(PluginMetrics pluginMetrics) {
        metrics.register(pluginMetrics, () -> index.size());
    }

    /** Listeners start accepting requests once the ACLs up to the log's high watermark are loaded. */
    @Override
    public Map<Endpoint, ? extends CompletionStage<Void>> start(AuthorizerServerInfo serverInfo) {
        return store.start(serverInfo);
    }

    /**
     * Decides each action for the request's caller.
     *
     * @throws AuthorizerNotReadyException (retriable) before the initial ACL load, except for super users
     * @throws IllegalArgumentException if an action's resource pattern is not LITERAL
     */
    @Override
    public List<AuthorizationResult> authorize(AuthorizableRequestContext context, List<Action> actions) {
        KafkaPrincipal principal = context.principal();
        List<String> principals = aclPrincipals(principal);
        String host = context.clientAddress().getHostAddress();
        boolean superUser = superUsers.contains(principals.get(0));
        List<AuthorizationResult> results = new ArrayList<>(actions.size());
        for (Action action : actions) {
            ResourcePattern resource = action.resourcePattern();
            if (resource.patternType() != PatternType.LITERAL) {
                throw new IllegalArgumentException("only LITERAL resources can be authorized, not " + resource);
            }
            boolean allowed = superUser || ready() && index.verdict(resource.resourceType(), resource.name(),
                    action.operation(), principals, host) == Verdict.ALLOW;
            results.add(decided(allowed, action.logIfDenied(), principal, resource.resourceType() + ":" + resource.name(),
                    action.operation(), host));
        }
        return results;
    }

    /**
     * Whether the caller may do {@code op} on at least one resource of the type (used for
     * idempotent and transactional producers): the same principals, DENY-first rules and super
     * users as {@link #authorize}, over all ACLs of that type.
     *
     * @throws AuthorizerNotReadyException (retriable) before the initial ACL load, except for super users
     * @throws IllegalArgumentException if {@code op} or {@code resourceType} is ANY or UNKNOWN
     */
    @Override
    public AuthorizationResult authorizeByResourceType(AuthorizableRequestContext context, AclOperation op,
            ResourceType resourceType) {
        SecurityUtils.authorizeByResourceTypeCheckArgs(op, resourceType);
        KafkaPrincipal principal = context.principal();
        List<String> principals = aclPrincipals(principal);
        String host = context.clientAddress().getHostAddress();
        boolean allowed = superUsers.contains(principals.get(0))
                || ready() && index.allowsSomeResource(resourceType, op, principals, host);
        return decided(allowed, true, principal, resourceType + ":(any)", op, host);
    }

    private boolean ready() {
        if (!loaded) {
            throw new AuthorizerNotReadyException();
        }
        return true;
    }

    private AuthorizationResult decided(boolean allowed, boolean logIfDenied, KafkaPrincipal principal, String resource,
            AclOperation operation, String host) {
        metrics.record(allowed);
        if (!allowed && logIfDenied) {
            denials.denied(denial(principal, resource, operation, host));
        }
        return allowed ? AuthorizationResult.ALLOWED : AuthorizationResult.DENIED;
    }

    private static Denial denial(KafkaPrincipal principal, String resource, AclOperation operation, String host) {
        String groups = principal instanceof GsbPrincipal g ? g.groups().toString() : "[]";
        String roles = principal instanceof GsbPrincipal g ? g.roles().toString() : "[]";
        return new Denial(principal.getPrincipalType() + ":" + principal.getName(), groups, roles, resource,
                operation.name(), host);
    }

    private static void logDenial(Denial d, long suppressed) {
        DENIALS.info("denied {} (groups {}, roles {}) {} on {} from {}{}", d.principal(), d.groups(), d.roles(),
                d.operation(), d.resource(), d.host(),
                suppressed > 0 ? " (and " + suppressed + " equal denials since the last line)" : "");
    }

    /** The caller's ACL principals: name, {@code User:*}, and for a {@link GsbPrincipal} its groups and roles. */
    private static List<String> aclPrincipals(KafkaPrincipal principal) {
        if (principal instanceof GsbPrincipal gsb) {
            return gsb.aclPrincipals();
        }
        return List.of(principal.getPrincipalType() + ":" + principal.getName(), GsbPrincipal.ANY_USER);
    }

    /**
     * Creates ACLs through the controller's metadata log. An ACL whose principal could never match
     * (type other than User, Group, Role; {@code Group:/path}; {@code Group:*}) fails with an
     * {@link InvalidRequestException} that says how to write it; the others are created.
     */
    @Override
    public List<? extends CompletionStage<AclCreateResult>> createAcls(AuthorizableRequestContext context,
            List<AclBinding> bindings) {
        List<CompletionStage<AclCreateResult>> results = new ArrayList<>(bindings.size());
        List<AclBinding> valid = new ArrayList<>();
        List<Integer> validAt = new ArrayList<>();
        for (AclBinding binding : bindings) {
            Optional<String> problem = AclPrincipals.problem(binding.entry().principal());
            results.add(problem.map(p -> CompletableFuture.completedFuture(new AclCreateResult(new InvalidRequestException(p))))
                    .orElse(null));
            if (problem.isEmpty()) {
                valid.add(binding);
                validAt.add(results.size() - 1);
            }
        }
        if (!valid.isEmpty()) {
            List<? extends CompletionStage<AclCreateResult>> created = store.createAcls(context, valid);
            for (int i = 0; i < created.size(); i++) {
                results.set(validAt.get(i), created.get(i));
            }
        }
        return results;
    }

    /** Deletes the ACLs that match the filters, through the controller's metadata log. */
    @Override
    public List<? extends CompletionStage<AclDeleteResult>> deleteAcls(AuthorizableRequestContext context,
            List<AclBindingFilter> filters) {
        return store.deleteAcls(context, filters);
    }

    /** The ACLs that match the filter, as stored (any principal type). */
    @Override
    public Iterable<AclBinding> acls(AclBindingFilter filter) {
        return store.acls(filter);
    }

    /** @return how many ACLs there are */
    @Override
    public int aclCount() {
        return index.size();
    }

    /** @return authorization decisions that allowed, since start (super users included) */
    public long allowedDecisions() {
        return metrics.allowed();
    }

    /** @return authorization decisions that denied, since start */
    public long deniedDecisions() {
        return metrics.denied();
    }

    /** Called by Kafka on the active controller: where new ACLs are written. */
    @Override
    public void setAclMutator(AclMutator aclMutator) {
        store.setAclMutator(aclMutator);
    }

    /**
     * @return where new ACLs are written
     * @throws org.apache.kafka.common.errors.NotControllerException (retriable) on a node that is not the active controller
     */
    @Override
    public AclMutator aclMutatorOrException() {
        return store.aclMutatorOrException();
    }

    /** Called by Kafka once the ACLs up to the high watermark are loaded: decisions start. */
    @Override
    public void completeInitialLoad() {
        loaded = true;
        store.completeInitialLoad();
    }

    /** Called by Kafka if the initial load failed: listeners do not start. */
    @Override
    public void completeInitialLoad(Exception e) {
        store.completeInitialLoad(e);
    }

    /** Called by Kafka with every ACL of a metadata snapshot: replaces the index in one step. */
    @Override
    public void loadSnapshot(Map<Uuid, StandardAcl> acls) {
        store.loadSnapshot(acls);
        index = AclIndex.of(acls);
    }

    /** Called by Kafka for each ACL record, in log order: effective for the next decision. */
    @Override
    public void addAcl(Uuid id, StandardAcl acl) {
        store.addAcl(id, acl);
        index.add(id, acl);
    }

    /** Called by Kafka for each ACL removal, in log order: effective for the next decision. */
    @Override
    public void removeAcl(Uuid id) {
        store.removeAcl(id);
        index.remove(id);
    }

    /** Fails the start futures if the initial load never completed. */
    @Override
    public void close() throws IOException {
        store.close();
    }
}

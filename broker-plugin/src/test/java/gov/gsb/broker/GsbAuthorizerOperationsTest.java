package gov.gsb.broker;

import static gov.gsb.broker.GsbAuthorizerTest.TAX;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;
import static org.apache.kafka.common.acl.AclPermissionType.ALLOW;
import static org.apache.kafka.common.resource.PatternType.LITERAL;
import static org.apache.kafka.common.resource.ResourceType.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;

import gov.gsb.broker.internal.DecisionMetrics;
import gov.gsb.broker.internal.DenialLog.Denial;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.InvalidRequestException;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.controller.ControllerRequestContext;
import org.apache.kafka.metadata.authorizer.AclMutator;
import org.apache.kafka.server.authorizer.AclCreateResult;
import org.apache.kafka.server.authorizer.AclDeleteResult;
import org.apache.kafka.server.authorizer.Action;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the authorizer does besides deciding: vetting new ACLs, counting, logging denials. */
class GsbAuthorizerOperationsTest {

    final Fakes.MutableClock clock = new Fakes.MutableClock();
    final List<Denial> logged = new ArrayList<>();
    final List<Long> suppressed = new ArrayList<>();
    GsbAuthorizer authorizer;

    @BeforeEach
    void setUp() {
        authorizer = new GsbAuthorizer(clock, (denial, n) -> {
            logged.add(denial);
            suppressed.add(n);
        });
        authorizer.configure(Map.of("super.users", "User:service-account-gsb-broker",
                GsbBrokerConfig.DENIAL_LOG_INTERVAL_MS_CONFIG, "60000"));
        authorizer.completeInitialLoad();
    }

    /** The controller's side of createAcls: records what reaches the metadata log. */
    static final class RecordingMutator implements AclMutator {
        final List<AclBinding> created = new ArrayList<>();

        @Override
        public CompletableFuture<List<AclCreateResult>> createAcls(ControllerRequestContext context, List<AclBinding> bindings) {
            created.addAll(bindings);
            return CompletableFuture.completedFuture(bindings.stream().map(b -> AclCreateResult.SUCCESS).toList());
        }

        @Override
        public CompletableFuture<List<AclDeleteResult>> deleteAcls(ControllerRequestContext context, List<AclBindingFilter> filters) {
            return CompletableFuture.completedFuture(List.of());
        }
    }

    static AclBinding binding(String principal) {
        return new AclBinding(new ResourcePattern(TOPIC, "gsb.tax.returns", LITERAL),
                new AccessControlEntry(principal, "*", WRITE, ALLOW));
    }

    void write(GsbPrincipal who, String topic, boolean logIfDenied) {
        authorizer.authorize(Fakes.Request.from(who),
                List.of(new Action(WRITE, new ResourcePattern(TOPIC, topic, LITERAL), 1, true, logIfDenied)));
    }

    @Test
    void shouldRefuseAclsOnPrincipalsThatCouldNeverMatchAndCreateTheOthers() {
        RecordingMutator mutator = new RecordingMutator();
        authorizer.setAclMutator(mutator);

        List<? extends CompletionStage<AclCreateResult>> results = authorizer.createAcls(Fakes.Request.from(TAX), List.of(
                binding("Group:/agencies/tax"), binding("Group:agencies/tax"), binding("Team:tax"),
                binding("Role:*"), binding("Role:publisher"), binding("User:*")));

        assertThat(results).extracting(r -> r.toCompletableFuture().join().exception().map(ApiException::getClass))
                .containsExactly(Optional.of(InvalidRequestException.class), Optional.empty(),
                        Optional.of(InvalidRequestException.class), Optional.of(InvalidRequestException.class),
                        Optional.empty(), Optional.empty());
        assertThat(results.get(0).toCompletableFuture().join().exception().orElseThrow())
                .hasMessageContaining("Group:agencies/tax");
        assertThat(mutator.created).extracting(b -> b.entry().principal())
                .containsExactly("Group:agencies/tax", "Role:publisher", "User:*");
    }

    @Test
    void shouldCountEveryDecisionAndPublishTheCounts() {
        Fakes.Metrics metrics = new Fakes.Metrics();
        authorizer.withPluginMetrics(metrics);
        authorizer.addAcl(Uuid.randomUuid(), GsbAuthorizerTest.acl("Group:agencies/tax", TOPIC, "gsb.tax.returns", LITERAL, WRITE, ALLOW));

        write(TAX, "gsb.tax.returns", true);
        write(TAX, "gsb.tax.returns", true);
        write(TAX, "gsb.other", false);

        assertThat(authorizer.allowedDecisions()).isEqualTo(2);
        assertThat(authorizer.deniedDecisions()).isEqualTo(1);
        assertThat(metrics.value(DecisionMetrics.ALLOWED_TOTAL)).isEqualTo(2L);
        assertThat(metrics.value(DecisionMetrics.DENIED_TOTAL)).isEqualTo(1L);
        assertThat(metrics.value(DecisionMetrics.ACLS_TOTAL)).isEqualTo(1);
    }

    @Test
    void shouldLogADenialWithTheCallersGroupsAndRoles() {
        write(TAX, "gsb.civil-registry.births", true);

        assertThat(logged).containsExactly(new Denial("User:service-account-tax", "[agencies/tax]", "[publisher, subscriber]",
                "TOPIC:gsb.civil-registry.births", "WRITE", "127.0.0.1"));
    }

    @Test
    void shouldLogARepeatedDenialOncePerIntervalAndCountTheRest() {
        for (int i = 0; i < 5; i++) {
            write(TAX, "gsb.civil-registry.births", true);
        }
        clock.advance(Duration.ofSeconds(61));
        write(TAX, "gsb.civil-registry.births", true);

        assertThat(logged).hasSize(2);
        assertThat(suppressed).containsExactly(0L, 4L);
        assertThat(authorizer.deniedDecisions()).isEqualTo(6);
    }

    @Test
    void shouldNotLogDenialsKafkaExpects() {
        // Kafka sets logIfDenied=false where a denial is normal, e.g. topics filtered out of a Metadata answer.
        write(TAX, "gsb.civil-registry.births", false);

        assertThat(logged).isEmpty();
        assertThat(authorizer.deniedDecisions()).isEqualTo(1);
    }

    @Test
    void shouldLogADeniedResourceTypeCheck() {
        authorizer.authorizeByResourceType(Fakes.Request.from(TAX), READ, TOPIC);

        assertThat(logged).extracting(Denial::resource).containsExactly("TOPIC:(any)");
    }
}

package gov.gsb.broker;

import static org.apache.kafka.common.acl.AclOperation.ALL;
import static org.apache.kafka.common.acl.AclOperation.ALTER_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;
import static org.apache.kafka.common.acl.AclPermissionType.ALLOW;
import static org.apache.kafka.common.acl.AclPermissionType.DENY;
import static org.apache.kafka.common.resource.PatternType.LITERAL;
import static org.apache.kafka.common.resource.PatternType.PREFIXED;
import static org.apache.kafka.common.resource.ResourceType.GROUP;
import static org.apache.kafka.common.resource.ResourceType.TOPIC;
import static org.apache.kafka.server.authorizer.AuthorizationResult.ALLOWED;
import static org.apache.kafka.server.authorizer.AuthorizationResult.DENIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.gsb.broker.internal.DenialLog.Denial;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.AuthorizerNotReadyException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.security.auth.KafkaPrincipal;
import org.apache.kafka.metadata.authorizer.StandardAcl;
import org.apache.kafka.server.authorizer.Action;
import org.apache.kafka.server.authorizer.AuthorizationResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GsbAuthorizerTest {

    static final GsbPrincipal TAX = new GsbPrincipal("service-account-tax", Set.of("agencies/tax"),
            new LinkedHashSet<>(List.of("publisher", "subscriber")));
    static final GsbPrincipal UTILITIES = new GsbPrincipal("service-account-utilities", Set.of("agencies/utilities"), Set.of("subscriber"));
    static final String TOPIC_NAME = "gsb.tax.returns";

    final Fakes.MutableClock clock = new Fakes.MutableClock();
    final List<Denial> logged = new ArrayList<>();
    GsbAuthorizer authorizer;

    @BeforeEach
    void setUp() {
        authorizer = new GsbAuthorizer(clock, (denial, suppressed) -> logged.add(denial));
        authorizer.configure(Map.of("super.users", "User:service-account-gsb-broker; User:ops"));
        authorizer.completeInitialLoad();
    }

    static StandardAcl acl(String principal, ResourceType type, String name, PatternType pattern, AclOperation op,
            AclPermissionType permission) {
        return new StandardAcl(type, name, pattern, principal, "*", op, permission);
    }

    Uuid grant(String principal, AclOperation op, AclPermissionType permission) {
        return add(acl(principal, TOPIC, TOPIC_NAME, LITERAL, op, permission));
    }

    Uuid add(StandardAcl acl) {
        Uuid id = Uuid.randomUuid();
        authorizer.addAcl(id, acl);
        return id;
    }

    AuthorizationResult decide(KafkaPrincipal who, AclOperation op, ResourceType type, String name) {
        return authorizer.authorize(Fakes.Request.from(who),
                List.of(new Action(op, new ResourcePattern(type, name, LITERAL), 1, true, true))).get(0);
    }

    AuthorizationResult decide(KafkaPrincipal who, AclOperation op) {
        return decide(who, op, TOPIC, TOPIC_NAME);
    }

    @Nested
    class Principals {
        @Test
        void shouldAllowAUserNamedByTheAcl() {
            grant("User:service-account-tax", WRITE, ALLOW);

            assertThat(decide(TAX, WRITE)).isEqualTo(ALLOWED);
            assertThat(decide(UTILITIES, WRITE)).isEqualTo(DENIED);
        }

        @Test
        void shouldAllowAMemberOfTheGroup() {
            grant("Group:agencies/tax", WRITE, ALLOW);

            assertThat(decide(TAX, WRITE)).isEqualTo(ALLOWED);
            assertThat(decide(UTILITIES, WRITE)).isEqualTo(DENIED);
        }

        @Test
        void shouldAllowAHolderOfTheRole() {
            grant("Role:publisher", WRITE, ALLOW);

            assertThat(decide(TAX, WRITE)).isEqualTo(ALLOWED);
            assertThat(decide(UTILITIES, WRITE)).isEqualTo(DENIED);
        }

        @Test
        void shouldAllowEveryUserThroughTheUserWildcard() {
            grant("User:*", READ, ALLOW);

            assertThat(decide(TAX, READ)).isEqualTo(ALLOWED);
            assertThat(decide(UTILITIES, READ)).isEqualTo(ALLOWED);
            assertThat(decide(KafkaPrincipal.ANONYMOUS, READ)).isEqualTo(ALLOWED);
        }

        @Test
        void shouldMatchPlainKafkaPrincipalsOnNameAndWildcardOnly() {
            grant("Group:agencies/tax", WRITE, ALLOW);
            grant("User:alice", READ, ALLOW);
            KafkaPrincipal alice = new KafkaPrincipal("User", "alice");

            assertThat(decide(alice, READ)).isEqualTo(ALLOWED);
            assertThat(decide(alice, WRITE)).isEqualTo(DENIED);
        }

        @Test
        void shouldNotTakeAGroupForAUserOfTheSameName() {
            grant("User:agencies/tax", WRITE, ALLOW);
            grant("Group:publisher", WRITE, ALLOW);

            assertThat(decide(TAX, WRITE)).isEqualTo(DENIED);
        }
    }

    @Nested
    class DenyWins {
        @Test
        void shouldDenyWhenNoAclMatches() {
            add(acl("Group:agencies/tax", TOPIC, "gsb.tax.other", LITERAL, WRITE, ALLOW));

            assertThat(decide(TAX, WRITE)).isEqualTo(DENIED);
            assertThat(decide(TAX, READ, GROUP, "any-group")).isEqualTo(DENIED);
        }

        @Test
        void shouldLetARoleDenyBeatAGroupAllow() {
            grant("Group:agencies/tax", WRITE, ALLOW);
            grant("Role:publisher", WRITE, DENY);

            assertThat(decide(TAX, WRITE)).isEqualTo(DENIED);
        }

        @Test
        void shouldLetAGroupDenyBeatAUserAllow() {
            grant("User:service-account-tax", READ, ALLOW);
            grant("Group:agencies/tax", READ, DENY);

            assertThat(decide(TAX, READ)).isEqualTo(DENIED);
        }

        @Test
        void shouldLetAWildcardUserDenyBeatARoleAllow() {
            grant("Role:subscriber", READ, ALLOW);
            grant("User:*", READ, DENY);

            assertThat(decide(TAX, READ)).isEqualTo(DENIED);
        }

        @Test
        void shouldLetADenyOnAPrefixBeatAnAllowOnTheName() {
            grant("Group:agencies/tax", WRITE, ALLOW);
            add(acl("Role:publisher", TOPIC, "gsb.tax.", PREFIXED, WRITE, DENY));

            assertThat(decide(TAX, WRITE)).isEqualTo(DENIED);
        }

        @Test
        void shouldKeepADenyToItsOwnOperation() {
            grant("Group:agencies/tax", ALL, ALLOW);
            grant("Role:publisher", WRITE, DENY);

            assertThat(decide(TAX, WRITE)).isEqualTo(DENIED);
            assertThat(decide(TAX, READ)).isEqualTo(ALLOWED);
        }

        @Test
        void shouldLetSuperUsersDoAnythingDespiteADeny() {
            grant("User:*", ALL, DENY);
            KafkaPrincipal broker = new GsbPrincipal("service-account-gsb-broker", Set.of(), Set.of());

            assertThat(decide(broker, WRITE)).isEqualTo(ALLOWED);
            assertThat(decide(new KafkaPrincipal("User", "ops"), AclOperation.CREATE, ResourceType.CLUSTER, "kafka-cluster"))
                    .isEqualTo(ALLOWED);
        }

        @Test
        void shouldCompareSuperUsersWithTheUserPrincipalOnly() {
            authorizer.configure(Map.of("super.users", "Group:agencies/tax;Role:publisher"));

            assertThat(decide(TAX, WRITE)).isEqualTo(DENIED);
        }

        @Test
        void shouldIgnoreAllowEveryoneIfNoAclIsFound() {
            authorizer.configure(Map.of("allow.everyone.if.no.acl.found", "true"));

            assertThat(decide(TAX, WRITE)).isEqualTo(DENIED);
        }
    }

    @Nested
    class Resources {
        @Test
        void shouldMatchAPrefixedPatternOnNamesThatStartWithIt() {
            add(acl("Group:agencies/tax", TOPIC, "gsb.tax.", PREFIXED, WRITE, ALLOW));

            assertThat(decide(TAX, WRITE, TOPIC, "gsb.tax.returns")).isEqualTo(ALLOWED);
            assertThat(decide(TAX, WRITE, TOPIC, "gsb.tax.")).isEqualTo(ALLOWED);
            assertThat(decide(TAX, WRITE, TOPIC, "gsb.taxi")).isEqualTo(DENIED);
            assertThat(decide(TAX, WRITE, TOPIC, "gsb.")).isEqualTo(DENIED);
        }

        @Test
        void shouldMatchALiteralPatternOnItsNameOnly() {
            grant("Group:agencies/tax", WRITE, ALLOW);

            assertThat(decide(TAX, WRITE, TOPIC, TOPIC_NAME)).isEqualTo(ALLOWED);
            assertThat(decide(TAX, WRITE, TOPIC, TOPIC_NAME + "2")).isEqualTo(DENIED);
            assertThat(decide(TAX, WRITE, GROUP, TOPIC_NAME)).isEqualTo(DENIED);
        }

        @Test
        void shouldMatchTheWildcardResourceOnEveryNameOfItsType() {
            add(acl("Role:subscriber", GROUP, "*", LITERAL, READ, ALLOW));

            assertThat(decide(TAX, READ, GROUP, "tax-consumers")).isEqualTo(ALLOWED);
            assertThat(decide(TAX, READ, TOPIC, "tax-consumers")).isEqualTo(DENIED);
        }

        @Test
        void shouldUseEveryPrefixLengthThatExists() {
            add(acl("Role:publisher", TOPIC, "gsb.", PREFIXED, DESCRIBE, ALLOW));
            add(acl("Group:agencies/tax", TOPIC, "gsb.tax.ret", PREFIXED, WRITE, ALLOW));

            assertThat(decide(TAX, WRITE)).isEqualTo(ALLOWED);
            assertThat(decide(TAX, DESCRIBE, TOPIC, "gsb.anything")).isEqualTo(ALLOWED);
        }

        @Test
        void shouldHonourTheAclHost() {
            add(new StandardAcl(TOPIC, TOPIC_NAME, LITERAL, "Group:agencies/tax", "10.0.0.7", WRITE, ALLOW));

            assertThat(decide(TAX, WRITE)).isEqualTo(DENIED);
            assertThat(authorizer.authorize(new Fakes.Request(TAX, Fakes.address("10.0.0.7")),
                    List.of(new Action(WRITE, new ResourcePattern(TOPIC, TOPIC_NAME, LITERAL), 1, true, true))))
                    .containsExactly(ALLOWED);
        }
    }

    @Nested
    class Operations {
        @ParameterizedTest
        @EnumSource(names = {"READ", "WRITE", "DELETE", "ALTER", "DESCRIBE"})
        void shouldLetTheseAllowsImplyDescribe(AclOperation granted) {
            grant("Group:agencies/tax", granted, ALLOW);

            assertThat(decide(TAX, DESCRIBE)).isEqualTo(ALLOWED);
        }

        @ParameterizedTest
        @EnumSource(names = {"CREATE", "ALTER_CONFIGS", "DESCRIBE_CONFIGS", "CLUSTER_ACTION", "IDEMPOTENT_WRITE"})
        void shouldNotLetTheseAllowsImplyDescribe(AclOperation granted) {
            grant("Group:agencies/tax", granted, ALLOW);

            assertThat(decide(TAX, DESCRIBE)).isEqualTo(DENIED);
        }

        @Test
        void shouldLetAlterConfigsImplyDescribeConfigs() {
            grant("Role:publisher", ALTER_CONFIGS, ALLOW);

            assertThat(decide(TAX, DESCRIBE_CONFIGS)).isEqualTo(ALLOWED);
            assertThat(decide(TAX, DESCRIBE)).isEqualTo(DENIED);
        }

        @Test
        void shouldNotLetADenyOfReadDenyDescribe() {
            grant("Group:agencies/tax", DESCRIBE, ALLOW);
            grant("Group:agencies/tax", READ, DENY);

            assertThat(decide(TAX, DESCRIBE)).isEqualTo(ALLOWED);
            assertThat(decide(TAX, READ)).isEqualTo(DENIED);
        }

        @Test
        void shouldLetAllCoverEveryOperationBothWays() {
            grant("Group:agencies/tax", ALL, ALLOW);
            grant("Role:subscriber", ALL, DENY);

            assertThat(decide(TAX, READ)).isEqualTo(DENIED);
            assertThat(decide(new GsbPrincipal("x", Set.of("agencies/tax"), Set.of()), AclOperation.ALTER)).isEqualTo(ALLOWED);
        }
    }

    @Nested
    class Changes {
        @Test
        void shouldStopAllowingOnceTheAclIsRemoved() {
            Uuid id = grant("Group:agencies/tax", WRITE, ALLOW);
            assertThat(decide(TAX, WRITE)).isEqualTo(ALLOWED);

            authorizer.removeAcl(id);

            assertThat(decide(TAX, WRITE)).isEqualTo(DENIED);
            assertThat(authorizer.aclCount()).isZero();
        }

        @Test
        void shouldForgetARemovedPrefixAndKeepTheOthers() {
            Uuid gone = add(acl("Group:agencies/tax", TOPIC, "gsb.tax.", PREFIXED, WRITE, ALLOW));
            add(acl("Group:agencies/tax", TOPIC, "gsb.tax.r", PREFIXED, READ, ALLOW));

            authorizer.removeAcl(gone);

            assertThat(decide(TAX, WRITE)).isEqualTo(DENIED);
            assertThat(decide(TAX, READ)).isEqualTo(ALLOWED);
        }

        @Test
        void shouldReplaceEveryAclWithASnapshot() {
            grant("Group:agencies/tax", WRITE, ALLOW);

            authorizer.loadSnapshot(Map.of(Uuid.randomUuid(), acl("Role:subscriber", TOPIC, TOPIC_NAME, LITERAL, READ, ALLOW)));

            assertThat(decide(TAX, WRITE)).isEqualTo(DENIED);
            assertThat(decide(TAX, READ)).isEqualTo(ALLOWED);
            assertThat(authorizer.aclCount()).isEqualTo(1);
        }

        @Test
        void shouldRefuseToDecideBeforeTheInitialLoadExceptForSuperUsers() {
            GsbAuthorizer fresh = new GsbAuthorizer();
            fresh.configure(Map.of("super.users", "User:service-account-gsb-broker"));
            Action write = new Action(WRITE, new ResourcePattern(TOPIC, TOPIC_NAME, LITERAL), 1, true, true);

            assertThatThrownBy(() -> fresh.authorize(Fakes.Request.from(TAX), List.of(write)))
                    .isInstanceOf(AuthorizerNotReadyException.class);
            assertThat(fresh.authorize(Fakes.Request.from(new KafkaPrincipal("User", "service-account-gsb-broker")),
                    List.of(write))).containsExactly(ALLOWED);
        }
    }

    @Nested
    class ByResourceType {
        AuthorizationResult byType(KafkaPrincipal who, AclOperation op) {
            return authorizer.authorizeByResourceType(Fakes.Request.from(who), op, TOPIC);
        }

        @Test
        void shouldAllowWhenAGroupMayWriteSomeTopic() {
            grant("Group:agencies/tax", WRITE, ALLOW);

            assertThat(byType(TAX, WRITE)).isEqualTo(ALLOWED);
            assertThat(byType(UTILITIES, WRITE)).isEqualTo(DENIED);
        }

        @Test
        void shouldDenyWithoutAnyAllow() {
            assertThat(byType(TAX, WRITE)).isEqualTo(DENIED);
        }

        @Test
        void shouldDenyWhenARoleIsDeniedEveryTopic() {
            grant("Group:agencies/tax", WRITE, ALLOW);
            add(acl("Role:publisher", TOPIC, "*", LITERAL, WRITE, DENY));

            assertThat(byType(TAX, WRITE)).isEqualTo(DENIED);
        }

        @Test
        void shouldDenyWhenDeniedPrefixesCoverEveryAllow() {
            grant("Group:agencies/tax", WRITE, ALLOW);
            add(acl("Group:agencies/tax", TOPIC, "gsb.tax.r", PREFIXED, WRITE, ALLOW));
            add(acl("Role:publisher", TOPIC, "gsb.tax", PREFIXED, WRITE, DENY));

            assertThat(byType(TAX, WRITE)).isEqualTo(DENIED);
        }

        @Test
        void shouldAllowWhenOneAllowIsNotCoveredByADeny() {
            grant("Group:agencies/tax", WRITE, ALLOW);
            grant("Role:publisher", WRITE, DENY);
            add(acl("Role:publisher", TOPIC, "gsb.shared.", PREFIXED, WRITE, ALLOW));

            assertThat(byType(TAX, WRITE)).isEqualTo(ALLOWED);
        }

        @Test
        void shouldAllowSuperUsersAndAllowThroughTheWildcard() {
            add(acl("Role:subscriber", TOPIC, "*", LITERAL, READ, ALLOW));

            assertThat(byType(new KafkaPrincipal("User", "ops"), WRITE)).isEqualTo(ALLOWED);
            assertThat(byType(UTILITIES, READ)).isEqualTo(ALLOWED);
            assertThat(byType(UTILITIES, DESCRIBE)).isEqualTo(ALLOWED);
        }
    }
}

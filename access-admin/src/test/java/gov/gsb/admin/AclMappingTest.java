package gov.gsb.admin;

import static org.assertj.core.api.Assertions.assertThat;

import gov.gsb.admin.grants.AclMapping;
import gov.gsb.bus.Grant;
import gov.gsb.bus.GrantOperation;
import gov.gsb.bus.GrantPermission;
import gov.gsb.bus.GrantStatus;
import gov.gsb.bus.PrincipalType;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.acl.AclBinding;
import org.junit.jupiter.api.Test;

/** The grant-to-ACL table of the README, one operation at a time. */
class AclMappingTest {

    private static Grant grant(GrantOperation op, PrincipalType type, String principal, GrantPermission permission,
            String consumer) {
        return Grant.newBuilder().setId("g").setService("civil-registry.moves").setOperation(op).setPrincipalType(type)
                .setPrincipal(principal).setPermission(permission).setConsumerAgency(consumer).setGrantedBy("admin")
                .setGrantedAt(Instant.EPOCH).setStatus(GrantStatus.ACTIVE).build();
    }

    private static List<String> acls(Grant g) {
        return AclMapping.of(g).stream().map(AclMappingTest::text).toList();
    }

    private static String text(AclBinding b) {
        return b.entry().principal() + " " + b.entry().permissionType() + " " + b.entry().operation() + " "
                + b.pattern().resourceType() + ":" + b.pattern().name() + (b.pattern().patternType().name().equals("PREFIXED") ? "*" : "");
    }

    @Test
    void shouldLetAPublisherWriteAndDescribeTheEventTopic() {
        assertThat(acls(grant(GrantOperation.PUBLISH, PrincipalType.GROUP, "agencies/civil-registry", GrantPermission.ALLOW, null)))
                .containsExactlyInAnyOrder("Group:agencies/civil-registry ALLOW WRITE TOPIC:gsb.civil-registry.moves",
                        "Group:agencies/civil-registry ALLOW DESCRIBE TOPIC:gsb.civil-registry.moves");
    }

    @Test
    void shouldLetASubscriberReadItsGroupsAndWriteItsDeadLetters() {
        assertThat(acls(grant(GrantOperation.SUBSCRIBE, PrincipalType.USER, "service-account-tax", GrantPermission.ALLOW, "tax")))
                .containsExactlyInAnyOrder("User:service-account-tax ALLOW READ TOPIC:gsb.civil-registry.moves",
                        "User:service-account-tax ALLOW DESCRIBE TOPIC:gsb.civil-registry.moves",
                        "User:service-account-tax ALLOW READ GROUP:gsb.tax.*",
                        "User:service-account-tax ALLOW WRITE TOPIC:gsb.dlq.tax.civil-registry.moves",
                        "User:service-account-tax ALLOW DESCRIBE TOPIC:gsb.dlq.tax.civil-registry.moves");
    }

    @Test
    void shouldLetARequesterWriteRequestsAndReadItsOwnReplies() {
        assertThat(acls(grant(GrantOperation.REQUEST, PrincipalType.ROLE, "publisher", GrantPermission.ALLOW, "tax")))
                .containsExactlyInAnyOrder("Role:publisher ALLOW WRITE TOPIC:gsb.civil-registry.moves.requests",
                        "Role:publisher ALLOW DESCRIBE TOPIC:gsb.civil-registry.moves.requests",
                        "Role:publisher ALLOW READ TOPIC:gsb.civil-registry.moves.replies.tax",
                        "Role:publisher ALLOW DESCRIBE TOPIC:gsb.civil-registry.moves.replies.tax");
    }

    @Test
    void shouldLetAProviderReadRequestsAndAnswerEveryRequester() {
        assertThat(acls(grant(GrantOperation.SERVE, PrincipalType.GROUP, "agencies/civil-registry", GrantPermission.ALLOW, null)))
                .containsExactlyInAnyOrder("Group:agencies/civil-registry ALLOW READ TOPIC:gsb.civil-registry.moves.requests",
                        "Group:agencies/civil-registry ALLOW DESCRIBE TOPIC:gsb.civil-registry.moves.requests",
                        "Group:agencies/civil-registry ALLOW WRITE TOPIC:gsb.civil-registry.moves.replies.*",
                        "Group:agencies/civil-registry ALLOW DESCRIBE TOPIC:gsb.civil-registry.moves.replies.*",
                        "Group:agencies/civil-registry ALLOW READ GROUP:gsb.civil-registry.*",
                        "Group:agencies/civil-registry ALLOW WRITE TOPIC:gsb.dlq.civil-registry.civil-registry.moves",
                        "Group:agencies/civil-registry ALLOW DESCRIBE TOPIC:gsb.dlq.civil-registry.civil-registry.moves");
    }

    @Test
    void shouldDenyTheServicesTopicsButNotTheAgencysSharedGroups() {
        assertThat(acls(grant(GrantOperation.SERVE, PrincipalType.ROLE, "suspended", GrantPermission.DENY, null)))
                .hasSize(6).allMatch(a -> a.contains(" DENY ")).noneMatch(a -> a.contains("GROUP:"));
        assertThat(acls(grant(GrantOperation.SUBSCRIBE, PrincipalType.ROLE, "suspended", GrantPermission.DENY, null)))
                .containsExactlyInAnyOrder("Role:suspended DENY READ TOPIC:gsb.civil-registry.moves",
                        "Role:suspended DENY DESCRIBE TOPIC:gsb.civil-registry.moves");
    }

    @Test
    void shouldMapAGrantItCannotReadToNothing() {
        assertThat(acls(grant(GrantOperation.UNKNOWN, PrincipalType.GROUP, "agencies/tax", GrantPermission.ALLOW, null))).isEmpty();
        assertThat(acls(grant(GrantOperation.PUBLISH, PrincipalType.UNKNOWN, "x", GrantPermission.ALLOW, null))).isEmpty();
    }

    @Test
    void shouldTakeTheAgencyFromAnAgencyGroupOrServiceAccountOnly() {
        assertThat(AclMapping.agencyOf(PrincipalType.GROUP, "agencies/tax")).contains("tax");
        assertThat(AclMapping.agencyOf(PrincipalType.USER, "service-account-civil-registry")).contains("civil-registry");
        assertThat(AclMapping.agencyOf(PrincipalType.GROUP, "agencies/tax/auditors")).isEmpty();
        assertThat(AclMapping.agencyOf(PrincipalType.USER, "admin")).isEmpty();
        assertThat(AclMapping.agencyOf(PrincipalType.ROLE, "publisher")).isEmpty();
    }

    @Test
    void shouldGiveEveryPublisherAndSubscriberWritesToTheCallLog() {
        assertThat(AclMapping.base("gsb.calls").stream().map(AclMappingTest::text).toList()).containsExactlyInAnyOrder(
                "Role:publisher ALLOW WRITE TOPIC:gsb.calls", "Role:publisher ALLOW DESCRIBE TOPIC:gsb.calls",
                "Role:subscriber ALLOW WRITE TOPIC:gsb.calls", "Role:subscriber ALLOW DESCRIBE TOPIC:gsb.calls");
    }
}

package gov.gsb.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.apache.kafka.server.authorizer.AuthorizationResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The benchmark measures what it says it measures; nothing here is timed. */
class AuthorizerBenchmarkTest {

    final AuthorizerBenchmark benchmark = new AuthorizerBenchmark();

    @BeforeEach
    void setUp() {
        benchmark.setUp();
    }

    @Test
    void shouldLoadTenThousandAclsIntoEach() {
        assertThat(benchmark.gsb.aclCount()).isEqualTo(AuthorizerBenchmark.ACLS);
        assertThat(benchmark.standard.aclCount()).isEqualTo(AuthorizerBenchmark.ACLS);
    }

    @Test
    void shouldSpreadTheGsbAclsOverUsersGroupsAndRoles() {
        long users = count("User:");
        long groups = count("Group:");
        long roles = count("Role:");

        assertThat(users + groups + roles).isEqualTo(AuthorizerBenchmark.ACLS);
        assertThat(users).isGreaterThan(3_000);
        assertThat(groups).isGreaterThan(3_000);
        assertThat(roles).isGreaterThan(1_000);
        assertThat(IntStream.range(0, AuthorizerBenchmark.ACLS).mapToObj(i -> AuthorizerBenchmark.acl(i, true).principal()))
                .allMatch(p -> p.startsWith("User:"));
    }

    private static long count(String type) {
        return IntStream.range(0, AuthorizerBenchmark.ACLS)
                .filter(i -> AuthorizerBenchmark.acl(i, false).principal().startsWith(type)).count();
    }

    @Test
    void shouldAllowTheGrantedTopicAndDenyTheForeignOneInBoth() {
        assertThat(benchmark.gsbAllowedThroughGroup()).isEqualTo(AuthorizationResult.ALLOWED);
        assertThat(benchmark.standardAllowedThroughUser()).isEqualTo(AuthorizationResult.ALLOWED);
        assertThat(benchmark.gsbDeniedByDefault()).isEqualTo(AuthorizationResult.DENIED);
        assertThat(benchmark.standardDeniedByDefault()).isEqualTo(AuthorizationResult.DENIED);
    }

    @Test
    void shouldAllowTheGsbCallerThroughItsGroupOnly() {
        assertThat(IntStream.range(0, AuthorizerBenchmark.ACLS).mapToObj(i -> AuthorizerBenchmark.acl(i, false))
                .filter(a -> a.resourceName().equals(AuthorizerBenchmark.GRANTED_TOPIC))
                .filter(a -> a.operation() == org.apache.kafka.common.acl.AclOperation.WRITE)
                .map(a -> a.principal()))
                .contains("Group:agencies/agency-34")
                .doesNotContain("User:user-1234", "User:*", "Role:publisher");
    }
}

package gov.gsb.analytics;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ApiSecurityTest} against the packaged application ({@code target/quarkus-app}), in the production profile. */
@QuarkusIntegrationTest
@WithTestResource(AnalyticsServers.class)
class PackagedApiSecurityIT extends ApiSecurityTest {
}

package gov.gsb.admin;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link PortalBrowserTest} against the packaged application, in the production profile (its OIDC tenants). */
@QuarkusIntegrationTest
@WithTestResource(GsbServers.class)
class PackagedPortalBrowserIT extends PortalBrowserTest {
}

package gov.gsb.admin;

import gov.gsb.admin.catalog.Catalog;
import gov.gsb.admin.grants.Grants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /q/health/ready}: up once {@link Bootstrap} has read the catalog and the grants from their topics and
 * applied the ACLs, so that no request is answered from an empty catalog.
 */
@Readiness
@ApplicationScoped
public class Ready implements HealthCheck {

    private final Bootstrap bootstrap;
    private final Catalog catalog;
    private final Grants grants;

    @Inject
    public Ready(Bootstrap bootstrap, Catalog catalog, Grants grants) {
        this.bootstrap = bootstrap;
        this.catalog = catalog;
        this.grants = grants;
    }

    @Override
    public HealthCheckResponse call() {
        if (!bootstrap.started()) {
            return HealthCheckResponse.down("access-admin");
        }
        return HealthCheckResponse.named("access-admin").up()
                .withData("services", catalog.all().size()).withData("grants", grants.all().size()).build();
    }
}

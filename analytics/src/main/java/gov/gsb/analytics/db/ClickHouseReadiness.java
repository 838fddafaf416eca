package gov.gsb.analytics.db;

import gov.gsb.analytics.query.ClickHouseHttp;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready ({@code /q/health/ready}) once the tables are migrated and while ClickHouse answers. */
@Readiness
@ApplicationScoped
public class ClickHouseReadiness implements HealthCheck {

    private final Schema schema;
    private final ClickHouseHttp clickhouse;

    ClickHouseReadiness(Schema schema, ClickHouseHttp clickhouse) {
        this.schema = schema;
        this.clickhouse = clickhouse;
    }

    @Override
    public HealthCheckResponse call() {
        boolean migrated = schema.migrated();
        boolean reachable = clickhouse.ping();
        var response = HealthCheckResponse.named("clickhouse").status(migrated && reachable)
                .withData("migrated", migrated).withData("reachable", reachable);
        if (!migrated) {
            response.withData("error", String.valueOf(schema.lastError()));
        }
        return response.build();
    }
}

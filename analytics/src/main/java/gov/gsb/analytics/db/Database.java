package gov.gsb.analytics.db;

import gov.gsb.analytics.AnalyticsConfig;
import gov.gsb.analytics.query.ClickHouseHttp;
import gov.gsb.analytics.query.Dashboards;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;

/** The ClickHouse client and the dashboards over it, one each for the application. */
@ApplicationScoped
public class Database {

    @Produces
    @Singleton
    ClickHouseHttp clickhouse(AnalyticsConfig config) {
        AnalyticsConfig.ClickHouse c = config.clickhouse();
        return new ClickHouseHttp(URI.create(c.url()), c.database(), c.user(), c.password().orElse(""), c.queryTimeout());
    }

    @Produces
    @Singleton
    Dashboards dashboards(ClickHouseHttp clickhouse) {
        return new Dashboards(clickhouse);
    }
}

package gov.gsb.analytics.db;

import gov.gsb.analytics.AnalyticsConfig;
import com.clickhouse.jdbc.ClickHouseDriver;
import gov.gsb.clickhouse.Migrations;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Applies the tables' migrations ({@link Migrations}, shared with the stream processors: whichever starts first
 * creates the tables, the other finds them recorded) at start-up. If ClickHouse is not there yet, the service still
 * starts, reports itself not ready, and retries every few seconds in the background.
 */
@ApplicationScoped
public class Schema {

    private static final Logger LOG = Logger.getLogger(Schema.class);
    private static final long RETRY_MS = 3000;

    private final AnalyticsConfig.ClickHouse config;
    private final AtomicBoolean migrated = new AtomicBoolean();
    private volatile boolean stopping;
    private volatile String lastError = "not tried yet";

    Schema(AnalyticsConfig config) {
        this.config = config.clickhouse();
    }

    void onStart(@Observes StartupEvent event) {
        if (!tryMigrate(true)) {
            Thread retry = new Thread(this::retryUntilMigrated, "gsb-analytics-migrations");
            retry.setDaemon(true);
            retry.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** @return whether the tables are at the latest migration */
    public boolean migrated() {
        return migrated.get();
    }

    /** @return why the last attempt failed (for the readiness check) */
    public String lastError() {
        return lastError;
    }

    private void retryUntilMigrated() {
        while (!stopping && !migrated.get()) {
            try {
                Thread.sleep(RETRY_MS);
            } catch (InterruptedException e) {
                return;
            }
            tryMigrate(false);
        }
    }

    private boolean tryMigrate(boolean first) {
        try {
            createDatabase();
            try (Connection c = connect(config.database())) {
                List<String> applied = Migrations.apply(c);
                LOG.infof("ClickHouse database %s ready; migrations applied now: %s", config.database(), applied);
            }
            migrated.set(true);
            return true;
        } catch (SQLException | RuntimeException e) {
            lastError = e.getMessage();
            if (first) {
                LOG.warnf("ClickHouse at %s is not ready (%s): retrying every %d ms; not ready until then",
                        config.url(), e.getMessage(), RETRY_MS);
            }
            return false;
        }
    }

    private void createDatabase() throws SQLException {
        if (!config.database().matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("gsb.clickhouse.database (GSB_CLICKHOUSE_DATABASE) must be letters, "
                    + "digits and underscores, not " + config.database());
        }
        try (Connection c = connect("default"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + config.database()); // a checked name: no parameter can hold it
        }
    }

    private Connection connect(String database) throws SQLException {
        URI uri = URI.create(config.url());
        String jdbc = "jdbc:clickhouse://" + uri.getHost() + ":" + uri.getPort() + "/" + database
                + ("https".equals(uri.getScheme()) ? "?ssl=true" : "");
        Properties p = new Properties();
        p.setProperty("user", config.user());
        p.setProperty("password", config.password().orElse(""));
        // The driver directly, not DriverManager: DriverManager only offers drivers of the caller's class loader,
        // which under Quarkus's loaders can miss the ServiceLoader-registered one ("No suitable driver").
        Connection connection = new ClickHouseDriver().connect(jdbc, p);
        if (connection == null) {
            throw new SQLException("the ClickHouse driver does not accept " + jdbc);
        }
        return connection;
    }
}

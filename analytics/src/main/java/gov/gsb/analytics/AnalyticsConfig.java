package gov.gsb.analytics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The service's {@code gsb.*} settings (environment variables in the {@code %prod} profile, see
 * {@code application.properties} and the README's table).
 */
@ConfigMapping(prefix = "gsb")
public interface AnalyticsConfig {

    /** @return where the tables are */
    ClickHouse clickhouse();

    /** @return who signs people in and issues the API's tokens */
    Keycloak keycloak();

    /** Keycloak: {@code gsb.keycloak.*} (read by the OIDC settings of {@code application.properties}). */
    interface Keycloak {
        /** @return the realm's URL, also its tokens' issuer ({@code GSB_KEYCLOAK_URL}) */
        String url();

        /** @return the audience the API's bearer tokens must carry */
        @WithDefault("gsb")
        String audience();
    }

    /** ClickHouse: {@code gsb.clickhouse.*}. */
    interface ClickHouse {
        /** @return the HTTP interface, e.g. {@code http://127.0.0.1:8123} ({@code GSB_CLICKHOUSE_URL}) */
        String url();

        /** @return the database of the tables, created if missing ({@code GSB_CLICKHOUSE_DATABASE}) */
        @WithDefault("default")
        String database();

        /** @return the ClickHouse user ({@code GSB_CLICKHOUSE_USER}) */
        @WithDefault("default")
        String user();

        /** @return its password ({@code GSB_CLICKHOUSE_PASSWORD}; none when empty) */
        Optional<String> password();

        /** @return the longest a dashboard query may run */
        @WithDefault("30s")
        Duration queryTimeout();
    }
}

package gov.gsb.analytics.web;

import gov.gsb.analytics.query.CallFilter;
import gov.gsb.analytics.query.Dashboards;
import gov.gsb.analytics.query.Rows;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What the templates read: Qute resolves these types' fields and methods without reflection (the query classes stay
 * framework-free, so they are named here), and {@code utc:format(ms)} prints an epoch-ms time in UTC.
 */
@TemplateData(target = CallFilter.class)
@TemplateData(target = Dashboards.SearchResult.class)
@TemplateData(target = Rows.Call.class)
@TemplateExtension(namespace = "utc")
public final class TemplateTypes {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private TemplateTypes() {
    }

    /** @return the time as {@code 2026-03-01 10:15:00.100} (UTC) */
    static String format(long epochMillis) {
        return UTC.format(Instant.ofEpochMilli(epochMillis));
    }
}

package gov.gsb.admin.portal;

import com.fasterxml.jackson.databind.JsonNode;
import gov.gsb.admin.model.AuditView;
import gov.gsb.admin.model.ServiceView;
import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** How the pages write times, retentions, JSON and links: Qute template extensions ({@code {s.createdAt.when}}). */
@TemplateExtension
final class Formats {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** A moment, to the second, in UTC (servers and people in several zones read the same trail). */
    static String when(Instant t) {
        return t == null ? "" : WHEN.format(t);
    }

    /** A service's retention in words. */
    static String retention(ServiceView s) {
        if (s.retentionMs() < 0) {
            return "for ever";
        }
        Map<String, String> shown = ServiceForm.retention(s.retentionMs());
        String amount = shown.get("retention");
        String unit = shown.get("retentionUnit");
        return amount + " " + (amount.equals("1") ? unit.substring(0, unit.length() - 1) : unit);
    }

    /** The service a grant's event is about (from the grant before or after), or empty. */
    static String service(AuditView e) {
        JsonNode grant = e.after() != null ? e.after() : e.before();
        return "grant".equals(e.targetType()) && grant != null ? grant.path("service").asText("") : "";
    }

    /** The target's id, a grant's UUID cut to its first 8 characters (the whole id is the cell's title). */
    static String shortTarget(AuditView e) {
        String id = e.targetId();
        return "grant".equals(e.targetType()) && id != null && id.length() > 8 ? id.substring(0, 8) + "…" : id;
    }

    /** The object before the change, indented, or empty. */
    static String beforeJson(AuditView e) {
        return pretty(e.before());
    }

    /** The object after the change, indented, or empty. */
    static String afterJson(AuditView e) {
        return pretty(e.after());
    }

    /** The link to another page of the audit trail, keeping its filter. */
    static String pageLink(PortalForm filter, int page) {
        StringBuilder link = new StringBuilder("/portal/audit?page=").append(page);
        for (String field : new String[] {"actor", "action", "targetId"}) {
            if (filter.text(field) != null) {
                link.append('&').append(field).append('=').append(URLEncoder.encode(filter.value(field), StandardCharsets.UTF_8));
            }
        }
        return link.toString();
    }

    private static String pretty(JsonNode node) {
        return node == null || node.isNull() ? "" : node.toPrettyString();
    }
}

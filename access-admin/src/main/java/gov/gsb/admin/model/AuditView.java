package gov.gsb.admin.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * One event of the audit trail ({@code gsb.audit}).
 *
 * @param eventId its id
 * @param at when
 * @param actor who (preferred_username)
 * @param actorRoles the realm roles the actor's token carried
 * @param clientIp where from
 * @param userAgent with what, or null
 * @param action e.g. {@code grant.create}
 * @param targetType e.g. {@code grant}
 * @param targetId e.g. the grant's id
 * @param before the object before, or null
 * @param after the object after, or null
 * @param outcome SUCCESS, REFUSED or FAILED
 * @param reason why, or null
 */
public record AuditView(String eventId, Instant at, String actor, List<String> actorRoles, String clientIp,
        String userAgent, String action, String targetType, String targetId, JsonNode before, JsonNode after,
        String outcome, String reason) {
}

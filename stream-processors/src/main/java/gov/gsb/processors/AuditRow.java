package gov.gsb.processors;

import gov.gsb.bus.AuditEvent;
import java.time.Instant;
import java.util.List;

/**
 * A row of the audit trail ({@code audit}): one AuditEvent. Absent text is the empty string, as the table's defaults.
 *
 * @param eventId the event's id
 * @param at when the action was done or refused
 * @param actor who acted
 * @param actorRoles the actor's realm roles at the time
 * @param clientIp where the request came from
 * @param userAgent the browser or tool, or empty
 * @param action {@code <target type>.<verb>}
 * @param targetType the kind of object acted upon
 * @param targetId its id
 * @param before the object before, as JSON, or empty
 * @param after the object after, as JSON, or empty
 * @param outcome SUCCESS, REFUSED or FAILED
 * @param reason why, or empty
 */
public record AuditRow(String eventId, Instant at, String actor, List<String> actorRoles, String clientIp,
                       String userAgent, String action, String targetType, String targetId, String before,
                       String after, String outcome, String reason) {

    /** Copies the roles, which must not be null. */
    public AuditRow {
        actorRoles = List.copyOf(actorRoles);
    }

    /**
     * @param e the event
     * @return its row
     */
    public static AuditRow of(AuditEvent e) {
        return new AuditRow(e.getEventId(), e.getAt(), e.getActor(), List.copyOf(e.getActorRoles()), e.getClientIp(),
                text(e.getUserAgent()), e.getAction(), e.getTargetType(), e.getTargetId(), text(e.getBefore()),
                text(e.getAfter()), e.getOutcome().name(), text(e.getReason()));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}

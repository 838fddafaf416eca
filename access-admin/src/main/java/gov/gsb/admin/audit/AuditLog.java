package gov.gsb.admin.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.gsb.admin.GsbConfig;
import gov.gsb.admin.kafka.KafkaClients;
import gov.gsb.bus.AuditEvent;
import gov.gsb.bus.AuditOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Writes the audit trail: one {@link AuditEvent} on {@code gsb.audit} per change, refused attempt or failure, keyed
 * by the target's id. A write waits for the brokers' acknowledgement: a change is not reported done before its
 * audit event is stored.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);

    private final KafkaClients kafka;
    private final String topic;
    private final ObjectMapper json;
    private final Clock clock;

    @Inject
    public AuditLog(KafkaClients kafka, GsbConfig config, ObjectMapper json, Clock clock) {
        this.kafka = kafka;
        this.topic = config.topics().audit();
        this.json = json;
        this.clock = clock;
    }

    /** What was acted on: {@code type} (service, grant, agency) and its id. */
    public record Target(String type, String id) {
    }

    /** A change that was applied; {@code before}/{@code after} are the object's views (null: did not exist). */
    public void success(Actor actor, String action, Target target, Object before, Object after) {
        write(actor, action, target, before, after, AuditOutcome.SUCCESS, null);
    }

    /** A change that was applied, with the reason it was made (e.g. the retirement that revoked a grant). */
    public void success(Actor actor, String action, Target target, Object before, Object after, String reason) {
        write(actor, action, target, before, after, AuditOutcome.SUCCESS, reason);
    }

    /** An attempt that was refused (conflict, unknown object); nothing changed. */
    public void refused(Actor actor, String action, Target target, Object before, String reason) {
        write(actor, action, target, before, null, AuditOutcome.REFUSED, reason);
    }

    /** An attempt that failed part-way, e.g. Kafka or Keycloak was away. */
    public void failed(Actor actor, String action, Target target, Object before, String reason) {
        write(actor, action, target, before, null, AuditOutcome.FAILED, reason);
    }

    /**
     * Runs a change; if it throws, records the attempt as FAILED, with the cause, and rethrows.
     *
     * @param change what to do
     */
    public void attempt(Actor actor, String action, Target target, Object before, Runnable change) {
        try {
            change.run();
        } catch (RuntimeException e) {
            try {
                failed(actor, action, target, before, String.valueOf(e.getMessage()));
            } catch (RuntimeException auditFailure) {
                e.addSuppressed(auditFailure);
            }
            throw e;
        }
    }

    private void write(Actor actor, String action, Target target, Object before, Object after, AuditOutcome outcome,
            String reason) {
        AuditEvent event = AuditEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .setActor(actor.name())
                .setActorRoles(actor.roles())
                .setClientIp(actor.ip())
                .setUserAgent(actor.userAgent())
                .setAction(action)
                .setTargetType(target.type())
                .setTargetId(target.id())
                .setBefore(toJson(before))
                .setAfter(toJson(after))
                .setOutcome(outcome)
                .setReason(reason)
                .build();
        try {
            kafka.producer().send(new ProducerRecord<>(topic, target.id(), event))
                    .get(kafka.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the audit event " + event.getEventId(), e);
        } catch (ExecutionException | TimeoutException e) {
            // The change may be applied already: say so in the log, where an operator can put it right.
            LOG.errorf("could not write the audit event of %s %s on %s %s by %s (%s)", outcome, action, target.type(),
                    target.id(), actor.name(), event.getEventId());
            throw new IllegalStateException("the audit event could not be written: " + e.getMessage(), e);
        }
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}

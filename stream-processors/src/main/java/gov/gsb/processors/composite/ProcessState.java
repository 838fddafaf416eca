package gov.gsb.processors.composite;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One composite call in progress, as kept in the state store (and so in its changelog topic): who called, the
 * request, and each step's and compensation's call. Stored as JSON: small, readable in the changelog, and free to
 * gain fields. Mutable, confined to the task that owns the call.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
final class ProcessState {

    /** Where the process is. */
    enum Phase {
        /** Steps run as their predecessors finish. */
        RUNNING,
        /** A step failed: waiting for steps still in flight, then compensating. */
        COMPENSATING
    }

    /** Where one call (a step, or a step's compensation) is. */
    enum CallStatus {
        PENDING, RUNNING, SUCCEEDED, SKIPPED, FAILED, TIMED_OUT, INVALID
    }

    /** One call to a service: a step or a compensation. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class StepCall {
        public CallStatus status = CallStatus.PENDING;
        public String callId;
        public String method;
        public long sentAt;
        public long deadline;
        public int requestBytes;
        public long completedAt;
        /** Order of completion among the steps: compensations run in reverse of it. */
        public int completionSeq;
        public JsonNode reply;
        public String errorCode;
        public String errorMessage;
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public String id;
    public String service;
    public int version;
    public String correlationId;
    public String parentCallId;
    public String caller;
    public String method;
    public String replyTo;
    public String endUser;
    public String clientIp;
    public String device;
    public String requestTopic;
    public int requestPartition;
    public long requestOffset;
    public long requestSentAt;
    public long receivedAt;
    public int requestBytes;
    public JsonNode request;
    public Phase phase = Phase.RUNNING;
    public int completions;
    public String failedStep;
    public Map<String, StepCall> steps = new LinkedHashMap<>();
    public Map<String, StepCall> compensations = new LinkedHashMap<>();
    public List<String> compensated = new ArrayList<>();
    public List<String> notCompensated = new ArrayList<>();

    /** @return the context the definition's paths read: request, step replies, call */
    ObjectNode context() {
        ObjectNode c = JsonNodeFactory.instance.objectNode();
        c.set("request", request);
        ObjectNode replies = c.putObject("steps");
        steps.forEach((name, s) -> {
            if (s.reply != null) {
                replies.putObject(name).set("reply", s.reply);
            }
        });
        ObjectNode call = c.putObject("call");
        call.put("id", id);
        call.put("correlationId", correlationId);
        call.put("endUser", endUser);
        return c;
    }

    byte[] toBytes() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProcessState fromBytes(byte[] bytes) {
        try {
            return JSON.readValue(bytes, ProcessState.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package gov.gsb.processors.composite;

import gov.gsb.bus.CallRecord;
import gov.gsb.bus.Outcome;
import gov.gsb.composites.Compensation;
import gov.gsb.composites.CompositeDefinition;
import gov.gsb.composites.Mapping;
import gov.gsb.composites.Step;
import gov.gsb.processors.composite.ProcessState.CallStatus;
import gov.gsb.processors.composite.ProcessState.StepCall;
import gov.gsb.sdk.BusUnavailableException;
import gov.gsb.sdk.GsbHeaders;
import gov.gsb.sdk.Service;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs composite calls: takes a composite's requests and its steps' replies (both read by this task, see
 * {@link StepCalls}), keeps each call's {@link ProcessState} in a changelogged store, sends the steps whose
 * predecessors are done, compensates in reverse order after a failure, and answers the caller. Everything it changes
 * (the store, step requests, the reply, CallRecords) is committed in the task's exactly-once transaction together
 * with the input's offset: after a crash, the process resumes from the last commit and no completed step is sent again.
 */
final class CompositeProcessor implements Processor<byte[], byte[], byte[], Outgoing> {

    /** The processes in progress, by composite call id. */
    static final String PROCESSES = "composite-processes";
    /** Step and compensation call ids in flight, to their composite call id. */
    static final String STEP_CALLS = "composite-step-calls";

    private static final Logger LOG = LoggerFactory.getLogger(CompositeProcessor.class);

    private final Definitions definitions;
    private final Map<String, String> compositeByRequestsTopic;
    private final StepCalls calls;
    private final Replies replies;
    private final String agency;
    private final Duration tick;
    private final LongSupplier clock;
    private final Backlog backlog = new Backlog();
    /**
     * No call in flight is due before this (a lower bound, lowered by every call sent): ticks before it read no
     * process. Reading and parsing every process every tick cost more the further behind the task was.
     */
    private long nextDeadline = Long.MIN_VALUE;
    private ProcessorContext<byte[], Outgoing> context;
    private KeyValueStore<String, byte[]> processes;
    private KeyValueStore<String, String> stepCalls;

    CompositeProcessor(Definitions definitions, Map<String, String> compositeByRequestsTopic, StepCalls calls,
                       Replies replies, String agency, Duration tick, LongSupplier clock) {
        this.definitions = definitions;
        this.compositeByRequestsTopic = compositeByRequestsTopic;
        this.calls = calls;
        this.replies = replies;
        this.agency = agency;
        this.tick = tick;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<byte[], Outgoing> context) {
        this.context = context;
        this.processes = context.getStateStore(PROCESSES);
        this.stepCalls = context.getStateStore(STEP_CALLS);
        context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, this::expire);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata where = context.recordMetadata().orElseThrow();
        backlog.taken(where.topic(), record.timestamp(), clock.getAsLong());
        String composite = compositeByRequestsTopic.get(where.topic());
        if (composite != null) {
            onRequest(record, where, composite);
        } else {
            onReply(record, where.topic());
        }
    }

    private void onRequest(Record<byte[], byte[]> r, RecordMetadata where, String composite) {
        ProcessState p = Replies.newProcess(r, where, composite);
        if (p.id == null || processes.get(p.id) != null) {
            return; // not an SDK request, or a copy of one in progress
        }
        if (p.replyTo == null || !p.replyTo.startsWith(Service.parse(composite).replyTopicPrefix())) {
            LOG.warn("a request to {} at {}-{}@{} has no valid reply topic: it cannot be answered", composite,
                    where.topic(), where.partition(), where.offset());
            emit(replies.record(CallRecords.composite(p, Outcome.INVALID, "INVALID_REPLY_TO", "no valid gsb-reply-to", null)));
            return;
        }
        Optional<CompositeDefinition> d = definitions.latest(composite);
        if (d.isEmpty()) {
            emitAll(replies.refuse(p, "UNKNOWN_SERVICE", "composite " + composite + " has no definition (retired?)"));
            return;
        }
        p.version = d.get().version();
        try {
            p.request = calls.read(where.topic(), r.headers(), r.value());
        } catch (BusUnavailableException e) {
            throw e; // the registry is away: the task is retried from its last commit
        } catch (RuntimeException e) {
            emitAll(replies.refuse(p, "INVALID_MESSAGE", "the request is not a readable message: " + e.getMessage()));
            return;
        }
        d.get().steps().forEach(s -> p.steps.put(s.name(), new StepCall()));
        advance(p, d.get());
    }

    private void onReply(Record<byte[], byte[]> r, String topic) {
        String callId = text(r.headers(), GsbHeaders.CALL_ID);
        String parent = callId == null ? null : stepCalls.get(callId);
        if (parent == null) {
            return; // a reply after its timeout, or to a process that is over
        }
        stepCalls.delete(callId);
        ProcessState p = load(parent);
        CompositeDefinition d = p == null ? null : definitions.version(p.service, p.version).orElse(null);
        if (d == null) {
            return;
        }
        Optional<Map.Entry<String, StepCall>> step = find(p.steps, callId);
        Optional<Map.Entry<String, StepCall>> compensation = find(p.compensations, callId);
        Map.Entry<String, StepCall> entry = step.or(() -> compensation).orElse(null);
        if (entry == null) {
            return;
        }
        answered(p, entry.getKey(), entry.getValue(), step.isPresent(), r, topic, d);
        advance(p, d);
    }

    private void answered(ProcessState p, String name, StepCall c, boolean isStep, Record<byte[], byte[]> r, String topic,
                          CompositeDefinition d) {
        boolean ok = "OK".equals(text(r.headers(), GsbHeaders.REPLY_STATUS));
        c.completedAt = clock.getAsLong();
        if (ok && isStep) {
            try {
                c.reply = calls.read(topic, r.headers(), r.value());
            } catch (BusUnavailableException e) {
                throw e;
            } catch (RuntimeException e) {
                ok = false;
                text(c, "INVALID_MESSAGE", "the reply could not be read: " + e.getMessage());
            }
        } else if (!ok) {
            String code = text(r.headers(), GsbHeaders.ERROR_CODE);
            text(c, code == null ? "FAILED" : code, text(r.headers(), GsbHeaders.ERROR_MESSAGE));
        }
        c.status = ok ? CallStatus.SUCCEEDED : CallStatus.FAILED;
        if (isStep && ok) {
            c.completionSeq = ++p.completions;
        } else if (!isStep) {
            (ok ? p.compensated : p.notCompensated).add(name);
        }
        String received = text(r.headers(), GsbHeaders.RECEIVED_AT);
        emit(replies.record(CallRecords.step(p, serviceOf(d, name, isStep), c, agency,
                ok ? Outcome.SUCCESS : Outcome.FAILURE, received == null ? null : Long.valueOf(received), r.timestamp(),
                r.value() == null ? 0 : r.value().length)));
    }

    /**
     * Fails the calls whose reply did not come in time (wall-clock punctuation, every tick). While the task is behind,
     * "in time" is judged by how far it has read the topic the reply comes on, not by the clock (see {@link Backlog}).
     */
    private void expire(long punctuatedAt) { // the processor's own clock decides: the one that set the deadlines
        long now = clock.getAsLong();
        backlog.tick();
        if (backlog.anyDueBy(now) < nextDeadline) {
            return;
        }
        nextDeadline = Long.MAX_VALUE;
        List<KeyValue<String, byte[]>> due = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = processes.all()) {
            it.forEachRemaining(due::add);
        }
        for (KeyValue<String, byte[]> kv : due) {
            ProcessState p = ProcessState.fromBytes(kv.value);
            CompositeDefinition d = definitions.version(p.service, p.version).orElse(null);
            if (d == null) {
                continue;
            }
            if (timeOut(p, p.steps, true, d, now) | timeOut(p, p.compensations, false, d, now)) {
                advance(p, d); // what it sends lowers nextDeadline
            }
            p.steps.values().forEach(this::lowerNextDeadline);
            p.compensations.values().forEach(this::lowerNextDeadline);
        }
    }

    private void lowerNextDeadline(StepCall c) {
        if (c.status == CallStatus.RUNNING) {
            nextDeadline = Math.min(nextDeadline, c.deadline);
        }
    }

    private boolean timeOut(ProcessState p, Map<String, StepCall> calls, boolean isStep, CompositeDefinition d,
                            long now) {
        boolean any = false;
        for (Map.Entry<String, StepCall> e : calls.entrySet()) {
            StepCall c = e.getValue();
            if (c.status != CallStatus.RUNNING) {
                continue;
            }
            String step = e.getKey();
            long dueBy = backlog.dueBy(() -> Service.parse(serviceOf(d, step, isStep)).replyTopic(agency), now);
            if (c.deadline <= dueBy) {
                c.status = CallStatus.TIMED_OUT;
                text(c, "TIMEOUT", "no reply within " + (c.deadline - c.sentAt) + " ms");
                stepCalls.delete(c.callId);
                if (!isStep) {
                    p.notCompensated.add(e.getKey());
                }
                emit(replies.record(CallRecords.step(p, serviceOf(d, e.getKey(), isStep), c, agency, Outcome.TIMEOUT,
                        null, null, null)));
                any = true;
            }
        }
        return any;
    }

    /** Moves a process on as far as it can go now, then stores it (or deletes it once it has answered). */
    private void advance(ProcessState p, CompositeDefinition d) {
        while (true) {
            if (p.phase == ProcessState.Phase.RUNNING) {
                Optional<String> failed = Progress.firstFailed(p, d);
                if (failed.isPresent()) {
                    p.failedStep = failed.get();
                    p.phase = ProcessState.Phase.COMPENSATING;
                    continue;
                }
                if (Progress.allDone(p)) {
                    emitAll(replies.succeed(p, d));
                    processes.delete(p.id);
                    return;
                }
                if (!startReadySteps(p, d)) {
                    break;
                }
            } else {
                if (Progress.anyRunning(p.steps) || Progress.anyRunning(p.compensations)) {
                    break; // a step still in flight may yet succeed, and then needs undoing too
                }
                Optional<Step> next = Progress.nextToCompensate(p, d);
                if (next.isEmpty()) {
                    emitAll(replies.fail(p, d));
                    processes.delete(p.id);
                    return;
                }
                startCompensation(p, next.get());
            }
        }
        processes.put(p.id, p.toBytes());
    }

    /** @return whether any step changed state */
    private boolean startReadySteps(ProcessState p, CompositeDefinition d) {
        boolean changed = false;
        for (Step s : d.steps()) {
            StepCall c = p.steps.get(s.name());
            if (c.status != CallStatus.PENDING || !Progress.ready(p, s)) {
                continue;
            }
            changed = true;
            if (s.when() != null && !s.when().holds(Mapping.resolve(s.when().path(), p.context()))) {
                c.status = CallStatus.SKIPPED;
                continue;
            }
            c.method = s.method();
            send(p, c, s.service(), s.input(), s.timeout(), "step", s.name());
        }
        return changed;
    }

    private void startCompensation(ProcessState p, Step step) {
        Compensation comp = step.compensation();
        StepCall c = new StepCall();
        c.method = comp.method();
        p.compensations.put(step.name(), c);
        send(p, c, comp.service(), comp.input(), comp.timeout() != null ? comp.timeout() : step.timeout(),
                "compensation", step.name());
        if (c.status == CallStatus.INVALID) {
            p.notCompensated.add(step.name());
        }
    }

    private void send(ProcessState p, StepCall c, String service, com.fasterxml.jackson.databind.node.ObjectNode input,
                      Duration timeout, String attempt, String name) {
        StepCalls.Request request;
        try {
            request = calls.build(p, c, service, input, context.taskId().partition(), attempt, name);
        } catch (BusUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            c.status = CallStatus.INVALID;
            text(c, "STEP_INVALID", e.getMessage());
            return;
        }
        long now = clock.getAsLong();
        c.status = CallStatus.RUNNING;
        c.sentAt = now;
        c.deadline = now + timeout.toMillis();
        lowerNextDeadline(c);
        context.forward(new Record<>(request.key(), request.value(), now, request.headers()));
        stepCalls.put(c.callId, p.id);
    }

    private static String serviceOf(CompositeDefinition d, String step, boolean isStep) {
        Step s = d.step(step).orElseThrow();
        return isStep ? s.service() : s.compensation().service();
    }

    private ProcessState load(String id) {
        byte[] bytes = processes.get(id);
        return bytes == null ? null : ProcessState.fromBytes(bytes);
    }

    private static Optional<Map.Entry<String, StepCall>> find(Map<String, StepCall> calls, String callId) {
        return calls.entrySet().stream()
                .filter(e -> callId.equals(e.getValue().callId) && e.getValue().status == CallStatus.RUNNING).findFirst();
    }

    private void emitAll(List<Record<byte[], Outgoing>> records) {
        records.forEach(context::forward);
    }

    private void emit(Record<byte[], Outgoing> record) {
        context.forward(record);
    }

    private static void text(StepCall c, String code, String message) {
        c.errorCode = code;
        c.errorMessage = message;
    }

    static String text(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}

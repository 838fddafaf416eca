package gov.gsb.producer.internal;

import gov.gsb.bus.Outcome;
import gov.gsb.sdk.BusUnavailableException;
import gov.gsb.sdk.GsbAvroDeserializer;
import gov.gsb.sdk.GsbHeaders;
import gov.gsb.sdk.InvalidMessageException;
import gov.gsb.sdk.ServiceFailedException;
import gov.gsb.sdk.ServiceTimeoutException;
import gov.gsb.sdk.internal.Call;
import gov.gsb.sdk.internal.ClientContext;
import gov.gsb.sdk.internal.ErrorMapping;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The requester's half of a two-way call: listen on the reply topic, send the request, and turn
 * the reply (or its absence) into the caller's result and the call's CallRecord.
 */
public final class RequestReply implements AutoCloseable {

    private final ClientContext context;
    private final Supplier<ReplyRouter> routerFactory;
    private final Map<Class<?>, GsbAvroDeserializer<?>> decoders = new ConcurrentHashMap<>();
    private volatile ReplyRouter router;

    public RequestReply(ClientContext context, Supplier<ReplyRouter> routerFactory) {
        this.context = context;
        this.routerFactory = routerFactory;
    }

    private ReplyRouter router() {
        ReplyRouter r = router;
        if (r == null) {
            synchronized (this) {
                if (router == null) {
                    router = routerFactory.get(); // started on the first request only
                }
                r = router;
            }
        }
        return r;
    }

    /**
     * @param call the request's call (REQUEST kind, topic set)
     * @param replyTo the reply topic of this agency for the service
     * @param replyType the reply's class
     * @param timeout how long to wait for the reply
     * @param sender sends the request message; completes when the bus has it (or with a mapped error)
     * @param <R> the reply's type
     * @return the reply, or a typed error
     */
    public <R> CompletionStage<R> call(Call call, String replyTo, Class<R> replyType, Duration timeout,
                                       Supplier<CompletableFuture<RecordMetadata>> sender) {
        CompletableFuture<R> result = new CompletableFuture<>();
        ReplyRouter r = router();
        CompletableFuture<Void> listening = r.listen(replyTo);
        BiConsumer<Void, Throwable> go = (ignored, error) -> {
            if (error != null) {
                call.requestSentAt = Instant.now();
                fail(call, result, ErrorMapping.map(error, call.service, "request", context.agency()));
                return;
            }
            r.expect(new PendingRequest(call, result, new Handler<>(call, replyType, result)), timeout);
            sender.get().whenComplete((metadata, sendError) -> {
                if (sendError != null) {
                    r.forget(call);
                    fail(call, result, sendError);
                }
            });
        };
        // The first request on a reply topic waits for the listener; do not send from its thread.
        if (listening.isDone()) {
            listening.whenComplete(go);
        } else {
            listening.whenCompleteAsync(go);
        }
        return result;
    }

    private void fail(Call call, CompletableFuture<?> result, Throwable mapped) {
        context.recordFailure(call, mapped);
        result.completeExceptionally(mapped);
    }

    @SuppressWarnings("unchecked")
    private <R> GsbAvroDeserializer<R> decoder(Class<R> type) {
        return (GsbAvroDeserializer<R>) decoders.computeIfAbsent(type,
                t -> new GsbAvroDeserializer<>(context.registry(), t == org.apache.avro.generic.GenericRecord.class ? null : t));
    }

    /** Waits for what is pending to be abandoned and stops listening. */
    @Override
    public void close() {
        ReplyRouter r = router;
        if (r != null) {
            r.close();
        }
    }

    /**
     * Waits for a stage and returns its value, throwing the SDK's typed error itself (not wrapped).
     *
     * @param stage the stage
     * @param <T> its type
     * @return its value
     */
    public static <T> T join(CompletableFuture<T> stage) {
        try {
            return stage.join();
        } catch (CompletionException e) {
            Throwable cause = ErrorMapping.unwrap(e);
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    /** Completes one request from its reply, its timeout or the publisher's closing. */
    private final class Handler<R> implements PendingRequest.ReplyHandler {
        private final Call call;
        private final Class<R> type;
        private final CompletableFuture<R> result;

        Handler(Call call, Class<R> type, CompletableFuture<R> result) {
            this.call = call;
            this.type = type;
            this.result = result;
        }

        @Override
        public void reply(ConsumerRecord<String, byte[]> reply) {
            call.replyReceivedAt = Instant.now();
            call.replySentAt = Instant.ofEpochMilli(reply.timestamp());
            call.requestReceivedAt = instant(Call.text(reply.headers(), GsbHeaders.RECEIVED_AT));
            call.replyBytes = reply.value() == null ? 0 : reply.value().length;
            if (!"OK".equals(Call.text(reply.headers(), GsbHeaders.REPLY_STATUS))) {
                String code = Call.text(reply.headers(), GsbHeaders.ERROR_CODE);
                fail(call, result, new ServiceFailedException(code != null ? code : "FAILED",
                        "service " + call.service + " refused the request: " + Call.text(reply.headers(), GsbHeaders.ERROR_MESSAGE)));
                return;
            }
            R value;
            try {
                value = decoder(type).deserialize(reply.topic(), reply.headers(), reply.value());
            } catch (RuntimeException e) {
                fail(call, result, e instanceof InvalidMessageException ? e
                        : new InvalidMessageException("the reply of " + call.service + " is not a " + type.getName(), e));
                return;
            }
            context.record(call, Outcome.SUCCESS, null, null);
            result.complete(value);
        }

        @Override
        public void timeout() {
            fail(call, result, new ServiceTimeoutException("no reply from service " + call.service + " to call "
                    + call.callId + " in time: the provider may be slow or down; the request may still be served later"));
        }

        @Override
        public void abandon() {
            fail(call, result, new BusUnavailableException("the publisher was closed before service " + call.service
                    + " replied to call " + call.callId, null));
        }

        private Instant instant(String millis) {
            try {
                return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}

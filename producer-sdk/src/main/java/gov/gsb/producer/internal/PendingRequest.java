package gov.gsb.producer.internal;

import gov.gsb.sdk.internal.Call;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A request waiting for its reply: the call, where its reply goes (the caller's future, typed by
 * the reply decoder), and its timeout.
 */
public final class PendingRequest {

    /** Completes the caller's future from a reply; owns decoding and the call's record. */
    public interface ReplyHandler {
        /** @param reply the provider's reply message */
        void reply(ConsumerRecord<String, byte[]> reply);

        /** The timeout passed with no reply. */
        void timeout();

        /** The publisher closed before a reply came. */
        void abandon();
    }

    private final Call call;
    private final ReplyHandler handler;
    private volatile ScheduledFuture<?> timeout;
    private final CompletableFuture<?> caller;

    public PendingRequest(Call call, CompletableFuture<?> caller, ReplyHandler handler) {
        this.call = call;
        this.caller = caller;
        this.handler = handler;
    }

    public Call call() {
        return call;
    }

    public CompletableFuture<?> caller() {
        return caller;
    }

    public ReplyHandler handler() {
        return handler;
    }

    void timeout(ScheduledFuture<?> future) {
        this.timeout = future;
    }

    void cancelTimeout() {
        ScheduledFuture<?> t = timeout;
        if (t != null) {
            t.cancel(false);
        }
    }
}

package gov.gsb.consumer.internal;

import gov.gsb.consumer.Message;
import gov.gsb.sdk.ServiceFailedException;
import java.util.function.BooleanSupplier;

/**
 * Tries a handler, and again after a doubling backoff, until it succeeds, refuses on purpose
 * ({@link ServiceFailedException}: not retried), the tries run out, or the subscriber closes.
 */
final class Retrier {

    /** What came of the tries: the reply (or null for events), or the last failure. */
    record Result(Object reply, Exception failure, int attempts) {
        boolean succeeded() {
            return failure == null;
        }
    }

    private final int retries;
    private final long backoffMs;
    private final long maxBackoffMs;
    private final Sleeper sleeper;

    /** Waits; a seam for tests. */
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    Retrier(int retries, long backoffMs, long maxBackoffMs, Sleeper sleeper) {
        this.retries = retries;
        this.backoffMs = backoffMs;
        this.maxBackoffMs = maxBackoffMs;
        this.sleeper = sleeper;
    }

    Result run(Subscription subscription, Object value, Message first, BooleanSupplier closing) {
        Exception last = null;
        long wait = backoffMs;
        for (int attempt = 1; attempt <= retries + 1; attempt++) {
            Message message = attempt == 1 ? first : withAttempt(first, attempt);
            try {
                return new Result(subscription.handle(value, message), null, attempt);
            } catch (ServiceFailedException refusal) {
                return new Result(null, refusal, attempt);
            } catch (Exception e) {
                last = e;
            }
            if (attempt <= retries) {
                if (closing.getAsBoolean()) {
                    return new Result(null, last, attempt);
                }
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Result(null, last, attempt);
                }
                wait = Math.min(maxBackoffMs, wait * 2);
            }
        }
        return new Result(null, last, retries + 1);
    }

    private static Message withAttempt(Message m, int attempt) {
        return new Message(m.callId(), m.correlationId(), m.service(), m.senderAgency(), m.method(), m.endUser(),
                m.clientIp(), m.device(), m.key(), m.topic(), m.partition(), m.offset(), m.timestamp(), attempt);
    }
}

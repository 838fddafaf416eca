package gov.gsb.sdk.internal;

import gov.gsb.sdk.BusUnavailableException;
import gov.gsb.sdk.GsbError;
import gov.gsb.sdk.NotAuthorizedException;
import gov.gsb.sdk.Service;
import gov.gsb.sdk.UnknownServiceException;
import gov.gsb.bus.Outcome;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Turns what Kafka's clients throw into the SDK's typed errors, each saying what to do, and
 * into the outcome a CallRecord reports.
 */
public final class ErrorMapping {

    private ErrorMapping() {
    }

    /**
     * @param error what the Kafka client threw or completed a send with
     * @param service the service being called
     * @param operation what was attempted, e.g. "publish to", "subscribe to", "request"
     * @param agency the calling agency
     * @return the SDK's error for it (the same object if it already is one)
     */
    public static RuntimeException map(Throwable error, Service service, String operation, String agency) {
        Throwable e = unwrap(error);
        if (e instanceof GsbError && e instanceof RuntimeException re) {
            return re;
        }
        if (e instanceof AuthenticationException) {
            return new NotAuthorizedException("agency " + agency + " could not log in to the bus (" + e.getMessage()
                    + "): check its client id and secret", e);
        }
        if (e instanceof AuthorizationException) {
            return new NotAuthorizedException("agency " + agency + " may not " + operation + " service " + service
                    + ": ask the bus administrator for a grant", e);
        }
        if (e instanceof UnknownTopicOrPartitionException || isMissingTopic(e)) {
            return new UnknownServiceException("service " + service + " is not on the bus (no topic for it): check the name "
                    + "in the catalog, or ask its provider to register it", e);
        }
        if (e instanceof RetriableException) {
            return new BusUnavailableException("the bus did not answer while trying to " + operation + " service " + service
                    + " (" + e.getMessage() + "); try again later", e);
        }
        if (e instanceof RuntimeException re) {
            return re;
        }
        return new org.apache.kafka.common.KafkaException(e);
    }

    /**
     * What a Kafka client's constructor threw, as the SDK's error: with OAuth the client logs in as
     * it is made, so wrong credentials or an unreachable identity provider fail right there.
     *
     * @param e what the constructor threw
     * @param agency the agency logging in
     * @return {@link NotAuthorizedException} for refused credentials, {@link BusUnavailableException}
     *     for an identity provider that did not answer, else {@code e}
     */
    public static RuntimeException construction(org.apache.kafka.common.KafkaException e, String agency) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            String message = String.valueOf(c.getMessage());
            if (message.contains("response code 401") || message.contains("response code 400")
                    || message.contains("Invalid client")) {
                return new NotAuthorizedException("agency " + agency + " could not log in to the bus (the identity provider "
                        + "refused its credentials): check gsb.client.id and gsb.client.secret", e);
            }
            if (c instanceof java.net.ConnectException || c instanceof java.net.http.HttpTimeoutException
                    || c instanceof java.net.UnknownHostException) {
                return new BusUnavailableException("agency " + agency + " could not log in to the bus: the identity "
                        + "provider did not answer (" + c.getMessage() + "); check gsb.token.url, or try again later", e);
            }
        }
        return e;
    }

    private static boolean isMissingTopic(Throwable e) {
        // A send to a topic that does not exist ends, after max.block.ms, as a TimeoutException caused
        // by UnknownTopicOrPartition. The same timeout without that cause means no broker answered.
        return e instanceof TimeoutException && e.getCause() instanceof UnknownTopicOrPartitionException;
    }

    /** Strips the ExecutionException/CompletionException wrappers futures add. */
    public static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** @return the outcome a CallRecord reports for this (already mapped) error */
    public static Outcome outcome(Throwable mapped) {
        Throwable e = unwrap(mapped);
        if (e instanceof NotAuthorizedException) {
            return Outcome.DENIED;
        }
        if (e instanceof TimeoutException) {
            return Outcome.TIMEOUT;
        }
        if (e instanceof org.apache.kafka.common.errors.SerializationException) {
            return Outcome.INVALID;
        }
        return Outcome.FAILURE;
    }

    /** @return the error code a CallRecord reports for this (already mapped) error */
    public static String code(Throwable mapped) {
        Throwable e = unwrap(mapped);
        return e instanceof GsbError g ? g.errorCode() : e.getClass().getSimpleName();
    }
}

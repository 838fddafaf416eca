package gov.gsb.analytics.query;

/** The rows the dashboard queries answer with, one record per query shape (columns named as the fields). */
public final class Rows {

    private Rows() {
    }

    /** {@link DashboardQueries#totals}. @param calls the calls @param failures those that did not succeed */
    public record Totals(long calls, long failures) {
    }

    /** {@link DashboardQueries#series}. @param t the bucket's start (epoch ms) @param success @param failure */
    public record Point(long t, long success, long failure) {
    }

    /**
     * {@link DashboardQueries#byProvider} and the like.
     *
     * @param name the agency or service ('' for publishes, which have no consumer)
     * @param calls the calls
     * @param failures those that did not succeed
     * @param successRate {@code 1 - failures / calls}
     */
    public record Rate(String name, long calls, long failures, double successRate) {
    }

    /** {@link DashboardQueries#errorCodes}. @param errorCode the code ('' if none) @param outcome @param calls */
    public record ErrorCount(String errorCode, String outcome, long calls) {
    }

    /** {@link DashboardQueries#latency}. @param known calls with a known latency @param p50 @param p95 @param p99 (ms) */
    public record Latency(long known, Double p50, Double p95, Double p99) {
    }

    /** {@link DashboardQueries#latencySeries}. @param t the bucket's start (epoch ms) @param p50 @param p95 @param p99 */
    public record LatencyPoint(long t, Double p50, Double p95, Double p99) {
    }

    /** {@link DashboardQueries#count}. @param total the matching calls */
    public record Count(long total) {
    }

    /**
     * One call of {@link DashboardQueries#search}.
     *
     * @param sentAt when the request was sent (epoch ms)
     * @param callId the call's id
     * @param kind PUBLISH, DELIVERY, REQUEST or REPLY
     * @param service the service
     * @param method the method or operation
     * @param provider the provider agency
     * @param consumer the consumer agency ('' for a publish)
     * @param user the end user ('' if none)
     * @param ip the client IP ('' if unknown)
     * @param device the device ('' if unknown)
     * @param outcome the outcome
     * @param errorCode the error code ('' if none)
     * @param errorMessage the error message ('' if none)
     * @param latencyMs what the caller waited, or null when unknown
     */
    public record Call(long sentAt, String callId, String kind, String service, String method, String provider,
                       String consumer, String user, String ip, String device, String outcome, String errorCode,
                       String errorMessage, Long latencyMs) {
    }
}

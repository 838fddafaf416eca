package gov.gsb.processors;

import java.time.Instant;

/**
 * A row of the per-minute rollups ({@code calls_per_minute}). The table keeps, per minute and key, the row with the
 * highest {@code version}: the number of calls it has counted, so the latest (fullest) count wins however often
 * and in whatever order the row is written.
 *
 * @param minute the minute's start (the calls' {@code requestSentAt}, UTC)
 * @param providerAgency the provider agency
 * @param consumerAgency the consumer agency, or empty (PUBLISH)
 * @param service {@code provider.name}
 * @param method the operation or event name
 * @param kind PUBLISH, DELIVERY, REQUEST or REPLY
 * @param outcome SUCCESS, FAILURE, DENIED, TIMEOUT or INVALID
 * @param calls how many calls
 * @param failures how many of them failed (outcome other than SUCCESS)
 * @param latencySumMs the sum of the known latencies
 * @param latencyMaxMs the largest known latency
 * @param latencyP50Ms the median of the known latencies (0 when none is known)
 * @param latencyP95Ms their 95th percentile
 * @param latencyP99Ms their 99th percentile
 * @param version the calls counted, for ReplacingMergeTree(version)
 */
public record RollupRow(Instant minute, String providerAgency, String consumerAgency, String service, String method,
                        String kind, String outcome, long calls, long failures, long latencySumMs, long latencyMaxMs,
                        double latencyP50Ms, double latencyP95Ms, double latencyP99Ms, long version) {

    /** @return the row's identity in the table: the minute and the key, without the counts */
    public Identity identity() {
        return new Identity(minute, providerAgency, consumerAgency, service, method, kind, outcome);
    }

    /**
     * A rollup row's identity (the table's sorting key).
     *
     * @param minute the minute
     * @param providerAgency the provider
     * @param consumerAgency the consumer
     * @param service the service
     * @param method the method
     * @param kind the kind
     * @param outcome the outcome
     */
    public record Identity(Instant minute, String providerAgency, String consumerAgency, String service, String method,
                           String kind, String outcome) {
    }
}

package gov.gsb.analytics.query;

/** How a call ended, as the call log stores it (CallRecord's {@code outcome}). */
public enum Outcome {
    SUCCESS, FAILURE, DENIED, TIMEOUT, INVALID
}

package gov.gsb.analytics.query;

/**
 * ClickHouse did not answer a query: unreachable or timed out ({@link #retriable()}: try again later), or it refused
 * the query (a fault of this service or of the tables: not retriable).
 */
public final class ClickHouseException extends RuntimeException {

    private final boolean retriable;

    /** @param message what failed @param retriable whether trying again may help @param cause the cause, or null */
    public ClickHouseException(String message, boolean retriable, Throwable cause) {
        super(message, cause);
        this.retriable = retriable;
    }

    /** @return whether the same query may succeed later (ClickHouse away or slow) */
    public boolean retriable() {
        return retriable;
    }
}

package gov.gsb.admin.model;

/** How a service is used (the catalog's {@code ServiceKind}). */
public enum Kind {
    /** The provider publishes events, subscribers receive them. */
    EVENT,
    /** A requester asks, the provider answers. */
    REQUEST_REPLY,
    /**
     * A two-way service the bus assembles from others: its definition (steps over other services) is run by the
     * orchestrator; callers request it like a REQUEST_REPLY service.
     */
    COMPOSITE
}

package gov.gsb.admin.model;

/** How a service is used (the catalog's {@code ServiceKind}); COMPOSITE is reserved and refused for now. */
public enum Kind {
    /** The provider publishes events, subscribers receive them. */
    EVENT,
    /** A requester asks, the provider answers. */
    REQUEST_REPLY,
    /** Reserved: a two-way service the bus assembles from others. */
    COMPOSITE
}

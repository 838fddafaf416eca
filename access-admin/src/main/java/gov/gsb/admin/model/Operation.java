package gov.gsb.admin.model;

/** What a grant is about (the contract's {@code GrantOperation}). */
public enum Operation {
    /** Publish an EVENT service's events. */
    PUBLISH,
    /** Receive an EVENT service's events. */
    SUBSCRIBE,
    /** Send requests to a REQUEST_REPLY service and receive its replies. */
    REQUEST,
    /** Take a REQUEST_REPLY service's requests and answer them. */
    SERVE;

    /** Whether the operation applies to a service of this kind. */
    public boolean appliesTo(Kind kind) {
        return kind == Kind.EVENT ? this == PUBLISH || this == SUBSCRIBE : this == REQUEST || this == SERVE;
    }
}

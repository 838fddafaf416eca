package gov.gsb.composites;

/**
 * How a service in the catalog is used, as far as a composite cares: the catalog's {@code ServiceKind} by name
 * ({@code ComponentKind.valueOf(descriptor.getKind().name())}).
 */
public enum ComponentKind {
    /** Publish and subscribe: cannot be a step, it gives no answer. */
    EVENT,
    /** A two-way service: a step or a compensation. */
    REQUEST_REPLY,
    /** Another composite: a step (not a compensation; never the composite itself). */
    COMPOSITE
}

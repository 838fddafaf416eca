package gov.gsb.admin.model;

/** The naming rules of the bus (those of {@code gov.gsb.sdk.Service}), as validation patterns and messages. */
public final class Names {

    /** An agency's or a service's name. */
    public static final String NAME = "[a-z0-9][a-z0-9-]{0,62}";
    /** What {@link #NAME} means, for people. */
    public static final String NAME_MESSAGE =
            "must be 1 to 63 lower-case letters, digits and dashes, starting with a letter or digit";
    /** A service's id, {@code <provider>.<name>}. */
    public static final String SERVICE = NAME + "\\." + NAME;
    /** What {@link #SERVICE} means, for people. */
    public static final String SERVICE_MESSAGE =
            "must be <provider-agency>.<service-name>, each 1 to 63 lower-case letters, digits and dashes";
    /** The registry's compatibility levels (Confluent's names). */
    public static final String COMPATIBILITY =
            "BACKWARD|BACKWARD_TRANSITIVE|FORWARD|FORWARD_TRANSITIVE|FULL|FULL_TRANSITIVE|NONE";
    /** What {@link #COMPATIBILITY} means, for people. */
    public static final String COMPATIBILITY_MESSAGE =
            "must be one of BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE, NONE";

    private Names() {
    }
}

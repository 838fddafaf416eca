package gov.gsb.admin.rest;

/** The realm roles the API knows: {@code admin} may change, {@code admin} and {@code auditor} may read. */
public final class Roles {

    /** Changes the bus: catalog, grants, agencies. */
    public static final String ADMIN = "admin";
    /** Reads the bus's configuration and audit trail. */
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}

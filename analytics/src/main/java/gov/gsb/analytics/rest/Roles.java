package gov.gsb.analytics.rest;

/** The realm roles that may read the dashboards and the API. */
public final class Roles {

    /** Reads the dashboards. */
    public static final String ANALYST = "analyst";
    /** Runs the bus; reads everything. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}

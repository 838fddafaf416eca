package gov.gsb.admin.model;

/** Whether a grant gives access or takes it away; a DENY on any of a caller's principals wins. */
public enum Permission {
    /** Opens the operation. */
    ALLOW,
    /** Closes it, whatever else allows it. */
    DENY
}

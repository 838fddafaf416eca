package gov.gsb.admin.model;

/** Whom a grant is for (the contract's {@code PrincipalType}); the ACL principal is {@code <Type>:<name>}. */
public enum PrincipalKind {
    /** A user or service account: {@code User:<preferred_username>}. */
    USER,
    /** A Keycloak group's members: {@code Group:<path without the leading slash>}. */
    GROUP,
    /** A realm role's holders: {@code Role:<role>}. */
    ROLE
}

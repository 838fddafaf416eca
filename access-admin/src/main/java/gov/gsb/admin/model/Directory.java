package gov.gsb.admin.model;

/** What the realm's users, groups and roles look like to the portal's pickers. */
public final class Directory {

    private Directory() {
    }

    /**
     * A user.
     *
     * @param id Keycloak's id
     * @param username the name grants use
     * @param firstName first name, or null
     * @param lastName last name, or null
     * @param email e-mail, or null
     * @param enabled whether it may log in
     */
    public record User(String id, String username, String firstName, String lastName, String email, boolean enabled) {
    }

    /**
     * A group.
     *
     * @param id Keycloak's id
     * @param name its own name
     * @param path its path without the leading slash, as grants name it, e.g. {@code agencies/tax}
     */
    public record Group(String id, String name, String path) {
    }

    /**
     * A realm role.
     *
     * @param name its name, as grants use it
     * @param description what it is for
     */
    public record Role(String name, String description) {
    }
}

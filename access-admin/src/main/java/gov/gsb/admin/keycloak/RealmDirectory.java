package gov.gsb.admin.keycloak;

import gov.gsb.admin.model.Directory;
import gov.gsb.admin.model.PrincipalKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** The realm's users, groups and realm roles, as grants name them (group paths without the leading slash). */
@ApplicationScoped
public class RealmDirectory {

    private static final int MAX_GROUPS = 1_000;

    private final KeycloakAdmin keycloak;

    @Inject
    public RealmDirectory(KeycloakAdmin keycloak) {
        this.keycloak = keycloak;
    }

    /**
     * Who a user is to the brokers: its name, its groups and its realm roles (effective: composites and the
     * group's roles included), as its token would carry them.
     *
     * @param username the user's name
     * @param groups its groups' paths without the leading slash
     * @param roles its effective realm roles
     */
    public record Identity(String username, List<String> groups, List<String> roles) {
    }

    /** The identity of a user, or empty if the realm has no user of that name. */
    public Optional<Identity> identity(String username) {
        return keycloak.call("look up user " + username, () -> {
            Optional<UserRepresentation> user = exactUser(username);
            if (user.isEmpty()) {
                return Optional.empty();
            }
            var resource = keycloak.realm().users().get(user.get().getId());
            List<String> groups = resource.groups().stream().map(g -> trimSlash(g.getPath())).sorted().toList();
            List<String> roles = resource.roles().realmLevel().listEffective().stream()
                    .map(RoleRepresentation::getName).sorted().toList();
            return Optional.of(new Identity(user.get().getUsername(), groups, roles));
        });
    }

    /** Whether the realm has a user, group (path without the leading slash) or realm role of this name. */
    public boolean exists(PrincipalKind kind, String name) {
        return keycloak.call("look up " + kind.name().toLowerCase() + " " + name, () -> switch (kind) {
            case USER -> exactUser(name).isPresent();
            case GROUP -> group("/" + name).isPresent();
            case ROLE -> keycloak.realm().roles().list().stream().anyMatch(r -> r.getName().equals(name));
        });
    }

    /** Users whose name, e-mail, first or last name contain {@code search} (all when null), a page of them. */
    public List<Directory.User> users(String search, int first, int max) {
        return keycloak.call("list users", () -> keycloak.realm().users().search(search, first, max, true)).stream()
                .map(u -> new Directory.User(u.getId(), u.getUsername(), u.getFirstName(), u.getLastName(), u.getEmail(),
                        Boolean.TRUE.equals(u.isEnabled())))
                .toList();
    }

    /** Every group, parents before their subgroups. */
    public List<Directory.Group> groups() {
        return keycloak.call("list groups", () -> {
            List<Directory.Group> all = new ArrayList<>();
            keycloak.realm().groups().groups(null, 0, MAX_GROUPS, false).forEach(g -> addTree(g, all));
            return all;
        });
    }

    /** Every realm role. */
    public List<Directory.Role> roles() {
        return keycloak.call("list realm roles", () -> keycloak.realm().roles().list()).stream()
                .map(r -> new Directory.Role(r.getName(), r.getDescription()))
                .sorted(java.util.Comparator.comparing(Directory.Role::name)).toList();
    }

    /** The group of a full path ({@code /agencies/tax}), or empty. Call inside {@link KeycloakAdmin#call}. */
    Optional<GroupRepresentation> group(String path) {
        try {
            return Optional.of(keycloak.realm().getGroupByPath(path));
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private void addTree(GroupRepresentation group, List<Directory.Group> all) {
        all.add(new Directory.Group(group.getId(), group.getName(), trimSlash(group.getPath())));
        if (group.getSubGroupCount() == null || group.getSubGroupCount() > 0) {
            keycloak.realm().groups().group(group.getId()).getSubGroups(0, MAX_GROUPS, false).forEach(g -> addTree(g, all));
        }
    }

    private Optional<UserRepresentation> exactUser(String username) {
        return keycloak.realm().users().searchByUsername(username, true).stream()
                .filter(u -> u.getUsername().equals(username)).findFirst();
    }

    static String trimSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}

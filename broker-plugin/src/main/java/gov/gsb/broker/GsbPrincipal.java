package gov.gsb.broker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.common.security.auth.KafkaPrincipal;

/**
 * A caller of the bus: a user ({@code User:<name>}) together with the groups and realm roles its
 * token carried. {@link GsbPrincipalBuilder} makes it when a client logs in with OAUTHBEARER and
 * {@link GsbAuthorizer} matches ACLs on all of them:
 *
 * <pre>
 * principal.builder.class=gov.gsb.broker.GsbPrincipalBuilder
 * </pre>
 *
 * <p>{@link #toString()} stays Kafka's {@code User:<name>}, because Kafka compares that text with
 * {@code super.users} and writes it into its own logs and quotas. Name, groups and roles never change.
 */
public final class GsbPrincipal extends KafkaPrincipal {

    /** The principal type of a group ACL: {@code Group:agencies/tax}. */
    public static final String GROUP_TYPE = "Group";
    /** The principal type of a role ACL: {@code Role:publisher}. */
    public static final String ROLE_TYPE = "Role";
    /** The ACL principal that matches every user. */
    public static final String ANY_USER = USER_TYPE + ":*";

    private final Set<String> groups;
    private final Set<String> roles;
    private final List<String> aclPrincipals;

    /**
     * A user with its groups and roles.
     *
     * @param name the user's name, as ACLs write it after {@code User:}
     * @param groups group paths without the leading slash ({@code agencies/tax}), in the token's order
     * @param roles realm roles ({@code publisher})
     * @throws NullPointerException if any argument or element is null
     */
    public GsbPrincipal(String name, Set<String> groups, Set<String> roles) {
        super(USER_TYPE, Objects.requireNonNull(name, "name"));
        this.groups = Collections.unmodifiableSet(new LinkedHashSet<>(List.copyOf(groups)));
        this.roles = Collections.unmodifiableSet(new LinkedHashSet<>(List.copyOf(roles)));
        this.aclPrincipals = List.copyOf(principalsOf(name, this.groups, this.roles));
    }

    private static List<String> principalsOf(String name, Set<String> groups, Set<String> roles) {
        List<String> all = new ArrayList<>(2 + groups.size() + roles.size());
        all.add(USER_TYPE + ":" + name);
        all.add(ANY_USER);
        groups.forEach(g -> all.add(GROUP_TYPE + ":" + g));
        roles.forEach(r -> all.add(ROLE_TYPE + ":" + r));
        return all;
    }

    /** @return the user's groups, paths without the leading slash, in the token's order */
    public Set<String> groups() {
        return groups;
    }

    /** @return the user's realm roles, in the token's order */
    public Set<String> roles() {
        return roles;
    }

    /**
     * Every ACL principal this caller matches, in the text form ACLs use: {@code User:<name>},
     * {@code User:*}, then {@code Group:<path>} per group and {@code Role:<role>} per role.
     *
     * @return an immutable list, computed once per connection rather than per request
     */
    public List<String> aclPrincipals() {
        return aclPrincipals;
    }

    @Override
    public boolean equals(Object o) {
        if (!super.equals(o)) {
            return false;
        }
        GsbPrincipal that = (GsbPrincipal) o;
        return groups.equals(that.groups) && roles.equals(that.roles);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), groups, roles);
    }
}

package gov.gsb.admin.keycloak;

import gov.gsb.admin.GsbConfig;
import gov.gsb.admin.audit.Actor;
import gov.gsb.admin.audit.AuditLog;
import gov.gsb.admin.audit.AuditLog.Target;
import gov.gsb.admin.model.AgencyCreated;
import gov.gsb.admin.model.AgencyRequest;
import gov.gsb.admin.model.AgencyView;
import gov.gsb.admin.model.Result;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.jboss.logging.Logger;

/**
 * Agencies in Keycloak. An agency is a group {@code /agencies/<name>} and a confidential client {@code <name>} whose
 * service account is in that group and holds the realm roles {@code publisher} and {@code subscriber}: the same
 * shape as the realm's demo agencies, so its tokens carry {@code groups}, the roles and the bus's audience.
 */
@ApplicationScoped
public class AgencyService {

    private static final Logger LOG = Logger.getLogger(AgencyService.class);
    private static final String PARENT = "/agencies";
    private static final List<String> ROLES = List.of("publisher", "subscriber");

    private final KeycloakAdmin keycloak;
    private final RealmDirectory directory;
    private final AuditLog audit;
    private final String audience;

    @Inject
    public AgencyService(KeycloakAdmin keycloak, RealmDirectory directory, AuditLog audit, GsbConfig config) {
        this.keycloak = keycloak;
        this.directory = directory;
        this.audit = audit;
        this.audience = config.keycloak().audience();
    }

    /** Every agency: the subgroups of {@code /agencies}, with their clients. */
    public List<AgencyView> list() {
        return keycloak.call("list agencies", () -> directory.group(PARENT)
                .map(parent -> keycloak.realm().groups().group(parent.getId()).getSubGroups(0, 1_000, false))
                .orElse(List.of()).stream().map(this::view).toList());
    }

    /**
     * Creates an agency's group and client, and returns the client's secret (this once).
     *
     * @return Created; Conflict if the group or a client of that name exists
     */
    public synchronized Result<AgencyCreated> create(AgencyRequest request, Actor actor) {
        String name = request.name();
        Target target = new Target("agency", name);
        boolean taken = keycloak.call("look up agency " + name,
                () -> directory.group(PARENT + "/" + name).isPresent() || clientUuid(name).isPresent());
        if (taken) {
            audit.refused(actor, "agency.create", target, null, "exists already");
            return Result.conflict("agency " + name + " exists already (a group " + PARENT + "/" + name + " or a client " + name + ")");
        }
        AgencyCreated[] created = new AgencyCreated[1];
        audit.attempt(actor, "agency.create", target, null,
                () -> created[0] = keycloak.call("create agency " + name, () -> provision(request)));
        audit.success(actor, "agency.create", target, null, created[0].agency()); // never the secret
        return Result.created(created[0], name);
    }

    private AgencyCreated provision(AgencyRequest request) {
        RealmResource realm = keycloak.realm();
        String name = request.name();
        String displayName = request.displayName() == null ? name : request.displayName();
        String groupId = null;
        String clientId = null;
        try {
            GroupRepresentation parent = directory.group(PARENT).orElseGet(() -> {
                createdId(realm.groups().add(group(PARENT.substring(1), "Agencies"))); // the realm's first agency
                return realm.getGroupByPath(PARENT);
            });
            groupId = createdId(realm.groups().group(parent.getId()).subGroup(group(name, displayName)));
            clientId = createdId(realm.clients().create(client(name, displayName)));
            UserRepresentation account = realm.clients().get(clientId).getServiceAccountUser();
            realm.users().get(account.getId()).joinGroup(groupId);
            realm.users().get(account.getId()).roles().realmLevel()
                    .add(ROLES.stream().map(r -> realm.roles().get(r).toRepresentation()).toList());
            String secret = realm.clients().get(clientId).getSecret().getValue();
            return new AgencyCreated(new AgencyView(name, displayName, PARENT + "/" + name, name, account.getUsername()), secret);
        } catch (RuntimeException e) {
            undo(realm, groupId, clientId);
            throw e;
        }
    }

    private static void undo(RealmResource realm, String groupId, String clientId) {
        // Half an agency is worse than none: remove what this attempt made, so that it can be tried again.
        try {
            if (clientId != null) {
                realm.clients().get(clientId).remove();
            }
            if (groupId != null) {
                realm.groups().group(groupId).remove();
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not remove the half-made agency (group %s, client %s): remove them in Keycloak", groupId, clientId);
        }
    }

    /** The id of what a create call made (from its Location), or a failure that says what Keycloak answered. */
    private static String createdId(Response response) {
        try (response) {
            if (response.getStatus() != 201) {
                throw new WebApplicationException(response.readEntity(String.class), response.getStatus());
            }
            String location = response.getLocation().getPath();
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }

    private AgencyView view(GroupRepresentation group) {
        String name = group.getName();
        String displayName = Optional.ofNullable(group.getAttributes()).map(a -> a.get("displayName"))
                .filter(v -> !v.isEmpty()).map(v -> v.get(0)).orElse(name);
        boolean hasClient = clientUuid(name).isPresent();
        return new AgencyView(name, displayName, group.getPath(), hasClient ? name : null,
                hasClient ? "service-account-" + name : null);
    }

    private Optional<String> clientUuid(String clientId) {
        return keycloak.realm().clients().findByClientId(clientId).stream().findFirst().map(ClientRepresentation::getId);
    }

    private static GroupRepresentation group(String name, String displayName) {
        GroupRepresentation g = new GroupRepresentation();
        g.setName(name);
        g.setAttributes(Map.of("displayName", List.of(displayName)));
        return g;
    }

    private ClientRepresentation client(String name, String displayName) {
        ClientRepresentation c = new ClientRepresentation();
        c.setClientId(name);
        c.setName(displayName + " (agency)");
        c.setEnabled(true);
        c.setProtocol("openid-connect");
        c.setPublicClient(false);
        c.setClientAuthenticatorType("client-secret");
        c.setServiceAccountsEnabled(true);
        c.setStandardFlowEnabled(false);
        c.setDirectAccessGrantsEnabled(false);
        c.setImplicitFlowEnabled(false);
        c.setFullScopeAllowed(true);
        c.setAttributes(Map.of("access.token.lifespan", "300"));
        c.setProtocolMappers(List.of(
                mapper("groups", "oidc-group-membership-mapper", Map.of("full.path", "true", "claim.name", "groups",
                        "access.token.claim", "true", "id.token.claim", "true", "userinfo.token.claim", "true",
                        "introspection.token.claim", "true")),
                mapper("gsb-audience", "oidc-audience-mapper", Map.of("included.custom.audience", audience,
                        "access.token.claim", "true", "id.token.claim", "false", "introspection.token.claim", "true"))));
        return c;
    }

    private static ProtocolMapperRepresentation mapper(String name, String type, Map<String, String> config) {
        ProtocolMapperRepresentation m = new ProtocolMapperRepresentation();
        m.setName(name);
        m.setProtocol("openid-connect");
        m.setProtocolMapper(type);
        m.setConfig(config);
        return m;
    }
}

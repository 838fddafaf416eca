package gov.gsb.admin.grants;

import gov.gsb.admin.audit.Actor;
import gov.gsb.admin.audit.AuditLog;
import gov.gsb.admin.audit.AuditLog.Target;
import gov.gsb.admin.catalog.Catalog;
import gov.gsb.admin.catalog.CatalogService;
import gov.gsb.admin.catalog.RegistryAdmin;
import gov.gsb.admin.kafka.TopicAdmin;
import gov.gsb.admin.keycloak.RealmDirectory;
import gov.gsb.admin.model.AclView;
import gov.gsb.admin.model.GrantRequest;
import gov.gsb.admin.model.GrantView;
import gov.gsb.admin.model.Kind;
import gov.gsb.admin.model.Operation;
import gov.gsb.admin.model.Permission;
import gov.gsb.admin.model.PrincipalKind;
import gov.gsb.admin.model.Result;
import gov.gsb.bus.Grant;
import gov.gsb.bus.GrantOperation;
import gov.gsb.bus.GrantPermission;
import gov.gsb.bus.GrantStatus;
import gov.gsb.bus.PrincipalType;
import gov.gsb.bus.ServiceDescriptor;
import gov.gsb.bus.ServiceKind;
import gov.gsb.bus.ServiceStatus;
import gov.gsb.sdk.Service;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Grants and revokes access: writes the grant to {@code gsb.grants}, creates the topics it needs (a subscriber's
 * dead-letter topic, a requester's reply topic), brings the brokers' ACLs in line ({@link AclSync}) and records it
 * in the audit trail. When the call returns, the brokers decide with the new ACLs.
 */
@ApplicationScoped
public class GrantService {

    private final Grants grants;
    private final Catalog catalog;
    private final AclSync acls;
    private final TopicAdmin topics;
    private final RegistryAdmin registry;
    private final RealmDirectory directory;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public GrantService(Grants grants, Catalog catalog, AclSync acls, TopicAdmin topics, RegistryAdmin registry,
            RealmDirectory directory, AuditLog audit, Clock clock) {
        this.grants = grants;
        this.catalog = catalog;
        this.acls = acls;
        this.topics = topics;
        this.registry = registry;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Grants, oldest first; null filters match all.
     *
     * @param service {@code <provider>.<name>}
     * @param principal the name ({@code agencies/tax}) or the ACL principal ({@code Group:agencies/tax})
     * @param status ACTIVE or REVOKED
     */
    public List<GrantView> list(String service, String principal, String status) {
        return grants.all().stream()
                .filter(g -> service == null || g.getService().equals(service))
                .filter(g -> principal == null || g.getPrincipal().equals(principal)
                        || AclMapping.principal(g.getPrincipalType(), g.getPrincipal()).equals(principal))
                .filter(g -> status == null || g.getStatus().name().equalsIgnoreCase(status))
                .map(GrantService::view).toList();
    }

    /** One grant. */
    public Optional<GrantView> find(String id) {
        return grants.find(id).map(GrantService::view);
    }

    /**
     * Makes a grant and applies its ACLs.
     *
     * @return Created; NotFound (service); Conflict (retired service, equal active grant); Invalid (operation that
     *         does not fit the service, unknown principal, missing or contradicting consumer agency)
     */
    public synchronized Result<GrantView> grant(GrantRequest request, Actor actor) {
        Result<Prepared> prepared = prepare(request, actor);
        if (!(prepared instanceof Result.Ok<Prepared> ok)) {
            return recast(prepared);
        }
        Grant grant = ok.value().grant();
        Target target = new Target("grant", grant.getId());
        Optional<Grant> equal = equalActive(grant);
        if (equal.isPresent()) {
            audit.refused(actor, "grant.create", target, view(grant), "equal to active grant " + equal.get().getId());
            return Result.conflict("an equal grant is active already: " + equal.get().getId());
        }
        audit.attempt(actor, "grant.create", target, null, () -> {
            if (grant.getPermission() == GrantPermission.ALLOW) {
                createTopics(grant, ok.value().service());
            }
            grants.put(grant);
            acls.reconcile();
        });
        GrantView after = view(grant);
        audit.success(actor, "grant.create", target, null, after);
        return Result.created(after, grant.getId());
    }

    /**
     * The grant a request would make, with the exact ACLs it maps to, checked as {@link #grant} checks it, but
     * neither saved nor applied nor audited: what the portal's grant editor shows before saving.
     *
     * @return Ok with the grant as it would be (a new id each time); the outcomes of {@link #grant} otherwise
     */
    public Result<GrantView> preview(GrantRequest request, Actor actor) {
        Result<Prepared> prepared = prepare(request, actor);
        if (!(prepared instanceof Result.Ok<Prepared> ok)) {
            return recast(prepared);
        }
        Optional<Grant> equal = equalActive(ok.value().grant());
        return equal.isPresent() ? Result.conflict("an equal grant is active already: " + equal.get().getId())
                : Result.ok(view(ok.value().grant()));
    }

    /** A request checked against the catalog and the realm, as the grant it makes. */
    private record Prepared(Grant grant, ServiceDescriptor service) {
    }

    private Result<Prepared> prepare(GrantRequest request, Actor actor) {
        Optional<ServiceDescriptor> service = catalog.find(request.service());
        if (service.isEmpty()) {
            return Result.notFound("no service " + request.service() + " in the catalog");
        }
        if (service.get().getStatus() != ServiceStatus.ACTIVE) {
            return Result.conflict("service " + request.service() + " is retired: it takes no new grants");
        }
        Result<String> agency = check(request, service.get());
        if (!(agency instanceof Result.Ok<String> ok)) {
            return recast(agency);
        }
        return Result.ok(new Prepared(newGrant(request, ok.value(), actor), service.get()));
    }

    private Optional<Grant> equalActive(Grant grant) {
        return grants.all().stream().filter(g -> g.getStatus() == GrantStatus.ACTIVE && sameAccess(g, grant)).findFirst();
    }

    /**
     * Revokes a grant and removes the ACLs no other active grant needs.
     *
     * @return Ok; NotFound; Conflict if it is revoked already
     */
    public synchronized Result<GrantView> revoke(String id, Actor actor) {
        return revoke(id, actor, null);
    }

    /**
     * Revokes a grant, saying why in the audit trail (e.g. the composite whose retirement made it unneeded).
     *
     * @param reason why, or null
     * @return Ok; NotFound; Conflict if it is revoked already
     */
    public synchronized Result<GrantView> revoke(String id, Actor actor, String reason) {
        Optional<Grant> found = grants.find(id);
        if (found.isEmpty()) {
            return Result.notFound("no grant " + id);
        }
        Grant grant = found.get();
        if (grant.getStatus() != GrantStatus.ACTIVE) {
            return Result.conflict("grant " + id + " was revoked already, by " + grant.getRevokedBy() + " at " + grant.getRevokedAt());
        }
        Grant revoked = revoked(grant, actor);
        Target target = new Target("grant", id);
        audit.attempt(actor, "grant.revoke", target, view(grant), () -> {
            grants.put(revoked);
            acls.reconcile();
        });
        audit.success(actor, "grant.revoke", target, view(grant), view(revoked), reason);
        return Result.ok(view(revoked));
    }

    /** Revokes every active grant of a service (it is being retired), then applies the ACLs once. */
    public synchronized void revokeAllOf(String service, Actor actor, String reason) {
        for (Grant grant : grants.activeOn(service)) {
            Grant revoked = revoked(grant, actor);
            Target target = new Target("grant", grant.getId());
            audit.attempt(actor, "grant.revoke", target, view(grant), () -> grants.put(revoked));
            audit.success(actor, "grant.revoke", target, view(grant), view(revoked), reason);
        }
        acls.reconcile();
    }

    /** The view of a grant, with its ACLs. */
    public static GrantView view(Grant g) {
        List<AclView> aclViews = AclMapping.of(g).stream().map(AclView::of).toList();
        return new GrantView(g.getId(), g.getService(), g.getOperation().name(), g.getPrincipalType().name(),
                g.getPrincipal(), g.getPermission().name(), g.getConsumerAgency(), g.getGrantedBy(), g.getGrantedAt(),
                g.getComment(), g.getStatus().name(), g.getRevokedBy(), g.getRevokedAt(), aclViews);
    }

    /** Checks what single fields cannot: fit with the service, the principal, the consumer agency (the value). */
    private Result<String> check(GrantRequest request, ServiceDescriptor service) {
        Kind kind = service.getKind() == ServiceKind.EVENT ? Kind.EVENT : Kind.REQUEST_REPLY;
        if (!request.operation().appliesTo(kind)) {
            return Result.invalid("operation", request.operation() + " does not apply to a " + kind + " service: use "
                    + (kind == Kind.EVENT ? "PUBLISH or SUBSCRIBE" : "REQUEST or SERVE"));
        }
        Optional<String> principalProblem = principalProblem(request.principalType(), request.principal());
        if (principalProblem.isPresent()) {
            return Result.invalid("principal", principalProblem.get());
        }
        return consumerAgency(request);
    }

    private Optional<String> principalProblem(PrincipalKind kind, String name) {
        if (kind == PrincipalKind.GROUP && name.startsWith("/")) {
            return Optional.of("write a group's path without the leading slash, e.g. agencies/tax");
        }
        if (name.equals("*")) {
            return kind == PrincipalKind.USER ? Optional.empty()
                    : Optional.of("only a USER grant may name everyone (*); a group or a role is named in full");
        }
        return directory.exists(kind, name) ? Optional.empty()
                : Optional.of("the realm has no " + kind.name().toLowerCase() + " " + name);
    }

    /** The consuming agency of a SUBSCRIBE or REQUEST grant: from the principal, else as given; null otherwise. */
    private static Result<String> consumerAgency(GrantRequest request) {
        boolean consumes = request.operation() == Operation.SUBSCRIBE || request.operation() == Operation.REQUEST;
        String given = request.consumerAgency();
        if (!consumes) {
            return given == null ? Result.ok(null) : Result.invalid("consumerAgency",
                    "only SUBSCRIBE and REQUEST grants have a consumer agency; " + request.operation() + " acts for the provider");
        }
        Optional<String> derived = AclMapping.agencyOf(PrincipalType.valueOf(request.principalType().name()), request.principal());
        if (derived.isPresent() && given != null && !given.equals(derived.get())) {
            return Result.invalid("consumerAgency", "'" + given + "' contradicts the principal, which is agency '" + derived.get() + "'");
        }
        String agency = given != null ? given : derived.orElse(null);
        if (agency == null && request.permissionOrDefault() == Permission.ALLOW) {
            return Result.invalid("consumerAgency", "required: the " + request.principalType() + " " + request.principal()
                    + " names no agency (group agencies/<agency> or user service-account-<agency>), so say which agency "
                    + "consumes, whose subscriber groups, dead letters or reply topic the grant covers");
        }
        return Result.ok(agency);
    }

    private Grant newGrant(GrantRequest request, String consumerAgency, Actor actor) {
        return Grant.newBuilder()
                .setId(UUID.randomUUID().toString())
                .setService(request.service())
                .setOperation(GrantOperation.valueOf(request.operation().name()))
                .setPrincipalType(PrincipalType.valueOf(request.principalType().name()))
                .setPrincipal(request.principal())
                .setPermission(GrantPermission.valueOf(request.permissionOrDefault().name()))
                .setConsumerAgency(consumerAgency)
                .setGrantedBy(actor.name())
                .setGrantedAt(now())
                .setComment(request.comment())
                .setStatus(GrantStatus.ACTIVE)
                .build();
    }

    private Grant revoked(Grant grant, Actor actor) {
        return Grant.newBuilder(grant).setStatus(GrantStatus.REVOKED).setRevokedBy(actor.name()).setRevokedAt(now()).build();
    }

    /** The topics a consumer needs that the service's registration did not make; created before the ACLs. */
    private void createTopics(Grant grant, ServiceDescriptor d) {
        Service s = Service.of(d.getProviderAgency(), d.getName());
        String agency = grant.getConsumerAgency();
        String topic = switch (grant.getOperation()) {
            case SUBSCRIBE -> agency == null ? null : s.deadLetterTopic(agency);
            case REQUEST -> agency == null ? null : s.replyTopic(agency);
            case SERVE -> s.deadLetterTopic(s.provider());
            default -> null;
        };
        if (topic != null) {
            topics.ensure(topic, d.getPartitions(), TopicAdmin.retention(d.getRetentionMs()));
        }
        // A reply topic has a subject of its own (<topic>-value): give it the service's rule when that is not the
        // registry's default, so replies evolve under the rule the provider chose.
        if (grant.getOperation() == GrantOperation.REQUEST && agency != null
                && !CatalogService.DEFAULT_COMPATIBILITY.equals(d.getCompatibility())) {
            registry.setCompatibility(Service.valueSubject(s.replyTopic(agency)), d.getCompatibility());
        }
    }

    private static boolean sameAccess(Grant a, Grant b) {
        return a.getService().equals(b.getService()) && a.getOperation() == b.getOperation()
                && a.getPrincipalType() == b.getPrincipalType() && a.getPrincipal().equals(b.getPrincipal())
                && a.getPermission() == b.getPermission() && Objects.equals(a.getConsumerAgency(), b.getConsumerAgency());
    }

    @SuppressWarnings("unchecked")
    private static <T> Result<T> recast(Result<?> valueless) {
        return (Result<T>) valueless; // NotFound, Conflict and Invalid carry no value
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

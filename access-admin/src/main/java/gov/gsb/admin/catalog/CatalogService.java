package gov.gsb.admin.catalog;

import gov.gsb.admin.audit.Actor;
import gov.gsb.admin.audit.AuditLog;
import gov.gsb.admin.audit.AuditLog.Target;
import gov.gsb.admin.grants.GrantService;
import gov.gsb.admin.kafka.TopicAdmin;
import gov.gsb.admin.model.Kind;
import gov.gsb.admin.model.OwnerContact;
import gov.gsb.admin.model.Result;
import gov.gsb.admin.model.ServiceRequest;
import gov.gsb.admin.model.ServiceUpdate;
import gov.gsb.admin.model.ServiceView;
import gov.gsb.bus.Owner;
import gov.gsb.bus.ServiceDescriptor;
import gov.gsb.bus.ServiceKind;
import gov.gsb.bus.ServiceStatus;
import gov.gsb.bus.ServiceTopics;
import gov.gsb.composites.CompositeDefinition;
import gov.gsb.sdk.Service;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Registers, changes and retires services: their topics (Admin API), their subjects' compatibility (registry), their
 * catalog entry ({@code gsb.catalog}) and the audit trail. Changes take turns (one lock), so that a check ("does it
 * exist?") and the write that follows it see the same catalog.
 */
@ApplicationScoped
public class CatalogService {

    /** The registry's global rule on the bus, and a service's when none is given. */
    public static final String DEFAULT_COMPATIBILITY = "BACKWARD";

    private final Catalog catalog;
    private final Composites composites;
    private final TopicAdmin topics;
    private final RegistryAdmin registry;
    private final GrantService grants;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public CatalogService(Catalog catalog, Composites composites, TopicAdmin topics, RegistryAdmin registry,
            GrantService grants, AuditLog audit, Clock clock) {
        this.catalog = catalog;
        this.composites = composites;
        this.topics = topics;
        this.registry = registry;
        this.grants = grants;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every service, by id. */
    public List<ServiceView> list() {
        return catalog.all().stream().map(this::view).toList();
    }

    /** One service. */
    public Optional<ServiceView> find(String id) {
        return catalog.find(id).map(this::view);
    }

    /** A service's view; a composite's with its definition. */
    private ServiceView view(ServiceDescriptor d) {
        ServiceView v = ServiceView.of(d);
        return d.getKind() == ServiceKind.COMPOSITE ? composites.view(v.id()).map(v::withComposite).orElse(v) : v;
    }

    /**
     * Registers a service: creates its topic, sets its subject's compatibility, writes its catalog entry. A
     * COMPOSITE's definition is checked and stored as version 1, and the orchestrator granted what it needs
     * ({@link Composites}).
     *
     * @return Created; Conflict if it exists (retired ones too: names are not reused); Invalid for a definition that
     *         is missing, refused, or given for another kind, naming each problem
     */
    public synchronized Result<ServiceView> register(ServiceRequest request, Actor actor) {
        Service service = Service.of(request.provider(), request.name());
        Target target = new Target("service", service.toString());
        Optional<ServiceDescriptor> existing = catalog.find(service.toString());
        if (existing.isPresent()) {
            ServiceView before = view(existing.get());
            audit.refused(actor, "service.register", target, before, "exists already");
            return Result.conflict("service " + service + " exists already (" + before.status() + "); names are not reused");
        }
        CompositeDefinition definition = null;
        if (request.kind() == Kind.COMPOSITE) {
            Result<CompositeDefinition> checked = composites.check(service.toString(), request.definition(),
                    request.definitionFormat(), 1, request.partitionsOrDefault(), actor);
            if (!(checked instanceof Result.Ok<CompositeDefinition> ok)) {
                return recast(checked);
            }
            definition = ok.value();
        } else if (request.definition() != null) {
            return Result.invalid("definition", "only a COMPOSITE service has a definition; this one is " + request.kind());
        }
        ServiceDescriptor created = descriptor(service, request, now());
        CompositeDefinition d = definition;
        audit.attempt(actor, "service.register", target, null, () -> {
            topics.ensure(ownTopic(created), created.getPartitions(), TopicAdmin.retention(created.getRetentionMs()));
            if (request.compatibility() != null) {
                registry.setCompatibility(created.getValueSubject(), request.compatibility());
            }
            if (d != null) {
                composites.store(d); // before the entry: an active composite always has its definition
            }
            catalog.put(created);
        });
        ServiceView after = view(created);
        audit.success(actor, "service.register", target, null, after);
        if (d != null) {
            composites.grantOrchestrator(d, actor);
        }
        return Result.created(after, after.id());
    }

    /**
     * Changes a service's description, owner, partitions, retention or compatibility; a COMPOSITE's definition, which
     * becomes its next version when it differs from the latest.
     *
     * @return Ok; NotFound; Conflict if it is retired; Invalid if the partitions would shrink, or for a definition that
     *         is refused or given for another kind
     */
    public synchronized Result<ServiceView> update(String id, ServiceUpdate update, Actor actor) {
        Optional<ServiceDescriptor> found = catalog.find(id);
        Target target = new Target("service", id);
        if (found.isEmpty()) {
            return Result.notFound("no service " + id + " in the catalog");
        }
        ServiceDescriptor old = found.get();
        ServiceView before = view(old);
        if (old.getStatus() != ServiceStatus.ACTIVE) {
            audit.refused(actor, "service.update", target, before, "retired");
            return Result.conflict("service " + id + " is retired: it can no longer change");
        }
        if (update.partitions() < old.getPartitions()) {
            return Result.invalid("partitions", "cannot shrink from " + old.getPartitions() + " to " + update.partitions()
                    + ": Kafka topics only grow");
        }
        Result<Optional<CompositeDefinition>> next = nextDefinition(old, update, actor);
        if (!(next instanceof Result.Ok<Optional<CompositeDefinition>> ok)) {
            return recast(next);
        }
        Optional<CompositeDefinition> definition = ok.value();
        ServiceDescriptor changed = changed(old, update, definition.map(CompositeDefinition::version));
        audit.attempt(actor, "service.update", target, before, () -> {
            topics.adjust(ownTopic(changed), changed.getPartitions(), TopicAdmin.retention(changed.getRetentionMs()));
            if (update.compatibility() != null && !update.compatibility().equals(old.getCompatibility())) {
                registry.setCompatibility(changed.getValueSubject(), update.compatibility());
            }
            definition.ifPresent(composites::store);
            catalog.put(changed);
        });
        ServiceView after = view(changed);
        audit.success(actor, "service.update", target, before, after);
        definition.ifPresent(d -> composites.grantOrchestrator(d, actor));
        return Result.ok(after);
    }

    /**
     * A composite's next version when the update brings a definition that differs from its latest; empty when there
     * is none or it says the same.
     */
    private Result<Optional<CompositeDefinition>> nextDefinition(ServiceDescriptor old, ServiceUpdate update, Actor actor) {
        String id = Catalog.id(old);
        if (update.definition() == null) {
            // More partitions for a composite: its steps' reply topics must keep up.
            List<Result.FieldProblem> problems = old.getKind() != ServiceKind.COMPOSITE ? List.of()
                    : composites.latest(id).map(d -> composites.partitionProblems(d, update.partitions())).orElse(List.of());
            return problems.isEmpty() ? Result.ok(Optional.empty()) : Result.invalid(problems);
        }
        if (old.getKind() != ServiceKind.COMPOSITE) {
            return Result.invalid("definition", "only a COMPOSITE service has a definition; " + id + " is " + old.getKind());
        }
        Optional<CompositeDefinition> latest = composites.latest(id);
        int version = latest.map(CompositeDefinition::version).orElse(0) + 1;
        Result<CompositeDefinition> checked = composites.check(id, update.definition(), update.definitionFormat(), version,
                update.partitions(), actor);
        if (!(checked instanceof Result.Ok<CompositeDefinition> ok)) {
            return recast(checked);
        }
        boolean same = latest.isPresent() && Composites.same(latest.get(), ok.value());
        return Result.ok(same ? Optional.empty() : Optional.of(ok.value()));
    }

    /**
     * Retires a service: its entry stays (RETIRED), its grants are revoked and their ACLs removed, its topics and
     * their data are kept. A COMPOSITE's definitions are removed from their topic, and the orchestrator's grants no
     * other composite needs revoked.
     *
     * @return Ok; NotFound; Conflict if it is retired already, or if an active composite's latest definition calls it
     *         (naming those composites)
     */
    public synchronized Result<ServiceView> retire(String id, Actor actor) {
        Optional<ServiceDescriptor> found = catalog.find(id);
        Target target = new Target("service", id);
        if (found.isEmpty()) {
            return Result.notFound("no service " + id + " in the catalog");
        }
        ServiceView before = view(found.get());
        if (found.get().getStatus() != ServiceStatus.ACTIVE) {
            audit.refused(actor, "service.retire", target, before, "retired already");
            return Result.conflict("service " + id + " is retired already");
        }
        List<CompositeDefinition> callers = composites.callersOf(id);
        if (!callers.isEmpty()) {
            // Retiring it would revoke the orchestrator's grant on it: every call of those composites would then fail.
            String named = callers.stream().map(d -> d.service() + " (version " + d.version() + ")")
                    .collect(Collectors.joining(", "));
            audit.refused(actor, "service.retire", target, before, "called by active composites: " + named);
            return Result.conflict("service " + id + " is called by the active composite service(s) " + named
                    + ": retire those composites, or update them so that no step calls " + id + ", first");
        }
        ServiceDescriptor retired = ServiceDescriptor.newBuilder(found.get())
                .setStatus(ServiceStatus.RETIRED).setUpdatedAt(now()).build();
        boolean composite = found.get().getKind() == ServiceKind.COMPOSITE;
        audit.attempt(actor, "service.retire", target, before, () -> {
            // Retired first: from here on no ACL of the service is wanted, whatever happens to its grants below.
            catalog.put(retired);
            grants.revokeAllOf(id, actor, "service " + id + " retired");
            if (composite) {
                composites.retire(id, actor);
            }
        });
        ServiceView after = view(retired);
        audit.success(actor, "service.retire", target, before, after);
        return Result.ok(after);
    }

    /** The topic a service owns: its events' (EVENT) or its requests' (REQUEST_REPLY). */
    static String ownTopic(ServiceDescriptor d) {
        return d.getTopics().getRequests() != null ? d.getTopics().getRequests() : d.getTopics().getMain();
    }

    private static ServiceDescriptor descriptor(Service service, ServiceRequest request, Instant now) {
        boolean twoWay = request.kind() != Kind.EVENT; // REQUEST_REPLY and COMPOSITE take requests alike
        String ownTopic = twoWay ? service.requestsTopic() : service.topic();
        return ServiceDescriptor.newBuilder()
                .setName(service.name())
                .setProviderAgency(service.provider())
                .setKind(ServiceKind.valueOf(request.kind().name()))
                .setDescription(request.description())
                .setOwner(owner(request.owner()))
                .setTopics(new ServiceTopics(service.topic(), twoWay ? service.requestsTopic() : null))
                .setValueSubject(Service.valueSubject(ownTopic))
                .setReplySubject(null) // replies: one subject per requester's reply topic (<reply topic>-value)
                .setCompatibility(request.compatibility() != null ? request.compatibility() : DEFAULT_COMPATIBILITY)
                .setVersion(1)
                .setPartitions(request.partitionsOrDefault())
                .setRetentionMs(request.retentionOrDefault())
                .setStatus(ServiceStatus.ACTIVE)
                .setCreatedAt(now)
                .setUpdatedAt(now)
                .build();
    }

    private ServiceDescriptor changed(ServiceDescriptor old, ServiceUpdate update, Optional<Integer> compositeVersion) {
        return ServiceDescriptor.newBuilder(old)
                .setVersion(compositeVersion.orElse(old.getVersion()))
                .setDescription(update.description())
                .setOwner(owner(update.owner()))
                .setPartitions(update.partitions())
                .setRetentionMs(update.retentionMs())
                .setCompatibility(update.compatibility() != null ? update.compatibility() : old.getCompatibility())
                .setUpdatedAt(now())
                .build();
    }

    private static Owner owner(OwnerContact contact) {
        return new Owner(contact.name(), contact.email(), contact.phone());
    }

    @SuppressWarnings("unchecked")
    private static <T> Result<T> recast(Result<?> valueless) {
        return (Result<T>) valueless; // NotFound, Conflict and Invalid carry no value
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

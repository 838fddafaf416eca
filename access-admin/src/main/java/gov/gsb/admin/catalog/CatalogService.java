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
import gov.gsb.sdk.Service;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

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
    private final TopicAdmin topics;
    private final RegistryAdmin registry;
    private final GrantService grants;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public CatalogService(Catalog catalog, TopicAdmin topics, RegistryAdmin registry, GrantService grants, AuditLog audit,
            Clock clock) {
        this.catalog = catalog;
        this.topics = topics;
        this.registry = registry;
        this.grants = grants;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every service, by id. */
    public List<ServiceView> list() {
        return catalog.all().stream().map(ServiceView::of).toList();
    }

    /** One service. */
    public Optional<ServiceView> find(String id) {
        return catalog.find(id).map(ServiceView::of);
    }

    /**
     * Registers a service: creates its topic, sets its subject's compatibility, writes its catalog entry.
     *
     * @return Created; Conflict if it exists (retired ones too: names are not reused); Invalid for COMPOSITE
     */
    public synchronized Result<ServiceView> register(ServiceRequest request, Actor actor) {
        if (request.kind() == Kind.COMPOSITE) {
            return Result.invalid("kind", "COMPOSITE is reserved for services the bus assembles; use EVENT or REQUEST_REPLY");
        }
        Service service = Service.of(request.provider(), request.name());
        Target target = new Target("service", service.toString());
        Optional<ServiceDescriptor> existing = catalog.find(service.toString());
        if (existing.isPresent()) {
            ServiceView before = ServiceView.of(existing.get());
            audit.refused(actor, "service.register", target, before, "exists already");
            return Result.conflict("service " + service + " exists already (" + before.status() + "); names are not reused");
        }
        ServiceDescriptor created = descriptor(service, request, now());
        audit.attempt(actor, "service.register", target, null, () -> {
            topics.ensure(ownTopic(created), created.getPartitions(), TopicAdmin.retention(created.getRetentionMs()));
            if (request.compatibility() != null) {
                registry.setCompatibility(created.getValueSubject(), request.compatibility());
            }
            catalog.put(created);
        });
        ServiceView after = ServiceView.of(created);
        audit.success(actor, "service.register", target, null, after);
        return Result.created(after, after.id());
    }

    /**
     * Changes a service's description, owner, partitions, retention or compatibility.
     *
     * @return Ok; NotFound; Conflict if it is retired; Invalid if the partitions would shrink
     */
    public synchronized Result<ServiceView> update(String id, ServiceUpdate update, Actor actor) {
        Optional<ServiceDescriptor> found = catalog.find(id);
        Target target = new Target("service", id);
        if (found.isEmpty()) {
            return Result.notFound("no service " + id + " in the catalog");
        }
        ServiceDescriptor old = found.get();
        ServiceView before = ServiceView.of(old);
        if (old.getStatus() != ServiceStatus.ACTIVE) {
            audit.refused(actor, "service.update", target, before, "retired");
            return Result.conflict("service " + id + " is retired: it can no longer change");
        }
        if (update.partitions() < old.getPartitions()) {
            return Result.invalid("partitions", "cannot shrink from " + old.getPartitions() + " to " + update.partitions()
                    + ": Kafka topics only grow");
        }
        ServiceDescriptor changed = changed(old, update);
        audit.attempt(actor, "service.update", target, before, () -> {
            topics.adjust(ownTopic(changed), changed.getPartitions(), TopicAdmin.retention(changed.getRetentionMs()));
            if (update.compatibility() != null && !update.compatibility().equals(old.getCompatibility())) {
                registry.setCompatibility(changed.getValueSubject(), update.compatibility());
            }
            catalog.put(changed);
        });
        ServiceView after = ServiceView.of(changed);
        audit.success(actor, "service.update", target, before, after);
        return Result.ok(after);
    }

    /**
     * Retires a service: its entry stays (RETIRED), its grants are revoked and their ACLs removed, its topics and
     * their data are kept.
     *
     * @return Ok; NotFound; Conflict if it is retired already
     */
    public synchronized Result<ServiceView> retire(String id, Actor actor) {
        Optional<ServiceDescriptor> found = catalog.find(id);
        Target target = new Target("service", id);
        if (found.isEmpty()) {
            return Result.notFound("no service " + id + " in the catalog");
        }
        ServiceView before = ServiceView.of(found.get());
        if (found.get().getStatus() != ServiceStatus.ACTIVE) {
            audit.refused(actor, "service.retire", target, before, "retired already");
            return Result.conflict("service " + id + " is retired already");
        }
        ServiceDescriptor retired = ServiceDescriptor.newBuilder(found.get())
                .setStatus(ServiceStatus.RETIRED).setUpdatedAt(now()).build();
        audit.attempt(actor, "service.retire", target, before, () -> {
            // Retired first: from here on no ACL of the service is wanted, whatever happens to its grants below.
            catalog.put(retired);
            grants.revokeAllOf(id, actor, "service " + id + " retired");
        });
        ServiceView after = ServiceView.of(retired);
        audit.success(actor, "service.retire", target, before, after);
        return Result.ok(after);
    }

    /** The topic a service owns: its events' (EVENT) or its requests' (REQUEST_REPLY). */
    static String ownTopic(ServiceDescriptor d) {
        return d.getTopics().getRequests() != null ? d.getTopics().getRequests() : d.getTopics().getMain();
    }

    private static ServiceDescriptor descriptor(Service service, ServiceRequest request, Instant now) {
        boolean twoWay = request.kind() == Kind.REQUEST_REPLY;
        String ownTopic = twoWay ? service.requestsTopic() : service.topic();
        return ServiceDescriptor.newBuilder()
                .setName(service.name())
                .setProviderAgency(service.provider())
                .setKind(twoWay ? ServiceKind.REQUEST_REPLY : ServiceKind.EVENT)
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

    private ServiceDescriptor changed(ServiceDescriptor old, ServiceUpdate update) {
        return ServiceDescriptor.newBuilder(old)
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

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

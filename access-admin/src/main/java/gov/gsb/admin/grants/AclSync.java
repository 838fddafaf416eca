package gov.gsb.admin.grants;

import gov.gsb.admin.GsbConfig;
import gov.gsb.admin.catalog.Catalog;
import gov.gsb.admin.kafka.KafkaClients;
import gov.gsb.admin.kafka.TopicAdmin;
import gov.gsb.bus.Grant;
import gov.gsb.bus.GrantStatus;
import gov.gsb.composites.OrchestratorAcls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SecurityDisabledException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import org.jboss.logging.Logger;

/**
 * Keeps the brokers' ACLs equal to what the grants need. Every change recomputes the wanted set from all active
 * grants (of active services) plus the base ACLs (the SDK clients' call records, the orchestrator's own
 * application), and applies the difference: creates what is missing and deletes
 * what a grant once needed and none needs any more. So an ACL two grants share stays when one of them is revoked,
 * and ACLs that no grant ever made (an expert's own, with {@code kafka-acls.sh}) are never touched.
 */
@ApplicationScoped
public class AclSync {

    private static final Logger LOG = Logger.getLogger(AclSync.class);

    private final KafkaClients kafka;
    private final Grants grants;
    private final Catalog catalog;
    private final Set<AclBinding> base;
    private volatile boolean warnedDisabled;

    @Inject
    public AclSync(KafkaClients kafka, Grants grants, Catalog catalog, GsbConfig config) {
        this.kafka = kafka;
        this.grants = grants;
        this.catalog = catalog;
        Set<AclBinding> b = new HashSet<>(AclMapping.base(config.topics().calls()));
        b.addAll(OrchestratorAcls.of("Group:" + config.orchestrator().group(), config.orchestrator().applicationId(),
                config.topics().composites()));
        this.base = Set.copyOf(b);
    }

    /**
     * What a reconciliation did.
     *
     * @param created ACLs created
     * @param deleted ACLs deleted
     * @param enforced false when the brokers run no authorizer (nothing to apply)
     */
    public record Changes(int created, int deleted, boolean enforced) {
    }

    /** Applies the difference between the wanted ACLs and the brokers' ACLs. */
    public synchronized Changes reconcile() {
        Collection<Grant> all = grants.all();
        Set<AclBinding> wanted = new HashSet<>(base);
        Set<AclBinding> managed = new HashSet<>(wanted);
        for (Grant g : all) {
            Set<AclBinding> acls = AclMapping.of(g);
            managed.addAll(acls);
            if (g.getStatus() == GrantStatus.ACTIVE && catalog.isActive(g.getService())) {
                wanted.addAll(acls);
            }
        }
        Set<AclBinding> existing;
        try {
            existing = new HashSet<>(await(kafka.admin().describeAcls(AclBindingFilter.ANY).values()));
        } catch (SecurityDisabledException e) {
            warnDisabled();
            return new Changes(0, 0, false);
        }
        List<AclBinding> create = wanted.stream().filter(b -> !existing.contains(b)).toList();
        List<AclBindingFilter> delete = existing.stream().filter(b -> managed.contains(b) && !wanted.contains(b))
                .map(AclBinding::toFilter).toList();
        if (!create.isEmpty()) {
            await(kafka.admin().createAcls(create).all());
        }
        if (!delete.isEmpty()) {
            await(kafka.admin().deleteAcls(delete).all());
        }
        LOG.debugf("ACLs: %d created, %d deleted", create.size(), delete.size());
        return new Changes(create.size(), delete.size(), true);
    }

    /**
     * The brokers' ACLs, as they hold them.
     *
     * @param principal only this principal's, e.g. {@code Group:agencies/tax}; null for all
     * @param resourceType only this type's (TOPIC, GROUP, ...); null for all
     * @param resource only those that apply to this resource name (literal, prefixed or wildcard); null for all
     */
    public List<AclBinding> list(String principal, ResourceType resourceType, String resource) {
        ResourcePatternFilter pattern = new ResourcePatternFilter(resourceType == null ? ResourceType.ANY : resourceType,
                resource, resource == null ? PatternType.ANY : PatternType.MATCH);
        AclBindingFilter filter = new AclBindingFilter(pattern,
                new AccessControlEntryFilter(principal, null, AclOperation.ANY, AclPermissionType.ANY));
        try {
            return List.copyOf(await(kafka.admin().describeAcls(filter).values()));
        } catch (SecurityDisabledException e) {
            warnDisabled();
            return List.of();
        }
    }

    private void warnDisabled() {
        if (!warnedDisabled) {
            warnedDisabled = true;
            LOG.warn("the brokers run no authorizer (a development broker?): every client may do everything, and grants "
                    + "are kept but have no ACLs to apply. Run the brokers with gov.gsb.broker.GsbAuthorizer");
        }
    }

    private <T> T await(org.apache.kafka.common.KafkaFuture<T> future) {
        return TopicAdmin.await(future, kafka.timeout().toMillis());
    }
}

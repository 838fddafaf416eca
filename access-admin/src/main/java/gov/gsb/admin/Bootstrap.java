package gov.gsb.admin;

import gov.gsb.admin.catalog.Catalog;
import gov.gsb.admin.catalog.CompositeStore;
import gov.gsb.admin.grants.AclSync;
import gov.gsb.admin.grants.Grants;
import gov.gsb.admin.kafka.BusContracts;
import gov.gsb.admin.kafka.KafkaClients;
import gov.gsb.admin.kafka.TopicAdmin;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.config.TopicConfig;
import org.jboss.logging.Logger;

/**
 * What access-admin does before it takes requests: makes sure the bus's own topics exist and the CallRecord's schema
 * is registered ({@link BusContracts}), reads the catalog, the composites' definitions and the grants from theirs,
 * and brings the brokers' ACLs in line with the grants (base ACLs included). Then it repairs them every
 * {@code gsb.acls.reconcile-interval}, in case someone removed an ACL by hand.
 */
@ApplicationScoped
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class);

    private final GsbConfig config;
    private final TopicAdmin topics;
    private final Catalog catalog;
    private final CompositeStore composites;
    private final Grants grants;
    private final AclSync acls;
    private final BusContracts contracts;
    private ScheduledExecutorService repairs;
    private volatile boolean started;

    @Inject
    public Bootstrap(GsbConfig config, TopicAdmin topics, Catalog catalog, CompositeStore composites, Grants grants,
            AclSync acls, KafkaClients kafka) {
        this.config = config;
        this.topics = topics;
        this.catalog = catalog;
        this.composites = composites;
        this.grants = grants;
        this.acls = acls;
        this.contracts = new BusContracts(kafka.registry(), config.topics().calls());
    }

    void start(@Observes StartupEvent event) {
        GsbConfig.Topics t = config.topics();
        // One partition each: the tables and the trail keep one order, and are small.
        topics.ensure(t.catalog(), 1, TopicAdmin.compacted());
        topics.ensure(t.grants(), 1, TopicAdmin.compacted());
        topics.ensure(t.composites(), 1, TopicAdmin.compacted());
        topics.ensure(t.audit(), 1, Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(t.auditRetentionMs())));
        topics.createIfMissing(t.calls(), t.callsPartitions(), Map.of());
        contracts.ensureRegistered();
        catalog.load();
        composites.load();
        grants.load();
        AclSync.Changes changes = acls.reconcile();
        LOG.infof("ready: %d services, %d grants; ACLs %s", catalog.all().size(), grants.all().size(),
                changes.enforced() ? changes.created() + " created, " + changes.deleted() + " deleted" : "not enforced");
        started = true;
        long every = config.acls().reconcileInterval().toMillis();
        if (every > 0) {
            repairs = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "gsb-acl-repair");
                thread.setDaemon(true);
                return thread;
            });
            repairs.scheduleWithFixedDelay(this::repair, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Whether the catalog and the grants are loaded and the ACLs applied. */
    public boolean started() {
        return started;
    }

    private void repair() {
        try {
            contracts.ensureRegistered();
            AclSync.Changes changes = acls.reconcile();
            if (changes.created() + changes.deleted() > 0) {
                LOG.warnf("repaired the brokers' ACLs: %d created, %d deleted (changed behind access-admin's back?)",
                        changes.created(), changes.deleted());
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "could not reconcile the ACLs; trying again in %s", config.acls().reconcileInterval());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (repairs != null) {
            repairs.shutdownNow();
        }
    }
}

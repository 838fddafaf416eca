package gov.gsb.admin.kafka;

import gov.gsb.bus.CallRecord;
import gov.gsb.sdk.BusUnavailableException;
import gov.gsb.sdk.SchemaRegistry;
import gov.gsb.sdk.Service;
import org.jboss.logging.Logger;

/**
 * The bus's own contracts that its clients write but may not register. In production every SDK client runs with
 * {@code gsb.schemas.auto.register} off, so the CallRecord's schema must be in the registry, under the calls topic's
 * subject, before the first call is recorded: access-admin registers it at start, and again until that succeeds.
 */
public final class BusContracts {

    private static final Logger LOG = Logger.getLogger(BusContracts.class);

    private final SchemaRegistry registry;
    private final String callsTopic;
    private volatile boolean registered;

    /**
     * @param registry the bus's schema registry
     * @param callsTopic the CallRecords' topic ({@code gsb.calls})
     */
    public BusContracts(SchemaRegistry registry, String callsTopic) {
        this.registry = registry;
        this.callsTopic = callsTopic;
    }

    /**
     * Registers the contracts not registered yet. A registry that is away is logged and tried again at the next call;
     * one that refuses the schema (an incompatible CallRecord registered by someone else) is an error to fix.
     *
     * @return whether every contract is registered
     */
    public boolean ensureRegistered() {
        if (!registered) {
            try {
                registry.register(Service.valueSubject(callsTopic), CallRecord.getClassSchema());
                registered = true;
            } catch (BusUnavailableException e) {
                LOG.warnf("could not register the CallRecord schema for %s yet (%s): SDK clients without "
                        + "auto-registration cannot record calls until it is; trying again", callsTopic, e.getMessage());
            }
        }
        return registered;
    }
}

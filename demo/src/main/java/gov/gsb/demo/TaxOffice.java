package gov.gsb.demo;

import gov.gsb.consumer.EventHandler;
import gov.gsb.consumer.Message;
import gov.gsb.sample.civilregistry.Address;
import gov.gsb.sample.civilregistry.AddressChanged;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tax administration: subscribes to {@code civil-registry.address-changed} and keeps its own
 * register of where citizens live (in memory). Now and then a write fails once (the SDK retries
 * it) or keeps failing, and the event goes to tax's dead-letter topic ({@link Mix}).
 */
final class TaxOffice implements EventHandler<AddressChanged> {

    private static final Logger LOG = LoggerFactory.getLogger(TaxOffice.class);
    private static final String AGENCY = DemoServices.TAX;

    private final Fate fate;
    private final int tries;
    private final Stats stats;
    private final Map<String, Address> register = new ConcurrentHashMap<>();

    /**
     * @param fate decides what goes wrong with an event
     * @param tries how often the subscriber tries a message before it dead-letters it
     * @param stats counts what happened
     */
    TaxOffice(Fate fate, int tries, Stats stats) {
        this.fate = fate;
        this.tries = tries;
        this.stats = stats;
    }

    @Override
    public void handle(AddressChanged event, Message message) {
        double draw = fate.of("tax/" + moveKey(event.getCitizenId(), event.getNewAddress()));
        boolean fails = draw < Mix.TAX_HARD_FAILURE
                || draw < Mix.TAX_HARD_FAILURE + Mix.TAX_TRANSIENT && message.attempt() == 1;
        if (fails) {
            stats.count(AGENCY, "address-changed.failed-try");
            if (message.attempt() >= tries) {
                stats.count(AGENCY, "address-changed.dead-lettered");
                LOG.warn("giving up on the move of case {} after {} tries: it goes to tax's dead-letter topic",
                        message.correlationId(), message.attempt());
            }
            throw new IllegalStateException("the tax register refused the write (municipality code "
                    + event.getNewAddress().getMunicipalityCode() + " is being migrated)");
        }
        register.put(event.getCitizenId(), event.getNewAddress());
        stats.count(AGENCY, "address-changed.registered");
    }

    /**
     * What identifies a move across agencies, from the event's content (not from ids the SDK makes
     * up), so that fates repeat with the seed.
     */
    static String moveKey(String citizenId, Address to) {
        return citizenId + "|" + to.getPostalCode() + "|" + to.getStreet() + "|" + to.getHouseNumber();
    }

    /** @return citizen id to the address tax holds for them (a live, read-only view) */
    Map<String, Address> register() {
        return Collections.unmodifiableMap(register);
    }
}

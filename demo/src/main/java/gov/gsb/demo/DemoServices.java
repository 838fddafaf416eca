package gov.gsb.demo;

import gov.gsb.sample.civilregistry.AddressChangeRequest;
import gov.gsb.sample.tax.TaxAddressRequest;
import gov.gsb.sample.utilities.PaymentRequest;
import gov.gsb.sample.utilities.SupplyTransferRequest;
import gov.gsb.sdk.Service;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The demo's agencies and services, and who uses which: what the catalog will hold for a real
 * bus. {@link DemoTopics} derives the topics from it.
 */
final class DemoServices {

    static final String CIVIL_REGISTRY = "civil-registry";
    static final String TAX = "tax";
    static final String UTILITIES = "utilities";
    static final String SINGLE_WINDOW = "single-window";
    /** The identity that runs composite services (access-admin grants it what each composite needs). */
    static final String ORCHESTRATOR = "orchestrator";

    /** Every agency of the demo, each with its own SDK clients (and, on a secured bus, its own login). */
    static final List<String> AGENCIES = List.of(CIVIL_REGISTRY, TAX, UTILITIES, SINGLE_WINDOW);

    /** Two-way: register a citizen's move. */
    static final Service ADDRESS_CHANGE = Service.of(CIVIL_REGISTRY, "address-change");
    /** Event: a citizen's address changed. */
    static final Service ADDRESS_CHANGED = Service.of(CIVIL_REGISTRY, "address-changed");
    /** Event: a bill was issued (here: the final bill for the address a citizen left). */
    static final Service BILL_ISSUED = Service.of(UTILITIES, "bill-issued");
    /** Two-way: pay a bill. */
    static final Service PAYMENT = Service.of(UTILITIES, "payment");
    /** Two-way: the tax address of a citizen who moves (a step of "moves house"; method revert undoes it). */
    static final Service TAX_ADDRESS = Service.of(TAX, "tax-address");
    /** Two-way: move a supply contract to the new address (a step of "moves house"; method cancel undoes it). */
    static final Service SUPPLY_TRANSFER = Service.of(UTILITIES, "supply-transfer");
    /** Composite: "citizen moves house", civil registry, tax and utilities in one call, run by the orchestrator. */
    static final Service MOVE_HOUSE = Service.of(ORCHESTRATOR, "move-house");
    /** Event: a citizen voted in a public poll. */
    static final Service POLL_VOTE_CAST = Service.of(SINGLE_WINDOW, "poll-vote-cast");
    /** Event: a citizen sent a message to an agency. */
    static final Service CITIZEN_MESSAGE = Service.of(SINGLE_WINDOW, "citizen-message");

    /** A two-way service, its request contract, and the agencies that call it. */
    record TwoWay(Service service, Schema request, List<String> requesters) {
    }

    /** An event service and the agencies that subscribe to it. */
    record Events(Service service, List<String> subscribers) {
    }

    static final List<TwoWay> TWO_WAY = List.of(
            new TwoWay(ADDRESS_CHANGE, AddressChangeRequest.getClassSchema(), List.of(SINGLE_WINDOW)),
            new TwoWay(PAYMENT, PaymentRequest.getClassSchema(), List.of(SINGLE_WINDOW)),
            // Called by the orchestrator only, whose grants come with the composite's registration.
            new TwoWay(TAX_ADDRESS, TaxAddressRequest.getClassSchema(), List.of()),
            new TwoWay(SUPPLY_TRANSFER, SupplyTransferRequest.getClassSchema(), List.of()));

    static final List<Events> EVENTS = List.of(
            new Events(ADDRESS_CHANGED, List.of(TAX, UTILITIES)),
            new Events(BILL_ISSUED, List.of()),
            new Events(POLL_VOTE_CAST, List.of()),
            new Events(CITIZEN_MESSAGE, List.of()));

    private DemoServices() {
    }
}

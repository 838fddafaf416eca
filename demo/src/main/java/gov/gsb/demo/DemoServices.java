package gov.gsb.demo;

import gov.gsb.sdk.Service;
import java.util.List;

/**
 * The demo's agencies and services, and who uses which: what the catalog will hold for a real
 * bus. {@link DemoTopics} derives the topics from it.
 */
final class DemoServices {

    static final String CIVIL_REGISTRY = "civil-registry";
    static final String TAX = "tax";
    static final String UTILITIES = "utilities";
    static final String SINGLE_WINDOW = "single-window";

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
    /** Event: a citizen voted in a public poll. */
    static final Service POLL_VOTE_CAST = Service.of(SINGLE_WINDOW, "poll-vote-cast");
    /** Event: a citizen sent a message to an agency. */
    static final Service CITIZEN_MESSAGE = Service.of(SINGLE_WINDOW, "citizen-message");

    /** A two-way service and the agencies that call it. */
    record TwoWay(Service service, List<String> requesters) {
    }

    /** An event service and the agencies that subscribe to it. */
    record Events(Service service, List<String> subscribers) {
    }

    static final List<TwoWay> TWO_WAY = List.of(
            new TwoWay(ADDRESS_CHANGE, List.of(SINGLE_WINDOW)),
            new TwoWay(PAYMENT, List.of(SINGLE_WINDOW)));

    static final List<Events> EVENTS = List.of(
            new Events(ADDRESS_CHANGED, List.of(TAX, UTILITIES)),
            new Events(BILL_ISSUED, List.of()),
            new Events(POLL_VOTE_CAST, List.of()),
            new Events(CITIZEN_MESSAGE, List.of()));

    private DemoServices() {
    }
}

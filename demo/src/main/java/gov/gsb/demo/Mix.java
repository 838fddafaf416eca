package gov.gsb.demo;

/**
 * The designed shares of the demo's traffic and of what goes wrong in its agencies (the table in
 * the README). The single window draws its calls from a seeded random stream; the agencies draw
 * their failures per message with {@link Fate}, in disjoint bands of [0, 1).
 */
final class Mix {

    // What citizens do at the single window (shares of all calls; they sum to 1).
    static final double ADDRESS_CHANGE = 0.30;
    static final double PAYMENT = 0.25;
    static final double POLL_VOTE = 0.30;
    static final double CITIZEN_MESSAGE = 0.15;
    /** Share of address changes with a postal code that does not exist: refused with INVALID_POSTAL_CODE. */
    static final double POSTAL_CODE_TYPO = 0.05;

    // Civil registry, per address-change request.
    /** Fails on every try: the requester gets HANDLER_FAILED. */
    static final double REGISTRY_HARD_FAILURE = 0.02;
    /** Answers after the requester's timeout: the requester gets TIMEOUT. */
    static final double REGISTRY_SLOW = 0.01;
    /** Fails on the first try only: the SDK's retry serves it. */
    static final double REGISTRY_TRANSIENT = 0.06;

    // Tax, per address-changed event.
    /** Fails on every try: the event goes to tax's dead-letter topic. */
    static final double TAX_HARD_FAILURE = 0.02;
    /** Fails on the first try only. */
    static final double TAX_TRANSIENT = 0.05;

    // Utilities.
    /** Share of final bills whose pro-rata amount is not rounded to cents: the contract refuses it at publish. */
    static final double BILL_UNROUNDED = 0.04;
    /** Share of payments the payment provider declines (a reply, not a failure). */
    static final double PAYMENT_DECLINED = 0.10;
    /** Share of payments whose first try fails (the provider did not answer). */
    static final double PAYMENT_TRANSIENT = 0.03;

    // "Citizen moves house" (the composite orchestrator.move-house), called by the single window on a stream of its own.
    /** Calls per second of the composite, as a share of the single window's rate. */
    static final double MOVE_HOUSE_RATE = 0.2;
    /** Share of moves by a citizen with a utility account: the supply-transfer step runs (else it is skipped). */
    static final double MOVE_WITH_UTILITY_ACCOUNT = 0.7;
    /** Share of moves with a postal code that does not exist: the first step fails, nothing to undo. */
    static final double MOVE_POSTAL_CODE_TYPO = 0.03;
    /** The tax address desk refuses for good: the registration (and a transfer done) is undone. */
    static final double TAX_ADDRESS_REFUSED = 0.06;
    /** The supply transfer is refused for good: the registration (and the tax address, if done) is undone. */
    static final double SUPPLY_TRANSFER_REFUSED = 0.05;

    private Mix() {
    }
}

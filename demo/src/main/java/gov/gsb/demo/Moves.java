package gov.gsb.demo;

import gov.gsb.demo.Citizens.Citizen;
import gov.gsb.demo.Traffic.Kind;
import gov.gsb.demo.Traffic.Planned;
import gov.gsb.sample.civilregistry.Address;
import gov.gsb.sample.composite.MoveHouseRequest;
import gov.gsb.sdk.CallContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Random;

/**
 * The citizens who move house through the single window's one-stop form: calls of the composite
 * {@code orchestrator.move-house}, drawn from a seeded stream of their own (so that {@link Traffic}'s stream, and what
 * a seed shows there, stays as it was). Most succeed; a typo in the postal code fails the first step, and the tax and
 * utilities agencies refuse some, so that the orchestrator undoes the steps done ({@link Mix}). Not thread-safe.
 */
final class Moves {

    private final Random random;
    private final Citizens citizens;
    private final Clock clock;

    /**
     * @param seed the seed of every choice
     * @param citizens the population
     * @param clock gives the dates
     */
    Moves(long seed, Citizens citizens, Clock clock) {
        this.random = new Random(seed);
        this.citizens = citizens;
        this.clock = clock;
    }

    /** @return the next move */
    Planned next() {
        Citizen citizen = citizens.pick(random);
        CallContext context = CallContext.builder()
                .correlationId(Traffic.uuid(random))
                .endUser(citizen.pseudonym())
                .clientIp(citizen.clientIp())
                .device(citizen.device())
                .method(Kind.MOVE_HOUSE.method)
                .build();
        Address to = Citizens.address(random);
        if (random.nextDouble() < Mix.MOVE_POSTAL_CODE_TYPO) {
            to = Address.newBuilder(to).setPostalCode(Citizens.unknownPostalCode(random)).build();
        }
        MoveHouseRequest request = MoveHouseRequest.newBuilder()
                .setRequestId(Traffic.uuid(random))
                .setCitizenId(citizen.id())
                .setNewAddress(to)
                .setMovingOn(LocalDate.now(clock).plusDays(1 + random.nextInt(28)))
                .setUtilityAccountId(random.nextDouble() < Mix.MOVE_WITH_UTILITY_ACCOUNT ? citizen.customerId() : null)
                .build();
        return new Planned(Kind.MOVE_HOUSE, citizen, context, citizen.id(), request);
    }
}

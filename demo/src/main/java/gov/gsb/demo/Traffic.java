package gov.gsb.demo;

import gov.gsb.demo.Citizens.Citizen;
import gov.gsb.sample.civilregistry.Address;
import gov.gsb.sample.civilregistry.AddressChangeRequest;
import gov.gsb.sample.messaging.CitizenMessage;
import gov.gsb.sample.messaging.Party;
import gov.gsb.sample.messaging.PartyKind;
import gov.gsb.sample.poll.PollVoteCast;
import gov.gsb.sample.poll.VoteChannel;
import gov.gsb.sample.utilities.PaymentMethod;
import gov.gsb.sample.utilities.PaymentRequest;
import gov.gsb.sdk.CallContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * What the single window's citizens do, as a sequence of planned calls drawn from one seeded
 * random stream: the same seed gives the same calls in the same order (only dates and times
 * follow the clock). The shares are {@link Mix}'s. Not thread-safe: one thread draws.
 */
final class Traffic {

    /** The kinds of call a citizen makes, with the operation named in the call's context. */
    enum Kind {
        ADDRESS_CHANGE("change-address"), PAYMENT("pay-bill"), POLL_VOTE("cast-vote"), CITIZEN_MESSAGE("send-message"),
        /** The composite "moves house": drawn by {@link Moves}, on a stream of its own. */
        MOVE_HOUSE("move-house");

        final String method;

        Kind(String method) {
            this.method = method;
        }
    }

    /** One planned call: who makes it, with what context, the message and its key. */
    record Planned(Kind kind, Citizen citizen, CallContext context, String key, SpecificRecord payload) {
    }

    /** A public poll: its question and options. */
    private record Poll(String id, String question, List<String> options) {
    }

    private static final List<Poll> POLLS = List.of(
            new Poll("park-redesign-2025", "q1", List.of("more-trees", "playground", "open-lawn")),
            new Poll("library-hours", "q1", List.of("longer-evenings", "sunday-opening", "keep-as-is")),
            new Poll("cycle-lanes-centre", "q2", List.of("yes", "no")));

    private static final List<String> MOVE_REASONS = List.of("Moved in with partner", "New job in another town",
            "Bought a house", "Student housing", "Closer to family");

    private final Random random;
    private final Citizens citizens;
    private final Clock clock;

    /**
     * @param seed the seed of every choice
     * @param citizens the population (made from the same seed)
     * @param clock gives dates and times
     */
    Traffic(long seed, Citizens citizens, Clock clock) {
        this.random = new Random(seed);
        this.citizens = citizens;
        this.clock = clock;
    }

    /** @return the next call a citizen makes */
    Planned next() {
        Citizen citizen = citizens.pick(random);
        Kind kind = kind(random.nextDouble());
        CallContext context = CallContext.builder()
                .correlationId(uuid()) // one business case per call; every agency's calls for it carry this id
                .endUser(citizen.pseudonym())
                .clientIp(citizen.clientIp())
                .device(citizen.device())
                .method(kind.method)
                .build();
        return switch (kind) {
            case ADDRESS_CHANGE -> new Planned(kind, citizen, context, citizen.id(), addressChange(citizen));
            case PAYMENT -> new Planned(kind, citizen, context, citizen.id(), payment(citizen));
            case POLL_VOTE -> new Planned(kind, citizen, context, citizen.pseudonym(), vote(citizen));
            case CITIZEN_MESSAGE -> {
                CitizenMessage message = message(citizen);
                yield new Planned(kind, citizen, context, message.getThreadId(), message);
            }
            case MOVE_HOUSE -> throw new IllegalStateException("moves are drawn by Moves, on a stream of their own");
        };
    }

    static Kind kind(double draw) {
        if (draw < Mix.ADDRESS_CHANGE) {
            return Kind.ADDRESS_CHANGE;
        }
        if (draw < Mix.ADDRESS_CHANGE + Mix.PAYMENT) {
            return Kind.PAYMENT;
        }
        return draw < Mix.ADDRESS_CHANGE + Mix.PAYMENT + Mix.POLL_VOTE ? Kind.POLL_VOTE : Kind.CITIZEN_MESSAGE;
    }

    private AddressChangeRequest addressChange(Citizen citizen) {
        Address to = Citizens.address(random);
        if (random.nextDouble() < Mix.POSTAL_CODE_TYPO) {
            to = Address.newBuilder(to).setPostalCode(Citizens.unknownPostalCode(random)).build();
        }
        return AddressChangeRequest.newBuilder()
                .setRequestId(uuid())
                .setCitizenId(citizen.id())
                .setNewAddress(to)
                .setEffectiveFrom(LocalDate.now(clock).plusDays(1 + random.nextInt(28)))
                .setReason(MOVE_REASONS.get(random.nextInt(MOVE_REASONS.size())))
                .build();
    }

    private PaymentRequest payment(Citizen citizen) {
        LocalDate today = LocalDate.now(clock);
        PaymentMethod[] methods = {PaymentMethod.CARD, PaymentMethod.BANK_TRANSFER, PaymentMethod.DIRECT_DEBIT,
                PaymentMethod.WALLET};
        return PaymentRequest.newBuilder()
                .setPaymentId(uuid())
                .setBillId(String.format(Locale.ROOT, "B-%d-%02d-%06d", today.getYear(), today.getMonthValue(),
                        random.nextInt(1_000_000)))
                .setAmount(BigDecimal.valueOf(2_000 + random.nextInt(23_000), 2)) // 20.00 to 249.99
                .setCurrency("EUR")
                .setPayerCitizenId(citizen.id())
                .setMethod(methods[random.nextInt(methods.length)])
                .build();
    }

    private PollVoteCast vote(Citizen citizen) {
        Poll poll = POLLS.get(random.nextInt(POLLS.size()));
        return PollVoteCast.newBuilder()
                .setPollId(poll.id())
                .setQuestionId(poll.question())
                .setOptionId(poll.options().get(random.nextInt(poll.options().size())))
                .setVoterPseudonym(citizen.pseudonym())
                .setCastAt(now())
                .setChannel(channel(citizen.device()))
                .build();
    }

    static VoteChannel channel(String device) {
        if (device.startsWith("kiosk")) {
            return VoteChannel.KIOSK;
        }
        return device.startsWith("GSB single window") ? VoteChannel.MOBILE_APP : VoteChannel.WEB;
    }

    private CitizenMessage message(Citizen citizen) {
        Party[] agencies = {new Party(PartyKind.AGENCY, DemoServices.TAX, "Tax Administration"),
                new Party(PartyKind.AGENCY, DemoServices.UTILITIES, "Utilities Company"),
                new Party(PartyKind.AGENCY, DemoServices.CIVIL_REGISTRY, "Civil Registry")};
        String[][] topics = {{"Question about my assessment", "Could you explain the second line of my 2024 assessment?"},
                {"Meter reading", "My meter reading for this quarter is 04711. The app would not take it."},
                {"Copy of a birth certificate", "I need a certified copy of my birth certificate for a visa application."}};
        int i = random.nextInt(agencies.length);
        String id = uuid();
        return CitizenMessage.newBuilder()
                .setMessageId(id)
                .setThreadId(id)
                .setFrom(new Party(PartyKind.CITIZEN, citizen.id(), null))
                .setTo(agencies[i])
                .setSubject(topics[i][0])
                .setBody("Dear " + agencies[i].getDisplayName() + ",\n" + topics[i][1] + "\nKind regards")
                .setSentAt(now())
                .setAttachments(List.of())
                .build();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS); // Avro keeps milliseconds
    }

    private String uuid() {
        return uuid(random);
    }

    /** A version-4 UUID from a seeded stream, so that ids repeat with the seed. */
    static String uuid(Random random) {
        long msb = (random.nextLong() & ~0xf000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}

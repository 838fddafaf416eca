package gov.gsb.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gov.gsb.demo.Traffic.Kind;
import gov.gsb.demo.Traffic.Planned;
import gov.gsb.sample.civilregistry.AddressChangeRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The single window's traffic: the designed mix, reproducible from the seed, realistic contexts. */
class TrafficTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T09:30:00Z"), ZoneOffset.UTC);
    private static final int N = 20_000;

    static List<Planned> plan(long seed, int n) {
        Fate fate = new Fate(seed);
        Traffic traffic = Demo.traffic(fate, Demo.citizens(fate), CLOCK);
        List<Planned> planned = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            planned.add(traffic.next());
        }
        return planned;
    }

    private static boolean typo(Planned p) {
        return p.kind() == Kind.ADDRESS_CHANGE
                && !Citizens.POSTAL_CODES.contains(((AddressChangeRequest) p.payload()).getNewAddress().getPostalCode());
    }

    @Test
    void shouldFollowTheDesignedMixOverManyCalls() {
        List<Planned> planned = plan(42, N);

        Map<Kind, Long> counts = planned.stream().collect(Collectors.groupingBy(Planned::kind, () -> new EnumMap<>(Kind.class),
                Collectors.counting()));
        assertThat(counts.get(Kind.ADDRESS_CHANGE) / (double) N).isCloseTo(Mix.ADDRESS_CHANGE, within(0.01));
        assertThat(counts.get(Kind.PAYMENT) / (double) N).isCloseTo(Mix.PAYMENT, within(0.01));
        assertThat(counts.get(Kind.POLL_VOTE) / (double) N).isCloseTo(Mix.POLL_VOTE, within(0.01));
        assertThat(counts.get(Kind.CITIZEN_MESSAGE) / (double) N).isCloseTo(Mix.CITIZEN_MESSAGE, within(0.01));
        long typos = planned.stream().filter(TrafficTest::typo).count();
        assertThat(typos / (double) counts.get(Kind.ADDRESS_CHANGE)).isCloseTo(Mix.POSTAL_CODE_TYPO, within(0.01));
    }

    @Test
    void shouldMakeTheSameCallsFromTheSameSeed() {
        assertThat(plan(42, 200)).isEqualTo(plan(42, 200));
        assertThat(plan(43, 200)).isNotEqualTo(plan(42, 200));
    }

    @Test
    void shouldActForCitizensOfThePoolFromDocumentationAddressesOneCaseEach() {
        List<Planned> planned = plan(42, 2_000);
        Set<String> pseudonyms = Demo.citizens(new Fate(42)).all().stream().map(Citizens.Citizen::pseudonym)
                .collect(Collectors.toSet());

        assertThat(planned).allSatisfy(p -> {
            assertThat(p.context().endUser()).isIn(pseudonyms).isEqualTo(p.citizen().pseudonym());
            assertThat(p.context().clientIp()).matches("(192\\.0\\.2|198\\.51\\.100|203\\.0\\.113)\\.([1-9]|[1-9]\\d|1\\d\\d|2[0-4]\\d|25[0-4])");
            assertThat(p.context().device()).isIn(Citizens.DEVICES);
            assertThat(p.context().method()).isEqualTo(p.kind().method);
        });
        Set<String> cases = new HashSet<>();
        planned.forEach(p -> cases.add(p.context().correlationId()));
        assertThat(cases).hasSize(planned.size());
        assertThat(planned.stream().map(p -> p.citizen().id()).distinct().count()).isGreaterThan(400);
    }

    @Test
    void shouldGiveCitizensFictionalIdsWithAValidCheckDigit() {
        assertThat(Demo.citizens(new Fate(42)).all()).allSatisfy(c -> {
            assertThat(c.id()).matches("9999\\d{5}");
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (9 - i) * (c.id().charAt(i) - '0');
            }
            assertThat((sum - (c.id().charAt(8) - '0')) % 11).isZero();
            assertThat(Citizens.POSTAL_CODES).contains(c.home().getPostalCode());
        });
    }

    /**
     * The premise of {@code DemoIT}: with its seed, every kind of trouble shows within the first
     * calls, so that a few seconds of traffic show them all.
     */
    @Test
    void shouldShowEveryKindOfTroubleWithinTheFirstCallsOfTheSeedDemoItUses() {
        Fate fate = new Fate(DemoIT.SEED);
        Map<String, Integer> first = new java.util.TreeMap<>();
        List<Planned> planned = plan(DemoIT.SEED, DemoIT.CALLS_SEEN);
        for (int i = 0; i < planned.size(); i++) {
            Planned p = planned.get(i);
            if (p.kind() != Kind.ADDRESS_CHANGE) {
                continue;
            }
            AddressChangeRequest q = (AddressChangeRequest) p.payload();
            double registry = fate.of("civil-registry/" + q.getRequestId());
            String move = TaxOffice.moveKey(q.getCitizenId(), q.getNewAddress());
            boolean accepted = !typo(p) && registry >= Mix.REGISTRY_HARD_FAILURE;
            record(first, "postal code refused", typo(p), i);
            record(first, "registry failed", registry < Mix.REGISTRY_HARD_FAILURE, i);
            record(first, "tax dead letter", accepted && fate.of("tax/" + move) < Mix.TAX_HARD_FAILURE, i);
            record(first, "bill refused", accepted && fate.of("utilities/bill/" + move) < Mix.BILL_UNROUNDED, i);
        }
        assertThat(first).containsOnlyKeys("postal code refused", "registry failed", "tax dead letter", "bill refused");
        assertThat(first.values()).allMatch(i -> i < DemoIT.CALLS_SEEN);
    }

    private static void record(Map<String, Integer> first, String what, boolean happened, int index) {
        if (happened) {
            first.putIfAbsent(what, index);
        }
    }
}

package gov.gsb.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.gsb.composites.Examples;
import gov.gsb.demo.Traffic.Kind;
import gov.gsb.demo.Traffic.Planned;
import gov.gsb.sample.composite.MoveHouseRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The single window's moves house: their shares, their seed, and the composite the demo registers. */
class MovesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T09:30:00Z"), ZoneOffset.UTC);

    private static List<Planned> plan(long seed, int n) {
        Fate fate = new Fate(seed);
        Moves moves = new Moves(fate.seedFor("moves"), Demo.citizens(fate), CLOCK);
        List<Planned> planned = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            planned.add(moves.next());
        }
        return planned;
    }

    @Test
    void shouldMoveCitizensWithAndWithoutUtilityAccountsAndSomeTypos() {
        List<Planned> planned = plan(42, 10_000);

        assertThat(planned).allMatch(p -> p.kind() == Kind.MOVE_HOUSE && p.context().method().equals("move-house"));
        List<MoveHouseRequest> moves = planned.stream().map(p -> (MoveHouseRequest) p.payload()).toList();
        assertThat(moves.stream().filter(m -> m.getUtilityAccountId() != null).count() / 10_000.0)
                .isCloseTo(Mix.MOVE_WITH_UTILITY_ACCOUNT, within(0.02));
        assertThat(moves.stream().filter(m -> !Citizens.POSTAL_CODES.contains(m.getNewAddress().getPostalCode()))
                .count() / 10_000.0).isCloseTo(Mix.MOVE_POSTAL_CODE_TYPO, within(0.01));
        assertThat(moves).allMatch(m -> m.getMovingOn().isAfter(CLOCK.instant().atZone(ZoneOffset.UTC).toLocalDate()));
    }

    @Test
    void shouldMakeTheSameMovesFromTheSameSeedApartFromTheOtherTraffic() {
        assertThat(plan(42, 100)).isEqualTo(plan(42, 100));
        assertThat(plan(43, 100)).isNotEqualTo(plan(42, 100));
        // The moves' stream is seeded apart: the single window's other calls stay as the seed made them.
        assertThat(TrafficTest.plan(42, 100)).isEqualTo(TrafficTest.plan(42, 100));
    }

    @Test
    void shouldRegisterTheExampleDefinitionAsACompositeForTheOrchestrator() throws Exception {
        JsonNode body = new ObjectMapper().readTree(DemoCatalog.compositeJson());

        assertThat(body.path("kind").asText()).isEqualTo("COMPOSITE");
        assertThat(body.path("provider").asText() + "." + body.path("name").asText())
                .isEqualTo(DemoServices.MOVE_HOUSE.toString());
        assertThat(body.path("definition").asText()).isEqualTo(Examples.yaml(Examples.MOVE_HOUSE));
        assertThat(DemoCatalog.needs()).contains(new DemoCatalog.Need(DemoServices.MOVE_HOUSE, "REQUEST",
                DemoServices.SINGLE_WINDOW));
    }
}

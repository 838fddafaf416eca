package gov.gsb.processors.composite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** When the orchestrator counts as behind, and what a step's deadline is then compared with. */
class BacklogTest {

    private static final long NOW = 1_000_000;
    private static final Supplier<String> NOT_ASKED = () -> {
        throw new AssertionError("the reply topic is only worked out while behind");
    };

    private final Backlog backlog = new Backlog();

    @Test
    void shouldLetTheClockDecideWhileNothingOldIsTaken() {
        backlog.taken("replies.a", NOW - 20, NOW);
        backlog.tick();

        assertThat(backlog.behind()).isFalse();
        assertThat(backlog.dueBy(NOT_ASKED, NOW)).isEqualTo(NOW);
        assertThat(backlog.anyDueBy(NOW)).isEqualTo(NOW);
    }

    @Test
    void shouldJudgeDeadlinesByHowFarTheReplyTopicIsReadWhileBehind() {
        backlog.taken("replies.a", NOW - 5_000, NOW);
        backlog.taken("replies.b", NOW - 3_000, NOW);
        backlog.tick();

        assertThat(backlog.behind()).isTrue();
        assertThat(backlog.dueBy(() -> "replies.a", NOW)).isEqualTo(NOW - 5_000);
        assertThat(backlog.dueBy(() -> "replies.b", NOW)).isEqualTo(NOW - 3_000);
        assertThat(backlog.dueBy(() -> "replies.never-read", NOW)).isEqualTo(Long.MIN_VALUE);
        assertThat(backlog.anyDueBy(NOW)).as("the furthest any topic is read").isEqualTo(NOW - 3_000);
    }

    @Test
    void shouldStayBehindWhenAFreshMessageComesAmongOldOnes() {
        backlog.taken("replies.a", NOW - 5_000, NOW);
        backlog.taken("replies.a", NOW - 5, NOW);
        backlog.tick();

        assertThat(backlog.behind()).isTrue();
        assertThat(backlog.dueBy(() -> "replies.a", NOW)).isEqualTo(NOW - 5);
    }

    @Test
    void shouldCountAsCaughtUpAfterTicksWithNothingTaken() {
        backlog.taken("replies.a", NOW - 5_000, NOW);
        backlog.tick();
        for (int i = 1; i < Backlog.CAUGHT_UP_TICKS; i++) {
            backlog.tick();
            assertThat(backlog.behind()).as("after %d tick(s) with nothing taken", i).isTrue();
        }

        backlog.tick();

        assertThat(backlog.behind()).isFalse();
        assertThat(backlog.dueBy(NOT_ASKED, NOW)).isEqualTo(NOW);
    }

    @Test
    void shouldCountAsCaughtUpOnceOnlyFreshMessagesAreTaken() {
        backlog.taken("replies.a", NOW - 5_000, NOW);
        backlog.tick();
        backlog.taken("replies.a", NOW + 90, NOW + 100);
        backlog.tick();

        assertThat(backlog.behind()).isFalse();
    }

    @Test
    void shouldNotCountATickWithoutInputAsCaughtUpBeforeTheTicksHavePassed() {
        backlog.taken("replies.a", NOW - 5_000, NOW);
        backlog.tick();
        backlog.tick(); // nothing taken: a stream thread stalled in a commit looks the same
        backlog.taken("replies.a", NOW - 4_000, NOW + 100);
        backlog.tick();

        assertThat(backlog.behind()).isTrue();
    }
}

package gov.gsb.processors.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.gsb.processors.Table;
import gov.gsb.processors.TableWriter;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryingTableWriterTest {

    private final List<Duration> pauses = new ArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final InsertStats stats = new InsertStats(Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));

    private RetryingTableWriter failing(int failures, AtomicInteger attempts) {
        TableWriter flaky = new TableWriter() {
            @Override
            public <R> void insert(Table<R> table, List<R> rows) throws Exception {
                if (attempts.incrementAndGet() <= failures) {
                    throw new IOException("Connection refused");
                }
            }
        };
        return new RetryingTableWriter(flaky, new Backoff(stopping::get, pauses::add), stats);
    }

    @Test
    void shouldRetryWithGrowingPausesUntilClickHouseTakesTheRows() throws Exception {
        AtomicInteger attempts = new AtomicInteger();

        failing(8, attempts).insert(Table.CALLS, List.of());

        assertThat(attempts).hasValue(9);
        assertThat(pauses).hasSize(8);
        assertThat(pauses.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(pauses.get(3)).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
        assertThat(pauses).allMatch(p -> p.compareTo(Backoff.LONGEST) <= 0);
        assertThat(pauses.get(7)).isGreaterThanOrEqualTo(Backoff.LONGEST.dividedBy(2));
        assertThat(stats.failingSince()).isEmpty();
        assertThat(stats.lastInsert(Table.CALLS)).contains(Instant.parse("2026-03-01T10:00:00Z"));
    }

    @Test
    void shouldReportTheOutageWhileItLasts() {
        AtomicInteger attempts = new AtomicInteger();
        RetryingTableWriter writer = new RetryingTableWriter(alwaysFailing(attempts),
                new Backoff(stopping::get, d -> stopping.set(attempts.get() >= 3)), stats);

        assertThatThrownBy(() -> writer.insert(Table.AUDIT, List.of())).isInstanceOf(IOException.class);
        assertThat(stats.failingSince()).contains(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(stats.lastError()).hasValueSatisfying(e -> assertThat(e).contains("audit").contains("Connection refused"));
        assertThat(stats.lastInsert()).isEmpty();
    }

    @Test
    void shouldGiveUpOnlyWhenTheApplicationStops() {
        AtomicInteger attempts = new AtomicInteger();
        RetryingTableWriter writer = new RetryingTableWriter(alwaysFailing(attempts),
                new Backoff(stopping::get, d -> stopping.set(attempts.get() >= 5)), stats);

        assertThatThrownBy(() -> writer.insert(Table.CALLS, List.of())).isInstanceOf(IOException.class);
        assertThat(attempts).hasValue(6);
    }

    private TableWriter alwaysFailing(AtomicInteger attempts) {
        return new TableWriter() {
            @Override
            public <R> void insert(Table<R> table, List<R> rows) throws Exception {
                attempts.incrementAndGet();
                throw new IOException("Connection refused");
            }
        };
    }
}

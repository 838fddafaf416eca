package gov.gsb.processors.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.gsb.processors.AuditRow;
import gov.gsb.processors.FakeTableWriter;
import gov.gsb.processors.Table;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.internals.CachedStateStore;
import org.junit.jupiter.api.Test;

class PendingRowsTest {

    private final FakeTableWriter writer = new FakeTableWriter();
    private final PendingRows<AuditRow> rows = pending(3, UnaryOperator.identity());

    private PendingRows<AuditRow> pending(int batchRows, UnaryOperator<List<AuditRow>> compaction) {
        return PendingRows.builder("pending", Table.AUDIT, writer, batchRows, compaction).build();
    }

    private static AuditRow row(String id) {
        return new AuditRow(id, Instant.EPOCH, "admin", List.of(), "", "", "grant.create", "grant", "g", "", "", "SUCCESS", "");
    }

    private List<String> written() {
        return writer.rows(Table.AUDIT).stream().map(AuditRow::eventId).toList();
    }

    @Test
    void shouldBeTheKindOfStoreKafkaStreamsFlushesBeforeItCommits() {
        // StreamTask.prepareCommit -> ProcessorStateManager.flushCache -> CachedStateStore.flushCache: the hook.
        assertThat(rows).isInstanceOf(CachedStateStore.class);
        assertThat(rows.persistent()).isFalse();
    }

    @Test
    void shouldHoldRowsUntilTheCommit() {
        rows.add(row("a"));
        rows.add(row("b"));
        assertThat(writer.inserts()).isEmpty();

        rows.flushCache();

        assertThat(writer.inserts()).hasSize(1);
        assertThat(written()).containsExactly("a", "b");
        assertThat(rows.pending()).isZero();
    }

    @Test
    void shouldWriteAFullBatchAtOnce() {
        rows.add(row("a"));
        rows.add(row("b"));
        rows.add(row("c"));
        rows.add(row("d"));

        assertThat(writer.inserts()).hasSize(1);
        assertThat(written()).containsExactly("a", "b", "c");
        assertThat(rows.pending()).isEqualTo(1);
    }

    @Test
    void shouldWriteNothingWhenNothingIsPending() {
        rows.flushCache();

        assertThat(writer.inserts()).isEmpty();
    }

    @Test
    void shouldFailTheCommitAndKeepTheRowsWhenTheWriterFails() {
        rows.add(row("a"));
        writer.failWith(new IOException("ClickHouse is away"));

        assertThatThrownBy(rows::flushCache).isInstanceOf(StreamsException.class)
                .hasMessageContaining("could not write 1 rows to audit").hasRootCauseInstanceOf(IOException.class);
        assertThat(rows.pending()).isEqualTo(1);
    }

    @Test
    void shouldDropTheRowsOfAClosedTaskWhoseRecordsAreReadAgain() {
        rows.add(row("a"));

        rows.close();

        assertThat(rows.pending()).isZero();
        assertThat(writer.inserts()).isEmpty();
    }

    @Test
    void shouldCompactTheRowsBeforeWritingThem() {
        PendingRows<AuditRow> distinct = pending(10, list -> list.stream().distinct().toList());
        distinct.add(row("a"));
        distinct.add(row("a"));
        distinct.add(row("b"));

        distinct.flushCache();

        assertThat(written()).containsExactly("a", "b");
    }
}

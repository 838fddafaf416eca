package gov.gsb.processors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuditTopologyTest {

    private final TopologyHarness harness = new TopologyHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void shouldWriteEveryFieldOfAnAuditEventToItsRow() {
        harness.audit.pipeInput(TestRecords.audit().build());

        assertThat(harness.writer.rows(Table.AUDIT)).containsExactly(new AuditRow("event-1", TestRecords.T0, "admin",
                List.of("admin", "auditor"), "198.51.100.9", "curl/8.5", "grant.create", "grant", "grant-17", "",
                "{\"service\":\"tax.refund\"}", "SUCCESS", "ticket 123"));
    }

    @Test
    void shouldWriteAbsentTextAsEmpty() {
        harness.audit.pipeInput(TestRecords.audit().setUserAgent(null).setAfter(null).setReason(null)
                .setActorRoles(List.of()).build());

        AuditRow row = harness.writer.rows(Table.AUDIT).get(0);
        assertThat(List.of(row.userAgent(), row.before(), row.after(), row.reason())).containsOnly("");
        assertThat(row.actorRoles()).isEmpty();
    }

    @Test
    void shouldKeepAuditEventsOutOfTheCallStatistics() {
        harness.audit.pipeInput(TestRecords.audit().build());

        assertThat(harness.writer.rows(Table.CALLS)).isEmpty();
        assertThat(harness.writer.rows(Table.CALLS_PER_MINUTE)).isEmpty();
    }
}

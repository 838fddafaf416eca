package gov.gsb.processors.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.gsb.bus.CallKind;
import gov.gsb.bus.CallRecord;
import gov.gsb.bus.AuditEvent;
import gov.gsb.devstack.ClickHouseServer;
import gov.gsb.devstack.junit.RealServers;
import gov.gsb.processors.AuditRow;
import gov.gsb.processors.CallRow;
import gov.gsb.processors.ProcessorSettings;
import gov.gsb.processors.RollupRow;
import gov.gsb.processors.Table;
import gov.gsb.schemas.Samples;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Rows written in RowBinary come back field for field from the real tables, and the tables' identities hold. */
@ExtendWith(RealServers.class)
class ClickHouseTableWriterIT {

    private static final Instant T = Instant.parse("2026-03-01T10:15:00.123Z");

    private ProcessorSettings settings;
    private ClickHouseTableWriter writer;

    @BeforeEach
    void database(ClickHouseServer clickhouse) throws Exception {
        settings = ProcessorSettings.fromEnv(Map.of("GSB_BOOTSTRAP", "unused:9092", "GSB_REGISTRY_URL", "unused",
                "GSB_CLICKHOUSE_URL", clickhouse.httpUrl(),
                "GSB_CLICKHOUSE_DATABASE", "writer_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)));
        ClickHouseSetup.prepare(settings, Backoff.until(() -> false));
        writer = new ClickHouseTableWriter(settings);
    }

    @Test
    void shouldStoreEveryFieldOfACallRow() throws Exception {
        CallRow full = CallRow.of(request().build(), 2, 77);
        CallRow sparse = CallRow.of(CallRecord.newBuilder(request().build()).setCallId("c2").setParentCallId(null)
                .setConsumerAgency(null).setEndUser(null).setClientIp(null).setDevice(null).setPartition(null)
                .setOffset(null).setRequestReceivedAt(null).setReplySentAt(null).setReplyReceivedAt(null)
                .setReplyBytes(null).setErrorCode("É_UNICODE").setErrorMessage("naïve \"quoted\"\nline").build(), 0, 5);

        writer.insert(Table.CALLS, List.of(full, sparse));

        assertThat(calls("ORDER BY call_id")).containsExactly(full, sparse);
    }

    @Test
    void shouldCollapseARecordWrittenTwiceButKeepTwoDeliveriesOfOneCall() throws Exception {
        CallRecord delivery = request().setKind(CallKind.DELIVERY).build();
        CallRow toTax = CallRow.of(delivery, 1, 10);
        CallRow toUtilities = CallRow.of(CallRecord.newBuilder(delivery).setConsumerAgency("utilities").build(), 2, 10);

        writer.insert(Table.CALLS, List.of(toTax, toUtilities));
        writer.insert(Table.CALLS, List.of(toTax)); // read again after a crash: same position

        assertThat(calls("ORDER BY consumer_agency")).containsExactly(toTax, toUtilities);
    }

    @Test
    void shouldKeepTheFullestVersionOfARollupWhateverTheOrder() throws Exception {
        RollupRow two = new RollupRow(T.minusMillis(123), "tax", "civil", "tax.refund", "refund", "REQUEST", "FAILURE", 2,
                2, 300, 200, 100, 200, 200, 2);
        RollupRow one = new RollupRow(two.minute(), "tax", "civil", "tax.refund", "refund", "REQUEST", "FAILURE", 1, 1,
                100, 100, 100, 100, 100, 1);
        RollupRow other = new RollupRow(two.minute(), "tax", "", "tax.refund", "refund", "PUBLISH", "SUCCESS", 1, 0, 0,
                0, 0, 0, 0, 1);

        writer.insert(Table.CALLS_PER_MINUTE, List.of(two, other));
        writer.insert(Table.CALLS_PER_MINUTE, List.of(one)); // an older count written later

        assertThat(rollups()).containsExactly(two, other);
    }

    @Test
    void shouldStoreEveryFieldOfAnAuditRowOnce() throws Exception {
        AuditRow row = AuditRow.of(AuditEvent.newBuilder((AuditEvent) Samples.of(AuditEvent.class).orElseThrow())
                .setActorRoles(List.of("admin", "auditor")).setUserAgent(null).build());

        writer.insert(Table.AUDIT, List.of(row));
        writer.insert(Table.AUDIT, List.of(row));

        assertThat(audit()).containsExactly(row);
    }

    @Test
    void shouldRefuseATableThatIsNotWhatTheWriterWrites() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE odd (call_id String, latency_ms Nullable(UInt64)) ENGINE = MergeTree ORDER BY call_id");
            s.execute("RENAME TABLE calls TO calls_real, odd TO calls");
            assertThatThrownBy(() -> ClickHouseSetup.check(c, Table.CALLS)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("latency_ms should be Nullable(UInt32) but is Nullable(UInt64)")
                    .hasMessageContaining("source_position should be UInt64 but is missing");
        }
    }

    private static CallRecord.Builder request() {
        return CallRecord.newBuilder((CallRecord) Samples.of(CallRecord.class).orElseThrow()).setCallId("c1")
                .setKind(CallKind.REQUEST).setParentCallId("p1").setConsumerAgency("tax").setEndUser("jan")
                .setClientIp("203.0.113.7").setDevice("Firefox").setPartition(3).setOffset(44L).setAttempt(2)
                .setRequestSentAt(T).setRequestReceivedAt(T.plusMillis(5)).setReplySentAt(T.plusMillis(9))
                .setReplyReceivedAt(T.plusMillis(15)).setReplyBytes(77).setErrorCode(null).setErrorMessage(null);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(), "default", "");
    }

    private List<CallRow> calls(String order) throws SQLException {
        List<CallRow> rows = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT call_id, correlation_id, parent_call_id, kind, service, service_version, method, provider_agency, "
                        + "consumer_agency, end_user, client_ip, device, sdk_version, topic, partition, offset, attempt, "
                        + "toUnixTimestamp64Milli(request_sent_at), toUnixTimestamp64Milli(request_received_at), "
                        + "toUnixTimestamp64Milli(reply_sent_at), toUnixTimestamp64Milli(reply_received_at), outcome, "
                        + "error_code, error_message, request_bytes, reply_bytes, latency_ms, source_partition, "
                        + "source_offset, source_position FROM calls FINAL " + order)) {
            while (r.next()) {
                CallRow row = new CallRow(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                        r.getInt(6), r.getString(7), r.getString(8), r.getString(9), r.getString(10), r.getString(11),
                        r.getString(12), r.getString(13), r.getString(14), (Integer) nullable(r, 15, true),
                        (Long) nullable(r, 16, false), r.getInt(17), Instant.ofEpochMilli(r.getLong(18)), time(r, 19),
                        time(r, 20), time(r, 21), r.getString(22), r.getString(23), r.getString(24), r.getLong(25),
                        (Long) nullable(r, 26, false), (Long) nullable(r, 27, false), r.getInt(28), r.getLong(29));
                assertThat(r.getLong(30)).isEqualTo(row.sourcePosition());
                rows.add(row);
            }
        }
        return rows;
    }

    private List<RollupRow> rollups() throws SQLException {
        List<RollupRow> rows = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT toUnixTimestamp(minute), provider_agency, consumer_agency, service, method, kind, outcome, calls, "
                        + "failures, latency_sum_ms, latency_max_ms, latency_p50_ms, latency_p95_ms, latency_p99_ms, "
                        + "version FROM calls_per_minute FINAL ORDER BY kind DESC")) {
            while (r.next()) {
                rows.add(new RollupRow(Instant.ofEpochSecond(r.getLong(1)), r.getString(2), r.getString(3),
                        r.getString(4), r.getString(5), r.getString(6), r.getString(7), r.getLong(8), r.getLong(9),
                        r.getLong(10), r.getLong(11), r.getDouble(12), r.getDouble(13), r.getDouble(14), r.getLong(15)));
            }
        }
        return rows;
    }

    private List<AuditRow> audit() throws SQLException {
        List<AuditRow> rows = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT event_id, toUnixTimestamp64Milli(at), actor, arrayStringConcat(actor_roles, ','), client_ip, "
                        + "user_agent, action, target_type, target_id, before, after, outcome, reason FROM audit FINAL")) {
            while (r.next()) {
                rows.add(new AuditRow(r.getString(1), Instant.ofEpochMilli(r.getLong(2)), r.getString(3),
                        Arrays.asList(r.getString(4).split(",")), r.getString(5), r.getString(6), r.getString(7),
                        r.getString(8), r.getString(9), r.getString(10), r.getString(11), r.getString(12),
                        r.getString(13)));
            }
        }
        return rows;
    }

    private static Object nullable(ResultSet r, int column, boolean integer) throws SQLException {
        long v = r.getLong(column);
        if (r.wasNull()) {
            return null;
        }
        return integer ? (Object) (int) v : (Object) v;
    }

    private static Instant time(ResultSet r, int column) throws SQLException {
        long v = r.getLong(column);
        return r.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}

package gov.gsb.processors.internal;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.data.ClickHouseFormat;
import gov.gsb.processors.ProcessorSettings;
import gov.gsb.processors.Table;
import gov.gsb.processors.TableWriter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Writes rows to ClickHouse over HTTP, one RowBinary insert per batch, with the client that the JDBC driver is
 * built on ({@code client-v2}, which {@code clickhouse-jdbc} brings). Measured here for 100k call-log rows:
 * JDBC batches 20-30k rows/s (SQL text) or 30-70k rows/s (its beta RowBinary writer, slowed by parameter
 * binding), this 70-110k rows/s, the server's own parsing and merging being the rest. JDBC remains the way in for
 * the migrations and for queries.
 */
public final class ClickHouseTableWriter implements TableWriter {

    /** How long one insert may take before it counts as failed (and is retried). */
    static final Duration INSERT_TIMEOUT = Duration.ofSeconds(60);

    private final Client client;

    /** @param s the ClickHouse URL, database and credentials */
    public ClickHouseTableWriter(ProcessorSettings s) {
        this.client = new Client.Builder()
                .addEndpoint(s.clickhouseUrl())
                .setUsername(s.clickhouseUser())
                .setPassword(s.clickhousePassword())
                .setDefaultDatabase(s.clickhouseDatabase())
                .setConnectTimeout(5, ChronoUnit.SECONDS)
                .setSocketTimeout(INSERT_TIMEOUT.toMillis())
                .setMaxRetries(0) // RetryingTableWriter retries, with backoff and a view of the outage
                .compressClientRequest(false) // loopback or a LAN: compressing costs more CPU than it saves
                // An insert must return only once its rows are stored: the task's commit follows it.
                .serverSetting("async_insert", "0")
                .build();
    }

    @Override
    public <R> void insert(Table<R> table, List<R> rows) throws Exception {
        RowEncoder<R> encoder = RowEncoder.of(table);
        RowBinaryOutput out = new RowBinaryOutput(rows.size() * 256);
        for (R row : rows) {
            encoder.encode(row, out);
        }
        try (InsertResponse response = client.insert(table.name(), encoder.names(), out.toInputStream(),
                ClickHouseFormat.RowBinary, new InsertSettings()).get(INSERT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            if (response.getWrittenRows() != rows.size()) {
                throw new IllegalStateException("ClickHouse wrote " + response.getWrittenRows() + " of " + rows.size()
                        + " rows into " + table);
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @Override
    public void close() {
        client.close();
    }
}

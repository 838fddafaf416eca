package gov.gsb.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.gsb.devstack.ClickHouseServer;
import gov.gsb.devstack.RegistryServer;
import gov.gsb.devstack.junit.InJvmKafka;
import gov.gsb.devstack.junit.RealServers;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ClickHouse stops for 30 s while calls keep coming: the processors wait without committing (their offsets stay
 * where they were while the topics grow), report it, and once ClickHouse is back the counts are exact.
 */
@ExtendWith(RealServers.class)
class ClickHouseOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Pattern PARTITION = Pattern.compile(
            "\\{\"topic\":\"gsb\\.calls\",\"partition\":(\\d+),\"committed\":(\\d+|null),\"end\":(\\d+)");

    @Test
    void shouldWaitForClickHouseWithoutCommittingAndStayExact(InJvmKafka kafka, RegistryServer registry,
                                                               ClickHouseServer clickhouse) throws Exception {
        StatsBus bus = new StatsBus(kafka, registry, clickhouse);
        try (StreamProcessors processors = bus.startProcessors(); Traffic traffic = new Traffic(bus)) {
            Set<String> providers = traffic.providers();
            traffic.start(100);
            await().atMost(Duration.ofSeconds(60)).until(() -> bus.callLog(providers).size() >= 3);

            Instant stopped = Instant.now();
            clickhouse.stop();
            try {
                Thread.sleep(3_000); // a commit whose insert ended just before the stop may still complete
                Map<Integer, long[]> before = offsets(processors);
                assertThat(StatsBus.get(processors.port(), "/health").body()).contains("\"status\":\"DEGRADED\"")
                        .contains("\"status\":\"FAILING\"");
                Thread.sleep(OUTAGE.minusSeconds(3).toMillis());
                Map<Integer, long[]> after = offsets(processors);
                String lag = StatsBus.get(processors.port(), "/lag").body();

                after.forEach((partition, offsets) -> assertThat(offsets[0]).as("committed offset of partition %d "
                        + "while ClickHouse is down", partition).isEqualTo(before.get(partition)[0]));
                assertThat(after.values().stream().mapToLong(o -> o[1]).sum()).as("the calls went on")
                        .isGreaterThan(before.values().stream().mapToLong(o -> o[1]).sum() + 1000);
                assertThat(lastInsert(lag)).isBefore(stopped.plusSeconds(1));
            } finally {
                clickhouse.start();
                clickhouse.awaitHealthy();
            }
            Thread.sleep(3_000);
            traffic.stop();
            traffic.close();

            Map<StatsBus.Key, StatsBus.Counts> truth = bus.truth(providers);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(bus.callLog(providers)).isEqualTo(truth);
                assertThat(bus.rollups(providers)).isEqualTo(truth);
            });
            assertThat(StatsBus.get(processors.port(), "/health").body()).contains("\"status\":\"UP\"");
        }
    }

    /** @return per partition of gsb.calls: committed offset, end offset (from /lag) */
    private static Map<Integer, long[]> offsets(StreamProcessors processors) throws Exception {
        String lag = StatsBus.get(processors.port(), "/lag").body();
        Map<Integer, long[]> offsets = new TreeMap<>();
        Matcher m = PARTITION.matcher(lag);
        while (m.find()) {
            long committed = "null".equals(m.group(2)) ? -1 : Long.parseLong(m.group(2));
            offsets.put(Integer.parseInt(m.group(1)), new long[] {committed, Long.parseLong(m.group(3))});
        }
        assertThat(offsets).as(lag).hasSize(3);
        return offsets;
    }

    private static Instant lastInsert(String lag) {
        Matcher m = Pattern.compile("\"lastInsertAt\":\"([^\"]+)\"").matcher(lag);
        assertThat(m.find()).as(lag).isTrue();
        return Instant.parse(m.group(1));
    }
}

package gov.gsb.analytics;

import gov.gsb.bus.CallKind;
import gov.gsb.bus.CallRecord;
import gov.gsb.bus.Outcome;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The tests' traffic: {@value #CALLS} CallRecords with a known mix of services, agencies and outcomes, spread over
 * the 45 minutes before {@code now}, and what the dashboards must therefore show. Two records are special: one of
 * {@link #JAN} (found by IP and by user in the search tests), and one whose end user is an SQL injection attempt
 * stored as data ({@link #INJECTION_USER}: a search for it must find exactly that row, literally).
 */
public final class TestData {

    /** Records loaded. */
    public static final int CALLS = 240;
    /** The end user of one call, found by the search tests. */
    public static final String JAN = "jan.jansen";
    /** That call's client IP. */
    public static final String JAN_IP = "203.0.113.77";
    /** An end user that is an injection attempt, stored as data. */
    public static final String INJECTION_USER = "x' OR '1'='1";
    /** The correlation id of call-19: what a spreadsheet would run as a formula if an export held it as it is. */
    public static final String FORMULA = "=1+2";

    /** The records, built once per JVM relative to its start. */
    public static final List<CallRecord> RECORDS = build(Instant.now().truncatedTo(ChronoUnit.MINUTES));

    private TestData() {
    }

    private static List<CallRecord> build(Instant now) {
        List<CallRecord> records = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            records.add(record(i, now.minus(2 + i % 45, ChronoUnit.MINUTES).plusSeconds(i * 7 % 60)));
        }
        return records;
    }

    private static CallRecord record(int i, Instant sentAt) {
        String provider = switch (i % 3) {
            case 0 -> "civil-registry";
            case 1 -> "tax";
            default -> "utilities";
        };
        String service = switch (i % 3) {
            case 0 -> "civil-registry.address-change";
            case 1 -> "tax.income-check";
            default -> "utilities.bill-issued";
        };
        String consumer = switch (i % 3) {
            case 0 -> List.of("tax", "utilities", "single-window").get(i / 3 % 3);
            case 1 -> i / 3 % 2 == 0 ? "civil-registry" : "single-window";
            default -> "tax";
        };
        Outcome outcome = i % 10 == 3 ? Outcome.FAILURE : i % 12 == 5 ? Outcome.DENIED : i % 20 == 7 ? Outcome.TIMEOUT
                : Outcome.SUCCESS;
        String errorCode = switch (outcome) {
            case FAILURE -> "BACKEND_DOWN";
            case DENIED -> "NOT_AUTHORIZED";
            case TIMEOUT -> "NO_REPLY";
            default -> null;
        };
        long latency = 20 + (i * 37L) % 300;
        boolean request = i % 3 != 2;
        CallRecord.Builder b = CallRecord.newBuilder()
                .setCallId("call-" + i).setCorrelationId(i == 19 ? FORMULA : "case-" + i).setParentCallId(null)
                .setKind(request ? CallKind.REQUEST : CallKind.DELIVERY).setService(service).setServiceVersion(1)
                .setMethod(request ? (i % 3 == 0 ? "change-address" : "check-income") : "BillIssued")
                .setProviderAgency(provider).setConsumerAgency(consumer)
                .setEndUser(i == 17 ? JAN : i == 18 ? INJECTION_USER : "citizen-" + i % 9)
                .setClientIp(i == 17 ? JAN_IP : "198.51.100." + i % 30)
                .setDevice(i == 17 ? "Safari 18 (iPhone)" : i % 2 == 0 ? "Firefox 140" : "GSB mobile 2.3")
                .setSdkVersion("gsb-java/0.1.0").setTopic("gsb." + service).setPartition(0).setOffset((long) i).setAttempt(1)
                .setRequestSentAt(sentAt).setRequestReceivedAt(sentAt.plusMillis(latency / 2))
                .setOutcome(outcome).setErrorCode(errorCode).setErrorMessage(errorCode == null ? null : "test " + errorCode)
                .setRequestBytes(100 + i).setReplyBytes(request ? 50 : null);
        if (request) {
            boolean replied = outcome != Outcome.TIMEOUT;
            b.setReplySentAt(replied ? sentAt.plusMillis(latency - 5) : null)
                    .setReplyReceivedAt(replied ? sentAt.plusMillis(latency) : null);
        }
        return b.build();
    }

    /** @return the records that did not succeed */
    public static long failures() {
        return count(r -> r.getOutcome() != Outcome.SUCCESS);
    }

    /** @return the records matching a condition */
    public static long count(Predicate<CallRecord> condition) {
        return RECORDS.stream().filter(condition).count();
    }

    /** @return per value of {@code key}: calls */
    public static Map<String, Long> callsBy(Function<CallRecord, String> key) {
        return RECORDS.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    /** @return per value of {@code key}: failures (only keys that have some) */
    public static Map<String, Long> failuresBy(Function<CallRecord, String> key) {
        return RECORDS.stream().filter(r -> r.getOutcome() != Outcome.SUCCESS)
                .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }
}

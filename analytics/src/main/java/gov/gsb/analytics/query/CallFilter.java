package gov.gsb.analytics.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a dashboard or a call-log search looks at: a time range and optional exact filters. Values are checked here
 * (each field against what such values look like) and then only ever reach ClickHouse as bound query parameters:
 * the check is for helpful 400s, not what keeps SQL safe.
 *
 * <p>Request parameters: {@code from}, {@code to} (ISO-8601 instants such as {@code 2026-03-01T10:00:00Z}, or
 * local date-times / dates read as UTC; default: the last 24 hours), {@code service}, {@code provider},
 * {@code consumer}, {@code user}, {@code ip}, {@code device} (a case-insensitive part of it), {@code method},
 * {@code outcome}. An empty value means no filter.
 *
 * @param from the first instant counted (inclusive)
 * @param to the end (exclusive)
 * @param service the service's full name, or null
 * @param provider the provider agency, or null
 * @param consumer the consumer agency, or null
 * @param user the end user, or null
 * @param ip the client IP, or null
 * @param device part of the device (user agent or device id), or null
 * @param method the method or operation, or null
 * @param outcome the outcome, or null
 */
public record CallFilter(Instant from, Instant to, String service, String provider, String consumer, String user,
                         String ip, String device, String method, Outcome outcome) {

    /** The range when none is given. */
    public static final Duration DEFAULT_RANGE = Duration.ofHours(24);
    /** The longest range a query may cover (the call log is kept for about a year). */
    public static final Duration MAX_RANGE = Duration.ofDays(400);
    /** The request parameters read, in the order of the search form. */
    public static final List<String> PARAMETERS = List.of("from", "to", "service", "provider", "consumer", "user",
            "ip", "device", "method", "outcome");

    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,199}");
    private static final Pattern AGENCY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");
    private static final Pattern IP = Pattern.compile("[0-9A-Fa-f.:]{2,45}");
    private static final Pattern METHOD = Pattern.compile("[A-Za-z0-9._:/-]{1,100}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /**
     * Reads a filter from request parameters.
     *
     * @param parameters request parameters by name (missing or blank: no filter)
     * @param clock what "now" is, for the default range
     * @return the filter
     * @throws InvalidFilterException naming every field whose value is wrong (fatal: fix the request)
     */
    public static CallFilter parse(Map<String, String> parameters, Clock clock) {
        Parser p = new Parser(parameters);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant to = p.field("to", CallFilter::instant, "an ISO-8601 time such as 2026-03-01T10:00:00Z");
        Instant from = p.field("from", CallFilter::instant, "an ISO-8601 time such as 2026-03-01T09:00:00Z");
        to = to != null ? to : from != null && from.plus(DEFAULT_RANGE).isBefore(now) ? from.plus(DEFAULT_RANGE) : now;
        from = from != null ? from : to.minus(DEFAULT_RANGE);
        if (!p.errors.containsKey("from") && !p.errors.containsKey("to")) {
            if (!from.isBefore(to)) {
                p.errors.put("from", "must be before 'to' (" + to + ")");
            } else if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
                p.errors.put("from", "the range may cover at most " + MAX_RANGE.toDays() + " days");
            }
        }
        CallFilter filter = new CallFilter(from, to,
                p.matching("service", SERVICE, "a service name: lower-case letters, digits, '.', '_' and '-'"),
                p.matching("provider", AGENCY, "an agency name: lower-case letters, digits, '_' and '-'"),
                p.matching("consumer", AGENCY, "an agency name: lower-case letters, digits, '_' and '-'"),
                p.text("user"),
                p.matching("ip", IP, "an IPv4 or IPv6 address such as 203.0.113.7"),
                p.text("device"),
                p.matching("method", METHOD, "a method name: letters, digits, '.', '_', ':', '/' and '-'"),
                p.field("outcome", v -> Outcome.valueOf(v.toUpperCase(Locale.ROOT)), "one of SUCCESS, FAILURE, "
                        + "DENIED, TIMEOUT, INVALID"));
        if (!p.errors.isEmpty()) {
            throw new InvalidFilterException(p.errors);
        }
        return filter;
    }

    /** @return this filter for the given service only */
    public CallFilter withService(String name) {
        return new CallFilter(from, to, name, provider, consumer, user, ip, device, method, outcome);
    }

    /** @return the range widened to whole minutes, as the per-minute rollups count: [floor(from), ceil(to)) */
    public CallFilter wholeMinutes() {
        Instant start = from.truncatedTo(ChronoUnit.MINUTES);
        Instant end = to.truncatedTo(ChronoUnit.MINUTES);
        end = end.equals(to) ? end : end.plus(1, ChronoUnit.MINUTES);
        return new CallFilter(start, end, service, provider, consumer, user, ip, device, method, outcome);
    }

    /**
     * @return the width of a chart's time bucket: whole minutes, chosen so that the range has at most 360 buckets
     */
    public Duration bucket() {
        long minutes = Math.max(1, Duration.between(from, to).toMinutes());
        for (long step : new long[] {1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440}) {
            if (minutes / step <= 360) {
                return Duration.ofMinutes(step);
            }
        }
        return Duration.ofDays(1).multipliedBy((minutes / 1440 + 359) / 360);
    }

    /** @return the filter as request parameters (only those set), e.g. for paging and export links */
    public Map<String, String> toParameters() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("from", from.toString());
        out.put("to", to.toString());
        put(out, "service", service);
        put(out, "provider", provider);
        put(out, "consumer", consumer);
        put(out, "user", user);
        put(out, "ip", ip);
        put(out, "device", device);
        put(out, "method", method);
        put(out, "outcome", outcome == null ? null : outcome.name());
        return out;
    }

    private static void put(Map<String, String> out, String key, String value) {
        if (value != null) {
            out.put(key, value);
        }
    }

    /** ISO instants, or local date-times (what an HTML datetime-local field sends) and dates read as UTC. */
    static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
        }
    }

    /** Reads fields, collecting an error per field instead of stopping at the first. */
    private static final class Parser {
        private final Map<String, String> parameters;
        private final Map<String, String> errors = new LinkedHashMap<>();

        Parser(Map<String, String> parameters) {
            this.parameters = parameters;
        }

        <T> T field(String name, Function<String, T> parse, String expected) {
            String value = parameters.get(name);
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return parse.apply(value.strip());
            } catch (RuntimeException e) {
                errors.put(name, "expected " + expected + ", got '" + shorten(value) + "'");
                return null;
            }
        }

        String matching(String name, Pattern pattern, String expected) {
            return field(name, v -> {
                if (!pattern.matcher(v).matches()) {
                    throw new IllegalArgumentException();
                }
                return v;
            }, expected);
        }

        /** Free text (names of people, user agents): anything printable up to 200 characters. */
        String text(String name) {
            return field(name, v -> {
                if (v.length() > 200 || CONTROL.matcher(v).find()) {
                    throw new IllegalArgumentException();
                }
                return v;
            }, "at most 200 printable characters");
        }

        private static String shorten(String value) {
            String printable = CONTROL.matcher(value).replaceAll("?");
            return printable.length() > 60 ? printable.substring(0, 60) + "..." : printable;
        }
    }
}

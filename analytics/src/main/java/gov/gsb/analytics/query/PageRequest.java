package gov.gsb.analytics.query;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A page of the call log: {@code page} (from 1) and {@code size} (1 to {@value #MAX_SIZE}, default
 * {@value #DEFAULT_SIZE}), newest calls first.
 *
 * @param page the page, from 1
 * @param size the rows per page
 */
public record PageRequest(int page, int size) {

    /** Rows per page unless asked otherwise. */
    public static final int DEFAULT_SIZE = 50;
    /** The most rows a page may have. */
    public static final int MAX_SIZE = 500;
    /** The deepest page: ClickHouse reads every row skipped, so paging does not go on for ever. */
    public static final int MAX_OFFSET = 100_000;

    /**
     * @param parameters request parameters ({@code page}, {@code size}; missing: the defaults)
     * @return the page asked for
     * @throws InvalidFilterException naming {@code page} or {@code size} when they are not numbers in range
     */
    public static PageRequest parse(Map<String, String> parameters) {
        Map<String, String> errors = new LinkedHashMap<>();
        int size = number(parameters.get("size"), DEFAULT_SIZE, 1, MAX_SIZE, "size", errors);
        int page = number(parameters.get("page"), 1, 1, MAX_OFFSET / Math.max(1, size) + 1, "page", errors);
        if (!errors.isEmpty()) {
            throw new InvalidFilterException(errors);
        }
        return new PageRequest(page, size);
    }

    /** @return the rows skipped before this page */
    public int offset() {
        return (page - 1) * size;
    }

    private static int number(String value, int fallback, int min, int max, String name, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put(name, "expected a whole number from " + min + " to " + max);
        return fallback;
    }
}

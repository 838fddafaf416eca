package gov.gsb.analytics.query;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A call-log search: its filter and its page, read together so that a 400 names every wrong field at once.
 *
 * @param filter what to find
 * @param page which page of it
 */
public record SearchRequest(CallFilter filter, PageRequest page) {

    /**
     * @param parameters request parameters (see {@link CallFilter} and {@link PageRequest})
     * @param clock what "now" is
     * @return the search
     * @throws InvalidFilterException naming every wrong field of both (fatal: fix the request)
     */
    public static SearchRequest parse(Map<String, String> parameters, Clock clock) {
        Map<String, String> errors = new LinkedHashMap<>();
        CallFilter filter = null;
        PageRequest page = null;
        try {
            filter = CallFilter.parse(parameters, clock);
        } catch (InvalidFilterException e) {
            errors.putAll(e.errors());
        }
        try {
            page = PageRequest.parse(parameters);
        } catch (InvalidFilterException e) {
            errors.putAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidFilterException(errors);
        }
        return new SearchRequest(filter, page);
    }
}

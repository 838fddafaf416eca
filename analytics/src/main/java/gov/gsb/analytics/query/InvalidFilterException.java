package gov.gsb.analytics.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A filter value that cannot be used (unparsable time, a name with characters no name has, an unknown outcome...):
 * the caller's mistake, answered 400 with one message per field. Never retriable as it is.
 */
public final class InvalidFilterException extends IllegalArgumentException {

    private final Map<String, String> errors;

    /** @param errors per field (the request parameter's name), what is wrong with its value and what to give */
    public InvalidFilterException(Map<String, String> errors) {
        super("invalid filter: " + errors);
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    /** @return per field, what is wrong with its value */
    public Map<String, String> errors() {
        return errors;
    }
}

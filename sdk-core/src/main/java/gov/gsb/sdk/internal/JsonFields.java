package gov.gsb.sdk.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads top-level string and number fields of small, trusted JSON documents (token payloads). */
final class JsonFields {

    private JsonFields() {
    }

    static String number(String json, String field) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*(-?\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("no number field '" + field + "' in the token");
        }
        return m.group(1);
    }

    static String numberOr(String json, String field, String otherwise) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*(-?\\d+)").matcher(json);
        return m.find() ? m.group(1) : otherwise;
    }

    static String stringOr(String json, String field, String otherwise) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : otherwise;
    }
}

package gov.gsb.analytics.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Query strings of the pages' links (paging, export, the overview's API call), every value URL-encoded. */
public final class Links {

    private Links() {
    }

    /** @return {@code a=1&b=2} of the parameters, in their order */
    public static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** @return the parameters with {@code key} set to {@code value} */
    public static Map<String, String> with(Map<String, String> parameters, String key, String value) {
        Map<String, String> out = new LinkedHashMap<>(parameters);
        out.put(key, value);
        return out;
    }

    /** @return the value URL-encoded (also for a path segment: spaces as %20) */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

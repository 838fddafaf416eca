package gov.gsb.analytics.rest;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Request parameters as the query classes read them: the first value of each. */
public final class Parameters {

    private Parameters() {
    }

    /** @return each parameter's first value */
    public static Map<String, String> first(MultivaluedMap<String, String> parameters) {
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, List<String>> e : parameters.entrySet()) {
            if (!e.getValue().isEmpty()) {
                out.put(e.getKey(), e.getValue().get(0));
            }
        }
        return out;
    }
}

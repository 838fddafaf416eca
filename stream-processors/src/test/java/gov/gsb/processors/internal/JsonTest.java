package gov.gsb.processors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void shouldWriteMapsListsAndScalars() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", 3L);
        m.put("ok", true);
        m.put("at", Instant.parse("2026-03-01T10:00:00Z"));
        m.put("none", null);
        m.put("list", Arrays.asList(1, "two", null));

        assertThat(Json.write(m)).isEqualTo(
                "{\"n\":3,\"ok\":true,\"at\":\"2026-03-01T10:00:00Z\",\"none\":null,\"list\":[1,\"two\",null]}");
    }

    @Test
    void shouldEscapeWhatJsonRequires() {
        assertThat(Json.write(List.of("a\"b\\c\nd\u0001"))).isEqualTo("[\"a\\\"b\\\\c\\nd\\u0001\"]");
    }
}

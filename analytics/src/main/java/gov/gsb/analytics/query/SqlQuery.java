package gov.gsb.analytics.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One ClickHouse query: SQL text built only from constants, with every value a bound parameter
 * ({@code {name:Type}}), sent to ClickHouse's HTTP interface as {@code param_name=value}. ClickHouse parses a
 * parameter's value as a value of its type, never as SQL; the text a user typed cannot change the query.
 *
 * @param name what the query answers, e.g. {@code series} (for logs and the benchmark)
 * @param sql the SQL, with placeholders
 * @param parameters the placeholders' values by name
 */
public record SqlQuery(String name, String sql, Map<String, Parameter> parameters) {

    /** A bound value. @param type its ClickHouse type, e.g. {@code String} @param value its text */
    public record Parameter(String type, String value) {
    }

    /** @throws IllegalArgumentException if a placeholder and the parameters do not match (a programming error) */
    public SqlQuery {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        for (String p : parameters.keySet()) {
            if (!sql.contains("{" + p + ":" + parameters.get(p).type() + "}")) {
                throw new IllegalArgumentException("parameter " + p + " is not in the query " + name);
            }
        }
    }

    /**
     * The value as ClickHouse reads a parameter: in its "escaped" text format, where a backslash starts an escape
     * sequence. Escaping backslashes, tabs and line breaks makes it arrive exactly as given.
     *
     * @return the value to send as {@code param_<name>}
     */
    public static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append("\\0");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Builds a query's WHERE clause and parameters together, so a condition never goes without its value. */
    static final class Builder {
        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Parameter> parameters = new LinkedHashMap<>();

        /** Adds {@code condition} (which uses {@code {name:type}}) when {@code value} is not null. */
        Builder where(String condition, String name, String type, Object value) {
            if (value != null) {
                conditions.add(condition);
                parameters.put(name, new Parameter(type, value.toString()));
            }
            return this;
        }

        Builder bind(String name, String type, Object value) {
            parameters.put(name, new Parameter(type, value.toString()));
            return this;
        }

        String whereClause() {
            return conditions.isEmpty() ? "" : "WHERE " + String.join("\n  AND ", conditions);
        }

        SqlQuery build(String name, String sql) {
            return new SqlQuery(name, sql, parameters);
        }
    }
}

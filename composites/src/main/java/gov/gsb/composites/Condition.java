package gov.gsb.composites;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * When a step runs: a test of one path ({@code $.request.x}, {@code $.steps.s.reply.y}, {@code $.call.endUser}).
 *
 * @param path the path tested
 * @param test how it is tested
 * @param operand for {@code EXISTS} true or false; for {@code EQUALS} and {@code NOT_EQUALS} the value compared
 *     with (enums and strings compare as text, numbers as numbers)
 */
public record Condition(String path, Test test, JsonNode operand) {

    /** How the path's value is tested. */
    public enum Test {
        /** The path has a value, not null (operand true), or has none (operand false). */
        EXISTS,
        /** The path's value equals the operand. */
        EQUALS,
        /** The path's value is missing or differs from the operand. */
        NOT_EQUALS
    }

    /** @throws NullPointerException (fatal) if a part is missing */
    public Condition {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(operand, "operand");
    }

    /**
     * @param value the path's value, or null (or a JSON null) when it has none
     * @return whether the step runs
     */
    public boolean holds(JsonNode value) {
        boolean present = value != null && !value.isNull() && !value.isMissingNode();
        return switch (test) {
            case EXISTS -> present == operand.asBoolean();
            case EQUALS -> present && same(value, operand);
            case NOT_EQUALS -> !present || !same(value, operand);
        };
    }

    private static boolean same(JsonNode value, JsonNode expected) {
        if (value.isNumber() && expected.isNumber()) {
            return value.decimalValue().compareTo(expected.decimalValue()) == 0;
        }
        return value.asText().equals(expected.asText());
    }
}

package gov.gsb.admin.model;

import java.util.List;

/**
 * What a change or a lookup came to, when it is an outcome the API expects rather than a fault: found or created,
 * not found (404), in conflict with what exists (409), or refused as invalid for a reason a single field's rules
 * cannot see (400, naming the field). Faults are exceptions, mapped to problem responses in one place.
 *
 * @param <T> the value when there is one
 */
public sealed interface Result<T> {

    /** It worked; {@code value} is the object as it now stands. */
    record Ok<T>(T value) implements Result<T> {
    }

    /** A new object; {@code id} names it in its collection (the Location header). */
    record Created<T>(T value, String id) implements Result<T> {
    }

    /** The object (or one it refers to) does not exist. */
    record NotFound<T>(String detail) implements Result<T> {
    }

    /** The change clashes with what exists: a duplicate, a retired service, a revoked grant. */
    record Conflict<T>(String detail) implements Result<T> {
    }

    /**
     * The request is well-formed but some of its fields cannot be accepted here (a composite's definition may have
     * several problems at once: each is reported).
     */
    record Invalid<T>(List<FieldProblem> problems) implements Result<T> {

        /** Copies the list; at least one problem. */
        public Invalid {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an Invalid result names at least one problem");
            }
        }

        /** The first problem's field. */
        public String field() {
            return problems.get(0).field();
        }

        /** The first problem's message. */
        public String message() {
            return problems.get(0).message();
        }
    }

    /**
     * What is wrong with one field.
     *
     * @param field its path in the request, e.g. {@code definition.steps[1].service}
     * @param message what is wrong
     */
    record FieldProblem(String field, String message) {
    }

    static <T> Result<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Result<T> created(T value, String id) {
        return new Created<>(value, id);
    }

    static <T> Result<T> notFound(String detail) {
        return new NotFound<>(detail);
    }

    static <T> Result<T> conflict(String detail) {
        return new Conflict<>(detail);
    }

    static <T> Result<T> invalid(String field, String message) {
        return new Invalid<>(List.of(new FieldProblem(field, message)));
    }

    static <T> Result<T> invalid(List<FieldProblem> problems) {
        return new Invalid<>(problems);
    }
}

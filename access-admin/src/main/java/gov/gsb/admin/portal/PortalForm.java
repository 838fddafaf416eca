package gov.gsb.admin.portal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A form as the user filled it in: its values (to show them again) and what is wrong with them, per field and as a
 * whole. Field names are those of the request the form becomes ({@code owner.email}), so that Bean Validation's
 * property paths name the fields directly.
 */
public final class PortalForm {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();
    private String problem;

    /** A form with these values. */
    public static PortalForm of(Map<String, String> values) {
        PortalForm form = new PortalForm();
        values.forEach((k, v) -> form.values.put(k, v == null ? "" : v.strip()));
        return form;
    }

    /** A submitted form (its first value per field). */
    public static PortalForm of(MultivaluedMap<String, String> fields) {
        PortalForm form = new PortalForm();
        fields.forEach((k, v) -> form.values.put(k, v.isEmpty() || v.get(0) == null ? "" : v.get(0).strip()));
        return form;
    }

    /** The field's value as entered, or empty. */
    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** Whether the field holds this value (a selected option, a checked radio button). */
    public boolean is(String field, String value) {
        return value(field).equals(value);
    }

    /** The field's value, or null when it was left empty. */
    public String text(String field) {
        String v = value(field);
        return v.isEmpty() ? null : v;
    }

    /** What is wrong with the field, or null. */
    public String error(String field) {
        return errors.get(field);
    }

    /** What is wrong with the form as a whole (a conflict, something not found), or null. */
    public String problem() {
        return problem;
    }

    /** Whether nothing is wrong. */
    public boolean valid() {
        return errors.isEmpty() && problem == null;
    }

    /** How many fields are wrong (for the summary at the top of the form). */
    public int errorCount() {
        return errors.size();
    }

    /** Records what is wrong with a field (the first message per field stays). */
    public PortalForm reject(String field, String message) {
        errors.putIfAbsent(field, message);
        return this;
    }

    /** Records what is wrong with the form as a whole. */
    public PortalForm fail(String message) {
        problem = message;
        return this;
    }

    /** A whole number from a field, or null when empty; a field error when it is not one. */
    public Integer integer(String field) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            reject(field, "must be a whole number");
            return null;
        }
    }

    /** Runs Bean Validation on what the form became; each violation becomes its field's error. */
    public <T> boolean validate(Validator validator, T request, Map<String, String> fieldOfPath) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        violations.stream().sorted((a, b) -> a.getPropertyPath().toString().compareTo(b.getPropertyPath().toString()))
                .forEach(v -> {
                    String path = v.getPropertyPath().toString();
                    reject(fieldOfPath.getOrDefault(path, path), message(v));
                });
        return valid();
    }

    private static String message(ConstraintViolation<?> v) {
        Class<?> kind = v.getConstraintDescriptor().getAnnotation().annotationType();
        return kind == NotNull.class || kind == NotBlank.class ? "is required" : v.getMessage();
    }
}

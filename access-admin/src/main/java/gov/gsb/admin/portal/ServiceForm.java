package gov.gsb.admin.portal;

import gov.gsb.admin.model.Kind;
import gov.gsb.admin.model.OwnerContact;
import gov.gsb.admin.model.ServiceRequest;
import gov.gsb.admin.model.ServiceUpdate;
import gov.gsb.admin.model.ServiceView;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The register and update forms of a service: their fields, their defaults, and the request they become. */
final class ServiceForm {

    private static final long HOUR_MS = 3600L * 1000;
    private static final long DAY_MS = 24 * HOUR_MS;
    /** Retention is entered in hours or days; Bean Validation speaks of the request's milliseconds. */
    private static final Map<String, String> FIELDS = Map.of("retentionMs", "retention");

    private ServiceForm() {
    }

    /** An empty registration form with the catalog's defaults. */
    static PortalForm blank() {
        Map<String, String> values = new HashMap<>(retention(ServiceRequest.DEFAULT_RETENTION_MS));
        values.put("kind", "EVENT");
        values.put("partitions", String.valueOf(ServiceRequest.DEFAULT_PARTITIONS));
        return PortalForm.of(values);
    }

    /** The update form of a service, filled with what it is now. */
    static PortalForm of(ServiceView s) {
        Map<String, String> values = new HashMap<>(retention(s.retentionMs()));
        values.put("partitions", String.valueOf(s.partitions()));
        values.put("compatibility", s.compatibility());
        values.put("description", s.description());
        values.put("owner.name", s.owner().name());
        values.put("owner.email", s.owner().email());
        values.put("owner.phone", s.owner().phone());
        if (s.composite() != null) {
            values.put("definition", s.composite().yaml());
        }
        return PortalForm.of(values);
    }

    /** The registration the form makes, or empty with the form's errors set. */
    static Optional<ServiceRequest> registration(PortalForm form, Validator validator) {
        Kind kind = kind(form);
        Integer partitions = form.integer("partitions");
        Long retentionMs = retentionMs(form);
        // The text area is always on the form: only a composite's is taken (another kind's would be refused).
        String definition = kind == Kind.COMPOSITE ? form.text("definition") : null;
        ServiceRequest request = new ServiceRequest(form.text("name"), form.text("provider"), kind, partitions, retentionMs,
                form.text("compatibility"), form.text("description"), owner(form), definition, null);
        return form.validate(validator, request, FIELDS) ? Optional.of(request) : Optional.empty();
    }

    /** The update the form makes, or empty with the form's errors set. */
    static Optional<ServiceUpdate> update(PortalForm form, Validator validator) {
        Integer partitions = form.integer("partitions");
        Long retentionMs = retentionMs(form);
        ServiceUpdate update = new ServiceUpdate(partitions, retentionMs, form.text("compatibility"),
                form.text("description"), owner(form), form.text("definition"), null);
        return form.validate(validator, update, FIELDS) ? Optional.of(update) : Optional.empty();
    }

    private static OwnerContact owner(PortalForm form) {
        return new OwnerContact(form.text("owner.name"), form.text("owner.email"), form.text("owner.phone"));
    }

    /** The retention fields: a number and its unit, hours or days (-1 days: for ever); a field error otherwise. */
    private static Long retentionMs(PortalForm form) {
        String v = form.text("retention");
        if (v == null) {
            return null; // Bean Validation says it is required
        }
        long unit = form.is("retentionUnit", "hours") ? HOUR_MS : DAY_MS;
        try {
            BigDecimal amount = new BigDecimal(v);
            if (amount.compareTo(BigDecimal.ONE.negate()) == 0) {
                return -1L;
            }
            if (amount.signum() > 0) {
                return amount.multiply(BigDecimal.valueOf(unit)).setScale(0, RoundingMode.HALF_UP).longValueExact();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // not a number: said below
        }
        form.reject("retention", "must be a number greater than 0, or -1 to keep messages for ever");
        return null;
    }

    /**
     * A retention as the form shows it: whole days in days, anything else in hours, so that saving the form
     * unchanged keeps the retention as it was (a retention set through the API need not be whole days).
     */
    static Map<String, String> retention(long retentionMs) {
        if (retentionMs < 0) {
            return Map.of("retention", "-1", "retentionUnit", "days");
        }
        if (retentionMs % DAY_MS == 0) {
            return Map.of("retention", String.valueOf(retentionMs / DAY_MS), "retentionUnit", "days");
        }
        String hours = BigDecimal.valueOf(retentionMs).divide(BigDecimal.valueOf(HOUR_MS), 9, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
        return Map.of("retention", hours, "retentionUnit", "hours");
    }

    private static Kind kind(PortalForm form) {
        String v = form.text("kind");
        if (v == null) {
            return null; // Bean Validation says it is required
        }
        try {
            return Kind.valueOf(v);
        } catch (IllegalArgumentException e) {
            form.reject("kind", "must be EVENT, REQUEST_REPLY or COMPOSITE");
            return null;
        }
    }
}

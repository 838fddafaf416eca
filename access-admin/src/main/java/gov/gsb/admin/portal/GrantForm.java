package gov.gsb.admin.portal;

import gov.gsb.admin.model.GrantRequest;
import gov.gsb.admin.model.Operation;
import gov.gsb.admin.model.Permission;
import gov.gsb.admin.model.PrincipalKind;
import jakarta.validation.Validator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The grant editor's form and the {@link GrantRequest} it becomes. The editor has one picker per kind of principal
 * (fields {@code user}, {@code group}, {@code role}); the one the principal type names is the grant's principal, and
 * what is wrong with it is reported on the field {@code principal}.
 */
final class GrantForm {

    private GrantForm() {
    }

    /** An empty form, for a service when one is given. */
    static PortalForm blank(String service) {
        return PortalForm.of(Map.of("service", service == null ? "" : service, "permission", "ALLOW",
                "principalType", "GROUP"));
    }

    /** The request the form makes, or empty with the form's errors set. */
    static Optional<GrantRequest> read(PortalForm form, Validator validator) {
        Operation operation = choice(form, "operation", Operation::valueOf, "PUBLISH, SUBSCRIBE, REQUEST or SERVE");
        Permission permission = choice(form, "permission", Permission::valueOf, "ALLOW or DENY");
        PrincipalKind type = choice(form, "principalType", PrincipalKind::valueOf, "USER, GROUP or ROLE");
        String principal = type == null ? null : form.text(picker(type));
        GrantRequest request = new GrantRequest(form.text("service"), operation, type, principal, permission,
                form.text("consumerAgency"), form.text("comment"));
        return form.validate(validator, request, Map.of()) ? Optional.of(request) : Optional.empty();
    }

    /** The form field that holds the principal of this type. */
    static String picker(PrincipalKind type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    private static <E> E choice(PortalForm form, String field, Function<String, E> parse, String allowed) {
        if (form.text(field) == null) {
            return null; // Bean Validation says it is required
        }
        try {
            return parse.apply(form.value(field));
        } catch (IllegalArgumentException e) {
            form.reject(field, "must be " + allowed);
            return null;
        }
    }
}

package gov.gsb.admin.portal;

import gov.gsb.admin.grants.AccessCheck;
import gov.gsb.admin.model.AccessDecision;
import gov.gsb.admin.model.Operation;
import gov.gsb.admin.model.Result;
import gov.gsb.admin.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The effective-access checker: "may this user do this on this service, and why?", answered by {@link AccessCheck}
 * as the brokers decide. A question is a GET (it changes nothing), so an answer can be bookmarked and shared.
 */
@Path("/portal/access")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
public class AccessPage {

    @Inject
    AccessCheck access;
    @Inject
    Choices choices;

    @GET
    public Response check(@RestQuery String user, @RestQuery String operation, @RestQuery String service) {
        Map<String, String> values = new HashMap<>();
        values.put("user", user);
        values.put("operation", operation);
        values.put("service", service);
        PortalForm form = PortalForm.of(values);
        if (form.text("user") == null && form.text("operation") == null && form.text("service") == null) {
            return Response.ok(Pages.access(form, null, choices.forAccess())).build(); // nothing asked yet
        }
        for (String field : new String[] {"user", "operation", "service"}) {
            if (form.text(field) == null) {
                form.reject(field, "is required");
            }
        }
        Operation op = operation(form);
        if (!form.valid()) {
            return Outcomes.invalid(Pages.access(form, null, choices.forAccess()));
        }
        Result<AccessDecision> answer = access.check(form.text("user"), op, form.text("service"));
        return answer instanceof Result.Ok<AccessDecision> ok
                ? Response.ok(Pages.access(form, ok.value(), choices.forAccess())).build()
                : Outcomes.again(answer, form, () -> Pages.access(form, null, choices.forAccess()));
    }

    private static Operation operation(PortalForm form) {
        try {
            return form.text("operation") == null ? null : Operation.valueOf(form.value("operation"));
        } catch (IllegalArgumentException e) {
            form.reject("operation", "must be PUBLISH, SUBSCRIBE, REQUEST or SERVE");
            return null;
        }
    }
}

package gov.gsb.admin.portal;

import gov.gsb.admin.model.Result;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns a service's {@link Result} into what a browser should see after a form: on success a redirect (303, so that
 * reloading the next page does not post the form again), otherwise the form again with what went wrong, under the
 * status the API would answer (400, 404, 409).
 */
final class Outcomes {

    private Outcomes() {
    }

    static <T> Response of(Result<T> result, PortalForm form, Function<T, String> next, Supplier<TemplateInstance> page) {
        if (result instanceof Result.Ok<T> ok) {
            return seeOther(next.apply(ok.value()));
        }
        if (result instanceof Result.Created<T> created) {
            return seeOther(next.apply(created.value()));
        }
        return again(result, form, page);
    }

    /** For a button without a form of its own: a redirect on success, else an error page saying why. */
    static <T> Response done(Result<T> result, Function<T, String> next, String title) {
        if (result instanceof Result.Conflict<T> conflict) {
            return error(409, title, conflict.detail());
        }
        if (result instanceof Result.NotFound<T> notFound) {
            return error(404, title, notFound.detail());
        }
        if (result instanceof Result.Invalid<T> invalid) {
            return error(400, title, invalid.field() + ": " + invalid.message());
        }
        return of(result, PortalForm.of(Map.of()), next, () -> null); // Ok or Created: the redirect
    }

    /** The form again, with the refusal recorded on it. */
    static <T> Response again(Result<T> refused, PortalForm form, Supplier<TemplateInstance> page) {
        int status;
        if (refused instanceof Result.Invalid<T> invalid) {
            reject(form, invalid);
            status = 400;
        } else if (refused instanceof Result.Conflict<T> conflict) {
            form.fail(conflict.detail());
            status = 409;
        } else {
            form.fail(((Result.NotFound<T>) refused).detail());
            status = 404;
        }
        return Response.status(status).entity(page.get()).build();
    }

    /**
     * Records each problem on its field. A composite's definition is one text area, so every problem inside it
     * ({@code definition.steps[1].service}) is listed under that area, each with where it is.
     */
    private static void reject(PortalForm form, Result.Invalid<?> invalid) {
        StringBuilder definition = new StringBuilder();
        for (Result.FieldProblem p : invalid.problems()) {
            if (p.field().startsWith("definition.")) {
                definition.append(definition.length() == 0 ? "" : "\n").append(p.field().substring(11)).append(": ")
                        .append(p.message());
            } else {
                form.reject(p.field(), p.message());
            }
        }
        if (definition.length() > 0) {
            form.reject("definition", definition.toString());
        }
    }

    /** The form again after its fields failed validation. */
    static Response invalid(TemplateInstance page) {
        return Response.status(400).entity(page).build();
    }

    static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    /** An error page for people, e.g. a service that is not in the catalog. */
    static Response error(int status, String title, String message) {
        return Response.status(status).entity(Pages.error(status, title, message)).build();
    }
}

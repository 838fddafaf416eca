package gov.gsb.admin.rest;

import gov.gsb.admin.model.Result;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;

/** Turns the services' {@link Result}s into HTTP answers: the one place where expected outcomes get a status. */
final class Responses {

    private Responses() {
    }

    /** 200 or 201 (with Location) with the value; 404, 409 or 400 with a problem. */
    static <T> Response of(Result<T> result, UriInfo uri) {
        if (result instanceof Result.Ok<T> ok) {
            return Response.ok(ok.value()).build();
        }
        if (result instanceof Result.Created<T> created) {
            return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created.value()).build();
        }
        if (result instanceof Result.NotFound<T> notFound) {
            return problem(Status.NOT_FOUND, notFound.detail(), null);
        }
        if (result instanceof Result.Conflict<T> conflict) {
            return problem(Status.CONFLICT, conflict.detail(), null);
        }
        Result.Invalid<T> invalid = (Result.Invalid<T>) result; // the last of the sealed kinds
        String detail = invalid.problems().stream().map(p -> p.field() + ": " + p.message())
                .collect(java.util.stream.Collectors.joining("; "));
        return problem(Status.BAD_REQUEST, detail,
                invalid.problems().stream().map(p -> new Problem.Violation(p.field(), p.message())).toList());
    }

    /** 200 with the value, or 404 saying what was not found. */
    static <T> Response found(Optional<T> value, String what) {
        return value.map(v -> Response.ok(v).build()).orElseGet(() -> problem(Status.NOT_FOUND, "no " + what, null));
    }

    static Response problem(Status status, String detail, List<Problem.Violation> violations) {
        return problem(status, detail, null, violations);
    }

    static Response problem(Status status, String detail, String errorId, List<Problem.Violation> violations) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, errorId, violations))
                .build();
    }
}

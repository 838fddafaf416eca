package gov.gsb.admin.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import gov.gsb.admin.catalog.RegistryAdmin.RegistryException;
import gov.gsb.admin.keycloak.KeycloakException;
import gov.gsb.admin.portal.PortalErrors;
import io.quarkus.security.ForbiddenException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one exception mapper: every error answer is an {@code application/problem+json} {@link Problem}. Invalid
 * input is 400 with one violation per field; a fault is 5xx with an error id, under which the cause is logged
 * (the client is told what failed, never the stack). Expected outcomes (404, 409) are not exceptions: see
 * {@link Responses}.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    /** Bean Validation: each violation names its field, e.g. {@code owner.email}, or a query parameter. */
    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field)).toList();
        String detail = violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; "));
        return Responses.problem(Status.BAD_REQUEST, detail, violations);
    }

    /** A body that is not JSON, or whose values do not fit the fields (e.g. an unknown enum symbol). */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class, InvalidFormatException.class,
            JsonParseException.class})
    public Response unreadable(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = m instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()
                    ? "must be one of " + Arrays.toString(f.getTargetType().getEnumConstants())
                    : "cannot be read as the expected type";
            return Responses.problem(Status.BAD_REQUEST, field + " " + message, List.of(new Problem.Violation(field, message)));
        }
        return Responses.problem(Status.BAD_REQUEST, "the body is not valid JSON: " + e.getOriginalMessage(), null);
    }

    /** Authenticated, but without a role this operation allows (the portal's pages get a page). */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        if (PortalErrors.isPortal(uri.getPath())) {
            return PortalErrors.forbidden();
        }
        return Responses.problem(Status.FORBIDDEN,
                "this operation needs the realm role admin (changes) or admin or auditor (reads)", null);
    }

    /** JAX-RS's own answers (unknown path, wrong method or media type): their status, as a problem. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Status status = Status.fromStatusCode(e.getResponse().getStatus());
        if (status == null || status.getFamily() == Response.Status.Family.SERVER_ERROR) {
            return fault(Status.INTERNAL_SERVER_ERROR, "the request failed", e);
        }
        return Responses.problem(status, e.getMessage(), null);
    }

    /** Kafka failed: 503 when trying again may help, else 500. */
    @ServerExceptionMapper
    public Response kafka(KafkaException e) {
        return e instanceof RetriableException
                ? fault(Status.SERVICE_UNAVAILABLE, "Kafka did not answer in time; nothing or part of the change may be "
                        + "applied: try again", e)
                : fault(Status.INTERNAL_SERVER_ERROR, "Kafka refused: " + e.getMessage(), e);
    }

    /** Keycloak or the registry, which access-admin calls on the request's behalf, failed. */
    @ServerExceptionMapper({KeycloakException.class, RegistryException.class})
    public Response upstream(RuntimeException e) {
        return fault(Status.BAD_GATEWAY, e.getMessage(), e);
    }

    /** Anything else is a bug or an outage: logged with an id, the client gets the id. */
    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        return fault(Status.INTERNAL_SERVER_ERROR, "an unexpected error occurred", e);
    }

    private static Response fault(Status status, String detail, Throwable cause) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(cause, "error %s: %s", errorId, detail);
        return Responses.problem(status, detail + " (error id " + errorId + ")", errorId, null);
    }

    /** The field of a violation: its path without the method and parameter (a body's fields keep their path). */
    static String field(ConstraintViolation<?> v) {
        List<Path.Node> nodes = StreamSupport.stream(v.getPropertyPath().spliterator(), false).toList();
        if (nodes.size() <= 1) {
            return nodes.isEmpty() ? "" : nodes.get(0).getName();
        }
        // method.parameter[.field...]: a query parameter is named by its parameter, a body's field by its path
        List<Path.Node> rest = nodes.subList(nodes.size() > 2 ? 2 : 1, nodes.size());
        return rest.stream().map(Path.Node::getName).collect(Collectors.joining("."));
    }
}

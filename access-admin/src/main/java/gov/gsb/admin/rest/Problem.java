package gov.gsb.admin.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem, the body of every error answer ({@code application/problem+json}).
 *
 * @param type a URI naming the kind of problem ({@code about:blank}: the status says it all)
 * @param title the status's phrase
 * @param status the HTTP status
 * @param detail what went wrong, for people
 * @param errorId for faults: the id under which the server logged the cause
 * @param violations for invalid input: one entry per field
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String errorId, List<Violation> violations) {

    /** The media type of problems. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * What is wrong with one field.
     *
     * @param field its path in the request, e.g. {@code owner.email}, or a query parameter's name
     * @param message what is wrong
     */
    public record Violation(String field, String message) {
    }
}

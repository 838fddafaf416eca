package gov.gsb.composites;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Objects;

/**
 * The call that undoes a completed step. Its input may use the step's own reply ({@code $.steps.<step>.reply...}).
 *
 * @param service a two-way service, {@code <provider>.<name>}
 * @param method the operation, or null for {@code request}
 * @param timeout how long to wait for its reply, or null for the step's own timeout
 * @param input its request, field by field
 */
public record Compensation(String service, String method, Duration timeout, ObjectNode input) {

    /** @throws NullPointerException (fatal) if the service or input is missing */
    public Compensation {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(input, "input");
    }
}

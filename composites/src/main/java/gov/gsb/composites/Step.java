package gov.gsb.composites;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One step of a composite: a request to a two-way service, once the steps it comes after are done.
 *
 * @param name the step's name, unique in its composite
 * @param service the service called, {@code <provider>.<name>}
 * @param method the operation (the {@code gsb-method} header), or null for the default {@code request}
 * @param after the steps that must be done, or skipped, before this one starts (none: it starts at once)
 * @param when the condition under which it runs, or null to run always
 * @param timeout how long to wait for the service's reply
 * @param input the request, field by field (see {@link Mapping}); empty for a service whose request has no fields
 * @param compensation the call that undoes this step when a later one fails, or null if nothing needs undoing
 */
public record Step(String name, String service, String method, List<String> after, Condition when, Duration timeout,
                   ObjectNode input, Compensation compensation) {

    /** @throws NullPointerException (fatal) if the name, service, timeout or input is missing */
    public Step {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(input, "input");
        after = after == null ? List.of() : List.copyOf(after);
    }
}

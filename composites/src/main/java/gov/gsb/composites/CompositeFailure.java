package gov.gsb.composites;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a composite call failed, as the caller receives it: the orchestrator answers with a failure whose error code is
 * one of {@link #STEP_FAILED}, {@link #STEP_TIMEOUT}, {@link #STEP_INVALID} and whose message this class writes and
 * reads back. A caller using the producer SDK gets a {@code ServiceFailedException}:
 *
 * <pre>{@code
 * } catch (ServiceFailedException e) {
 *     CompositeFailure why = CompositeFailure.parse(e.errorCode(), e.getMessage()).orElseThrow();
 *     why.failedStep();      // "update-tax-address"
 *     why.compensated();     // ["register-address"], in the order they were undone
 * }
 * }</pre>
 *
 * The failed step's name also travels in the reply's header {@value #FAILED_STEP_HEADER}. Fatal for that call: the
 * completed steps have been undone; calling again starts a new process.
 *
 * @param errorCode one of the three codes
 * @param failedStep the step that failed
 * @param stepService the service that step called
 * @param cause the step's own error code and message (the provider's), or what went wrong building its request
 * @param compensated the steps undone, in the order they were undone (reverse order of completion)
 * @param notCompensated completed steps whose compensation failed or timed out: they need a person's attention
 */
public record CompositeFailure(String errorCode, String failedStep, String stepService, String cause,
                               List<String> compensated, List<String> notCompensated) {

    /** A step's service answered with a failure. */
    public static final String STEP_FAILED = "STEP_FAILED";
    /** A step's service did not answer within the step's timeout. */
    public static final String STEP_TIMEOUT = "STEP_TIMEOUT";
    /** A step's request could not be built (a path's value does not fit the service's request schema). */
    public static final String STEP_INVALID = "STEP_INVALID";
    /** The reply header naming the failed step. */
    public static final String FAILED_STEP_HEADER = "gsb-failed-step";

    private static final Pattern FORMAT = Pattern.compile(
            "step (\\S+) \\((\\S+)\\) (?:failed|timed out|could not be called): (.*?); compensated: \\[(.*?)\\]; "
                    + "not compensated: \\[(.*?)\\]", Pattern.DOTALL);

    /** Copies the lists. */
    public CompositeFailure {
        compensated = List.copyOf(compensated);
        notCompensated = List.copyOf(notCompensated);
    }

    /** @return the message the caller receives; {@link #parse} reads it back */
    public String message() {
        String verb = switch (errorCode) {
            case STEP_TIMEOUT -> "timed out";
            case STEP_INVALID -> "could not be called";
            default -> "failed";
        };
        return "step " + failedStep + " (" + stepService + ") " + verb + ": " + cause + "; compensated: ["
                + String.join(", ", compensated) + "]; not compensated: [" + String.join(", ", notCompensated) + "]";
    }

    /**
     * @param errorCode the failure's code
     * @param message its message
     * @return the failure, if it is a composite's step failure
     */
    public static Optional<CompositeFailure> parse(String errorCode, String message) {
        if (message == null || !List.of(STEP_FAILED, STEP_TIMEOUT, STEP_INVALID).contains(errorCode)) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(message);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new CompositeFailure(errorCode, m.group(1), m.group(2), m.group(3), list(m.group(4)),
                list(m.group(5))));
    }

    private static List<String> list(String joined) {
        return joined.isBlank() ? List.of() : Arrays.asList(joined.split(", "));
    }
}

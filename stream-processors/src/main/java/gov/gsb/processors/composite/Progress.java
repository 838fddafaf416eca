package gov.gsb.processors.composite;

import gov.gsb.composites.CompositeDefinition;
import gov.gsb.composites.Step;
import gov.gsb.processors.composite.ProcessState.CallStatus;
import gov.gsb.processors.composite.ProcessState.StepCall;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Where a process stands, read from its state and definition: what may start, what failed, what to undo next. */
final class Progress {

    private static final Set<CallStatus> DONE = Set.of(CallStatus.SUCCEEDED, CallStatus.SKIPPED);
    private static final Set<CallStatus> FAILED = Set.of(CallStatus.FAILED, CallStatus.TIMED_OUT, CallStatus.INVALID);

    private Progress() {
    }

    /** @return whether every step a step comes after is done (succeeded or skipped) */
    static boolean ready(ProcessState p, Step s) {
        return s.after().stream().allMatch(name -> DONE.contains(p.steps.get(name).status));
    }

    /** @return the first failed step, in the definition's order */
    static Optional<String> firstFailed(ProcessState p, CompositeDefinition d) {
        return d.steps().stream().map(Step::name).filter(n -> FAILED.contains(p.steps.get(n).status)).findFirst();
    }

    static boolean allDone(ProcessState p) {
        return p.steps.values().stream().allMatch(c -> DONE.contains(c.status));
    }

    static boolean anyRunning(Map<String, StepCall> calls) {
        return calls.values().stream().anyMatch(c -> c.status == CallStatus.RUNNING);
    }

    /** @return the completed step to undo next: the latest to complete among those not undone yet */
    static Optional<Step> nextToCompensate(ProcessState p, CompositeDefinition d) {
        return d.steps().stream()
                .filter(s -> s.compensation() != null && p.steps.get(s.name()).status == CallStatus.SUCCEEDED
                        && !p.compensations.containsKey(s.name()))
                .max(Comparator.comparingInt(s -> p.steps.get(s.name()).completionSeq));
    }

    /** @return the failure's error code for the caller */
    static String failureCode(StepCall failed) {
        return switch (failed.status) {
            case TIMED_OUT -> gov.gsb.composites.CompositeFailure.STEP_TIMEOUT;
            case INVALID -> gov.gsb.composites.CompositeFailure.STEP_INVALID;
            default -> gov.gsb.composites.CompositeFailure.STEP_FAILED;
        };
    }
}

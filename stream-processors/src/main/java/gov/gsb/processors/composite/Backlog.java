package gov.gsb.processors.composite;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How far behind the orchestrator's task is in reading its input, so that a step's timeout is judged fairly.
 *
 * <p>While the task is behind (a backlog, or a restart), a step's reply may already wait in its topic, written before
 * the deadline: then the step is due only once the messages taken from the topic its reply comes on pass its deadline
 * (the task may be behind on one topic and not on another). Once caught up, the clock decides.
 *
 * <p>"Behind" is decided at each tick: the oldest message taken between the last two ticks that took any was written
 * more than {@link #BEHIND_MS} earlier, and messages were taken within the last {@link #CAUGHT_UP_TICKS} ticks. Counted
 * in ticks, not time: a thread stalled in a long commit takes nothing, yet its input may be waiting.
 * One instance per task; not thread-safe (a task runs on one stream thread).
 */
final class Backlog {

    /** Taking messages written this much earlier than now means the task is behind. */
    static final long BEHIND_MS = 1000;
    /** Ticks in a row without a message taken after which the task counts as caught up (nothing is waiting). */
    static final int CAUGHT_UP_TICKS = 2;

    /** For each topic read, the latest timestamp among the messages taken from it: how far the task has read it. */
    private final Map<String, Long> readUpTo = new HashMap<>();
    /** The latest of {@link #readUpTo}'s values. */
    private long furthest = Long.MIN_VALUE;
    /** How old the oldest message taken between the last two ticks that took any was, when taken. */
    private long lastTakenAge;
    /** The same, for the messages taken since the last tick; {@code Long.MIN_VALUE}: none taken. */
    private long oldestSinceTick = Long.MIN_VALUE;
    private int ticksWithoutInput;
    private boolean behind;

    /** The task took a message from this topic, written at {@code writtenAt}; {@code now} by the task's clock. */
    void taken(String topic, long writtenAt, long now) {
        oldestSinceTick = Math.max(oldestSinceTick, now - writtenAt);
        readUpTo.merge(topic, writtenAt, Math::max);
        furthest = Math.max(furthest, writtenAt);
    }

    /** At every tick: decides whether the task counts as behind until the next one. */
    void tick() {
        boolean took = oldestSinceTick != Long.MIN_VALUE;
        if (took) {
            lastTakenAge = oldestSinceTick; // one fresh message among old ones does not make the task caught up
        }
        ticksWithoutInput = took ? 0 : ticksWithoutInput + 1;
        oldestSinceTick = Long.MIN_VALUE;
        behind = lastTakenAge > BEHIND_MS && ticksWithoutInput < CAUGHT_UP_TICKS;
    }

    boolean behind() {
        return behind;
    }

    /**
     * A call whose reply comes on this topic is due if its deadline is at or before the answer.
     *
     * @param replyTopic asked only while behind (working it out has a cost)
     */
    long dueBy(Supplier<String> replyTopic, long now) {
        return behind ? Math.min(now, readUpTo.getOrDefault(replyTopic.get(), Long.MIN_VALUE)) : now;
    }

    /** No call on any topic is due if its deadline is after the answer: a tick before then has nothing to do. */
    long anyDueBy(long now) {
        return behind ? Math.min(now, furthest) : now;
    }
}

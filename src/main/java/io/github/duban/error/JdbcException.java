package io.github.duban.error;

import java.time.YearMonth;

/**
 * The database refused or lost a statement; names the plan-month ({@link #planId()}, {@link #month()})
 * and what was being done ({@link #step()}, such as {@code "writing the results"}). Thread-safe once made.
 */
public final class JdbcException extends DubanException {
    /** The plan being run or read; null when not about one plan. */
    private final String planId;
    /** The month being run or read; null when not about one month. */
    private final YearMonth month;
    /** What was being done; null when not told. */
    private final String step;

    /**
     * A database failure not tied to one plan-month: {@code message} says what failed, {@code cause} is the
     * driver's error.
     */
    public JdbcException(String message, Throwable cause) {
        this(null, null, null, message, cause);
    }

    /** "plan P M: STEP failed: the driver's message". */
    public JdbcException(String planId, YearMonth month, String step, Throwable cause) {
        this(planId, month, step, "plan " + planId + " " + month + ": " + step + " failed: " + cause.getMessage(), cause);
    }

    private JdbcException(String planId, YearMonth month, String step, String message, Throwable cause) {
        super(message, cause);
        this.planId = planId;
        this.month = month;
        this.step = step;
    }

    /** The plan being run or read, or null when the failure was not about one plan. */
    public String planId() {
        return planId;
    }

    /** The month being run or read, or null when the failure was not about one month. */
    public YearMonth month() {
        return month;
    }

    /** What was being done: connecting, reading the facts, writing the results …; null when not told. */
    public String step() {
        return step;
    }
}

package io.github.duban.model;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * The reporting rule (工作进度报送): lead units report every month of the window
 * {@code from..to}, on or before day {@code dueDay}. Immutable and thread-safe.
 */
public record ReportingRule(YearMonth from, YearMonth to, int dueDay) {

    /**
     * Checks that the window is given and in order and the due day lies within 1..31 (a day past a month's end
     * falls on its last day).
     *
     * @throws IllegalArgumentException when the window ends before it starts or the due day is out of range
     */
    public ReportingRule {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("reporting window ends " + to + " before it starts " + from);
        }
        if (dueDay < 1 || dueDay > 31) {
            throw new IllegalArgumentException("dueDay " + dueDay + " is outside 1..31");
        }
    }

    /** Reports every month from {@code from} to {@code to}, both included, due on day {@code dueDay}. */
    public static ReportingRule of(YearMonth from, YearMonth to, int dueDay) {
        return new ReportingRule(from, to, dueDay);
    }

    /** True when {@code month} lies in the window, its first and last months included. */
    public boolean covers(YearMonth month) {
        return !month.isBefore(from) && !month.isAfter(to);
    }

    /** The first day of the window: the start of schedule progress. */
    public LocalDate start() {
        return from.atDay(1);
    }
}

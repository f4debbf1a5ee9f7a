package io.github.duban.importer;

import java.time.DayOfWeek;
import java.util.Objects;

/**
 * A repeating due date: {@code every} period, optionally on {@code month} (the n-th month of a
 * quarter or half-year, or the month of a year), {@code day} of that month, its last day, or a
 * {@code weekday}. Immutable and thread-safe.
 */
public record Recurrence(Period every, Integer month, Integer day, boolean lastDay, DayOfWeek weekday) {

    /** The period that repeats. */
    public enum Period { DAY, WEEK, TEN_DAYS, MONTH, QUARTER, HALF_YEAR, YEAR }

    public Recurrence {
        Objects.requireNonNull(every, "every");
    }
}

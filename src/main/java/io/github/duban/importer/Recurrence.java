package io.github.duban.importer;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A repeating due date: {@code every} period, optionally on {@code month} (the n-th month of a
 * quarter or half-year, or the month of a year), {@code day} of that month, its last day, or a
 * {@code weekday}; at a {@code time} of day when the phrase gives one (每周五下午5时前 → 17:00);
 * repeating {@code from} a date when the phrase says so (自2022年起每年6月底前 → 2022-01-01), else null.
 * Immutable and thread-safe.
 */
public record Recurrence(Period every, Integer month, Integer day, boolean lastDay, DayOfWeek weekday, LocalTime time,
                         LocalDate from) {

    /** The period that repeats. */
    public enum Period { DAY, WEEK, TEN_DAYS, MONTH, QUARTER, HALF_YEAR, YEAR }

    public Recurrence {
        Objects.requireNonNull(every, "every");
    }

    public Recurrence(Period every, Integer month, Integer day, boolean lastDay, DayOfWeek weekday) {
        this(every, month, day, lastDay, weekday, null, null);
    }

    Recurrence at(LocalTime t) {
        return new Recurrence(every, month, day, lastDay, weekday, t, from);
    }

    Recurrence since(LocalDate f) {
        return new Recurrence(every, month, day, lastDay, weekday, time, f);
    }
}

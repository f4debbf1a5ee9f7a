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
    public enum Period {
        /** Every day (每天, 每日). */
        DAY,
        /** Every week (每周). */
        WEEK,
        /** Every ten-day period of a month (每旬). */
        TEN_DAYS,
        /** Every month (每月). */
        MONTH,
        /** Every quarter (每季度). */
        QUARTER,
        /** Every half-year (每半年). */
        HALF_YEAR,
        /** Every year (每年). */
        YEAR
    }

    /** Checks that the period is given; every other component may be null (or false). */
    public Recurrence {
        Objects.requireNonNull(every, "every");
    }

    /** A recurrence with no time of day and no first date. */
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

package io.github.duban.engine;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The date reminders are drawn for, as the reminder rules (reminders.drl) see it, with the
 * working-day calendar to count by. Inserted only when reminders are asked for: without it the
 * reminder rules never fire. Counting only; the rules decide. Immutable and thread-safe.
 */
public record RemindDate(LocalDate date, WorkCalendar calendar) {

    /** Checks that the date and the calendar are given. */
    public RemindDate {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(calendar, "calendar");
    }

    /** True when the date is a working day. */
    public boolean workingDay() {
        return calendar.isWorkingDay(date);
    }

    /** Working days in [date, d) when the date is a working day before {@code d} (1: the last working day before it), else 0. */
    public int workingDaysBefore(LocalDate d) {
        if (d == null || !date.isBefore(d) || !workingDay()) {
            return 0;
        }
        return calendar.workingDaysBetween(date.minusDays(1), d.minusDays(1));
    }

    /** Working days in (d, date] when the date is a working day after {@code d} (1: the first working day after it), else 0. */
    public int workingDaysAfter(LocalDate d) {
        if (d == null || !date.isAfter(d) || !workingDay()) {
            return 0;
        }
        return calendar.workingDaysBetween(d, date);
    }

    /** Calendar days from the date to {@code d}: 1 the day before, 0 the day itself, negative after. */
    public int daysBefore(LocalDate d) {
        return (int) ChronoUnit.DAYS.between(date, d);
    }
}

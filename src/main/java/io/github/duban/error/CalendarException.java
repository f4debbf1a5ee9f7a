package io.github.duban.error;

import java.time.LocalDate;

/**
 * A date the working-day calendar cannot answer for: it lies outside the years the calendar
 * covers, so whether it is a working day is not known (it is never guessed). Names the date and
 * the years covered. Thread-safe once made.
 */
public final class CalendarException extends DubanException {
    private final LocalDate date;
    private final int firstYear;
    private final int lastYear;

    public CalendarException(LocalDate date, int firstYear, int lastYear) {
        super("the working-day calendar covers " + firstYear + "–" + lastYear + ", not " + date
                + "; give a calendar file holding the State Council's holidays of " + date.getYear()
                + " (--calendar FILE, docs/policy.md), or count in calendar days (calendar.workingDays and calendar.rollDueDate false)");
        this.date = date;
        this.firstYear = firstYear;
        this.lastYear = lastYear;
    }

    public LocalDate date() {
        return date;
    }

    public int firstYear() {
        return firstYear;
    }

    public int lastYear() {
        return lastYear;
    }
}

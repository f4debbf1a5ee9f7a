package io.github.duban.error;

import java.time.LocalDate;

/**
 * A date the working-day calendar cannot answer for: it lies outside the years the calendar
 * covers, so whether it is a working day is not known (it is never guessed). Names the date and
 * the years covered. Thread-safe once made.
 */
public final class CalendarException extends DubanException {
    /** The date asked about. */
    private final LocalDate date;
    /** The first year the calendar covers. */
    private final int firstYear;
    /** The last year the calendar covers. */
    private final int lastYear;

    /**
     * A calendar covering {@code firstYear..lastYear} asked about {@code date}; the message says how to give a
     * calendar that covers it, or to count in calendar days.
     */
    public CalendarException(LocalDate date, int firstYear, int lastYear) {
        super("the working-day calendar covers " + firstYear + "–" + lastYear + ", not " + date
                + "; give a calendar file holding the State Council's holidays of " + date.getYear()
                + " (--calendar FILE, docs/policy.md), or count in calendar days (calendar.workingDays and calendar.rollDueDate false)");
        this.date = date;
        this.firstYear = firstYear;
        this.lastYear = lastYear;
    }

    /** The date the calendar could not answer for. */
    public LocalDate date() {
        return date;
    }

    /** The first year the calendar covers. */
    public int firstYear() {
        return firstYear;
    }

    /** The last year the calendar covers (inclusive). */
    public int lastYear() {
        return lastYear;
    }
}

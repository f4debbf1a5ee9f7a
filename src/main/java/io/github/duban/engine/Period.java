package io.github.duban.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The time frame of one assessment, as the rules see it: the month, its first and last days, the
 * as-of date, the reporting window and its first day, the working-day calendar, and whether the
 * policy counts days in working days (DESIGN §3). {@code due} is null: the rules conclude the
 * month's due date ({@code ReportDue}); only the rules of a ruleset package of format 1, which
 * read it from here, are given it. Immutable and thread-safe.
 */
public record Period(YearMonth month, LocalDate asOf, LocalDate first, LocalDate last, LocalDate due,
                     YearMonth windowFrom, YearMonth windowTo, LocalDate windowStart,
                     WorkCalendar calendar, boolean workingDays) {

    /** Checks that the month, the as-of date and the calendar are given. */
    public Period {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(calendar, "calendar");
    }

    /** True when the month assessed is in the reporting window. */
    public boolean inWindow() {
        return !month.isBefore(windowFrom) && !month.isAfter(windowTo);
    }

    /** True when {@code d} falls in the month assessed. */
    public boolean inMonth(LocalDate d) {
        return d != null && !d.isBefore(first) && !d.isAfter(last);
    }

    /** Days from {@code a} to {@code b} as the policy counts them: plain date difference, or working days in (a, b]. */
    public int days(LocalDate a, LocalDate b) {
        return workingDays ? calendar.workingDaysBetween(a, b) : calendarDays(a, b);
    }

    /** The plain date difference b − a. */
    public int calendarDays(LocalDate a, LocalDate b) {
        return (int) ChronoUnit.DAYS.between(a, b);
    }

    /**
     * The rectify-by date for a case first criticised as of this date, as the rules of a ruleset
     * package of format 1 asked for it; the current rules conclude it themselves.
     *
     * @deprecated kept for ruleset packages of format 1
     */
    @Deprecated
    public LocalDate rectifyBy(int n) {
        return workingDays ? calendar.nthWorkingDayAfter(asOf, n) : asOf.plusDays(n);
    }

    /**
     * Schedule progress of a task with this deadline, as the rules of a ruleset package of format 1
     * asked for it; the current rules conclude it themselves (board.drl).
     *
     * @deprecated kept for ruleset packages of format 1
     */
    @Deprecated
    public BigDecimal schedule(LocalDate deadline) {
        long span = ChronoUnit.DAYS.between(windowStart, deadline);
        long done = ChronoUnit.DAYS.between(windowStart, asOf);
        if (span <= 0 || done >= span) {
            return BigDecimal.valueOf(100);
        }
        if (done <= 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(done * 100).divide(BigDecimal.valueOf(span), 4, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /** "2021年5月" */
    public static String chinese(YearMonth m) {
        return m.getYear() + "年" + m.getMonthValue() + "月";
    }
}

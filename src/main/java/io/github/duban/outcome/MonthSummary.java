package io.github.duban.outcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * The month in figures, as the summary rules concluded them: what the bulletin's overview and a
 * month-end summary state. Reports: the due date, how many were owed, on time (null while the due
 * date has not passed), late and missing. Tasks on the board: how many, and how many done, on
 * track, lagging and overdue, how many show a red and a yellow light; of the dated ones, how many
 * reached their schedule. Sanctions issued
 * by level, commendations, early completions and units scored. {@code shares}: the parts of the
 * whole as percents, as the bulletin's overview states them. Immutable and thread-safe.
 */
public record MonthSummary(YearMonth month, LocalDate reportsDue, int reportsOwed, Integer reportsOnTime,
                           int reportsLate, int reportsMissing, int tasks, int done, int onTrack, int lagging,
                           int overdue, int dated, int onSchedule, int notices, int criticisms, int exposures,
                           int commendations, int earlyCompletions, int unitsScored, int red, int yellow, Shares shares,
                           String rule) {
    /** Checks that the month and the shares are given. */
    public MonthSummary {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(shares, "shares");
    }

    /**
     * The month's parts as percents of their wholes: of the tasks on the board, those done, on
     * track, lagging and overdue; of the dated tasks, those on schedule; of the reports owed, those
     * on time ({@code reportsOnTime} null while the due date has not passed or when none were owed).
     * Immutable and thread-safe.
     */
    public record Shares(BigDecimal done, BigDecimal onTrack, BigDecimal lagging, BigDecimal overdue, BigDecimal onSchedule,
                         BigDecimal reportsOnTime) {
        /** Checks that the task shares are given. */
        public Shares {
            Objects.requireNonNull(done, "done");
            Objects.requireNonNull(onTrack, "onTrack");
            Objects.requireNonNull(lagging, "lagging");
            Objects.requireNonNull(overdue, "overdue");
            Objects.requireNonNull(onSchedule, "onSchedule");
        }
    }

    /**
     * {@code part} as a percent of {@code whole}, to one decimal, half up, trailing zeros dropped; 0
     * when the whole is 0. The arithmetic the summary rule states its shares with.
     */
    public static BigDecimal percentOf(int part, int whole) {
        if (whole <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal p = BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP).stripTrailingZeros();
        return p.scale() < 0 ? p.setScale(0) : p;
    }
}

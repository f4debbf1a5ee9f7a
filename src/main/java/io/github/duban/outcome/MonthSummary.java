package io.github.duban.outcome;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * The month in figures, as the summary rules concluded them: what the bulletin's overview and a
 * month-end summary state. Reports: the due date, how many were owed, on time (null while the due
 * date has not passed), late and missing. Tasks on the board: how many, and how many done, on
 * track, lagging and overdue, how many show a red and a yellow light; of the dated ones, how many
 * reached their schedule. Sanctions issued
 * by level, commendations, early completions and units scored. Immutable and thread-safe.
 */
public record MonthSummary(YearMonth month, LocalDate reportsDue, int reportsOwed, Integer reportsOnTime,
                           int reportsLate, int reportsMissing, int tasks, int done, int onTrack, int lagging,
                           int overdue, int dated, int onSchedule, int notices, int criticisms, int exposures,
                           int commendations, int earlyCompletions, int unitsScored, int red, int yellow, String rule) {
    /** Checks that the month is given. */
    public MonthSummary {
        Objects.requireNonNull(month, "month");
    }
}

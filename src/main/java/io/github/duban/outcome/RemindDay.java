package io.github.duban.outcome;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the rules conclude for a day of reminders, from one session: the assessment of the day's
 * month as of the day (board, findings, cases), the reports owed for the month ({@link ReportOwed}),
 * each lead unit's latest percent ({@link LatestPercent}) and the day's reminders. The month's
 * dispatch sheet (调度表) is written from it and decides nothing itself. Lists in a fixed order.
 * Immutable and thread-safe.
 */
public record RemindDay(LocalDate date, Assessment assessment, List<ReportOwed> owed, List<LatestPercent> latest,
                        List<Reminder> reminders) {
    /**
     * Checks that the date and the assessment are given; sorts the reports owed by unit, task and month and the
     * latest percents by unit and task, and copies the reminders.
     */
    public RemindDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(assessment, "assessment");
        owed = owed.stream().sorted(java.util.Comparator.comparing(ReportOwed::unit, Text.ORDER)
                .thenComparing(ReportOwed::task).thenComparing(ReportOwed::month)).toList();
        latest = latest.stream().sorted(java.util.Comparator.comparing(LatestPercent::unit, Text.ORDER)
                .thenComparing(LatestPercent::task)).toList();
        reminders = List.copyOf(reminders);
    }
}

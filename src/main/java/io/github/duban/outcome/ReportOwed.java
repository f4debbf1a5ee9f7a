package io.github.duban.outcome;

import java.time.LocalDate;
import java.time.YearMonth;

/** Inferred: a lead unit owes a progress report on a task for a month, due on a date. */
public record ReportOwed(int task, String unit, YearMonth month, LocalDate due, String rule) {
}

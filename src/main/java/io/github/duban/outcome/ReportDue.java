package io.github.duban.outcome;

import java.time.LocalDate;
import java.time.YearMonth;

/** Inferred: the day a month's progress reports are due (报送时限), with the rule and why. */
public record ReportDue(YearMonth month, LocalDate date, String rule, String reason) {
}

package io.github.duban.outcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A task's line on the board (挂图作战) as of the assessment date, every field concluded by the
 * board rules: its light and the bulletin's class ({@link TaskStatus}), the deadline in force, the
 * percent shown (100 for a task done), the percent as reported (the lowest lead unit's latest,
 * unknown counting as 0), the schedule progress (序时进度) and how many points the task is behind it
 * (dated tasks only, else null), the days it is overdue (null when it is not), whether it has
 * reached its schedule (done, or its percent at least its schedule; null for an ongoing task),
 * the rule that set the light and the reasons behind it. Immutable and thread-safe.
 */
public record BoardEntry(int task, Light light, TaskStatus status, LocalDate deadline, boolean ongoing, int percent,
                         int reportedPercent, BigDecimal schedule, BigDecimal behind, Integer daysOverdue,
                         Boolean onSchedule, String rule, List<String> reasons) {
    public BoardEntry {
        Objects.requireNonNull(light, "light");
        Objects.requireNonNull(status, "status");
        reasons = reasons.stream().distinct().sorted(Text.ORDER).toList();
    }
}

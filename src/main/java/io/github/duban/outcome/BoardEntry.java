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
    /** Checks that the light and the status are given; the reasons are kept once each, in code point order. */
    public BoardEntry {
        Objects.requireNonNull(light, "light");
        Objects.requireNonNull(status, "status");
        reasons = reasons.stream().distinct().sorted(Text.ORDER).toList();
    }

    /**
     * A board entry as the board rules of a ruleset package of format 1 concluded it: a light, the
     * deadline, the percent and the schedule. Its class is the light's (done, on track, lagging)
     * until the engine completes such an entry from the month's findings, as the bulletin of that
     * time did (an overdue task is one with a TASK_OVERDUE finding).
     */
    public BoardEntry(int task, Light light, LocalDate deadline, boolean ongoing, int percent, BigDecimal schedule, String rule,
                      List<String> reasons) {
        this(task, light, light == Light.DONE ? TaskStatus.DONE : light == Light.GREEN ? TaskStatus.ON_TRACK : TaskStatus.LAGGING,
                deadline, ongoing, percent, percent, schedule, ongoing || schedule == null ? null : schedule.subtract(BigDecimal.valueOf(percent)),
                null, ongoing || schedule == null ? null : light == Light.DONE || BigDecimal.valueOf(percent).compareTo(schedule) >= 0,
                rule, reasons);
    }
}

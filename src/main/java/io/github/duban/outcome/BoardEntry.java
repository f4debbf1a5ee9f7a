package io.github.duban.outcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A task's line on the board: its light, the deadline in force, the lowest lead percent
 * (unknown counting as 0), the schedule progress (序时进度, dated tasks only), the rule that set
 * the light and the reasons behind it. Immutable and thread-safe.
 */
public record BoardEntry(int task, Light light, LocalDate deadline, boolean ongoing, int percent, BigDecimal schedule,
                         String rule, List<String> reasons) {
    public BoardEntry {
        reasons = reasons.stream().distinct().sorted(Text.ORDER).toList();
    }
}

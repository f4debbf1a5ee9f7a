package io.github.duban.outcome;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Inferred: a task's lowest lead percent (unknown counting as 0), its deadline in force, its
 * schedule progress and how many points it is behind it (dated tasks; null for ongoing ones).
 */
public record TaskProgress(int task, int percent, LocalDate deadline, BigDecimal schedule, BigDecimal behind, String rule) {

    /** True for a dated task more than {@code points} behind its schedule. */
    public boolean behindMoreThan(int points) {
        return behind != null && behind.compareTo(BigDecimal.valueOf(points)) > 0;
    }
}

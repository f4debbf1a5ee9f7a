package io.github.duban.outcome;

import java.time.LocalDate;

/** Inferred: a dated task past its deadline in force and not completed by the as-of date, and by how many days. */
public record OverdueTask(int task, int days, LocalDate deadline, String rule) {
}

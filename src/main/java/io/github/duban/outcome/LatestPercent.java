package io.github.duban.outcome;

import io.github.duban.model.ProgressReport;

/** Inferred: a lead unit's latest percent on a task, and the report it comes from. */
public record LatestPercent(int task, String unit, int percent, ProgressReport report, String rule) {
}

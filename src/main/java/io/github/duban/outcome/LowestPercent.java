package io.github.duban.outcome;

/** Inferred: the lowest latest percent among a task's lead units, unknown counting as 0. */
public record LowestPercent(int task, int percent, String rule) {
}

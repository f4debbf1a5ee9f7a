package io.github.duban.outcome;

/** Inferred: a unit that gets a score this month. */
public record ScoredUnit(String unit, String rule) {
}

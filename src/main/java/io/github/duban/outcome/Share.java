package io.github.duban.outcome;

import java.math.BigDecimal;

/**
 * Inferred: the weight at which a unit answers for a (unit, task) matter of the month: 1 for a
 * task it leads or a unit-wide matter, the policy's supporting weight for a task it supports;
 * {@code clause} names the policy key behind a weight other than the lead's (null otherwise).
 * Immutable and thread-safe.
 */
public record Share(String unit, Integer task, BigDecimal weight, boolean supporting, String clause, String rule) {
}

package io.github.duban.outcome;

/**
 * Inferred: a unit issued a sanction of {@code level} this month is rated no better than
 * {@code rating} (the policy's rating ceiling of that level), with the rule and why.
 */
public record RatingCeiling(String unit, EscalationLevel level, Rating rating, String rule, String reason) {
}

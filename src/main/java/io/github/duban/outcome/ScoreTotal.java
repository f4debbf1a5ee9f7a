package io.github.duban.outcome;

import java.math.BigDecimal;
import java.util.List;

/**
 * Inferred: a unit's score before ranking, its deductions (≤ 0, what a cap gives back counted
 * against them) and bonuses (≥ 0, at most the bonus cap), the rating its band gives, and its lines.
 */
public record ScoreTotal(String unit, BigDecimal score, BigDecimal deductions, BigDecimal bonuses, Rating rating,
                         List<ScoreLine> lines, String rule) {
    /** Copies the lines. */
    public ScoreTotal {
        lines = List.copyOf(lines);
    }

    /**
     * A total as the scoring rules of a ruleset package of format 1 concluded it: without its
     * deductions and bonuses, which those rules summed inside the score.
     */
    public ScoreTotal(String unit, BigDecimal score, Rating rating, List<ScoreLine> lines, String rule) {
        this(unit, score, null, null, rating, lines, rule);
    }
}

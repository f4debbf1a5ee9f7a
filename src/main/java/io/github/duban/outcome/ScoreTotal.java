package io.github.duban.outcome;

import java.math.BigDecimal;
import java.util.List;

/**
 * Inferred: a unit's score before ranking, its deductions (≤ 0, what a cap gives back counted
 * against them) and bonuses (≥ 0, at most the bonus cap), the rating its band gives, and its lines.
 */
public record ScoreTotal(String unit, BigDecimal score, BigDecimal deductions, BigDecimal bonuses, Rating rating,
                         List<ScoreLine> lines, String rule) {
    public ScoreTotal {
        lines = List.copyOf(lines);
    }
}

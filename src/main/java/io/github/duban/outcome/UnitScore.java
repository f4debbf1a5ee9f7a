package io.github.duban.outcome;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A unit's monthly score (考核得分) as the scoring rules concluded it: the score, its rating and
 * rank, the deductions (≤ 0: the negative lines, with what a category's cap gives back) and the
 * bonuses (≥ 0: the positive lines, at most the bonus cap) such that score = clamp(base +
 * deductions + bonuses), the sanction level whose rating ceiling capped the rating (null when none
 * did), and every line that made it. Immutable and thread-safe.
 */
public record UnitScore(String unit, BigDecimal score, Rating rating, int rank, BigDecimal deductions,
                        BigDecimal bonuses, EscalationLevel ceiling, List<ScoreLine> lines, String rule,
                        String reason) {
    static final Comparator<ScoreLine> LINES = Comparator
            .comparing(ScoreLine::task, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ScoreLine::kind)
            .thenComparing(ScoreLine::points)
            .thenComparing(ScoreLine::reason, Text.ORDER);

    /**
     * Checks that the unit, the score and the rating are given, and sorts the lines by task (unit-wide lines
     * first), kind, points and reason.
     */
    public UnitScore {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(rating, "rating");
        lines = lines.stream().sorted(LINES).toList();
    }

    /**
     * A score as the scoring rules of a ruleset package of format 1 concluded it: without its
     * deductions, bonuses and rating ceiling (format 1 had none), which the engine fills in for
     * such a package from its lines and policy as those rules summed them.
     */
    public UnitScore(String unit, BigDecimal score, Rating rating, int rank, List<ScoreLine> lines, String rule, String reason) {
        this(unit, score, rating, rank, null, null, null, lines, rule, reason);
    }
}

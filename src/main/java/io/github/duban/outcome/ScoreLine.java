package io.github.duban.outcome;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One line of a unit's monthly score: what it is for ({@code kind}: a finding kind, a sanction
 * level, or {@code CAPPED} for the part of a category's deductions beyond its monthly cap), the
 * task, the signed points, the rule that made it, a Chinese reason, the finding or sanction behind
 * it, the policy clauses (key paths such as {@code points.reportLate}, {@code supportingWeight})
 * that gave the points, and the category the line is capped in (null when none).
 * Immutable and thread-safe.
 */
public record ScoreLine(String unit, String kind, Integer task, BigDecimal points, String rule, String reason,
                        Object source, List<String> clauses, String category) {
    /** Checks that the unit, the kind and the points are given; null clauses are none. */
    public ScoreLine {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(points, "points");
        clauses = clauses == null ? List.of() : List.copyOf(clauses);
    }

    /** A line without policy clauses or category. */
    public ScoreLine(String unit, String kind, Integer task, BigDecimal points, String rule, String reason, Object source) {
        this(unit, kind, task, points, rule, reason, source, List.of(), null);
    }
}

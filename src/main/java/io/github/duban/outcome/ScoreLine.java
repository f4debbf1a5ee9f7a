package io.github.duban.outcome;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of a unit's monthly score: what it is for ({@code kind}: a finding kind or a sanction
 * level), the task, the signed points, the rule that made it, a Chinese reason and the finding
 * or sanction behind it. Immutable and thread-safe.
 */
public record ScoreLine(String unit, String kind, Integer task, BigDecimal points, String rule, String reason,
                        Object source) {
    public ScoreLine {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(points, "points");
    }
}

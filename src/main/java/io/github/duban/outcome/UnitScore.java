package io.github.duban.outcome;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A unit's monthly score (考核得分), rating and rank, with every line that made it. Immutable and thread-safe. */
public record UnitScore(String unit, BigDecimal score, Rating rating, int rank, List<ScoreLine> lines, String rule,
                        String reason) {
    static final Comparator<ScoreLine> LINES = Comparator
            .comparing(ScoreLine::task, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ScoreLine::kind)
            .thenComparing(ScoreLine::points)
            .thenComparing(ScoreLine::reason, Text.ORDER);

    public UnitScore {
        Objects.requireNonNull(unit, "unit");
        lines = lines.stream().sorted(LINES).toList();
    }
}

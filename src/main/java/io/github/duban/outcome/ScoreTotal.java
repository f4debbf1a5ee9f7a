package io.github.duban.outcome;

import java.math.BigDecimal;
import java.util.List;

/** A unit's score and rating before ranking, with its lines. Immutable and thread-safe. */
public record ScoreTotal(String unit, BigDecimal score, Rating rating, List<ScoreLine> lines, String rule) {
    public ScoreTotal {
        lines = List.copyOf(lines);
    }
}

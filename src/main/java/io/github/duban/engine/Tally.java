package io.github.duban.engine;

import java.time.YearMonth;
import java.util.Objects;

/**
 * The sign that a month's findings, sanctions and score lines are all drawn: the engine inserts it
 * once the rules have come to rest, and the scoring rules take each unit's total and rank only when
 * it is there. Without it a unit would be totalled and ranked again after every batch of lines the
 * other rules draw; with it, once. The scores are the same either way: a total always sums every
 * line in force. Immutable and thread-safe.
 */
public record Tally(YearMonth month) {

    public Tally {
        Objects.requireNonNull(month, "month");
    }
}

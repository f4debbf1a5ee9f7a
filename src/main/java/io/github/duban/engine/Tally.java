package io.github.duban.engine;

import java.time.YearMonth;
import java.util.Objects;

/**
 * The sign that a month's findings, sanctions, score lines and light signals are all drawn: the
 * engine inserts it once the rules have come to rest, and the rules that sum or weigh all of them
 * (a category's cap, a unit's total and rank, a task's red, yellow or green light) fire only when
 * it is there. Without it a unit would be totalled and ranked again, and a light set and withdrawn
 * again, after every batch of conclusions the other rules draw; with it, once. The answers are the
 * same either way: truth maintenance withdraws whatever a later fact undoes. Immutable and
 * thread-safe.
 */
public record Tally(YearMonth month) {

    public Tally {
        Objects.requireNonNull(month, "month");
    }
}

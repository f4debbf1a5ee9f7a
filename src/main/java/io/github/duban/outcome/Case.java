package io.github.duban.outcome;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One (unit, task) matter under escalation (督办事项) as the month leaves it: its level, its
 * rectify-by date, whether it is still open, the date and kinds of the findings that last raised
 * it, when it opened and, if closed, when and by what. Immutable and thread-safe.
 */
public record Case(String unit, Integer task, EscalationLevel level, LocalDate rectifyBy, boolean open,
                   LocalDate raisedOn, List<FindingKind> raisedBy, LocalDate openedOn, LocalDate closedOn,
                   String closedBy, String rule, String reason) implements Comparable<Case> {
    /**
     * Checks that the unit, the level and the raising date are given; the raising kinds are kept once each, in
     * the order {@link FindingKind} declares them.
     */
    public Case {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(raisedOn, "raisedOn");
        raisedBy = raisedBy.stream().distinct().sorted().toList();
    }

    /** The matter this case is about: its unit and task (null for a unit-wide matter). */
    public CaseKey key() {
        return new CaseKey(unit, task);
    }

    @Override
    public int compareTo(Case o) {
        return key().compareTo(o.key());
    }
}

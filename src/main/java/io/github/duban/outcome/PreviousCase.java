package io.github.duban.outcome;

import java.time.LocalDate;
import java.util.List;

/** A case open in the ledger of the previous month, as the rules read it. */
public record PreviousCase(CaseKey key, EscalationLevel level, LocalDate rectifyBy, LocalDate raisedOn,
                           List<FindingKind> raisedBy, LocalDate openedOn) {
    /** Copies the raising kinds. */
    public PreviousCase {
        raisedBy = List.copyOf(raisedBy);
    }

    /**
     * The previous month's case {@code c} as the rules read it: its matter, level, rectify-by date, what last
     * raised it and when it opened.
     */
    public static PreviousCase of(Case c) {
        return new PreviousCase(c.key(), c.level(), c.rectifyBy(), c.raisedOn(), c.raisedBy(), c.openedOn());
    }
}

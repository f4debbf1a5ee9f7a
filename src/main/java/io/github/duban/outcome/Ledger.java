package io.github.duban.outcome;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** The cases a month leaves open (台账), carried to the next month. Versioned. Immutable and thread-safe. */
public record Ledger(int version, YearMonth period, LocalDate asOf, String ruleset, List<Case> cases) {
    /** The ledger version this duban writes and reads. */
    public static final int VERSION = 1;

    /** Sorts the cases by unit (code point order), then task, unit-wide matters first. */
    public Ledger {
        cases = cases.stream().sorted().toList();
    }
}

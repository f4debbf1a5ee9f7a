package io.github.duban.outcome;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * One month's assessment as of a date: the findings, the sanctions issued, every scored unit's
 * score, the task board, the cases (open at the as-of date or closed in the month) and the facts
 * set aside. Lists are in a fixed order. Immutable and thread-safe.
 */
public record Assessment(YearMonth period, LocalDate asOf, String ruleset, List<Finding> findings,
                         List<Sanction> sanctions, List<UnitScore> scores, List<BoardEntry> board,
                         List<Case> cases, List<Ignored> ignored) {
    public Assessment {
        findings = List.copyOf(findings);
        sanctions = List.copyOf(sanctions);
        scores = List.copyOf(scores);
        board = List.copyOf(board);
        cases = List.copyOf(cases);
        ignored = List.copyOf(ignored);
    }

    /** The ledger the next month needs: the cases still open. */
    public Ledger ledger() {
        return new Ledger(Ledger.VERSION, period, asOf, ruleset, cases.stream().filter(Case::open).toList());
    }
}

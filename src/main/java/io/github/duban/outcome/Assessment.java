package io.github.duban.outcome;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * One month's assessment as of a date: the findings, the sanctions issued, every scored unit's
 * score, the task board, the cases (open at the as-of date or closed in the month) and the facts
 * set aside, and how many progress reports were owed for the month ({@code -1}: not counted).
 * Lists are in a fixed order. Immutable and thread-safe.
 */
public record Assessment(YearMonth period, LocalDate asOf, String ruleset, List<Finding> findings,
                         List<Sanction> sanctions, List<UnitScore> scores, List<BoardEntry> board,
                         List<Case> cases, List<Ignored> ignored, int reportsOwed) {
    public Assessment {
        findings = List.copyOf(findings);
        sanctions = List.copyOf(sanctions);
        scores = List.copyOf(scores);
        board = List.copyOf(board);
        cases = List.copyOf(cases);
        ignored = List.copyOf(ignored);
        if (reportsOwed < -1) {
            throw new IllegalArgumentException("reportsOwed " + reportsOwed + " is below -1");
        }
    }

    /** An assessment whose owed reports were not counted. */
    public Assessment(YearMonth period, LocalDate asOf, String ruleset, List<Finding> findings,
                      List<Sanction> sanctions, List<UnitScore> scores, List<BoardEntry> board,
                      List<Case> cases, List<Ignored> ignored) {
        this(period, asOf, ruleset, findings, sanctions, scores, board, cases, ignored, -1);
    }

    /** The ledger the next month needs: the cases still open. */
    public Ledger ledger() {
        return new Ledger(Ledger.VERSION, period, asOf, ruleset, cases.stream().filter(Case::open).toList());
    }
}

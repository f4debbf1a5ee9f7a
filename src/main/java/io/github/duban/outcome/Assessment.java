package io.github.duban.outcome;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * One month's assessment as of a date: the findings, the sanctions issued, every scored unit's
 * score, the task board, the cases (open at the as-of date or closed in the month), the facts
 * set aside, and the month in figures ({@code summary}, null when the rules in force conclude
 * none). Lists are in a fixed order. Immutable and thread-safe.
 */
public record Assessment(YearMonth period, LocalDate asOf, String ruleset, List<Finding> findings,
                         List<Sanction> sanctions, List<UnitScore> scores, List<BoardEntry> board,
                         List<Case> cases, List<Ignored> ignored, MonthSummary summary) {

    /** Copies the lists, so the assessment cannot change. */
    public Assessment {
        findings = List.copyOf(findings);
        sanctions = List.copyOf(sanctions);
        scores = List.copyOf(scores);
        board = List.copyOf(board);
        cases = List.copyOf(cases);
        ignored = List.copyOf(ignored);
    }

    /** How many progress reports were owed for the month; -1 when the rules concluded no summary. */
    public int reportsOwed() {
        return summary == null ? -1 : summary.reportsOwed();
    }

    /** The ledger the next month needs: the cases still open. */
    public Ledger ledger() {
        return new Ledger(Ledger.VERSION, period, asOf, ruleset, cases.stream().filter(Case::open).toList());
    }
}

package io.github.duban.oracle;

import io.github.duban.outcome.EscalationLevel;
import io.github.duban.outcome.FindingKind;
import io.github.duban.outcome.Light;
import io.github.duban.outcome.Rating;
import io.github.duban.outcome.TaskStatus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/**
 * What the {@link Oracle} computes for one month as of a date: the same parts as the engine's
 * assessment, as plain records, so the two can be compared field by field.
 */
public record OracleResult(YearMonth period, LocalDate asOf, List<Finding> findings, List<Sanction> sanctions,
                           List<Score> scores, List<Board> board, List<Case> cases, List<Ignored> ignored,
                           Counts counts) {

    public OracleResult {
        findings = List.copyOf(findings);
        sanctions = List.copyOf(sanctions);
        scores = List.copyOf(scores);
        board = List.copyOf(board);
        cases = List.copyOf(cases);
        ignored = List.copyOf(ignored);
    }

    /** A finding of the month (DESIGN §4). {@code days} where it is counted, {@code person} for inspections. */
    public record Finding(FindingKind kind, String unit, Integer task, LocalDate on, Integer days, String person) {
    }

    /** A sanction issued this month (DESIGN §5). */
    public record Sanction(EscalationLevel level, String unit, Integer task, YearMonth issued, LocalDate rectifyBy,
                           List<String> persons) {
    }

    /** A unit's score, rating and rank, deductions (≤ 0) and bonuses (≥ 0) (DESIGN §6). */
    public record Score(String unit, BigDecimal score, Rating rating, int rank, BigDecimal deductions, BigDecimal bonuses) {
    }

    /**
     * A task's line on the board (DESIGN §4, the task board): light, class, deadline in force, the
     * percent shown (100 when done) and as reported, schedule progress, days overdue.
     */
    public record Board(int task, Light light, TaskStatus status, LocalDate deadline, int percent, int reportedPercent,
                        BigDecimal schedule, Integer daysOverdue) {
    }

    /**
     * A case as the month leaves it (DESIGN §5): level, rectify-by, open or closed (and when),
     * the date and kinds of the findings that raised it (decisions §11, §12).
     */
    public record Case(String unit, Integer task, EscalationLevel level, LocalDate rectifyBy, boolean open,
                       LocalDate raisedOn, Set<FindingKind> raisedBy, LocalDate closedOn) {
    }

    /** The month's counts: reports owed, on time (null before the due date has passed), late, missing; tasks by class. */
    public record Counts(LocalDate reportsDue, int owed, Integer onTime, int late, int missing, int done, int onTrack,
                         int lagging, int overdue, int onSchedule) {
    }

    /** A fact set aside (DESIGN §4): "report", "completion" or "extension". */
    public record Ignored(String fact, Integer task, String unit, LocalDate on, String reason) {
    }

    /** The ledger the next month needs: the cases still open. */
    public OracleLedger ledger() {
        return new OracleLedger(period, asOf, cases.stream().filter(Case::open).toList());
    }
}

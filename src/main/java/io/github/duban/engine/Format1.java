package io.github.duban.engine;

import io.github.duban.model.Policy;
import io.github.duban.outcome.BoardEntry;
import io.github.duban.outcome.EscalationLevel;
import io.github.duban.outcome.Finding;
import io.github.duban.outcome.FindingKind;
import io.github.duban.outcome.Light;
import io.github.duban.outcome.MonthSummary;
import io.github.duban.outcome.ScoreLine;
import io.github.duban.outcome.Sanction;
import io.github.duban.outcome.TaskStatus;
import io.github.duban.outcome.UnitScore;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the rules of a ruleset package of format 1 did not conclude and the engine of that time
 * worked out itself, worked out the same way for such a package: a unit's deductions and bonuses
 * (as those rules' score summed its lines), a task's class on the board (an overdue task is one
 * with a TASK_OVERDUE finding, as the bulletin of that time read it) and the month in figures
 * (reports owed counted from the month's ReportOwed facts). Nothing here serves rules of format 2,
 * which conclude all of it. Stateless and thread-safe.
 */
final class Format1 {

    static final String RULE = "the engine, for the rules of a ruleset package of format 1";

    private Format1() {
    }

    /** The score with its deductions and bonuses as the format-1 rules summed them (no rating ceiling: format 1 had none). */
    static UnitScore score(UnitScore s, Policy policy) {
        if (s.deductions() != null && s.bonuses() != null) {
            return s;
        }
        BigDecimal deductions = BigDecimal.ZERO;
        BigDecimal bonuses = BigDecimal.ZERO;
        for (ScoreLine l : s.lines()) {
            if (l.points().signum() < 0 || "CAPPED".equals(l.kind())) {
                deductions = deductions.add(l.points());
            } else {
                bonuses = bonuses.add(l.points());
            }
        }
        return new UnitScore(s.unit(), s.score(), s.rating(), s.rank(), plain(deductions), plain(bonuses.min(policy.bonusCap())),
                null, s.lines(), s.rule(), s.reason());
    }

    /** The entry with an overdue task classed overdue, with the days its TASK_OVERDUE finding gives. */
    static BoardEntry board(BoardEntry b, List<Finding> findings) {
        Integer days = null;
        for (Finding f : findings) {
            if (f.kind() == FindingKind.TASK_OVERDUE && f.task() != null && f.task() == b.task()) {
                int d = f.days() == null ? 0 : f.days();
                days = days == null ? d : Math.max(days, d);
            }
        }
        if (days == null || b.light() == Light.DONE) {
            return b;
        }
        return new BoardEntry(b.task(), b.light(), TaskStatus.OVERDUE, b.deadline(), b.ongoing(), b.percent(), b.reportedPercent(),
                b.schedule(), b.behind(), days, b.onSchedule(), b.rule(), b.reasons());
    }

    /** The month in figures from the month's conclusions, reports owed counted from its ReportOwed facts. */
    static MonthSummary summary(YearMonth month, LocalDate asOf, LocalDate due, int owed, List<Finding> findings, List<Sanction> sanctions,
                                List<BoardEntry> board, List<UnitScore> scores) {
        Map<FindingKind, Integer> kinds = new TreeMap<>();
        findings.forEach(f -> kinds.merge(f.kind(), 1, Integer::sum));
        Map<EscalationLevel, Integer> levels = new TreeMap<>();
        sanctions.forEach(s -> levels.merge(s.level(), 1, Integer::sum));
        Map<TaskStatus, Integer> statuses = new TreeMap<>();
        board.forEach(b -> statuses.merge(b.status(), 1, Integer::sum));
        int late = kinds.getOrDefault(FindingKind.REPORT_LATE, 0);
        int missing = kinds.getOrDefault(FindingKind.REPORT_MISSING, 0);
        List<BoardEntry> dated = new ArrayList<>(board.stream().filter(b -> !b.ongoing()).toList());
        int onSchedule = (int) dated.stream().filter(b -> Boolean.TRUE.equals(b.onSchedule())).count();
        Integer onTime = asOf.isAfter(due) ? Integer.valueOf(owed - late - missing) : null;
        int done = statuses.getOrDefault(TaskStatus.DONE, 0);
        int onTrack = statuses.getOrDefault(TaskStatus.ON_TRACK, 0);
        int lagging = statuses.getOrDefault(TaskStatus.LAGGING, 0);
        int overdue = statuses.getOrDefault(TaskStatus.OVERDUE, 0);
        MonthSummary.Shares shares = new MonthSummary.Shares(MonthSummary.percentOf(done, board.size()),
                MonthSummary.percentOf(onTrack, board.size()), MonthSummary.percentOf(lagging, board.size()),
                MonthSummary.percentOf(overdue, board.size()), MonthSummary.percentOf(onSchedule, dated.size()),
                onTime != null && owed > 0 ? MonthSummary.percentOf(onTime, owed) : null);
        return new MonthSummary(month, due, owed, onTime, late, missing,
                board.size(), statuses.getOrDefault(TaskStatus.DONE, 0), statuses.getOrDefault(TaskStatus.ON_TRACK, 0),
                statuses.getOrDefault(TaskStatus.LAGGING, 0), statuses.getOrDefault(TaskStatus.OVERDUE, 0), dated.size(), onSchedule,
                levels.getOrDefault(EscalationLevel.NOTICE, 0), levels.getOrDefault(EscalationLevel.CRITICISM, 0),
                levels.getOrDefault(EscalationLevel.EXPOSURE, 0), kinds.getOrDefault(FindingKind.COMMENDED, 0),
                kinds.getOrDefault(FindingKind.TASK_COMPLETED_EARLY, 0), scores.size(),
                (int) board.stream().filter(b -> b.light() == Light.RED).count(),
                (int) board.stream().filter(b -> b.light() == Light.YELLOW).count(), shares, RULE);
    }

    private static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}

package io.github.duban.rules;

import io.github.duban.engine.Duban;
import io.github.duban.model.Completion;
import io.github.duban.model.Deadline;
import io.github.duban.model.Extension;
import io.github.duban.model.Facts;
import io.github.duban.model.Goal;
import io.github.duban.model.InspectionFinding;
import io.github.duban.model.InspectionKind;
import io.github.duban.model.Plan;
import io.github.duban.model.ProgressReport;
import io.github.duban.model.Rectification;
import io.github.duban.model.ReportingRule;
import io.github.duban.model.Stage;
import io.github.duban.model.Task;
import io.github.duban.model.Unit;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.BoardEntry;
import io.github.duban.outcome.Case;
import io.github.duban.outcome.Finding;
import io.github.duban.outcome.FindingKind;
import io.github.duban.outcome.Ledger;
import io.github.duban.outcome.Sanction;
import io.github.duban.outcome.UnitScore;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The small plan every rule test runs on, and helpers to state facts and read conclusions.
 *
 * <pre>
 * window 2021-02..2021-06, reports due on the 25th, schedule progress starts 2021-02-01
 * task 1  deadline 2021-04-30  leads ALPHA, BRAVO   supporting DELTA, TOWNS (a group)
 * task 2  deadline 2021-05-31  lead  CHARLIE        supporting ALPHA
 * task 3  ongoing              lead  ALPHA          supporting TOWNS
 * DELTA and ECHO lead nothing; TOWNS is a group.
 * </pre>
 *
 * The quiet background ({@link Given#allOnTimeThrough}) has every lead unit report every task on
 * the 20th with 90 %, which raises no finding and keeps every dated task within 10 points of its
 * schedule, so each test only states what differs.
 */
final class RuleFixtures {

    static final String ALPHA = "ALPHA";
    static final String BRAVO = "BRAVO";
    static final String CHARLIE = "CHARLIE";
    static final String DELTA = "DELTA";
    static final String ECHO = "ECHO";
    static final String TOWNS = "TOWNS";

    static final int T1 = 1;
    static final int T2 = 2;
    static final int T3 = 3;

    static final YearMonth FEB = YearMonth.of(2021, 2);
    static final YearMonth MAR = YearMonth.of(2021, 3);
    static final YearMonth APR = YearMonth.of(2021, 4);
    static final YearMonth MAY = YearMonth.of(2021, 5);
    static final YearMonth JUN = YearMonth.of(2021, 6);

    static final int BACKGROUND_PERCENT = 90;

    static final Task TASK_1 = new Task(T1, 1, "优化审批流程", "精简审批环节", List.of(ALPHA, BRAVO), List.of(DELTA, TOWNS),
            Deadline.of(LocalDate.of(2021, 4, 30), "2021年4月底"), List.of(), List.of());
    static final Task TASK_2 = new Task(T2, 1, "建设政务平台", "上线平台", List.of(CHARLIE), List.of(ALPHA),
            Deadline.of(LocalDate.of(2021, 5, 31), "2021年5月底"), List.of(), List.of());
    static final Task TASK_3 = new Task(T3, 2, "整治作风问题", "长期坚持", List.of(ALPHA), List.of(TOWNS),
            Deadline.ongoing("立行立改，长期坚持"), List.of(), List.of());

    static final Plan PLAN = Plan.of("测试实施方案", "测优组发〔2021〕1号", LocalDate.of(2021, 2, 1),
            ReportingRule.of(FEB, JUN, 25),
            List.of(Stage.of("全面推进", LocalDate.of(2021, 2, 1), LocalDate.of(2021, 6, 30))),
            List.of(Goal.of(1, "提升效率"), Goal.of(2, "转变作风")),
            List.of(Unit.of(ALPHA), Unit.of(BRAVO), Unit.of(CHARLIE), Unit.of(DELTA), Unit.of(ECHO), Unit.group(TOWNS)),
            List.of(TASK_1, TASK_2, TASK_3));

    private RuleFixtures() {
    }

    static Duban engine() {
        return Duban.builder().plan(PLAN).build();
    }

    static LocalDate d(int month, int day) {
        return LocalDate.of(2021, month, day);
    }

    // ---------------------------------------------------------------- facts

    static Given given() {
        return new Given();
    }

    /** Facts stated step by step; immutable enough for one test. */
    static final class Given {
        private final List<ProgressReport> reports = new ArrayList<>();
        private final List<Completion> completions = new ArrayList<>();
        private final List<Extension> extensions = new ArrayList<>();
        private final List<InspectionFinding> inspections = new ArrayList<>();
        private final List<Rectification> rectifications = new ArrayList<>();

        /** Every lead unit reports every task on the 20th with 90 % for every month FEB..last. */
        Given allOnTimeThrough(YearMonth last) {
            for (YearMonth m = FEB; !m.isAfter(last); m = m.plusMonths(1)) {
                for (Task t : PLAN.tasks()) {
                    for (String u : t.leads()) {
                        reports.add(ProgressReport.of(t.no(), u, m, m.atDay(20), BACKGROUND_PERCENT));
                    }
                }
            }
            return this;
        }

        /** Drops the background report(s) of (task, unit, month). */
        Given without(int task, String unit, YearMonth month) {
            reports.removeIf(r -> r.task() == task && r.unit().equals(unit) && r.month().equals(month));
            return this;
        }

        /** Replaces the report(s) of (task, unit, month) by one submitted on {@code on} with {@code percent}. */
        Given report(int task, String unit, YearMonth month, LocalDate on, Integer percent) {
            without(task, unit, month);
            reports.add(ProgressReport.of(task, unit, month, on, percent));
            return this;
        }

        /** Adds a report (a resubmission when one for the same month exists). */
        Given alsoReport(int task, String unit, YearMonth month, LocalDate on, Integer percent) {
            reports.add(ProgressReport.of(task, unit, month, on, percent));
            return this;
        }

        Given completion(int task, LocalDate on) {
            completions.add(Completion.of(task, on));
            return this;
        }

        Given extension(int task, LocalDate requested, LocalDate approved, LocalDate newDeadline) {
            extensions.add(new Extension(task, requested, approved, newDeadline, "客观原因"));
            return this;
        }

        Given inspection(String unit, Integer task, InspectionKind kind, LocalDate on) {
            return inspection(unit, task, kind, on, null);
        }

        Given inspection(String unit, Integer task, InspectionKind kind, LocalDate on, String person) {
            inspections.add(new InspectionFinding(unit, task, kind, on, person, null));
            return this;
        }

        Given rectification(String unit, Integer task, LocalDate on) {
            rectifications.add(Rectification.of(unit, task, on));
            return this;
        }

        Facts facts() {
            return Facts.of(reports, completions, extensions, inspections, rectifications);
        }
    }

    // ---------------------------------------------------------------- running

    /** Month {@code m} as of {@code asOf} (null: month end), every earlier month of the window replayed to give its ledger. */
    static Assessment assess(Duban duban, YearMonth m, LocalDate asOf, Facts facts) {
        return duban.assess(m, asOf, facts, ledgerBefore(duban, m, facts));
    }

    static Ledger ledgerBefore(Duban duban, YearMonth m, Facts facts) {
        if (m.equals(FEB)) {
            return null;
        }
        List<Assessment> before = duban.replay(m.minusMonths(1), m.minusMonths(1), facts);
        return before.get(0).ledger();
    }

    // ---------------------------------------------------------------- reading conclusions

    static List<Finding> findings(Assessment a, FindingKind kind) {
        return a.findings().stream().filter(f -> f.kind() == kind).toList();
    }

    static List<Finding> findings(Assessment a, FindingKind kind, String unit, Integer task) {
        return a.findings().stream()
                .filter(f -> f.kind() == kind && f.unit().equals(unit) && Objects.equals(f.task(), task)).toList();
    }

    static List<Finding> findingsOn(Assessment a, String unit, Integer task) {
        return a.findings().stream().filter(f -> f.unit().equals(unit) && Objects.equals(f.task(), task)).toList();
    }

    static List<Sanction> sanctions(Assessment a, String unit, Integer task) {
        return a.sanctions().stream().filter(s -> s.unit().equals(unit) && Objects.equals(s.task(), task)).toList();
    }

    static List<Case> cases(Assessment a, String unit, Integer task) {
        return a.cases().stream().filter(c -> c.unit().equals(unit) && Objects.equals(c.task(), task)).toList();
    }

    static Case theCase(Assessment a, String unit, Integer task) {
        List<Case> found = cases(a, unit, task);
        if (found.size() != 1) {
            throw new AssertionError("expected one case for " + unit + "/" + task + " but got " + found);
        }
        return found.get(0);
    }

    static UnitScore score(Assessment a, String unit) {
        return a.scores().stream().filter(s -> s.unit().equals(unit)).findFirst()
                .orElseThrow(() -> new AssertionError(unit + " has no score in " + a.scores()));
    }

    static BoardEntry board(Assessment a, int task) {
        return a.board().stream().filter(b -> b.task() == task).findFirst()
                .orElseThrow(() -> new AssertionError("task " + task + " is not on the board " + a.board()));
    }
}

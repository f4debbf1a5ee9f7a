package io.github.duban.oracle;

import io.github.duban.model.Completion;
import io.github.duban.model.Deadline;
import io.github.duban.model.Facts;
import io.github.duban.model.Goal;
import io.github.duban.model.Plan;
import io.github.duban.model.Policy;
import io.github.duban.model.ProgressReport;
import io.github.duban.model.ReportingRule;
import io.github.duban.model.Task;
import io.github.duban.model.Unit;
import io.github.duban.outcome.Assessment;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Explicit corners DESIGN and decisions.md settle, each checked against engine and oracle alike. */
class CornersTest {

    static final YearMonth FEB = YearMonth.of(2021, 2);
    static final YearMonth JUN = YearMonth.of(2021, 6);

    static Plan plan(List<String> leads) {
        return Plan.of("测试方案", "测1号", FEB.atDay(1), ReportingRule.of(FEB, JUN, 25), List.of(), List.of(Goal.of(1, "目标一")),
                List.of(new Unit("区住建局", "区住建局", List.of("区住房和城乡建设局"), false, null, null), Unit.of("区财政局")),
                List.of(new Task(1, 1, "任务1", "措施1", leads, List.of(), Deadline.of(LocalDate.of(2021, 6, 30), null), List.of(), List.of())));
    }

    static List<Assessment> engine(Plan plan, Facts facts) {
        return Differential.engine(plan, Policy.DEFAULT).replay(FEB, JUN, facts);
    }

    static List<OracleResult> oracle(Plan plan, Facts facts) {
        return new Oracle(plan, Policy.DEFAULT).replay(JUN, facts);
    }

    static Facts onTimeEveryMonth(String unit) {
        return Facts.of(List.of(
                ProgressReport.of(1, unit, FEB, LocalDate.of(2021, 2, 20), 20),
                ProgressReport.of(1, unit, FEB.plusMonths(1), LocalDate.of(2021, 3, 20), 40),
                ProgressReport.of(1, unit, FEB.plusMonths(2), LocalDate.of(2021, 4, 20), 60),
                ProgressReport.of(1, unit, FEB.plusMonths(3), LocalDate.of(2021, 5, 20), 80),
                ProgressReport.of(1, unit, FEB.plusMonths(4), LocalDate.of(2021, 6, 20), 95)),
                List.of(Completion.of(1, LocalDate.of(2021, 6, 21))), List.of(), List.of(), List.of());
    }

    /**
     * §8: a unit is one unit whether named by id or by an alias the plan lists. {@code Plan} accepts a
     * task whose lead is named by an alias (区住房和城乡建设局 for 区住建局); the lead's reports, sent
     * under its id, must then count as the lead's: no missing report, nothing set aside, and §6 every
     * lead unit scored, 区住建局 at 100 each month.
     *
     * <p>The engine instead treats the alias as another unit: February's report (on time, by id) is set
     * aside as not from a lead unit, 区住房和城乡建设局 is charged a missing report and criticised, and no
     * unit is scored at all (the sanction's −5 lands on no score).
     */
    @Test
    @Disabled("engine disagrees with DESIGN §8 and §6: a plan naming a lead unit by an alias splits the unit in two; "
            + "its reports are set aside, the alias is charged REPORT_MISSING and criticised, and no unit is scored")
    void aLeadNamedByAliasInThePlan_isTheSameUnitAsItsId() {
        Plan byAlias = plan(List.of("区住房和城乡建设局"));
        Facts facts = onTimeEveryMonth("区住建局");
        List<Assessment> e = engine(byAlias, facts);
        List<OracleResult> o = oracle(byAlias, facts);
        for (List<List<List<String>>> side : List.of(lines(e.stream().map(Views::of).toList()), lines(o.stream().map(Views::of).toList()))) {
            assertThat(side).allSatisfy(month -> {
                assertThat(month.get(0)).as("findings").isEmpty();
                assertThat(month.get(1)).as("scores").containsExactly("区住建局 100 EXCELLENT 1");
                assertThat(month.get(2)).as("ignored").isEmpty();
            });
        }
        assertThat(Differential.firstDifference(e, o)).isNull();
    }

    /** Each month's findings, scores and ignored facts. */
    static List<List<List<String>>> lines(List<java.util.Map<String, List<String>>> months) {
        return months.stream().map(v -> List.of(v.get("findings"), v.get("scores"), v.get("ignored"))).toList();
    }

    /** The same plan with the lead named by id: the engine and the oracle agree, and nothing is found. */
    @Test
    void aLeadNamedById_reportingOnTime_isNeverCharged() {
        Plan byId = plan(List.of("区住建局"));
        Facts facts = onTimeEveryMonth("区住房和城乡建设局");
        List<Assessment> e = engine(byId, facts);
        List<OracleResult> o = oracle(byId, facts);
        assertThat(Differential.firstDifference(e, o)).isNull();
        assertThat(e).allSatisfy(a -> {
            assertThat(a.findings()).isEmpty();
            assertThat(a.scores()).extracting(s -> s.unit() + " " + s.score().stripTrailingZeros().toPlainString())
                    .containsExactly("区住建局 100");
        });
    }

    /**
     * §4 lists a set-aside fact "in the month it belongs to", a report's month being its {@code month}
     * field; §3 leaves out facts dated after A. A supporting unit's February report submitted on
     * 03-02 is thus unknown at February's end and belongs to no later month: both sides list it in
     * no month at all. (DESIGN is silent on whether it should surface later; both read it alike.)
     */
    @Test
    void aNonLeadReportSubmittedAfterItsMonth_isListedInNoMonth() {
        Plan plan = plan(List.of("区住建局"));
        Facts base = onTimeEveryMonth("区住建局");
        Facts facts = Facts.of(concat(base.reports(), ProgressReport.of(1, "区财政局", FEB, LocalDate.of(2021, 3, 2), 10)),
                base.completions(), List.of(), List.of(), List.of());
        List<Assessment> e = engine(plan, facts);
        List<OracleResult> o = oracle(plan, facts);
        assertThat(Differential.firstDifference(e, o)).isNull();
        assertThat(e).allSatisfy(a -> assertThat(a.ignored()).isEmpty());
    }

    @SafeVarargs
    static <T> List<T> concat(List<T> a, T... more) {
        List<T> out = new java.util.ArrayList<>(a);
        out.addAll(List.of(more));
        return out;
    }
}

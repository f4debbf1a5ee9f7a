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
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
     * §8: units are named by id; a unit is one unit whether facts name it by id or by an alias. A
     * plan whose task names its lead by an alias (区住房和城乡建设局 for 区住建局) used to be accepted,
     * and the engine then split the unit in two: the lead's on-time reports, sent under its id, were
     * set aside as not from a lead unit, the alias was charged REPORT_MISSING and criticised, and no
     * unit was scored at all. {@code Plan} now refuses such a plan, naming the lead; the oracle reads
     * any plan it is given by id and is checked against the engine on plans named by id.
     */
    @Test
    void aPlanNamingALeadByAlias_isRefused() {
        assertThatThrownBy(() -> plan(List.of("区住房和城乡建设局")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("区住房和城乡建设局");
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

package io.github.duban.engine;

import io.github.duban.generate.PlanGenerator;
import io.github.duban.generate.Spec;
import io.github.duban.json.FactsJson;
import io.github.duban.json.PolicyJson;
import io.github.duban.model.Completion;
import io.github.duban.model.Deadline;
import io.github.duban.model.Extension;
import io.github.duban.model.Facts;
import io.github.duban.model.Goal;
import io.github.duban.model.InspectionFinding;
import io.github.duban.model.InspectionKind;
import io.github.duban.model.Milestone;
import io.github.duban.model.Plan;
import io.github.duban.model.Policy;
import io.github.duban.model.ProgressReport;
import io.github.duban.model.ReportingRule;
import io.github.duban.model.Target;
import io.github.duban.model.Task;
import io.github.duban.model.Unit;
import io.github.duban.outcome.Ledger;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every built-in rule fires somewhere: a listener records the name of each rule that fires while
 * a corpus is assessed (the sample year under the default and the county policy, generated plans,
 * and a small plan of nested tasks, milestones, targets and the facts the rules set aside, and that
 * plan's reminders on every day of its window); the test lists any built-in rule that never fired.
 */
class EveryBuiltInRuleFiresTest {

    @Test
    void everyBuiltInRuleFiresOnTheCorpus() {
        Ruleset rules = Ruleset.builtIn();
        Set<String> all = new TreeSet<>();
        for (KiePackage p : rules.kieBase().getKiePackages()) {
            for (Rule r : p.getRules()) {
                all.add(r.getName());
            }
        }
        Set<String> fired = new TreeSet<>();

        Plan sample = io.github.duban.json.PlanJson.embedded();
        Facts year = FactsJson.sampleYear(sample);
        Policy county = PolicyJson.read(Path.of("src/test/resources/authoring/county.yaml"));
        replay(Duban.builder().plan(sample).rules(rules).build(), year, fired);
        replay(Duban.builder().plan(sample).policy(county).rules(rules).build(), year, fired);

        PlanGenerator g = new PlanGenerator(Spec.of(4, 30, 6, 5, 7));
        for (int i = 0; i < 4; i++) {
            PlanGenerator.Generated p = g.plan(i);
            replay(Duban.builder().plan(p.plan()).rules(rules).build(), p.facts(), fired);
        }
        Plan shaped = shapedPlan();
        // the shaped facts go in unchecked: a report on a group task is refused when facts are read,
        // and set aside by a rule when it reaches the engine another way
        replay(Duban.builder().plan(shaped).rules(rules).build(), shapedFacts(), fired, false);
        // the reminders of every day of the shaped plan's window, with a unit-wide case criticised in March
        remindEveryDay(Duban.builder().plan(shaped).rules(rules).build(), withUnitWideCase(shapedFacts()), fired);

        Set<String> never = new TreeSet<>(all);
        never.removeAll(fired);
        assertThat(all).hasSizeGreaterThan(70);
        assertThat(never).as("built-in rules that never fired on the corpus").isEmpty();
    }

    private static void replay(Duban duban, Facts facts, Set<String> fired) {
        replay(duban, facts, fired, true);
    }

    private static void replay(Duban duban, Facts facts, Set<String> fired, boolean check) {
        Plan p = duban.plan();
        Ledger ledger = null;
        for (YearMonth m = p.reporting().from(); !m.isAfter(p.reporting().to()); m = m.plusMonths(1)) {
            for (LocalDate asOf : List.of(m.atDay(10), m.atEndOfMonth())) {
                KieSession s = duban.rules().session();
                s.addEventListener(new DefaultAgendaEventListener() {
                    @Override
                    public void afterMatchFired(AfterMatchFiredEvent e) {
                        fired.add(e.getMatch().getRule().getName());
                    }
                });
                try {
                    duban.insertAll(s, m, asOf, check ? FactCheck.all(p, facts) : facts, ledger);
                    duban.fire(s, m);
                    if (asOf.equals(m.atEndOfMonth())) {
                        ledger = duban.collect(s, m, asOf).ledger();
                    }
                } finally {
                    s.dispose();
                }
            }
        }
    }

    /** Each day of the window: the month's facts as of that day, its ledger, and the date reminders are drawn for. */
    private static void remindEveryDay(Duban duban, Facts facts, Set<String> fired) {
        Plan p = duban.plan();
        Ledger ledger = null;
        for (YearMonth m = p.reporting().from(); !m.isAfter(p.reporting().to()); m = m.plusMonths(1)) {
            for (LocalDate day = m.atDay(1); !day.isAfter(m.atEndOfMonth()); day = day.plusDays(1)) {
                KieSession s = duban.rules().session();
                s.addEventListener(new DefaultAgendaEventListener() {
                    @Override
                    public void afterMatchFired(AfterMatchFiredEvent e) {
                        fired.add(e.getMatch().getRule().getName());
                    }
                });
                try {
                    duban.insertAll(s, m, day, facts, ledger);
                    s.insert(duban.remindDate(day));
                    duban.fire(s, m);
                    if (day.equals(m.atEndOfMonth())) {
                        ledger = duban.collect(s, m, day).ledger();
                    }
                } finally {
                    s.dispose();
                }
            }
        }
    }

    /** The facts with weak leadership found at 甲局 as a whole on 2021-03-10: criticised at March's end, to rectify by 04-15. */
    static Facts withUnitWideCase(Facts f) {
        List<InspectionFinding> ins = new ArrayList<>(f.inspections());
        ins.add(new InspectionFinding("甲局", null, InspectionKind.WEAK_LEADERSHIP, LocalDate.of(2021, 3, 10), null, null));
        return Facts.of(f.reports(), f.completions(), f.extensions(), ins, f.rectifications());
    }

    /** Two goals; task 1 groups 2 and 3 (3 inherits its deadline and lead); 4 has milestones; 5 a target; 6 is ongoing. */
    static Plan shapedPlan() {
        Deadline june = Deadline.of(LocalDate.of(2021, 6, 30), "2021年6月底");
        Deadline april = Deadline.of(LocalDate.of(2021, 4, 30), "2021年4月底");
        List<Task> tasks = List.of(
                new Task(1, 1, "优化营商环境", "", List.of("甲局"), List.of(), june, List.of(), List.of(), null, "（一）", List.of(), null),
                new Task(2, 1, "精简审批", "", List.of("乙局"), List.of("丙局"), april, List.of(), List.of(), 1, "1.", List.of(), null),
                new Task(3, 1, "压缩时限", "", List.of(), List.of(), null, List.of(), List.of(), 1, "2.", List.of(), null),
                new Task(4, 2, "建设平台", "", List.of("丙局"), List.of(), june,
                        List.of(Milestone.of("完成方案", LocalDate.of(2021, 3, 31), 50), Milestone.of("召开推进会", LocalDate.of(2021, 4, 15))),
                        List.of(), null, null, List.of(), null),
                new Task(5, 2, "招商引资", "", List.of("丁局"), List.of(), june, List.of(), List.of(), null, null, List.of(),
                        Target.of(new BigDecimal("6000"), "万元")),
                new Task(6, 2, "整治作风", "", List.of("甲局"), List.of(), Deadline.ongoing("长期坚持"), List.of(), List.of(), null, null,
                        List.of(), null),
                new Task(7, 2, "完善制度", "", List.of("丁局"), List.of(), june,
                        List.of(Milestone.of("出台办法", LocalDate.of(2021, 2, 15), 10)), List.of(), null, null, List.of(), null),
                new Task(8, 2, "待明确牵头单位的任务", "", List.of(), List.of("乙局"), june, List.of(), List.of(), null, null, List.of(), null));
        return Plan.of("测试实施方案", "测优组发〔2021〕9号", LocalDate.of(2021, 2, 1), ReportingRule.of(YearMonth.of(2021, 2), YearMonth.of(2021, 6), 25),
                List.of(), List.of(Goal.of(1, "提升效率"), Goal.of(2, "转变作风")),
                List.of(Unit.of("甲局"), Unit.of("乙局"), Unit.of("丙局"), Unit.of("丁局")), tasks);
    }

    /** Reports every month (some late, some missing), a value report, an early completion and some set-aside facts. */
    static Facts shapedFacts() {
        List<ProgressReport> r = new ArrayList<>();
        for (YearMonth m = YearMonth.of(2021, 2); !m.isAfter(YearMonth.of(2021, 6)); m = m.plusMonths(1)) {
            r.add(ProgressReport.of(2, "乙局", m, m.atDay(20), 40));
            r.add(ProgressReport.of(3, "甲局", m, m.atDay(27), 20));
            r.add(ProgressReport.of(4, "丙局", m, m.atDay(20), 30));
            r.add(new ProgressReport(5, "丁局", m, m.atDay(20), null, null, new BigDecimal(1000 * m.getMonthValue())));
            if (m.getMonthValue() != 4) {
                r.add(ProgressReport.of(6, "甲局", m, m.atDay(m.getMonthValue() == 3 ? 26 : 20), null));
            }
        }
        r.add(ProgressReport.of(2, "丙局", YearMonth.of(2021, 2), LocalDate.of(2021, 2, 20), 40));   // not a lead: set aside
        r.add(ProgressReport.of(1, "甲局", YearMonth.of(2021, 2), LocalDate.of(2021, 2, 20), 40));   // on a group: set aside
        r.add(ProgressReport.of(7, "丁局", YearMonth.of(2021, 2), LocalDate.of(2021, 2, 20), 5));    // after its milestone's date
        List<Completion> done = List.of(Completion.of(5, LocalDate.of(2021, 3, 1)), Completion.of(5, LocalDate.of(2021, 3, 5)),
                Completion.of(6, LocalDate.of(2021, 3, 1)));
        List<Extension> ext = List.of(new Extension(2, LocalDate.of(2021, 4, 20), LocalDate.of(2021, 4, 25), LocalDate.of(2021, 5, 31), "客观原因"),
                new Extension(4, LocalDate.of(2021, 3, 1), LocalDate.of(2021, 3, 2), LocalDate.of(2021, 6, 30), "不顺延"),
                new Extension(6, LocalDate.of(2021, 3, 1), LocalDate.of(2021, 3, 2), LocalDate.of(2021, 5, 31), "客观原因"));
        List<InspectionFinding> ins = List.of(new InspectionFinding("丙局", 4, InspectionKind.COMMENDED, LocalDate.of(2021, 2, 10), null, null));
        return Facts.of(r, done, ext, ins, List.of());
    }
}

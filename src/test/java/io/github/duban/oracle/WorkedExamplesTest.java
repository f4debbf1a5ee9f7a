package io.github.duban.oracle;

import io.github.duban.engine.Duban;
import io.github.duban.json.PlanJson;
import io.github.duban.model.Completion;
import io.github.duban.model.Facts;
import io.github.duban.model.Plan;
import io.github.duban.model.Policy;
import io.github.duban.model.ProgressReport;
import io.github.duban.outcome.Assessment;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked examples of DESIGN §5 on the embedded plan with the default policy, checked against
 * the numbers DESIGN gives, for the engine and the oracle alike (and the two against each other).
 */
class WorkedExamplesTest {

    static final Plan PLAN = PlanJson.embedded();
    static final Duban ENGINE = Differential.engine(PLAN, Policy.DEFAULT);
    static final Oracle ORACLE = new Oracle(PLAN, Policy.DEFAULT);
    static final String ZHUJIAN = "区住建局";
    static final YearMonth FEB = YearMonth.of(2021, 2);
    static final YearMonth MAR = YearMonth.of(2021, 3);
    static final YearMonth APR = YearMonth.of(2021, 4);
    static final YearMonth MAY = YearMonth.of(2021, 5);
    static final YearMonth JUN = YearMonth.of(2021, 6);

    static ProgressReport report(YearMonth m, int day, int percent) {
        return ProgressReport.of(9, ZHUJIAN, m, m.atDay(day), percent);
    }

    /** Both sides, month by month through their ledgers, reduced to 区住建局's lines. */
    record Both(List<List<String>> engine, List<List<String>> oracle) {
    }

    static List<List<String>> zhujian(java.util.Map<String, List<String>> v) {
        List<List<String>> out = new ArrayList<>();
        for (String part : List.of("findings", "sanctions", "scores", "cases")) {
            out.add(v.get(part).stream().filter(l -> l.contains(ZHUJIAN)).toList());
        }
        return out;
    }

    static List<Both> run(Facts facts, YearMonth to) {
        List<Both> out = new ArrayList<>();
        Assessment e = null;
        OracleResult o = null;
        for (YearMonth m = FEB; !m.isAfter(to); m = m.plusMonths(1)) {
            e = ENGINE.assess(m, null, facts, e == null ? null : e.ledger());
            o = ORACLE.assess(m, null, facts, o == null ? null : o.ledger());
            assertThat(Views.diff(Views.of(e), Views.of(o))).as("engine against oracle, %s", m).isEmpty();
            out.add(new Both(zhujian(Views.of(e)), zhujian(Views.of(o))));
        }
        return out;
    }

    /** [findings, sanctions, scores, cases] of 区住建局 in a month, on both sides alike. */
    static void expect(Both month, List<String> findings, List<String> sanctions, String score, List<String> cases) {
        for (List<List<String>> side : List.of(month.engine(), month.oracle())) {
            assertThat(side.get(0)).isEqualTo(findings);
            assertThat(side.get(1)).isEqualTo(sanctions);
            assertThat(side.get(2)).singleElement().asString().startsWith(ZHUJIAN + " " + score + " ");
            assertThat(side.get(3).stream().map(l -> l.substring(0, l.indexOf(" raised"))).toList()).isEqualTo(cases);
        }
    }

    @Test
    void task9_overdueInMay_criticised_closedByTheJuneCompletion() {
        Facts facts = Facts.of(List.of(report(FEB, 20, 30), report(MAR, 22, 60), report(APR, 23, 90), report(MAY, 21, 95)),
                List.of(Completion.of(9, LocalDate.of(2021, 6, 5))), List.of(), List.of(), List.of());
        List<Both> months = run(facts, JUN);
        // Feb, Mar, Apr: nothing (on 03-31 the deadline is 30 days off, but 60 % ≥ 50 %), 100
        for (int i = 0; i < 3; i++) {
            expect(months.get(i), List.of(), List.of(), "100", List.of());
        }
        // May: overdue 31 days → criticism, rectify by 06-15; 100 − 3 − 5 = 92, GOOD
        expect(months.get(3), List.of("TASK_OVERDUE 区住建局 9 2021-05-31 31"),
                List.of("CRITICISM 区住建局 9 2021-05 2021-06-15 []"), "92", List.of("区住建局 9 CRITICISM open 2021-06-15"));
        assertThat(months.get(3).engine().get(2).get(0)).contains("GOOD");
        // June: the completion on 06-05 closes the case and stands for June's report; 100
        expect(months.get(4), List.of(), List.of(), "100", List.of("区住建局 9 CRITICISM closed 2021-06-15"));
    }

    @Test
    void aRepeatedLateReport_goesOneAboveTheOpenNotice() {
        Facts facts = Facts.of(List.of(report(FEB, 27, 30), report(MAR, 26, 60), report(APR, 20, 90)),
                List.of(), List.of(), List.of(), List.of());
        List<Both> months = run(facts, MAR);
        // February: 2 days late, notice, 100 − 1 − 0.5 = 98.5
        expect(months.get(0), List.of("REPORT_LATE 区住建局 9 2021-02-27 2"), List.of("NOTICE 区住建局 9 2021-02 - []"),
                "98.5", List.of("区住建局 9 NOTICE open -"));
        // March: 1 day late while the notice is open → criticism, 100 − 1 − 5 = 94, rectify by 04-15
        expect(months.get(1), List.of("REPORT_LATE 区住建局 9 2021-03-26 1"), List.of("CRITICISM 区住建局 9 2021-03 2021-04-15 []"),
                "94", List.of("区住建局 9 CRITICISM open 2021-04-15"));
    }

    @Test
    void hadMarchBeenOnTime_theNoticeCloses_andALateAprilStartsOver() {
        Facts facts = Facts.of(List.of(report(FEB, 27, 30), report(MAR, 25, 60), report(APR, 26, 90)),
                List.of(), List.of(), List.of(), List.of());
        List<Both> months = run(facts, APR);
        expect(months.get(1), List.of(), List.of(), "100", List.of("区住建局 9 NOTICE closed -"));
        expect(months.get(2), List.of("REPORT_LATE 区住建局 9 2021-04-26 1"), List.of("NOTICE 区住建局 9 2021-04 - []"),
                "98.5", List.of("区住建局 9 NOTICE open -"));
    }
}

package io.github.duban.engine;

import io.github.duban.json.PlanJson;
import io.github.duban.model.Completion;
import io.github.duban.model.Facts;
import io.github.duban.model.ProgressReport;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.Case;
import io.github.duban.outcome.EscalationLevel;
import io.github.duban.outcome.Finding;
import io.github.duban.outcome.FindingKind;
import io.github.duban.outcome.Rating;
import io.github.duban.outcome.Sanction;
import io.github.duban.outcome.UnitScore;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked examples of DESIGN §5, on the embedded plan with the default policy. */
class WorkedExampleTest {

    static final Duban DUBAN = Duban.builder().plan(PlanJson.embedded()).build();
    static final String ZHUJIAN = "区住建局";
    static final YearMonth FEB = YearMonth.of(2021, 2);
    static final YearMonth MAR = YearMonth.of(2021, 3);
    static final YearMonth APR = YearMonth.of(2021, 4);
    static final YearMonth MAY = YearMonth.of(2021, 5);
    static final YearMonth JUN = YearMonth.of(2021, 6);

    static ProgressReport report(YearMonth m, int day, int percent) {
        return ProgressReport.of(9, ZHUJIAN, m, m.atDay(day), percent);
    }

    static List<Finding> findingsOf(Assessment a) {
        return a.findings().stream().filter(f -> f.unit().equals(ZHUJIAN)).toList();
    }

    static List<Sanction> sanctionsOf(Assessment a) {
        return a.sanctions().stream().filter(s -> s.unit().equals(ZHUJIAN)).toList();
    }

    static UnitScore scoreOf(Assessment a) {
        return a.scores().stream().filter(s -> s.unit().equals(ZHUJIAN)).findFirst().orElseThrow();
    }

    @Test
    void task9_overdueInMay_isCriticisedAndClosedByItsJuneCompletion() {
        // Given: reports on time Feb–May with 30/60/90/95 percent, completion on 2021-06-05
        Facts facts = Facts.of(List.of(report(FEB, 20, 30), report(MAR, 22, 60), report(APR, 23, 90), report(MAY, 21, 95)),
                List.of(Completion.of(9, LocalDate.of(2021, 6, 5))), List.of(), List.of(), List.of());

        // When: the months are assessed one by one through the ledger
        Assessment feb = DUBAN.assess(FEB, null, facts, null);
        Assessment mar = DUBAN.assess(MAR, null, facts, feb.ledger());
        Assessment apr = DUBAN.assess(APR, null, facts, mar.ledger());
        Assessment may = DUBAN.assess(MAY, null, facts, apr.ledger());
        Assessment jun = DUBAN.assess(JUN, null, facts, may.ledger());

        // Then: Feb, Mar, Apr find nothing (on 03-31 the deadline is 30 days off but 60 % ≥ 50 %)
        for (Assessment quiet : List.of(feb, mar, apr)) {
            assertThat(findingsOf(quiet)).as(quiet.period().toString()).isEmpty();
            assertThat(scoreOf(quiet).score()).isEqualByComparingTo("100");
        }
        // May: overdue by 31 days, criticised, rectify by 06-15, 100 − 3 − 5 = 92, GOOD
        assertThat(findingsOf(may)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.TASK_OVERDUE);
            assertThat(f.days()).isEqualTo(31);
            assertThat(f.reason()).isEqualTo("区住建局牵头的任务9“推进建设领域审批制度改革”逾期31天未完成（时限2021年4月30日）");
        });
        assertThat(sanctionsOf(may)).singleElement().satisfies(s -> {
            assertThat(s.level()).isEqualTo(EscalationLevel.CRITICISM);
            assertThat(s.rectifyBy()).isEqualTo(LocalDate.of(2021, 6, 15));
            assertThat(s.issued()).isEqualTo(MAY);
        });
        assertThat(scoreOf(may).score()).isEqualByComparingTo("92");
        assertThat(scoreOf(may).rating()).isEqualTo(Rating.GOOD);
        assertThat(scoreOf(may).lines()).extracting(l -> l.kind() + " " + l.points().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("TASK_OVERDUE -3", "CRITICISM -5");
        // June: the completion on 06-05 closes the case and stands for June's report
        assertThat(findingsOf(jun)).isEmpty();
        assertThat(jun.cases()).filteredOn(c -> c.unit().equals(ZHUJIAN)).singleElement().satisfies(c -> {
            assertThat(c.open()).isFalse();
            assertThat(c.closedOn()).isEqualTo(LocalDate.of(2021, 6, 5));
        });
        assertThat(jun.ledger().cases()).noneMatch(c -> c.unit().equals(ZHUJIAN));
        assertThat(scoreOf(jun).score()).isEqualByComparingTo("100");
    }

    @Test
    void aRepeatedLateReport_goesOneLevelAboveTheOpenNotice() {
        // Given: February's report 2 days late, March's 1 day late, the rest on time
        Facts facts = Facts.of(List.of(report(FEB, 27, 30), report(MAR, 26, 60), report(APR, 20, 90)),
                List.of(), List.of(), List.of(), List.of());

        // When
        Assessment feb = DUBAN.assess(FEB, null, facts, null);
        Assessment mar = DUBAN.assess(MAR, null, facts, feb.ledger());

        // Then: February is a notice, 100 − 1 − 0.5 = 98.5
        assertThat(findingsOf(feb)).extracting(Finding::kind, Finding::days).containsExactly(
                org.assertj.core.groups.Tuple.tuple(FindingKind.REPORT_LATE, 2));
        assertThat(sanctionsOf(feb)).extracting(Sanction::level).containsExactly(EscalationLevel.NOTICE);
        assertThat(scoreOf(feb).score()).isEqualByComparingTo(new BigDecimal("98.5"));
        // March: one above the open notice is criticism, 100 − 1 − 5 = 94, rectify by 04-15
        assertThat(sanctionsOf(mar)).singleElement().satisfies(s -> {
            assertThat(s.level()).isEqualTo(EscalationLevel.CRITICISM);
            assertThat(s.rectifyBy()).isEqualTo(LocalDate.of(2021, 4, 15));
        });
        assertThat(scoreOf(mar).score()).isEqualByComparingTo("94");
    }

    @Test
    void hadMarchBeenOnTime_theNoticeCloses_andALateAprilStartsOverAtNotice() {
        // Given: February 2 days late, March on time, April 1 day late
        Facts facts = Facts.of(List.of(report(FEB, 27, 30), report(MAR, 25, 60), report(APR, 26, 90)),
                List.of(), List.of(), List.of(), List.of());

        // When
        Assessment feb = DUBAN.assess(FEB, null, facts, null);
        Assessment mar = DUBAN.assess(MAR, null, facts, feb.ledger());
        Assessment apr = DUBAN.assess(APR, null, facts, mar.ledger());

        // Then: March closes the notice (a quiet month), April opens a new one at NOTICE
        assertThat(mar.cases()).filteredOn(c -> c.unit().equals(ZHUJIAN)).singleElement()
                .extracting(Case::open).isEqualTo(false);
        assertThat(mar.ledger().cases()).noneMatch(c -> c.unit().equals(ZHUJIAN));
        assertThat(scoreOf(mar).score()).isEqualByComparingTo("100");
        assertThat(sanctionsOf(apr)).extracting(Sanction::level).containsExactly(EscalationLevel.NOTICE);
        assertThat(scoreOf(apr).score()).isEqualByComparingTo("98.5");
    }

    @Test
    void monthByMonth_equalsOneReplay() {
        Facts facts = Facts.of(List.of(report(FEB, 27, 30), report(MAR, 26, 60), report(APR, 23, 90), report(MAY, 21, 95)),
                List.of(Completion.of(9, LocalDate.of(2021, 6, 5))), List.of(), List.of(), List.of());
        List<Assessment> stepped = new ArrayList<>();
        Assessment prev = null;
        for (YearMonth m = FEB; !m.isAfter(JUN); m = m.plusMonths(1)) {
            prev = DUBAN.assess(m, null, facts, prev == null ? null : prev.ledger());
            stepped.add(prev);
        }
        assertThat(DUBAN.replay(FEB, JUN, facts)).isEqualTo(stepped);
    }
}

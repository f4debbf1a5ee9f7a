package io.github.duban.rules;

import io.github.duban.engine.Duban;
import io.github.duban.engine.WorkCalendar;
import io.github.duban.model.Policy;
import io.github.duban.model.Facts;
import io.github.duban.model.InspectionKind;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.Case;
import io.github.duban.outcome.EscalationLevel;
import io.github.duban.outcome.FindingKind;
import io.github.duban.outcome.Sanction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static io.github.duban.outcome.EscalationLevel.CRITICISM;
import static io.github.duban.outcome.EscalationLevel.EXPOSURE;
import static io.github.duban.outcome.EscalationLevel.NOTICE;
import static io.github.duban.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * escalation.drl: table levels, repeat offences against the previous ledger, persistent
 * findings, overdue rectification, closing, and the sanctions issued (DESIGN §5).
 */
class EscalationRulesTest {

    private static Duban duban;

    @BeforeAll
    static void compileRules() {
        duban = engine();
    }

    private static Assessment month(java.time.YearMonth m, LocalDate asOf, Facts f) {
        return assess(duban, m, asOf, f);
    }

    // ================================================================ table levels

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "WEAK_LEADERSHIP, CRITICISM, 2021-03-15",
            "HOLLOW_MEASURES, CRITICISM, 2021-03-15",
            "LAGGING,         CRITICISM, 2021-03-15",
            "PERFUNCTORY,     EXPOSURE,  ",
            "BUCK_PASSING,    EXPOSURE,  "})
    void inspectionFinding_raisesANewCaseToItsTableLevel(InspectionKind kind, EscalationLevel level, LocalDate rectifyBy) {
        // Given an inspection on 02-10 names DELTA on task 1 and person 张三
        Facts f = given().allOnTimeThrough(FEB).inspection(DELTA, T1, kind, d(2, 10), "张三").facts();
        // When February is assessed
        Assessment a = month(FEB, null, f);
        // Then one sanction of the table level, issued in February, rectify-by only for criticism (02-28 + 15)
        assertThat(a.sanctions()).extracting("level", "unit", "task", "issued", "rectifyBy", "persons")
                .containsExactly(tuple(level, DELTA, T1, FEB, rectifyBy, List.of("张三")));
        // And the case is open at that level, raised on 02-10
        assertThat(a.cases()).extracting("unit", "task", "level", "rectifyBy", "open", "raisedOn")
                .containsExactly(tuple(DELTA, T1, level, rectifyBy, true, d(2, 10)));
    }

    @Test
    void commendation_carriesNoLevel() {
        // Given DELTA is commended on 02-10
        Facts f = given().allOnTimeThrough(FEB).inspection(DELTA, T1, InspectionKind.COMMENDED, d(2, 10)).facts();
        // When February is assessed
        Assessment a = month(FEB, null, f);
        // Then no case and no sanction
        assertThat(a.cases()).isEmpty();
        assertThat(a.sanctions()).isEmpty();
    }

    @Test
    void lateReport_bringsANotice() {
        // Given ALPHA's February report on task 3 is 2 days late
        Facts f = given().allOnTimeThrough(FEB).report(T3, ALPHA, FEB, d(2, 27), 90).facts();
        // When February is assessed
        Assessment a = month(FEB, null, f);
        // Then a NOTICE with no rectify-by; the case is raised on the submission date
        assertThat(a.sanctions()).extracting("level", "unit", "task", "issued", "rectifyBy", "persons")
                .containsExactly(tuple(NOTICE, ALPHA, T3, FEB, null, List.of()));
        assertThat(a.cases()).extracting("unit", "task", "level", "rectifyBy", "open", "raisedOn")
                .containsExactly(tuple(ALPHA, T3, NOTICE, null, true, d(2, 27)));
    }

    @Test
    void missingReport_bringsCriticism_rectifyBy15DaysAfterTheAsOfDate() {
        // Given ALPHA does not report task 3 for February
        Facts f = given().allOnTimeThrough(FEB).without(T3, ALPHA, FEB).facts();
        // When February is assessed at month end
        Assessment a = month(FEB, null, f);
        // Then CRITICISM, rectify by 02-28 + 15 = 03-15
        assertThat(a.sanctions()).extracting("level", "unit", "task", "rectifyBy")
                .containsExactly(tuple(CRITICISM, ALPHA, T3, d(3, 15)));
        assertThat(a.cases()).extracting("unit", "task", "level", "rectifyBy", "open", "raisedOn")
                .containsExactly(tuple(ALPHA, T3, CRITICISM, d(3, 15), true, d(2, 28)));
    }

    @Test
    void taskDueSoon_bringsANotice() {
        // Given ALPHA stands at 49 % on task 1, 30 days before its deadline
        Facts f = given().allOnTimeThrough(MAR).report(T1, ALPHA, MAR, d(3, 20), 49).facts();
        // When March is assessed
        Assessment a = month(MAR, null, f);
        // Then a NOTICE for ALPHA only
        assertThat(a.sanctions()).extracting("level", "unit", "task", "issued", "rectifyBy")
                .containsExactly(tuple(NOTICE, ALPHA, T1, MAR, null));
        assertThat(a.cases()).extracting("unit", "task", "level", "raisedOn")
                .containsExactly(tuple(ALPHA, T1, NOTICE, d(3, 31)));
    }

    @Test
    void overdueTask_bringsCriticismToEachLead() {
        // Given task 1 (04-30) is not completed
        Facts f = given().allOnTimeThrough(MAY).facts();
        // When May is assessed
        Assessment a = month(MAY, null, f);
        // Then both leads are criticised, rectify by 05-31 + 15 = 06-15
        assertThat(a.sanctions()).extracting("level", "unit", "task", "issued", "rectifyBy")
                .containsExactly(tuple(CRITICISM, ALPHA, T1, MAY, d(6, 15)), tuple(CRITICISM, BRAVO, T1, MAY, d(6, 15)));
        assertThat(a.cases()).extracting("unit", "task", "level", "rectifyBy", "open", "raisedOn")
                .containsExactly(tuple(ALPHA, T1, CRITICISM, d(6, 15), true, d(5, 31)),
                        tuple(BRAVO, T1, CRITICISM, d(6, 15), true, d(5, 31)));
    }

    // ================================================================ repeat offences (the worked repeat of §5)

    @Test
    void lateAgainWhileTheNoticeIsOpen_isOneLevelAbove_criticism() {
        // Given ALPHA's task 3 report is 2 days late in February and 1 day late in March
        Facts f = given().allOnTimeThrough(MAR)
                .report(T3, ALPHA, FEB, d(2, 27), 90).report(T3, ALPHA, MAR, d(3, 26), 90).facts();
        // When February is assessed
        Assessment feb = month(FEB, null, f);
        // Then NOTICE: 100 − 1 − 0.5 = 98.5
        assertThat(feb.sanctions()).extracting("level", "unit", "task").containsExactly(tuple(NOTICE, ALPHA, T3));
        assertThat(score(feb, ALPHA).score()).isEqualByComparingTo("98.5");
        // When March is assessed from February's ledger
        Assessment mar = duban.assess(MAR, null, f, feb.ledger());
        // Then one above NOTICE: CRITICISM, rectify by 04-15; 100 − 1 − 5 = 94
        assertThat(mar.sanctions()).extracting("level", "unit", "task", "issued", "rectifyBy")
                .containsExactly(tuple(CRITICISM, ALPHA, T3, MAR, d(4, 15)));
        assertThat(score(mar, ALPHA).score()).isEqualByComparingTo("94");
        assertThat(theCase(mar, ALPHA, T3)).extracting("level", "rectifyBy", "open", "raisedOn")
                .containsExactly(CRITICISM, d(4, 15), true, d(3, 26));
    }

    @Test
    void onTimeInMarch_closesTheNotice_andALateAprilStartsOverAtNotice() {
        // Given ALPHA's task 3 report is 2 days late in February, on time in March, 2 days late in April
        Facts f = given().allOnTimeThrough(APR)
                .report(T3, ALPHA, FEB, d(2, 27), 90).report(T3, ALPHA, APR, d(4, 27), 90).facts();
        // When March is assessed
        Assessment mar = month(MAR, null, f);
        // Then the NOTICE case closes at the end of the quiet month, and nothing is issued
        assertThat(mar.cases()).extracting("unit", "task", "level", "open", "closedOn")
                .containsExactly(tuple(ALPHA, T3, NOTICE, false, d(3, 31)));
        assertThat(mar.sanctions()).isEmpty();
        assertThat(mar.ledger().cases()).isEmpty();
        // When April is assessed
        Assessment apr = duban.assess(APR, null, f, mar.ledger());
        // Then a new case at NOTICE, 98.5 again
        assertThat(apr.sanctions()).extracting("level", "unit", "task").containsExactly(tuple(NOTICE, ALPHA, T3));
        assertThat(apr.cases()).extracting("unit", "task", "level", "open", "raisedOn")
                .containsExactly(tuple(ALPHA, T3, NOTICE, true, d(4, 27)));
        assertThat(score(apr, ALPHA).score()).isEqualByComparingTo("98.5");
    }

    @Test
    void discreteFindingOnACriticisedCase_isOneLevelAbove_exposure_keepingItsRectifyBy() {
        // Given LAGGING on ALPHA/task 3 on 02-10, then HOLLOW_MEASURES on 03-05
        Facts f = given().allOnTimeThrough(MAR)
                .inspection(ALPHA, T3, InspectionKind.LAGGING, d(2, 10))
                .inspection(ALPHA, T3, InspectionKind.HOLLOW_MEASURES, d(3, 5)).facts();
        // When March is assessed as of 03-10 (before the rectify-by 03-15)
        Assessment a = month(MAR, d(3, 10), f);
        // Then one above CRITICISM: EXPOSURE, the sanction without rectify-by, the case keeping 03-15
        assertThat(a.sanctions()).extracting("level", "unit", "task", "issued", "rectifyBy")
                .containsExactly(tuple(EXPOSURE, ALPHA, T3, MAR, null));
        assertThat(theCase(a, ALPHA, T3)).extracting("level", "rectifyBy", "open", "raisedOn")
                .containsExactly(EXPOSURE, d(3, 15), true, d(3, 5));
    }

    @Test
    void discreteFindingOnAnExposedCase_staysAtExposure_issuingNothing() {
        // Given PERFUNCTORY on ALPHA/task 3 in February, LAGGING on it in March
        Facts f = given().allOnTimeThrough(MAR)
                .inspection(ALPHA, T3, InspectionKind.PERFUNCTORY, d(2, 10))
                .inspection(ALPHA, T3, InspectionKind.LAGGING, d(3, 5)).facts();
        // When March is assessed
        Assessment a = month(MAR, null, f);
        // Then at most EXPOSURE: no new sanction, the case stays as February raised it
        assertThat(a.sanctions()).isEmpty();
        assertThat(theCase(a, ALPHA, T3)).extracting("level", "rectifyBy", "open", "raisedOn")
                .containsExactly(EXPOSURE, null, true, d(2, 10));
    }

    // ================================================================ persistent findings

    @Test
    void dueSoonAgainOnANoticeCase_issuesNothingNew() {
        // Given ALPHA stands at 49 % in March and 40 % in April on task 1
        Facts f = given().allOnTimeThrough(APR)
                .report(T1, ALPHA, MAR, d(3, 20), 49).report(T1, ALPHA, APR, d(4, 20), 40).facts();
        // When April is assessed (0 days to the deadline)
        Assessment a = month(APR, null, f);
        // Then the reminder persists at NOTICE: no sanction, the case still raised on 03-31
        assertThat(findings(a, FindingKind.TASK_DUE_SOON, ALPHA, T1)).hasSize(1);
        assertThat(a.sanctions()).isEmpty();
        assertThat(a.cases()).extracting("unit", "task", "level", "open", "raisedOn")
                .containsExactly(tuple(ALPHA, T1, NOTICE, true, d(3, 31)));
    }

    @Test
    void overdueAgainOnACriticisedCase_issuesNothingNew() {
        // Given task 1 stays overdue into June
        Facts f = given().allOnTimeThrough(JUN).completion(T2, d(5, 31)).facts();
        // When June is assessed as of 06-10, before the rectify-by 06-15
        Assessment a = month(JUN, d(6, 10), f);
        // Then no sanction; the cases stay at CRITICISM with rectify-by 06-15 and raised on 05-31
        assertThat(a.sanctions()).isEmpty();
        assertThat(a.cases()).extracting("unit", "task", "level", "rectifyBy", "open", "raisedOn")
                .containsExactly(tuple(ALPHA, T1, CRITICISM, d(6, 15), true, d(5, 31)),
                        tuple(BRAVO, T1, CRITICISM, d(6, 15), true, d(5, 31)));
    }

    @Test
    void persistentFindingOnANoticeCase_isRaisedToItsTableLevel_withoutRepeatStep() {
        // Given ALPHA's task 1 report is late in April (NOTICE), and task 1 is overdue in May
        Facts f = given().allOnTimeThrough(MAY).report(T1, ALPHA, APR, d(4, 26), 90).facts();
        // When May is assessed
        Assessment a = month(MAY, null, f);
        // Then ALPHA's case rises to the overdue table level, CRITICISM (not beyond), rectify by 06-15
        assertThat(sanctions(a, ALPHA, T1)).extracting("level", "rectifyBy").containsExactly(tuple(CRITICISM, d(6, 15)));
        assertThat(theCase(a, ALPHA, T1)).extracting("level", "open", "raisedOn").containsExactly(CRITICISM, true, d(5, 31));
    }

    // ================================================================ several findings in one month

    @Test
    void severalFindingsOnOneCaseInAMonth_doNotCompound() {
        // Given ALPHA's task 3 report is missing and LAGGING is found on ALPHA/task 3 on 02-10
        Facts f = given().allOnTimeThrough(FEB).without(T3, ALPHA, FEB)
                .inspection(ALPHA, T3, InspectionKind.LAGGING, d(2, 10)).facts();
        // When February is assessed
        Assessment a = month(FEB, null, f);
        // Then the case ends at CRITICISM (both give it), with one sanction
        assertThat(a.sanctions()).extracting("level", "unit", "task", "rectifyBy")
                .containsExactly(tuple(CRITICISM, ALPHA, T3, d(3, 15)));
        assertThat(theCase(a, ALPHA, T3).raisedBy())
                .containsExactly(FindingKind.REPORT_MISSING, FindingKind.LAGGING);
    }

    @Test
    void jumpFromNothingToExposure_issuesExposureAlone_withNoRectifyBy() {
        // Given a late report (NOTICE) and PERFUNCTORY (EXPOSURE) on ALPHA/task 3 in February
        Facts f = given().allOnTimeThrough(FEB).report(T3, ALPHA, FEB, d(2, 26), 90)
                .inspection(ALPHA, T3, InspectionKind.PERFUNCTORY, d(2, 10), "王五").facts();
        // When February is assessed
        Assessment a = month(FEB, null, f);
        // Then only EXPOSURE is issued, naming only the person of the finding that gave it; no rectify-by
        assertThat(a.sanctions()).extracting("level", "unit", "task", "rectifyBy", "persons")
                .containsExactly(tuple(EXPOSURE, ALPHA, T3, null, List.of("王五")));
        assertThat(theCase(a, ALPHA, T3)).extracting("level", "rectifyBy").containsExactly(EXPOSURE, null);
    }

    @Test
    void jumpFromNoticeToExposure_issuesExposureAlone_withNoRectifyBy() {
        // Given a late February report on task 3 (NOTICE), then PERFUNCTORY on ALPHA/task 3 on 03-05
        Facts f = given().allOnTimeThrough(MAR).report(T3, ALPHA, FEB, d(2, 26), 90)
                .inspection(ALPHA, T3, InspectionKind.PERFUNCTORY, d(3, 5)).facts();
        // When March is assessed
        Assessment a = month(MAR, null, f);
        // Then EXPOSURE alone, and the case never got a rectify-by
        assertThat(a.sanctions()).extracting("level", "unit", "task", "rectifyBy")
                .containsExactly(tuple(EXPOSURE, ALPHA, T3, null));
        assertThat(theCase(a, ALPHA, T3)).extracting("level", "rectifyBy", "open", "raisedOn")
                .containsExactly(EXPOSURE, null, true, d(3, 5));
    }

    @Test
    void sanction_namesThePersonsOfTheFindingsThatGaveItsLevel() {
        // Given PERFUNCTORY (张三), BUCK_PASSING (李四) and LAGGING (王五) on DELTA/task 1 in February
        Facts f = given().allOnTimeThrough(FEB)
                .inspection(DELTA, T1, InspectionKind.PERFUNCTORY, d(2, 10), "张三")
                .inspection(DELTA, T1, InspectionKind.BUCK_PASSING, d(2, 12), "李四")
                .inspection(DELTA, T1, InspectionKind.LAGGING, d(2, 14), "王五").facts();
        // When February is assessed
        Assessment a = month(FEB, null, f);
        // Then one EXPOSURE naming 张三 and 李四 (Unicode order), not 王五 whose finding gave only CRITICISM
        Sanction s = a.sanctions().get(0);
        assertThat(a.sanctions()).hasSize(1);
        assertThat(s.level()).isEqualTo(EXPOSURE);
        assertThat(s.persons()).containsExactly("张三", "李四");
        assertThat(s.findings()).extracting("kind")
                .containsExactlyInAnyOrder(FindingKind.PERFUNCTORY, FindingKind.BUCK_PASSING);
    }

    @Test
    void unitWideMatter_isACaseOfItsOwn() {
        // Given LAGGING on ALPHA with no task and on ALPHA/task 1
        Facts f = given().allOnTimeThrough(FEB)
                .inspection(ALPHA, null, InspectionKind.LAGGING, d(2, 10))
                .inspection(ALPHA, T1, InspectionKind.LAGGING, d(2, 11)).facts();
        // When February is assessed
        Assessment a = month(FEB, null, f);
        // Then two cases and two criticisms
        assertThat(a.cases()).extracting("unit", "task", "level")
                .containsExactly(tuple(ALPHA, null, CRITICISM), tuple(ALPHA, T1, CRITICISM));
        assertThat(a.sanctions()).hasSize(2);
    }

    // ================================================================ overdue rectification

    @Test
    void criticismNotRectifiedByItsDate_isRectificationOverdue_datedTheDayAfter_andExposed() {
        // Given LAGGING on ALPHA (unit-wide) on 02-10: CRITICISM, rectify by 03-15; no rectification
        Facts f = given().allOnTimeThrough(MAR).inspection(ALPHA, null, InspectionKind.LAGGING, d(2, 10)).facts();
        // When March is assessed
        Assessment a = month(MAR, null, f);
        // Then RECTIFICATION_OVERDUE dated 03-16, the case exposed, keeping its rectify-by
        assertThat(a.findings()).extracting("kind", "unit", "task", "on")
                .containsExactly(tuple(FindingKind.RECTIFICATION_OVERDUE, ALPHA, null, d(3, 16)));
        assertThat(a.sanctions()).extracting("level", "unit", "task", "issued", "rectifyBy")
                .containsExactly(tuple(EXPOSURE, ALPHA, null, MAR, null));
        assertThat(theCase(a, ALPHA, null)).extracting("level", "rectifyBy", "open", "raisedOn")
                .containsExactly(EXPOSURE, d(3, 15), true, d(3, 16));
    }

    @Test
    void rectifyByNotYetPassed_isNotOverdue() {
        // Given the same unrectified criticism, rectify by 03-15
        Facts f = given().allOnTimeThrough(MAR).inspection(ALPHA, null, InspectionKind.LAGGING, d(2, 10)).facts();
        // When March is assessed as of 03-15
        Assessment a = month(MAR, d(3, 15), f);
        // Then nothing new: the case stays at CRITICISM, open
        assertThat(a.findings()).isEmpty();
        assertThat(a.sanctions()).isEmpty();
        assertThat(theCase(a, ALPHA, null)).extracting("level", "open").containsExactly(CRITICISM, true);
        // And as of 03-16 it is overdue
        assertThat(month(MAR, d(3, 16), f).findings()).extracting("kind", "on")
                .containsExactly(tuple(FindingKind.RECTIFICATION_OVERDUE, d(3, 16)));
    }

    @Test
    void rectificationOnTheRectifyByDate_closesTheCase_andNothingIsOverdue() {
        // Given the criticism is rectified on 03-15
        Facts f = given().allOnTimeThrough(MAR).inspection(ALPHA, null, InspectionKind.LAGGING, d(2, 10))
                .rectification(ALPHA, null, d(3, 15)).facts();
        // When March is assessed
        Assessment a = month(MAR, null, f);
        // Then the case closed on 03-15, no finding, no sanction
        assertThat(a.findings()).isEmpty();
        assertThat(a.sanctions()).isEmpty();
        assertThat(a.cases()).extracting("unit", "task", "level", "open", "closedOn")
                .containsExactly(tuple(ALPHA, null, CRITICISM, false, d(3, 15)));
    }

    @Test
    void rectificationAfterTheRectifyByDate_stillExposes_thenCloses() {
        // Given the criticism is rectified only on 03-16
        Facts f = given().allOnTimeThrough(MAR).inspection(ALPHA, null, InspectionKind.LAGGING, d(2, 10))
                .rectification(ALPHA, null, d(3, 16)).facts();
        // When March is assessed
        Assessment a = month(MAR, null, f);
        // Then the rectification is overdue (EXPOSURE issued), and the case closes on 03-16, the day of that finding
        assertThat(a.sanctions()).extracting("level").containsExactly(EXPOSURE);
        assertThat(a.cases()).extracting("unit", "task", "level", "open", "closedOn")
                .containsExactly(tuple(ALPHA, null, EXPOSURE, false, d(3, 16)));
    }

    // ================================================================ closing

    @Test
    void rectificationBeforeTheRaisingFinding_doesNotClose_onItsDateDoes() {
        // Given LAGGING on DELTA/task 1 on 02-10, and a rectification on 02-09 or on 02-10
        Facts before = given().allOnTimeThrough(FEB).inspection(DELTA, T1, InspectionKind.LAGGING, d(2, 10))
                .rectification(DELTA, T1, d(2, 9)).facts();
        Facts same = given().allOnTimeThrough(FEB).inspection(DELTA, T1, InspectionKind.LAGGING, d(2, 10))
                .rectification(DELTA, T1, d(2, 10)).facts();
        // When February is assessed
        // Then 02-09 leaves the case open; 02-10 closes it (the criticism is still issued)
        assertThat(theCase(month(FEB, null, before), DELTA, T1)).extracting("open").isEqualTo(true);
        Assessment a = month(FEB, null, same);
        assertThat(theCase(a, DELTA, T1)).extracting("level", "open", "closedOn").containsExactly(CRITICISM, false, d(2, 10));
        assertThat(a.sanctions()).extracting("level").containsExactly(CRITICISM);
        assertThat(a.ledger().cases()).isEmpty();
    }

    @Test
    void rectificationOfAnotherUnitOrMatter_doesNotClose() {
        // Given LAGGING on DELTA/task 1, a rectification by BRAVO on task 1 and by DELTA unit-wide
        Facts f = given().allOnTimeThrough(FEB).inspection(DELTA, T1, InspectionKind.LAGGING, d(2, 10))
                .rectification(BRAVO, T1, d(2, 20)).rectification(DELTA, null, d(2, 20)).facts();
        // Then the case stays open
        assertThat(theCase(month(FEB, null, f), DELTA, T1).open()).isTrue();
    }

    @Test
    void rectificationMustFollowTheFindingThatLastRaisedTheCase() {
        // Given LAGGING on DELTA/task 1 on 02-10 (CRITICISM), PERFUNCTORY on 03-05 (EXPOSURE)
        // and a rectification on 03-04, or on 03-05
        Facts early = given().allOnTimeThrough(MAR)
                .inspection(DELTA, T1, InspectionKind.LAGGING, d(2, 10))
                .inspection(DELTA, T1, InspectionKind.PERFUNCTORY, d(3, 5))
                .rectification(DELTA, T1, d(3, 4)).facts();
        Facts onTime = given().allOnTimeThrough(MAR)
                .inspection(DELTA, T1, InspectionKind.LAGGING, d(2, 10))
                .inspection(DELTA, T1, InspectionKind.PERFUNCTORY, d(3, 5))
                .rectification(DELTA, T1, d(3, 5)).facts();
        // When March is assessed
        // Then 03-04 (after the first finding, before the one that last raised it) does not close
        assertThat(theCase(month(MAR, null, early), DELTA, T1)).extracting("level", "open", "raisedOn")
                .containsExactly(EXPOSURE, true, d(3, 5));
        // And 03-05 does
        assertThat(theCase(month(MAR, null, onTime), DELTA, T1)).extracting("level", "open", "closedOn")
                .containsExactly(EXPOSURE, false, d(3, 5));
    }

    @Test
    void persistentFindingAtTheSameLevel_doesNotMoveTheDateARectificationMustFollow() {
        // Given task 1 is overdue in May (raised 05-31) and still in June; ALPHA rectifies on 06-01
        Facts f = given().allOnTimeThrough(JUN).completion(T2, d(5, 31)).rectification(ALPHA, T1, d(6, 1)).facts();
        // When June is assessed as of 06-10 (overdue found again on 06-10)
        Assessment a = month(JUN, d(6, 10), f);
        // Then ALPHA's case closes on 06-01; BRAVO's stays open
        assertThat(a.cases()).extracting("unit", "task", "level", "open", "closedOn")
                .containsExactly(tuple(ALPHA, T1, CRITICISM, false, d(6, 1)), tuple(BRAVO, T1, CRITICISM, true, null));
    }

    @Test
    void completion_closesEveryUnitsCaseOnTheTask() {
        // Given task 1 overdue in May (ALPHA, BRAVO) and LAGGING on DELTA/task 1 on 05-20; completed 06-05
        Facts f = given().allOnTimeThrough(JUN).completion(T2, d(5, 31))
                .inspection(DELTA, T1, InspectionKind.LAGGING, d(5, 20))
                .inspection(DELTA, null, InspectionKind.LAGGING, d(5, 20))
                .completion(T1, d(6, 5)).facts();
        // When June is assessed
        Assessment a = month(JUN, null, f);
        // Then the three task-1 cases close on 06-05; DELTA's unit-wide case does not (and is overdue for rectification)
        assertThat(a.cases()).extracting("unit", "task", "open", "closedOn")
                .containsExactly(tuple(ALPHA, T1, false, d(6, 5)), tuple(BRAVO, T1, false, d(6, 5)),
                        tuple(DELTA, null, true, null), tuple(DELTA, T1, false, d(6, 5)));
        assertThat(findings(a, FindingKind.RECTIFICATION_OVERDUE)).extracting("unit", "task", "on")
                .containsExactly(tuple(DELTA, null, d(6, 16)));
    }

    @Test
    void completionBeforeTheRaisingFinding_doesNotClose() {
        // Given task 1 completed 02-26 and ALPHA's February report on it comes on 02-27 (late)
        Facts f = given().allOnTimeThrough(FEB).report(T1, ALPHA, FEB, d(2, 27), 100).completion(T1, d(2, 26)).facts();
        // When February is assessed
        Assessment a = month(FEB, null, f);
        // Then the NOTICE case raised on 02-27 stays open
        assertThat(theCase(a, ALPHA, T1)).extracting("level", "open", "raisedOn").containsExactly(NOTICE, true, d(2, 27));
    }

    @Test
    void grantedExtension_closesATaskOverdueCase() {
        // Given task 1 overdue in May (CRITICISM, rectify by 06-15); an extension requested 04-28,
        // approved 06-03, moves it to 06-30
        Facts f = given().allOnTimeThrough(JUN).completion(T2, d(5, 31))
                .extension(T1, d(4, 28), d(6, 3), d(6, 30)).facts();
        // When May is assessed
        Assessment may = month(MAY, null, f);
        assertThat(may.cases()).extracting("unit", "level").containsExactly(tuple(ALPHA, CRITICISM), tuple(BRAVO, CRITICISM));
        // When June is assessed from May's ledger
        Assessment jun = duban.assess(JUN, null, f, may.ledger());
        // Then both cases close on 06-03, nothing is overdue and nothing is issued
        assertThat(jun.cases()).extracting("unit", "task", "level", "open", "closedOn")
                .containsExactly(tuple(ALPHA, T1, CRITICISM, false, d(6, 3)), tuple(BRAVO, T1, CRITICISM, false, d(6, 3)));
        assertThat(jun.findings()).isEmpty();
        assertThat(jun.sanctions()).isEmpty();
    }

    @Test
    void grantedExtension_doesNotCloseAReportMissingCase() {
        // Given ALPHA's April report on task 1 is missing (CRITICISM, rectify by 05-15);
        // an extension requested 04-20, approved 05-05, moves task 1 to 05-31
        Facts f = given().allOnTimeThrough(MAY).without(T1, ALPHA, APR)
                .extension(T1, d(4, 20), d(5, 5), d(5, 31)).facts();
        // When May is assessed as of 05-10
        Assessment a = month(MAY, d(5, 10), f);
        // Then ALPHA's case stays open at CRITICISM (an extension excuses no monthly report)
        assertThat(a.cases()).extracting("unit", "task", "level", "rectifyBy", "open")
                .containsExactly(tuple(ALPHA, T1, CRITICISM, d(5, 15), true));
        // And at month end the rectification is overdue (05-16) and the case exposed
        Assessment end = month(MAY, null, f);
        assertThat(end.findings()).extracting("kind", "unit", "task", "on")
                .containsExactly(tuple(FindingKind.RECTIFICATION_OVERDUE, ALPHA, T1, d(5, 16)));
        assertThat(theCase(end, ALPHA, T1)).extracting("level", "open").containsExactly(EXPOSURE, true);
    }

    @Test
    void noticeCase_closesInAQuietMonth_evenWithACommendation() {
        // Given ALPHA's February task 3 report is late; in March it is on time and ALPHA/task 3 is commended
        Facts f = given().allOnTimeThrough(MAR).report(T3, ALPHA, FEB, d(2, 26), 90)
                .inspection(ALPHA, T3, InspectionKind.COMMENDED, d(3, 10)).facts();
        // When March is assessed
        Assessment a = month(MAR, null, f);
        // Then the case closes on the as-of date
        assertThat(a.cases()).extracting("unit", "task", "level", "open", "closedOn")
                .containsExactly(tuple(ALPHA, T3, NOTICE, false, d(3, 31)));
    }

    @Test
    void criticisedCase_doesNotCloseInAQuietMonth() {
        // Given LAGGING on DELTA/task 1 in February (rectify by 03-15), nothing in March
        Facts f = given().allOnTimeThrough(MAR).inspection(DELTA, T1, InspectionKind.LAGGING, d(2, 10)).facts();
        // When March is assessed as of 03-14
        // Then the case stays open
        assertThat(theCase(month(MAR, d(3, 14), f), DELTA, T1)).extracting("level", "open").containsExactly(CRITICISM, true);
    }

    @Test
    void closedCaseIsGone_aNewFindingStartsOverAtItsTableLevel() {
        // Given LAGGING on DELTA/task 1 on 02-10 rectified 02-20, and LAGGING again on 03-05
        Facts f = given().allOnTimeThrough(MAR)
                .inspection(DELTA, T1, InspectionKind.LAGGING, d(2, 10)).rectification(DELTA, T1, d(2, 20))
                .inspection(DELTA, T1, InspectionKind.LAGGING, d(3, 5)).facts();
        // When March is assessed
        Assessment a = month(MAR, null, f);
        // Then CRITICISM again (not a repeat), rectify by 03-31 + 15 = 04-15
        assertThat(a.sanctions()).extracting("level", "unit", "task", "rectifyBy")
                .containsExactly(tuple(CRITICISM, DELTA, T1, d(4, 15)));
        assertThat(theCase(a, DELTA, T1)).extracting("level", "rectifyBy", "open", "raisedOn")
                .containsExactly(CRITICISM, d(4, 15), true, d(3, 5));
    }

    @Test
    void openCaseWithoutFindings_staysWhereItStood() {
        // Given PERFUNCTORY on DELTA/task 1 in February, nothing after
        Facts f = given().allOnTimeThrough(MAR).inspection(DELTA, T1, InspectionKind.PERFUNCTORY, d(2, 10)).facts();
        // When March is assessed
        Assessment a = month(MAR, null, f);
        // Then the case is still open at EXPOSURE, raised on 02-10, and nothing is issued
        assertThat(a.sanctions()).isEmpty();
        Case c = theCase(a, DELTA, T1);
        assertThat(c).extracting("level", "open", "raisedOn", "rectifyBy").containsExactly(EXPOSURE, true, d(2, 10), null);
        assertThat(score(a, ALPHA).score()).isEqualByComparingTo(BigDecimal.valueOf(100));
    }


    @Test
    void grantedExtension_closesACaseTheOverdueRectificationRaised() {
        // Given task 1 overdue in May (CRITICISM, rectify by 06-15), not rectified, and an extension
        // requested 04-28 approved 06-20 moving task 1 to 06-30
        Facts f = given().allOnTimeThrough(JUN).completion(T2, d(5, 31))
                .extension(T1, d(4, 28), d(6, 20), d(6, 30)).facts();
        // When June is assessed
        Assessment a = month(JUN, null, f);
        // Then the rectification is overdue on 06-16 (EXPOSURE issued), and the extension closes the case on 06-20
        assertThat(findings(a, FindingKind.RECTIFICATION_OVERDUE)).extracting("unit", "task", "on")
                .containsExactly(tuple(ALPHA, T1, d(6, 16)), tuple(BRAVO, T1, d(6, 16)));
        assertThat(a.sanctions()).extracting("level", "unit").containsExactly(tuple(EXPOSURE, ALPHA), tuple(EXPOSURE, BRAVO));
        assertThat(a.cases()).extracting("unit", "task", "level", "open", "closedOn")
                .containsExactly(tuple(ALPHA, T1, EXPOSURE, false, d(6, 20)), tuple(BRAVO, T1, EXPOSURE, false, d(6, 20)));
    }

    @Test
    void grantedExtensionBeforeTheRectifyBy_meansNoOverdueRectification() {
        // Given task 1 overdue in May (CRITICISM, rectify by 06-15) and an extension approved 06-15 to 06-30
        Facts f = given().allOnTimeThrough(JUN).completion(T2, d(5, 31))
                .extension(T1, d(4, 28), d(6, 15), d(6, 30)).facts();
        // When June is assessed
        Assessment a = month(JUN, null, f);
        // Then nothing is found or issued, the cases close on 06-15
        assertThat(a.findings()).isEmpty();
        assertThat(a.sanctions()).isEmpty();
        assertThat(a.cases()).extracting("unit", "open", "closedOn")
                .containsExactly(tuple(ALPHA, false, d(6, 15)), tuple(BRAVO, false, d(6, 15)));
    }

    @Test
    void twoRepeatedOffencesOnANoticeCase_doNotCompound() {
        // Given ALPHA's task 3 report late in February (NOTICE); in March late again and LAGGING on ALPHA/task 3
        Facts f = given().allOnTimeThrough(MAR).report(T3, ALPHA, FEB, d(2, 26), 90)
                .report(T3, ALPHA, MAR, d(3, 26), 90)
                .inspection(ALPHA, T3, InspectionKind.LAGGING, d(3, 5)).facts();
        // When March is assessed
        Assessment a = month(MAR, null, f);
        // Then each gives one above NOTICE: the case ends at CRITICISM, not EXPOSURE
        assertThat(a.sanctions()).extracting("level", "unit", "task", "rectifyBy")
                .containsExactly(tuple(CRITICISM, ALPHA, T3, d(4, 15)));
    }

    // ================================================================ the worked example of §5, on task 1

    @Test
    void workedExample_overdueInMay_criticised_closedByTheJuneCompletion() {
        // Given task 1 (04-30) reported on time Feb-May at 30/60/90/95 % by both leads,
        // completed on 06-05, no June report (the completion stands for it)
        Facts f = given().allOnTimeThrough(JUN)
                .report(T1, ALPHA, FEB, d(2, 20), 30).report(T1, BRAVO, FEB, d(2, 20), 30)
                .report(T1, ALPHA, MAR, d(3, 20), 60).report(T1, BRAVO, MAR, d(3, 20), 60)
                .report(T1, ALPHA, APR, d(4, 20), 90).report(T1, BRAVO, APR, d(4, 20), 90)
                .report(T1, ALPHA, MAY, d(5, 20), 95).report(T1, BRAVO, MAY, d(5, 20), 95)
                .without(T1, ALPHA, JUN).without(T1, BRAVO, JUN)
                .completion(T2, d(5, 31)).completion(T1, d(6, 5)).facts();
        // When the window is replayed
        List<Assessment> all = duban.replay(FEB, JUN, f);
        // Then ALPHA scores 100, 100, 100, 92, 100
        assertThat(all).extracting(a -> score(a, ALPHA).score().stripTrailingZeros().toPlainString())
                .containsExactly("100", "100", "100", "92", "100");
        // And on 03-31 (30 days off, 60 %) nothing is found on task 1
        assertThat(findingsOn(all.get(1), ALPHA, T1)).isEmpty();
        // And May criticises with rectify-by 06-15 after 31 days overdue
        assertThat(findingsOn(all.get(3), ALPHA, T1)).extracting("kind", "days")
                .containsExactly(tuple(FindingKind.TASK_OVERDUE, 31));
        assertThat(sanctions(all.get(3), ALPHA, T1)).extracting("level", "rectifyBy").containsExactly(tuple(CRITICISM, d(6, 15)));
        // And June closes the case on 06-05 with nothing found
        assertThat(findingsOn(all.get(4), ALPHA, T1)).isEmpty();
        assertThat(theCase(all.get(4), ALPHA, T1)).extracting("open", "closedOn").containsExactly(false, d(6, 5));
    }

    // ================================================================ assumptions where DESIGN is terse

    @Test
    void twoFindingsGivingTheSameLevelInAMonth_theLaterDatedOneRaisedTheCase() {
        // Assumed: all findings of a month are judged against the previous ledger, so each of them
        // lifts a new case; "the finding that last raised it" is the latest-dated of those giving the final level.
        // Given LAGGING on DELTA/task 1 on 02-03 and HOLLOW_MEASURES on 02-10; a rectification on 02-05
        Facts f = given().allOnTimeThrough(FEB)
                .inspection(DELTA, T1, InspectionKind.LAGGING, d(2, 3))
                .inspection(DELTA, T1, InspectionKind.HOLLOW_MEASURES, d(2, 10))
                .rectification(DELTA, T1, d(2, 5)).facts();
        // When February is assessed
        // Then the case is raised on 02-10 and the 02-05 rectification does not close it
        assertThat(theCase(month(FEB, null, f), DELTA, T1)).extracting("level", "open", "raisedOn")
                .containsExactly(CRITICISM, true, d(2, 10));
    }

    @Test
    void workingDayPolicy_rectifyByIsThe15thWorkingDayAfterTheAsOfDate() {
        // Given working days on a weekends-only calendar; ALPHA does not report task 3 in February
        Policy workingDays = new Policy(30, 50, 15, 15, 30, 10,
                new BigDecimal("-1"), new BigDecimal("-2"), new BigDecimal("-3"), new BigDecimal("-0.5"),
                new BigDecimal("-5"), new BigDecimal("-10"), new BigDecimal("2"), new BigDecimal("3"), new BigDecimal("5"),
                new BigDecimal("95"), new BigDecimal("85"), new BigDecimal("70"), null, true, false);
        Duban weekdays = Duban.builder().plan(PLAN).policy(workingDays).calendar(WorkCalendar.weekendsOnly()).build();
        Facts f = given().allOnTimeThrough(FEB).without(T3, ALPHA, FEB).facts();
        // When February is assessed (A = Sunday 02-28)
        Assessment a = weekdays.assess(FEB, null, f, null);
        // Then rectify by 03-19, the 15th working day after 02-28 (March 1-5, 8-12, 15-19)
        assertThat(a.sanctions()).extracting("level", "rectifyBy").containsExactly(tuple(CRITICISM, d(3, 19)));
    }

}

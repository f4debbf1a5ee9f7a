package io.github.duban.rules;

import io.github.duban.engine.Duban;
import io.github.duban.model.Facts;
import io.github.duban.model.InspectionKind;
import io.github.duban.model.Policy;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.Finding;
import io.github.duban.outcome.Rating;
import io.github.duban.outcome.Sanction;
import io.github.duban.outcome.ScoreLine;
import io.github.duban.outcome.UnitScore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.github.duban.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * scoring.drl: score lines, who is scored, the bonus cap and the clamp, ratings and ranks (DESIGN §6).
 */
class ScoringRulesTest {

    /** DEFAULT but for a public exposure costing 60 points, to reach the floor. */
    private static final Policy HARSH = new Policy(30, 50, 15, 15, 30, 10,
            bd("-1"), bd("-2"), bd("-3"), bd("-0.5"), bd("-5"), bd("-60"), bd("2"), bd("3"), bd("5"),
            bd("95"), bd("85"), bd("70"), null, false, false);

    private static Duban duban;
    private static Duban harsh;
    /** DEFAULT without rating ceilings, where a test is about a band's bound alone. */
    private static Duban bandsOnly;

    @BeforeAll
    static void compileRules() {
        duban = engine();
        harsh = Duban.builder().plan(PLAN).policy(HARSH).build();
        bandsOnly = duban.toBuilder().policy(Policy.DEFAULT.withCeilings(java.util.Map.of())).build();
    }

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    /** A number as plain text without trailing zeros: -10, 98.5, 100. */
    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    private static Assessment feb(Facts f) {
        return assess(duban, FEB, null, f);
    }

    private static void assertScore(UnitScore s, String score, Rating rating) {
        assertThat(s.score()).as(s.unit() + " score").isEqualByComparingTo(score);
        assertThat(s.rating()).as(s.unit() + " rating").isEqualTo(rating);
    }

    // ================================================================ lines

    @Test
    void lateReport_costsOnePoint_plusTheNoticeHalfPoint() {
        // Given ALPHA's task 3 report is late in February
        Facts f = given().allOnTimeThrough(FEB).report(T3, ALPHA, FEB, d(2, 27), 90).facts();
        // When February is assessed
        UnitScore s = score(feb(f), ALPHA);
        // Then two lines, −1 and −0.5: 98.5, EXCELLENT
        assertThat(s.lines()).extracting(ScoreLine::kind, ScoreLine::task, l -> plain(l.points()))
                .containsExactly(tuple("NOTICE", T3, "-0.5"), tuple("REPORT_LATE", T3, "-1"));
        assertScore(s, "98.5", Rating.EXCELLENT);
        // And every line names its rule and the finding or sanction behind it
        assertThat(s.lines()).allSatisfy(l -> assertThat(l.rule()).isNotBlank());
        assertThat(s.lines()).filteredOn(l -> l.kind().equals("REPORT_LATE")).singleElement()
                .extracting(ScoreLine::source).isInstanceOf(Finding.class);
        assertThat(s.lines()).filteredOn(l -> l.kind().equals("NOTICE")).singleElement()
                .extracting(ScoreLine::source).isInstanceOf(Sanction.class);
    }

    @Test
    void missingReport_costsTwoPoints_plusTheCriticismFive() {
        // Given ALPHA does not report task 3 in February
        Facts f = given().allOnTimeThrough(FEB).without(T3, ALPHA, FEB).facts();
        // When February is assessed
        UnitScore s = score(feb(f), ALPHA);
        // Then −5 and −2: 93, GOOD
        assertThat(s.lines()).extracting(ScoreLine::kind, ScoreLine::task, l -> plain(l.points()))
                .containsExactly(tuple("CRITICISM", T3, "-5"), tuple("REPORT_MISSING", T3, "-2"));
        assertScore(s, "93", Rating.GOOD);
    }

    @Test
    void overdueTask_costsEachLeadThreePointsEveryMonth_theCriticismOnlyOnce() {
        // Given task 1 (04-30) is never completed
        Facts f = given().allOnTimeThrough(JUN).completion(T2, d(5, 31)).facts();
        // When May is assessed
        Assessment may = assess(duban, MAY, null, f);
        // Then each lead: −3 overdue and −5 criticism = 92, GOOD
        for (String lead : new String[] {ALPHA, BRAVO}) {
            assertThat(score(may, lead).lines()).extracting(ScoreLine::kind, l -> plain(l.points()))
                    .containsExactly(tuple("CRITICISM", "-5"), tuple("TASK_OVERDUE", "-3"));
            assertScore(score(may, lead), "92", Rating.GOOD);
        }
        // When June is assessed as of 06-10 (before the rectify-by)
        Assessment jun = duban.assess(JUN, d(6, 10), f, may.ledger());
        // Then only the −3 again: 97
        assertThat(score(jun, ALPHA).lines()).extracting(ScoreLine::kind).containsExactly("TASK_OVERDUE");
        assertScore(score(jun, ALPHA), "97", Rating.EXCELLENT);
    }

    @Test
    void criticismSanction_costsFive_exposureTen_inTheMonthIssuedOnly() {
        // Given LAGGING on ECHO (unit-wide) and PERFUNCTORY on ALPHA/task 3 in February
        Facts f = given().allOnTimeThrough(MAR)
                .inspection(ECHO, null, InspectionKind.LAGGING, d(2, 10))
                .inspection(ALPHA, T3, InspectionKind.PERFUNCTORY, d(2, 10)).facts();
        // When February is assessed
        Assessment a = feb(f);
        // Then ECHO −5 = 95 (the finding itself carries no points), ALPHA −10 = 90; criticised, ECHO is
        // rated no better than GOOD, and exposed, ALPHA no better than PASS (the default ceilings)
        assertThat(score(a, ECHO).lines()).extracting(ScoreLine::kind, l -> plain(l.points()))
                .containsExactly(tuple("CRITICISM", "-5"));
        assertScore(score(a, ECHO), "95", Rating.GOOD);
        assertThat(score(a, ALPHA).lines()).extracting(ScoreLine::kind, l -> plain(l.points()))
                .containsExactly(tuple("EXPOSURE", "-10"));
        assertScore(score(a, ALPHA), "90", Rating.PASS);
        // When March is assessed, ALPHA's case still open at EXPOSURE
        Assessment mar = duban.assess(MAR, d(3, 14), f, a.ledger());
        // Then no deduction again
        assertScore(score(mar, ALPHA), "100", Rating.EXCELLENT);
        assertThat(score(mar, ALPHA).lines()).isEmpty();
    }

    @Test
    void earlyCompletion_earnsEachLeadTwoPoints() {
        // Given task 1 (04-30) completed 04-15
        Facts f = given().allOnTimeThrough(APR).completion(T1, d(4, 15)).facts();
        // When April is assessed
        Assessment a = assess(duban, APR, null, f);
        // Then ALPHA and BRAVO 102, CHARLIE 100
        assertThat(score(a, ALPHA).lines()).extracting(ScoreLine::kind, ScoreLine::task, l -> plain(l.points()))
                .containsExactly(tuple("TASK_COMPLETED_EARLY", T1, "2"));
        assertScore(score(a, ALPHA), "102", Rating.EXCELLENT);
        assertScore(score(a, BRAVO), "102", Rating.EXCELLENT);
        assertScore(score(a, CHARLIE), "100", Rating.EXCELLENT);
    }

    @Test
    void commendation_earnsThreePoints() {
        // Given CHARLIE is commended on task 2
        Facts f = given().allOnTimeThrough(FEB).inspection(CHARLIE, T2, InspectionKind.COMMENDED, d(2, 10)).facts();
        // When February is assessed
        UnitScore s = score(feb(f), CHARLIE);
        // Then +3: 103
        assertThat(s.lines()).extracting(ScoreLine::kind, ScoreLine::task, l -> plain(l.points()))
                .containsExactly(tuple("COMMENDED", T2, "3"));
        assertScore(s, "103", Rating.EXCELLENT);
    }

    // ================================================================ cap and clamp

    @Test
    void bonusesAreCappedAtFive_beforeDeductionsAreTaken() {
        // Given in April: task 1 completed 04-15 (+2), ALPHA commended twice (+3, +3),
        // and ALPHA's task 3 report late (−1, −0.5)
        Facts f = given().allOnTimeThrough(APR).completion(T1, d(4, 15)).report(T3, ALPHA, APR, d(4, 26), 90)
                .inspection(ALPHA, null, InspectionKind.COMMENDED, d(4, 10))
                .inspection(ALPHA, T3, InspectionKind.COMMENDED, d(4, 11)).facts();
        // When April is assessed
        UnitScore s = score(assess(duban, APR, null, f), ALPHA);
        // Then every line is listed, but bonuses count 5 of 8: 100 − 1.5 + 5 = 103.5
        assertThat(s.lines()).extracting(ScoreLine::kind)
                .containsExactlyInAnyOrder("COMMENDED", "COMMENDED", "TASK_COMPLETED_EARLY", "NOTICE", "REPORT_LATE");
        assertScore(s, "103.5", Rating.EXCELLENT);
    }

    @Test
    void bonusesAloneStopAt105() {
        // Given CHARLIE is commended twice (+6)
        Facts f = given().allOnTimeThrough(FEB)
                .inspection(CHARLIE, null, InspectionKind.COMMENDED, d(2, 10))
                .inspection(CHARLIE, T2, InspectionKind.COMMENDED, d(2, 11)).facts();
        // Then 105, not 106
        assertScore(score(feb(f), CHARLIE), "105", Rating.EXCELLENT);
    }

    @Test
    void scoreIsClampedAtZero() {
        // Given a policy where an exposure costs 60, and two exposures on ALPHA in February
        Facts f = given().allOnTimeThrough(FEB)
                .inspection(ALPHA, null, InspectionKind.PERFUNCTORY, d(2, 10))
                .inspection(ALPHA, T3, InspectionKind.BUCK_PASSING, d(2, 10)).facts();
        // When February is assessed
        UnitScore s = score(assess(harsh, FEB, null, f), ALPHA);
        // Then 100 − 120 is clamped to 0, FAIL, both lines still listed
        assertThat(s.lines()).extracting(ScoreLine::kind).containsExactly("EXPOSURE", "EXPOSURE");
        assertScore(s, "0", Rating.FAIL);
    }

    @Test
    void scoreAboveZero_isNotClamped() {
        // Given the same policy and one exposure
        Facts f = given().allOnTimeThrough(FEB).inspection(ALPHA, null, InspectionKind.PERFUNCTORY, d(2, 10)).facts();
        // Then 40
        assertScore(score(assess(harsh, FEB, null, f), ALPHA), "40", Rating.FAIL);
    }

    // ================================================================ ratings

    @Test
    void exactly95_isExcellent() {
        // Given LAGGING on ECHO: −5
        Facts f = given().allOnTimeThrough(FEB).inspection(ECHO, null, InspectionKind.LAGGING, d(2, 10)).facts();
        assertScore(score(assess(bandsOnly, FEB, null, f), ECHO), "95", Rating.EXCELLENT);
    }

    @Test
    void score94point5_isGood() {
        // Given ALPHA: task 3 late (−1.5), task 1 missing (−2 −5), commended (+3)
        Facts f = given().allOnTimeThrough(FEB).report(T3, ALPHA, FEB, d(2, 26), 90).without(T1, ALPHA, FEB)
                .inspection(ALPHA, null, InspectionKind.COMMENDED, d(2, 10)).facts();
        assertScore(score(feb(f), ALPHA), "94.5", Rating.GOOD);
    }

    @Test
    void exactly85_isGood() {
        // Given LAGGING (−5) and PERFUNCTORY (−10) on two matters of ECHO
        Facts f = given().allOnTimeThrough(FEB)
                .inspection(ECHO, null, InspectionKind.LAGGING, d(2, 10))
                .inspection(ECHO, T1, InspectionKind.PERFUNCTORY, d(2, 10)).facts();
        assertScore(score(assess(bandsOnly, FEB, null, f), ECHO), "85", Rating.GOOD);
    }

    @Test
    void score84point5_isPass() {
        // Given ALPHA: task 3 late (−1.5), task 1 missing (−7), PERFUNCTORY unit-wide (−10), commended (+3)
        Facts f = given().allOnTimeThrough(FEB).report(T3, ALPHA, FEB, d(2, 26), 90).without(T1, ALPHA, FEB)
                .inspection(ALPHA, null, InspectionKind.PERFUNCTORY, d(2, 10))
                .inspection(ALPHA, null, InspectionKind.COMMENDED, d(2, 11)).facts();
        assertScore(score(feb(f), ALPHA), "84.5", Rating.PASS);
    }

    @Test
    void exactly70_isPass() {
        // Given PERFUNCTORY on three matters of ECHO: −30
        Facts f = given().allOnTimeThrough(FEB)
                .inspection(ECHO, null, InspectionKind.PERFUNCTORY, d(2, 10))
                .inspection(ECHO, T1, InspectionKind.PERFUNCTORY, d(2, 10))
                .inspection(ECHO, T2, InspectionKind.PERFUNCTORY, d(2, 10)).facts();
        assertScore(score(feb(f), ECHO), "70", Rating.PASS);
    }

    @Test
    void score69point5_isFail() {
        // Given ALPHA: task 3 late (−1.5); task 1 missing with PERFUNCTORY on it (−2 −10);
        // PERFUNCTORY unit-wide (−10) and on task 2 (−10); commended (+3)
        Facts f = given().allOnTimeThrough(FEB).report(T3, ALPHA, FEB, d(2, 26), 90).without(T1, ALPHA, FEB)
                .inspection(ALPHA, T1, InspectionKind.PERFUNCTORY, d(2, 10))
                .inspection(ALPHA, null, InspectionKind.PERFUNCTORY, d(2, 10))
                .inspection(ALPHA, T2, InspectionKind.PERFUNCTORY, d(2, 10))
                .inspection(ALPHA, null, InspectionKind.COMMENDED, d(2, 11)).facts();
        assertScore(score(feb(f), ALPHA), "69.5", Rating.FAIL);
    }

    // ================================================================ ranks

    @Test
    void equalScoresShareARank_tiesListedByUnitId() {
        // Given BRAVO and DELTA each get LAGGING (95); ALPHA and CHARLIE nothing (100)
        Facts f = given().allOnTimeThrough(FEB)
                .inspection(DELTA, T1, InspectionKind.LAGGING, d(2, 10))
                .inspection(BRAVO, T1, InspectionKind.LAGGING, d(2, 10)).facts();
        // When February is assessed
        Assessment a = feb(f);
        // Then ranks 1, 1, 3, 3 listed by score, then unit id
        assertThat(a.scores()).extracting(UnitScore::unit, UnitScore::rank, s -> plain(s.score()))
                .containsExactly(
                        tuple(ALPHA, 1, "100"), tuple(CHARLIE, 1, "100"),
                        tuple(BRAVO, 3, "95"), tuple(DELTA, 3, "95"));
    }

    @Test
    void ranksCountTheUnitsScoringMore() {
        // Given BRAVO late on task 1 (98.5); ALPHA and CHARLIE nothing
        Facts f = given().allOnTimeThrough(FEB).report(T1, BRAVO, FEB, d(2, 26), 90).facts();
        // Then 1, 1, 3
        assertThat(feb(f).scores()).extracting(UnitScore::unit, UnitScore::rank)
                .containsExactly(tuple(ALPHA, 1), tuple(CHARLIE, 1), tuple(BRAVO, 3));
    }

    // ================================================================ who is scored

    @Test
    void everyLeadUnitIsScored_evenWithNothingFound() {
        // Given a quiet February
        Assessment a = feb(given().allOnTimeThrough(FEB).facts());
        // Then exactly the lead units, 100 each, with no lines
        assertThat(a.scores()).extracting(UnitScore::unit, UnitScore::rank, UnitScore::rating)
                .containsExactly(tuple(ALPHA, 1, Rating.EXCELLENT), tuple(BRAVO, 1, Rating.EXCELLENT),
                        tuple(CHARLIE, 1, Rating.EXCELLENT));
        assertThat(a.scores()).allSatisfy(s -> {
            assertThat(s.score()).isEqualByComparingTo("100");
            assertThat(s.lines()).isEmpty();
        });
    }

    @Test
    void supportingUnit_isScoredOnlyInAMonthAFindingNamesIt() {
        // Given LAGGING on DELTA (supporting task 1) on 02-10, rectify by 03-15, never rectified;
        // ECHO is commended on 02-12
        Facts f = given().allOnTimeThrough(MAR)
                .inspection(DELTA, T1, InspectionKind.LAGGING, d(2, 10))
                .inspection(ECHO, null, InspectionKind.COMMENDED, d(2, 12)).facts();
        // When February is assessed
        Assessment a = feb(f);
        // Then DELTA 95 and ECHO 103 are scored alongside the leads
        assertThat(a.scores()).extracting(UnitScore::unit)
                .containsExactlyInAnyOrder(ALPHA, BRAVO, CHARLIE, DELTA, ECHO);
        assertScore(score(a, DELTA), "95", Rating.GOOD);
        assertScore(score(a, ECHO), "103", Rating.EXCELLENT);
        // When March is assessed as of 03-14: DELTA's case is open but nothing names it
        // Then DELTA and ECHO are not scored
        assertThat(duban.assess(MAR, d(3, 14), f, a.ledger()).scores()).extracting(UnitScore::unit)
                .containsExactly(ALPHA, BRAVO, CHARLIE);
        // When March is assessed at month end: the overdue rectification names DELTA
        // Then DELTA is scored again, −10 for the exposure: 90
        Assessment mar = duban.assess(MAR, null, f, a.ledger());
        assertThat(mar.scores()).extracting(UnitScore::unit).containsExactly(ALPHA, BRAVO, CHARLIE, DELTA);
        assertScore(score(mar, DELTA), "90", Rating.PASS);
    }

    @Test
    void groupIsNeverScored_evenWhenItReports() {
        // Given TOWNS (a group supporting task 1) sends a report on task 1
        Facts f = given().allOnTimeThrough(FEB).alsoReport(T1, TOWNS, FEB, d(2, 27), 10).facts();
        // When February is assessed
        Assessment a = feb(f);
        // Then the report is set aside and TOWNS has no score
        assertThat(a.ignored()).extracting("fact", "unit").containsExactly(tuple("report", TOWNS));
        assertThat(a.scores()).extracting(UnitScore::unit).doesNotContain(TOWNS);
    }

    // ================================================================ deductions, bonuses and rating ceilings (DESIGN §6)

    @Test
    void aCriticisedUnit_inTheTopBand_isRatedGood_itsScoreAndRankUntouched() {
        // Given LAGGING on ECHO (unit-wide) in February: −5, criticised
        Facts f = given().allOnTimeThrough(FEB).inspection(ECHO, null, InspectionKind.LAGGING, d(2, 10)).facts();
        // When February is assessed with and without ceilings
        UnitScore capped = score(feb(f), ECHO);
        UnitScore free = score(assess(bandsOnly, FEB, null, f), ECHO);
        // Then the same 95 and rank; rated GOOD, naming the criticism as the ceiling, against EXCELLENT
        assertThat(capped.score()).isEqualByComparingTo(free.score());
        assertThat(capped.rank()).isEqualTo(free.rank());
        assertThat(capped.rating()).isEqualTo(Rating.GOOD);
        assertThat(capped.ceiling()).isEqualTo(io.github.duban.outcome.EscalationLevel.CRITICISM);
        assertThat(capped.reason()).contains("通报批评", "良好");
        assertThat(free.rating()).isEqualTo(Rating.EXCELLENT);
        assertThat(free.ceiling()).isNull();
    }

    @Test
    void aNotice_capsNoRating_andAUnitBelowItsCeiling_isRatedByItsBand() {
        // Given ALPHA's task 3 report late (a notice, 98.5) and ECHO criticised twice over (−10 −5: 85 → GOOD anyway)
        Facts f = given().allOnTimeThrough(FEB).report(T3, ALPHA, FEB, d(2, 27), 90)
                .inspection(ECHO, null, InspectionKind.LAGGING, d(2, 10))
                .inspection(ECHO, T1, InspectionKind.PERFUNCTORY, d(2, 10)).facts();
        Assessment a = feb(f);
        // Then ALPHA is EXCELLENT, no ceiling; ECHO is PASS, capped by its exposure (GOOD by its band)
        assertScore(score(a, ALPHA), "98.5", Rating.EXCELLENT);
        assertThat(score(a, ALPHA).ceiling()).isNull();
        assertScore(score(a, ECHO), "85", Rating.PASS);
        assertThat(score(a, ECHO).ceiling()).isEqualTo(io.github.duban.outcome.EscalationLevel.EXPOSURE);
    }

    @Test
    void aPolicyWithItsOwnBandsAndNoCeilings_capsAtItsSecondAndThirdBand() {
        // Given five bands of a county's own and no ratingCeilings key
        java.util.List<io.github.duban.model.Band> bands = java.util.List.of(io.github.duban.model.Band.of("A", "好", "90"),
                io.github.duban.model.Band.of("B", "较好", "80"), io.github.duban.model.Band.of("C", "一般", "70"),
                io.github.duban.model.Band.of("D", "较差", "60"), io.github.duban.model.Band.of("E", "差", "0"));
        Policy county = Policy.DEFAULT.withScoring(bd("100"), bd("0"), bd("105"), bd("1"), bands, java.util.Map.of());
        Duban d = duban.toBuilder().policy(county).build();
        Facts f = given().allOnTimeThrough(FEB).inspection(ECHO, null, InspectionKind.LAGGING, d(2, 10))
                .inspection(ALPHA, T3, InspectionKind.PERFUNCTORY, d(2, 10)).facts();
        // When February is assessed: ECHO 95 criticised, ALPHA 90 exposed
        Assessment a = assess(d, FEB, null, f);
        // Then ECHO is rated B (the second band), ALPHA C (the third)
        assertThat(county.ratingCeilings()).containsExactly(java.util.Map.entry("CRITICISM", "B"), java.util.Map.entry("EXPOSURE", "C"));
        assertThat(score(a, ECHO).rating().name()).isEqualTo("B");
        assertThat(score(a, ALPHA).rating().name()).isEqualTo("C");
    }

    @Test
    void aCeilingNamingNoBand_orLooserThanTheLevelBelow_isAPolicyError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Policy.DEFAULT.withCeilings(java.util.Map.of("CRITICISM", "SILVER")))
                .isInstanceOfSatisfying(io.github.duban.error.PolicyException.class,
                        e -> assertThat(e.key()).isEqualTo("ratingCeilings.CRITICISM"))
                .hasMessageContaining("names no band");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Policy.DEFAULT.withCeilings(
                        java.util.Map.of("CRITICISM", "PASS", "EXPOSURE", "GOOD")))
                .isInstanceOfSatisfying(io.github.duban.error.PolicyException.class,
                        e -> assertThat(e.key()).isEqualTo("ratingCeilings.EXPOSURE"));
    }

    @Test
    void deductions_countWhatACapGivesBack_andBonuses_stopAtTheBonusCap() {
        // Given sanctions capped at −6 a month and bonuses at 4: ALPHA exposed twice (−10 −10) and commended twice (+3 +3)
        Policy capped = Policy.DEFAULT.withScoring(bd("100"), bd("0"), bd("104"), bd("1"), Policy.DEFAULT_BANDS,
                java.util.Map.of("sanctions", bd("-6")));
        capped = new Policy(capped.dueSoonDays(), capped.dueSoonPercent(), capped.earlyDays(), capped.rectifyDays(),
                capped.redBehind(), capped.yellowBehind(), capped.reportLate(), capped.reportMissing(), capped.taskOverdue(),
                capped.notice(), capped.criticism(), capped.exposure(), capped.completedEarly(), capped.commended(), bd("4"),
                capped.dueDay(), capped.workingDays(), capped.rollDueDate(), capped.base(), capped.lowerBound(), capped.upperBound(),
                capped.supportingWeight(), capped.bands(), capped.caps(), capped.milestoneMissed(), capped.ratingCeilings());
        Duban d = duban.toBuilder().policy(capped).build();
        Facts f = given().allOnTimeThrough(FEB)
                .inspection(ALPHA, T3, InspectionKind.PERFUNCTORY, d(2, 10))
                .inspection(ALPHA, null, InspectionKind.BUCK_PASSING, d(2, 11))
                .inspection(ALPHA, null, InspectionKind.COMMENDED, d(2, 12))
                .inspection(ALPHA, T1, InspectionKind.COMMENDED, d(2, 13)).facts();
        // When February is assessed
        UnitScore s = score(assess(d, FEB, null, f), ALPHA);
        // Then deductions −20 + 14 given back = −6, bonuses 6 capped to 4: 100 − 6 + 4 = 98
        assertThat(plain(s.deductions())).isEqualTo("-6");
        assertThat(plain(s.bonuses())).isEqualTo("4");
        assertThat(s.score()).isEqualByComparingTo("98");
        assertThat(s.lines()).extracting(ScoreLine::kind).contains("CAPPED");
    }
}

package io.github.duban.rules;

import io.github.duban.engine.Duban;
import io.github.duban.engine.WorkCalendar;
import io.github.duban.model.Plan;
import io.github.duban.model.Policy;
import io.github.duban.model.Task;
import io.github.duban.model.Facts;
import io.github.duban.model.InspectionKind;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.Finding;
import io.github.duban.outcome.FindingKind;
import io.github.duban.outcome.Ignored;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static io.github.duban.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * lateness.drl: reports owed, late and missing; completions that count; extensions and the
 * deadline in force; due soon, overdue and early; inspection findings (DESIGN §3, §4).
 */
class LatenessRulesTest {

    /** DEFAULT but counting days in working days and rolling a due date off a non-working day. */
    private static final Policy WORKING_DAYS = new Policy(30, 50, 15, 15, 30, 10,
            bd("-1"), bd("-2"), bd("-3"), bd("-0.5"), bd("-5"), bd("-10"), bd("2"), bd("3"), bd("5"),
            bd("95"), bd("85"), bd("70"), null, true, true);

    private static Duban duban;
    /** Working days on a calendar of weekends only, so the counts do not depend on holiday data. */
    private static Duban weekdays;

    @BeforeAll
    static void compileRules() {
        duban = engine();
        weekdays = Duban.builder().plan(PLAN).policy(WORKING_DAYS).calendar(WorkCalendar.weekendsOnly()).build();
    }

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    private static Assessment feb(Facts f) {
        return assess(duban, FEB, null, f);
    }

    private static List<Ignored> ignored(Assessment a, String fact) {
        return a.ignored().stream().filter(i -> i.fact().equals(fact)).toList();
    }

    // ================================================================ reports

    @Test
    void quietBackground_findsNothing() {
        // Given every lead unit reports every task on the 20th with 90 %
        Facts f = given().allOnTimeThrough(FEB).facts();
        // When February is assessed at month end
        Assessment a = feb(f);
        // Then nothing is found and nothing is set aside
        assertThat(a.findings()).isEmpty();
        assertThat(a.ignored()).isEmpty();
    }

    @Test
    void reportOnThe25th_isOnTime() {
        // Given ALPHA's February report on task 3 comes on the due date itself
        Facts f = given().allOnTimeThrough(FEB).report(T3, ALPHA, FEB, d(2, 25), 90).facts();
        // When February is assessed
        Assessment a = feb(f);
        // Then "25日前" includes the 25th: no finding
        assertThat(a.findings()).isEmpty();
    }

    @Test
    void reportOnThe26th_isLateByOneDay() {
        // Given ALPHA's February report on task 3 comes on the 26th
        Facts f = given().allOnTimeThrough(FEB).report(T3, ALPHA, FEB, d(2, 26), 90).facts();
        // When February is assessed
        Assessment a = feb(f);
        // Then one REPORT_LATE, dated by the submission, 1 day late
        assertThat(a.findings()).extracting("kind", "unit", "task", "on", "days")
                .containsExactly(tuple(FindingKind.REPORT_LATE, ALPHA, T3, d(2, 26), 1));
    }

    @Test
    void noReportAsOfTheDueDate_isNotYetMissing() {
        // Given ALPHA never reports task 3 for February
        Facts f = given().allOnTimeThrough(FEB).without(T3, ALPHA, FEB).facts();
        // When February is assessed as of the 24th and as of the 25th (the due date)
        // Then no report is missing yet
        assertThat(assess(duban, FEB, d(2, 24), f).findings()).isEmpty();
        assertThat(assess(duban, FEB, d(2, 25), f).findings()).isEmpty();
    }

    @Test
    void noReportAsOfTheDayAfterTheDueDate_isMissingDatedTheAsOfDate() {
        // Given ALPHA never reports task 3 for February
        Facts f = given().allOnTimeThrough(FEB).without(T3, ALPHA, FEB).facts();
        // When February is assessed as of the 26th and at month end
        // Then REPORT_MISSING is dated the as-of date and carries no days
        assertThat(assess(duban, FEB, d(2, 26), f).findings()).extracting("kind", "unit", "task", "on", "days")
                .containsExactly(tuple(FindingKind.REPORT_MISSING, ALPHA, T3, d(2, 26), null));
        assertThat(feb(f).findings()).extracting("kind", "unit", "task", "on")
                .containsExactly(tuple(FindingKind.REPORT_MISSING, ALPHA, T3, d(2, 28)));
    }

    @Test
    void reportSubmittedAfterTheAsOfDate_isNotYetKnown() {
        // Given ALPHA's February report on task 3 comes on 02-27
        Facts f = given().allOnTimeThrough(FEB).report(T3, ALPHA, FEB, d(2, 27), 90).facts();
        // When February is assessed as of 02-26
        Assessment a = assess(duban, FEB, d(2, 26), f);
        // Then the report is not yet known: missing, not late
        assertThat(a.findings()).extracting("kind", "unit", "task", "on")
                .containsExactly(tuple(FindingKind.REPORT_MISSING, ALPHA, T3, d(2, 26)));
    }

    @Test
    void taskWithTwoLeads_chargesEachLeadForItsOwnReport() {
        // Given neither lead of task 1 reports for February
        Facts f = given().allOnTimeThrough(FEB).without(T1, ALPHA, FEB).without(T1, BRAVO, FEB).facts();
        // When February is assessed
        Assessment a = feb(f);
        // Then both leads are charged, each with its own finding
        assertThat(a.findings()).extracting("kind", "unit", "task", "on")
                .containsExactly(
                        tuple(FindingKind.REPORT_MISSING, ALPHA, T1, d(2, 28)),
                        tuple(FindingKind.REPORT_MISSING, BRAVO, T1, d(2, 28)));
    }

    @Test
    void resubmission_earliestDecidesTimeliness_lastSubmittedGivesPercent() {
        // Given CHARLIE reports task 2 on time with 10 % and resubmits late with 40 %
        Facts f = given().allOnTimeThrough(FEB)
                .report(T2, CHARLIE, FEB, d(2, 20), 10)
                .alsoReport(T2, CHARLIE, FEB, d(2, 27), 40).facts();
        // When February is assessed
        Assessment a = feb(f);
        // Then the report is on time (the earliest decides) and the percent is 40 (the last)
        assertThat(a.findings()).isEmpty();
        assertThat(board(a, T2).percent()).isEqualTo(40);
    }

    @Test
    void lateResubmissions_countAsOneLateReportJudgedByTheEarliest() {
        // Given CHARLIE's first February report on task 2 comes on 02-26 (40 %), a second on 02-27 (30 %)
        Facts f = given().allOnTimeThrough(FEB)
                .report(T2, CHARLIE, FEB, d(2, 26), 40)
                .alsoReport(T2, CHARLIE, FEB, d(2, 27), 30).facts();
        // When February is assessed
        Assessment a = feb(f);
        // Then one late report, 1 day, dated by the earliest submission; percent from the last
        assertThat(a.findings()).extracting("kind", "unit", "task", "on", "days")
                .containsExactly(tuple(FindingKind.REPORT_LATE, CHARLIE, T2, d(2, 26), 1));
        assertThat(board(a, T2).percent()).isEqualTo(30);
    }

    @Test
    void latestPercent_comesFromTheLatestMonth_skipsReportsWithoutPercent_andIgnoresLaterMonths() {
        // Given CHARLIE on task 2: February 60 % (02-20), a February resubmission 70 % on 03-10,
        // March 50 % on 03-05, a March resubmission without a percent on 03-12,
        // and an April report already sent on 03-20 with 10 %
        Facts f = given().allOnTimeThrough(MAR)
                .report(T2, CHARLIE, FEB, d(2, 20), 60)
                .alsoReport(T2, CHARLIE, FEB, d(3, 10), 70)
                .report(T2, CHARLIE, MAR, d(3, 5), 50)
                .alsoReport(T2, CHARLIE, MAR, d(3, 12), null)
                .alsoReport(T2, CHARLIE, APR, d(3, 20), 10).facts();
        // When March is assessed
        Assessment a = assess(duban, MAR, null, f);
        // Then the percent is March's latest report that gives one: 50
        assertThat(board(a, T2).percent()).isEqualTo(50);
        assertThat(a.findings()).isEmpty();
    }

    @Test
    void reportFromASupportingUnit_isSetAside_andDoesNotStandForTheLead() {
        // Given DELTA (supporting task 1) and ALPHA (supporting task 2) report, and BRAVO does not report task 1
        Facts f = given().allOnTimeThrough(FEB).without(T1, BRAVO, FEB)
                .alsoReport(T1, DELTA, FEB, d(2, 18), 95)
                .alsoReport(T2, ALPHA, FEB, d(2, 19), 95).facts();
        // When February is assessed
        Assessment a = feb(f);
        // Then both reports are listed as ignored, dated by submission, saying the unit does not lead the task
        assertThat(ignored(a, "report")).extracting("task", "unit", "on")
                .containsExactly(tuple(T1, DELTA, d(2, 18)), tuple(T2, ALPHA, d(2, 19)));
        assertThat(ignored(a, "report")).allSatisfy(i -> assertThat(i.reason()).contains(i.unit()).contains("牵头单位"));
        // And BRAVO's report is still missing
        assertThat(a.findings()).extracting("kind", "unit", "task")
                .containsExactly(tuple(FindingKind.REPORT_MISSING, BRAVO, T1));
    }

    @Test
    void reportFromALeadUnit_isNotSetAside() {
        // Given only lead units report
        Facts f = given().allOnTimeThrough(FEB).facts();
        // Then nothing is ignored
        assertThat(ignored(feb(f), "report")).isEmpty();
    }

    // ================================================================ completions

    @Test
    void completionOnTheDueDate_standsForTheMonthsReport() {
        // Given task 1 is completed on 02-25 and neither lead reports it for February
        Facts f = given().allOnTimeThrough(FEB).without(T1, ALPHA, FEB).without(T1, BRAVO, FEB)
                .completion(T1, d(2, 25)).facts();
        // When February is assessed
        Assessment a = feb(f);
        // Then no report is missing; both leads earn the early completion (04-30 − 02-25 = 64 days)
        assertThat(a.findings()).extracting("kind", "unit", "task", "on", "days")
                .containsExactly(
                        tuple(FindingKind.TASK_COMPLETED_EARLY, ALPHA, T1, d(2, 25), 64),
                        tuple(FindingKind.TASK_COMPLETED_EARLY, BRAVO, T1, d(2, 25), 64));
    }

    @Test
    void completionAfterTheDueDate_doesNotStandForTheMonthsReport() {
        // Given task 1 is completed on 02-26; ALPHA reports on 02-27, BRAVO not at all
        Facts f = given().allOnTimeThrough(FEB).report(T1, ALPHA, FEB, d(2, 27), 100).without(T1, BRAVO, FEB)
                .completion(T1, d(2, 26)).facts();
        // When February is assessed
        Assessment a = feb(f);
        // Then ALPHA is 2 days late and BRAVO's report is missing (early bonus aside: 63 days)
        assertThat(a.findings()).extracting("kind", "unit", "task", "on", "days")
                .containsExactlyInAnyOrder(
                        tuple(FindingKind.REPORT_LATE, ALPHA, T1, d(2, 27), 2),
                        tuple(FindingKind.REPORT_MISSING, BRAVO, T1, d(2, 28), null),
                        tuple(FindingKind.TASK_COMPLETED_EARLY, ALPHA, T1, d(2, 26), 63),
                        tuple(FindingKind.TASK_COMPLETED_EARLY, BRAVO, T1, d(2, 26), 63));
    }

    @Test
    void afterTheMonthOfCompletion_noReportIsOwed() {
        // Given task 1 is completed on 02-20 and nobody reports it for March
        Facts f = given().allOnTimeThrough(MAR).without(T1, ALPHA, MAR).without(T1, BRAVO, MAR)
                .completion(T1, d(2, 20)).facts();
        // When March is assessed
        Assessment a = assess(duban, MAR, null, f);
        // Then nothing is found on task 1 (no report owed, no second early bonus)
        assertThat(a.findings()).isEmpty();
    }

    @Test
    void completionAfterTheAsOfDate_isNotYetKnown() {
        // Given task 1 is completed on 02-27 and nobody reports it for February
        Facts f = given().allOnTimeThrough(FEB).without(T1, ALPHA, FEB).without(T1, BRAVO, FEB)
                .completion(T1, d(2, 27)).facts();
        // When February is assessed as of 02-26
        Assessment a = assess(duban, FEB, d(2, 26), f);
        // Then both reports are missing and no early bonus is found
        assertThat(a.findings()).extracting("kind", "unit")
                .containsExactly(tuple(FindingKind.REPORT_MISSING, ALPHA), tuple(FindingKind.REPORT_MISSING, BRAVO));
    }

    @Test
    void laterCompletion_isSetAside_andTheEarliestCounts() {
        // Given task 1 is completed twice in February, on 02-10 and 02-20
        Facts f = given().allOnTimeThrough(FEB).completion(T1, d(2, 20)).completion(T1, d(2, 10)).facts();
        // When February is assessed
        Assessment a = feb(f);
        // Then the 02-20 completion is ignored and the bonus counts from 02-10 (79 days early)
        assertThat(ignored(a, "completion")).extracting("task", "on").containsExactly(tuple(T1, d(2, 20)));
        assertThat(findings(a, FindingKind.TASK_COMPLETED_EARLY)).extracting("unit", "on", "days")
                .containsExactly(tuple(ALPHA, d(2, 10), 79), tuple(BRAVO, d(2, 10), 79));
    }

    @Test
    void laterCompletion_isListedInTheMonthItBelongsTo() {
        // Given task 1 is completed on 02-10 and again on 03-05
        Facts f = given().allOnTimeThrough(MAR).completion(T1, d(2, 10)).completion(T1, d(3, 5)).facts();
        // When February and March are assessed
        // Then February sets nothing aside; March lists the 03-05 completion and finds no second bonus
        assertThat(ignored(feb(f), "completion")).isEmpty();
        Assessment march = assess(duban, MAR, null, f);
        assertThat(ignored(march, "completion")).extracting("task", "on").containsExactly(tuple(T1, d(3, 5)));
        assertThat(findings(march, FindingKind.TASK_COMPLETED_EARLY)).isEmpty();
    }

    @Test
    void completionOfAnOngoingTask_isSetAside_andTheReportIsStillOwed() {
        // Given ongoing task 3 is "completed" on 02-10 and ALPHA does not report it
        Facts f = given().allOnTimeThrough(FEB).without(T3, ALPHA, FEB).completion(T3, d(2, 10)).facts();
        // When February is assessed
        Assessment a = feb(f);
        // Then the completion is ignored, earns nothing, and the report is missing
        assertThat(ignored(a, "completion")).extracting("task", "on").containsExactly(tuple(T3, d(2, 10)));
        assertThat(a.findings()).extracting("kind", "unit", "task")
                .containsExactly(tuple(FindingKind.REPORT_MISSING, ALPHA, T3));
        assertThat(board(a, T3).light()).isNotEqualTo(io.github.duban.outcome.Light.DONE);
    }

    // ================================================================ extensions and the deadline in force

    @Test
    void extensionRequestedInTime_movesTheDeadline() {
        // Given task 1 (04-30) is extended to 05-31: requested 04-20, approved 04-25
        Facts f = given().allOnTimeThrough(MAY).extension(T1, d(4, 20), d(4, 25), d(5, 31)).facts();
        // When May is assessed at month end
        Assessment a = assess(duban, MAY, null, f);
        // Then the deadline in force is 05-31, not passed: no overdue, nothing set aside
        assertThat(board(a, T1).deadline()).isEqualTo(d(5, 31));
        assertThat(findings(a, FindingKind.TASK_OVERDUE)).isEmpty();
        assertThat(ignored(a, "extension")).isEmpty();
    }

    @Test
    void extensionRequestedOnTheDeadlineItself_isGranted() {
        // Given the request is dated 04-30, the deadline in force
        Facts f = given().allOnTimeThrough(MAY).extension(T1, d(4, 30), d(5, 5), d(5, 31)).facts();
        // When May is assessed
        Assessment a = assess(duban, MAY, null, f);
        // Then it is granted ("on or before the deadline in force")
        assertThat(board(a, T1).deadline()).isEqualTo(d(5, 31));
        assertThat(findings(a, FindingKind.TASK_OVERDUE)).isEmpty();
    }

    @Test
    void extensionRequestedAfterTheDeadlineInForce_isSetAside() {
        // Given the request comes on 05-01, a day after the deadline 04-30
        Facts f = given().allOnTimeThrough(MAY).extension(T1, d(5, 1), d(5, 5), d(5, 31)).facts();
        // When May is assessed
        Assessment a = assess(duban, MAY, null, f);
        // Then it is listed as ignored in May (its approval month), and task 1 is overdue 31 days
        assertThat(ignored(a, "extension")).extracting("task", "on").containsExactly(tuple(T1, d(5, 5)));
        assertThat(ignored(a, "extension").get(0).reason()).contains("2021年4月30日");
        assertThat(board(a, T1).deadline()).isEqualTo(d(4, 30));
        assertThat(findings(a, FindingKind.TASK_OVERDUE)).extracting("unit", "task", "on", "days")
                .containsExactly(tuple(ALPHA, T1, d(5, 31), 31), tuple(BRAVO, T1, d(5, 31), 31));
    }

    @Test
    void extensionApprovedBeforeItWasRequested_isSetAside() {
        // Given an extension approved on 04-19 for a request of 04-20
        Facts f = given().allOnTimeThrough(APR).extension(T1, d(4, 20), d(4, 19), d(5, 31)).facts();
        // When April is assessed
        Assessment a = assess(duban, APR, null, f);
        // Then it is ignored (listed in April, the approval month) and the deadline stays 04-30
        assertThat(ignored(a, "extension")).extracting("task", "on").containsExactly(tuple(T1, d(4, 19)));
        assertThat(board(a, T1).deadline()).isEqualTo(d(4, 30));
    }

    @Test
    void extensionNotMovingTheDeadlineLater_isSetAside() {
        // Given two extensions that do not move 04-30 later: one to 04-20, one to 04-30 itself
        Facts f = given().allOnTimeThrough(APR)
                .extension(T1, d(4, 10), d(4, 12), d(4, 20))
                .extension(T1, d(4, 11), d(4, 13), d(4, 30)).facts();
        // When April is assessed
        Assessment a = assess(duban, APR, null, f);
        // Then both are ignored and the deadline stays 04-30
        assertThat(ignored(a, "extension")).extracting("task", "on")
                .containsExactly(tuple(T1, d(4, 12)), tuple(T1, d(4, 13)));
        assertThat(board(a, T1).deadline()).isEqualTo(d(4, 30));
    }

    @Test
    void extensionApprovedAfterTheAsOfDate_playsNoPartYet() {
        // Given ALPHA stands at 40 % on task 1 and an extension to 05-31 is approved on 04-22
        Facts f = given().allOnTimeThrough(APR).report(T1, ALPHA, APR, d(4, 20), 40)
                .extension(T1, d(4, 10), d(4, 22), d(5, 31)).facts();
        // When April is assessed as of 04-21
        Assessment before = assess(duban, APR, d(4, 21), f);
        // Then the deadline is still 04-30: ALPHA is reminded, 9 days to go
        assertThat(board(before, T1).deadline()).isEqualTo(d(4, 30));
        assertThat(findings(before, FindingKind.TASK_DUE_SOON)).extracting("unit", "task", "on", "days")
                .containsExactly(tuple(ALPHA, T1, d(4, 21), 9));
        // (assumed: an extension not yet approved at A is not yet known, so it is not listed as ignored either)
        assertThat(ignored(before, "extension")).isEmpty();
        // And as of 04-22 the deadline is 05-31, 39 days off: no reminder
        Assessment on = assess(duban, APR, d(4, 22), f);
        assertThat(board(on, T1).deadline()).isEqualTo(d(5, 31));
        assertThat(findings(on, FindingKind.TASK_DUE_SOON)).isEmpty();
    }

    @Test
    void twoValidExtensions_theLatestApprovalWins() {
        // Given task 1 is extended to 05-31 (approved 04-15), then, requested before 05-31, to 06-30 (approved 05-25)
        Facts f = given().allOnTimeThrough(MAY)
                .extension(T1, d(4, 10), d(4, 15), d(5, 31))
                .extension(T1, d(5, 20), d(5, 25), d(6, 30)).facts();
        // When May is assessed as of 05-24 and at month end
        // Then the first holds until the second is approved, then the second
        assertThat(board(assess(duban, MAY, d(5, 24), f), T1).deadline()).isEqualTo(d(5, 31));
        Assessment may = assess(duban, MAY, null, f);
        assertThat(board(may, T1).deadline()).isEqualTo(d(6, 30));
        assertThat(ignored(may, "extension")).isEmpty();
        assertThat(findings(may, FindingKind.TASK_OVERDUE)).isEmpty();
    }

    @Test
    void secondExtensionRequestedAfterTheFirstMovedDeadline_isSetAside() {
        // Given task 1 is extended to 05-10 (approved 04-15); a second request comes on 05-12, after 05-10
        Facts f = given().allOnTimeThrough(MAY)
                .extension(T1, d(4, 10), d(4, 15), d(5, 10))
                .extension(T1, d(5, 12), d(5, 14), d(6, 30)).facts();
        // When May is assessed
        Assessment a = assess(duban, MAY, null, f);
        // Then the second is ignored and the task is 21 days past 05-10
        assertThat(ignored(a, "extension")).extracting("task", "on").containsExactly(tuple(T1, d(5, 14)));
        assertThat(board(a, T1).deadline()).isEqualTo(d(5, 10));
        assertThat(findings(a, FindingKind.TASK_OVERDUE)).extracting("unit", "days")
                .containsExactly(tuple(ALPHA, 21), tuple(BRAVO, 21));
    }

    @Test
    void extensionOfAnOngoingTask_isSetAside() {
        // Given an extension of ongoing task 3
        Facts f = given().allOnTimeThrough(FEB).extension(T3, d(2, 10), d(2, 12), d(3, 31)).facts();
        // When February is assessed
        Assessment a = feb(f);
        // Then it is ignored and task 3 stays ongoing, with no deadline
        assertThat(ignored(a, "extension")).extracting("task", "on").containsExactly(tuple(T3, d(2, 12)));
        assertThat(board(a, T3).ongoing()).isTrue();
        assertThat(board(a, T3).deadline()).isNull();
    }

    // ================================================================ due soon, overdue, early

    @Test
    void dueIn30Days_below50Percent_isDueSoon_butNotFor50Percent() {
        // Given on task 1 (04-30) ALPHA stands at 49 % and BRAVO at 50 %
        Facts f = given().allOnTimeThrough(MAR)
                .report(T1, ALPHA, MAR, d(3, 20), 49).report(T1, BRAVO, MAR, d(3, 20), 50).facts();
        // When March is assessed at month end (04-30 − 03-31 = 30 days)
        Assessment a = assess(duban, MAR, null, f);
        // Then only ALPHA is reminded, dated the as-of date, 30 days to go
        assertThat(a.findings()).extracting("kind", "unit", "task", "on", "days")
                .containsExactly(tuple(FindingKind.TASK_DUE_SOON, ALPHA, T1, d(3, 31), 30));
    }

    @Test
    void dueIn31Days_isNotDueSoon() {
        // Given ALPHA stands at 49 %
        Facts f = given().allOnTimeThrough(MAR).report(T1, ALPHA, MAR, d(3, 20), 49).facts();
        // When March is assessed as of 03-30 (31 days to go)
        // Then nothing is found
        assertThat(assess(duban, MAR, d(3, 30), f).findings()).isEmpty();
    }

    @Test
    void dueToday_withPercentUnknown_isDueSoonAtZeroDays() {
        // Given ALPHA has reported task 1 every month, never with a percent
        Facts f = given().allOnTimeThrough(APR)
                .report(T1, ALPHA, FEB, d(2, 20), null).report(T1, ALPHA, MAR, d(3, 20), null)
                .report(T1, ALPHA, APR, d(4, 20), null).facts();
        // When April is assessed at month end, the deadline itself
        Assessment a = assess(duban, APR, null, f);
        // Then ALPHA (unknown percent) is reminded with 0 days to go; BRAVO (90 %) is not; nothing is overdue
        assertThat(a.findings()).extracting("kind", "unit", "task", "on", "days")
                .containsExactly(tuple(FindingKind.TASK_DUE_SOON, ALPHA, T1, d(4, 30), 0));
    }

    @Test
    void completedTask_isNotDueSoon() {
        // Given ALPHA stands at 40 % but task 1 was completed on 03-20
        Facts f = given().allOnTimeThrough(MAR).report(T1, ALPHA, MAR, d(3, 20), 40).completion(T1, d(3, 20)).facts();
        // When March is assessed (30 days before the deadline)
        Assessment a = assess(duban, MAR, null, f);
        // Then no reminder, only the early completion (41 days)
        assertThat(a.findings()).extracting("kind", "unit", "days")
                .containsExactly(tuple(FindingKind.TASK_COMPLETED_EARLY, ALPHA, 41),
                        tuple(FindingKind.TASK_COMPLETED_EARLY, BRAVO, 41));
    }

    @Test
    void onTheDeadline_isNotOverdue_theDayAfter_isOverdueOneDay() {
        // Given task 1 (04-30) is never completed
        Facts f = given().allOnTimeThrough(MAY).facts();
        // When April is assessed at month end
        // Then nothing is overdue (a deadline is met by anything done that day)
        assertThat(findings(assess(duban, APR, null, f), FindingKind.TASK_OVERDUE)).isEmpty();
        // When May is assessed as of 05-01
        Assessment may1 = assess(duban, MAY, d(5, 1), f);
        // Then each lead is charged 1 day overdue, dated the as-of date, and no reminder stands
        assertThat(findings(may1, FindingKind.TASK_OVERDUE)).extracting("unit", "task", "on", "days")
                .containsExactly(tuple(ALPHA, T1, d(5, 1), 1), tuple(BRAVO, T1, d(5, 1), 1));
        assertThat(findings(may1, FindingKind.TASK_DUE_SOON)).isEmpty();
    }

    @Test
    void overdueDays_areTheAsOfDateLessTheDeadline() {
        // Given task 1 (04-30) is never completed
        Facts f = given().allOnTimeThrough(JUN).facts();
        // When May and June are assessed at month end
        // Then 31 and 61 days for each lead
        assertThat(findings(assess(duban, MAY, null, f), FindingKind.TASK_OVERDUE)).extracting("unit", "days")
                .containsExactly(tuple(ALPHA, 31), tuple(BRAVO, 31));
        assertThat(findings(assess(duban, JUN, null, f), FindingKind.TASK_OVERDUE)).extracting("unit", "task", "on", "days")
                .containsExactly(tuple(ALPHA, T1, d(6, 30), 61), tuple(BRAVO, T1, d(6, 30), 61),
                        tuple(CHARLIE, T2, d(6, 30), 30));
    }

    @Test
    void completionByTheAsOfDate_endsOverdue_aLaterOneIsNotYetKnown() {
        // Given task 1 is completed late on 05-10
        Facts f = given().allOnTimeThrough(MAY).completion(T1, d(5, 10)).facts();
        // When May is assessed as of 05-09 and at month end
        // Then 9 days overdue before it, nothing overdue after it
        assertThat(findings(assess(duban, MAY, d(5, 9), f), FindingKind.TASK_OVERDUE)).extracting("unit", "days")
                .containsExactly(tuple(ALPHA, 9), tuple(BRAVO, 9));
        assertThat(findings(assess(duban, MAY, null, f), FindingKind.TASK_OVERDUE)).isEmpty();
    }

    @Test
    void completion15DaysBeforeTheDeadline_isEarly_14DaysIsNot() {
        // Given task 1 (04-30) completed on 04-15, or on 04-16
        Facts early = given().allOnTimeThrough(APR).completion(T1, d(4, 15)).facts();
        Facts notEarly = given().allOnTimeThrough(APR).completion(T1, d(4, 16)).facts();
        // When April is assessed
        // Then 04-15 earns both leads TASK_COMPLETED_EARLY of 15 days, dated the completion; 04-16 nothing
        assertThat(assess(duban, APR, null, early).findings()).extracting("kind", "unit", "task", "on", "days")
                .containsExactly(tuple(FindingKind.TASK_COMPLETED_EARLY, ALPHA, T1, d(4, 15), 15),
                        tuple(FindingKind.TASK_COMPLETED_EARLY, BRAVO, T1, d(4, 15), 15));
        assertThat(assess(duban, APR, null, notEarly).findings()).isEmpty();
    }

    @Test
    void earlyIsMeasuredFromTheOriginalDeadline_anExtensionEarnsNoBonus() {
        // Given task 2 (05-31) is extended to 06-30 and completed on 06-10 (20 days before the new deadline)
        Facts f = given().allOnTimeThrough(JUN).extension(T2, d(5, 1), d(5, 5), d(6, 30)).completion(T2, d(6, 10)).facts();
        // When June is assessed
        Assessment a = assess(duban, JUN, null, f);
        // Then no bonus: it is 10 days after the original deadline
        assertThat(findings(a, FindingKind.TASK_COMPLETED_EARLY)).isEmpty();
    }

    @Test
    void earlyDaysCountFromTheOriginalDeadline_evenWhenExtended() {
        // Given task 2 (05-31) is extended to 06-30 and completed on 05-16
        Facts f = given().allOnTimeThrough(MAY).extension(T2, d(5, 1), d(5, 5), d(6, 30)).completion(T2, d(5, 16)).facts();
        // When May is assessed
        Assessment a = assess(duban, MAY, null, f);
        // Then the bonus counts 15 days (05-31 − 05-16), not 45
        assertThat(findings(a, FindingKind.TASK_COMPLETED_EARLY)).extracting("unit", "task", "on", "days")
                .containsExactly(tuple(CHARLIE, T2, d(5, 16), 15));
    }

    @Test
    void ongoingTask_isNeverDueSoonOverdueOrEarly() {
        // Given ongoing task 3 with ALPHA at 0 % all along
        Facts f = given().allOnTimeThrough(JUN).report(T3, ALPHA, JUN, d(6, 20), 0).completion(T1, d(4, 30))
                .completion(T2, d(5, 31)).facts();
        // When June is assessed
        Assessment a = assess(duban, JUN, null, f);
        // Then nothing is found on task 3
        assertThat(findingsOn(a, ALPHA, T3)).isEmpty();
    }


    @Test
    void reportsStayOwedWhileTheTaskIsOverdue() {
        // Given task 1 (04-30) is not completed and ALPHA does not report it for May
        Facts f = given().allOnTimeThrough(MAY).without(T1, ALPHA, MAY).facts();
        // When May is assessed
        Assessment a = assess(duban, MAY, null, f);
        // Then ALPHA's May report is missing, besides the task being overdue
        assertThat(findingsOn(a, ALPHA, T1)).extracting("kind", "on", "days")
                .containsExactly(tuple(FindingKind.REPORT_MISSING, d(5, 31), null), tuple(FindingKind.TASK_OVERDUE, d(5, 31), 31));
    }

    // ================================================================ working days (DESIGN §3)

    @Test
    void workingDayPolicy_countsDaysLateInWorkingDays() {
        // Given working days on a weekends-only calendar; ALPHA's February report on task 3 comes on Sunday 02-28
        Facts f = given().allOnTimeThrough(FEB).report(T3, ALPHA, FEB, d(2, 28), 90).facts();
        // When February is assessed
        // Then it is 1 working day late (02-26, a Friday, in (02-25, 02-28])
        assertThat(assess(weekdays, FEB, null, f).findings()).extracting("kind", "unit", "on", "days")
                .containsExactly(tuple(FindingKind.REPORT_LATE, ALPHA, d(2, 28), 1));
    }

    @Test
    void workingDayPolicy_rollsADueDateOnASundayToMonday() {
        // Given the April due date, 04-25, is a Sunday on a weekends-only calendar
        Facts onMonday = given().allOnTimeThrough(APR).report(T3, ALPHA, APR, d(4, 26), 90).facts();
        Facts onTuesday = given().allOnTimeThrough(APR).report(T3, ALPHA, APR, d(4, 27), 90).facts();
        Facts none = given().allOnTimeThrough(APR).without(T3, ALPHA, APR).facts();
        // When April is assessed
        // Then a report on Monday 04-26 is on time, one on Tuesday 04-27 is 1 working day late
        assertThat(assess(weekdays, APR, null, onMonday).findings()).isEmpty();
        assertThat(assess(weekdays, APR, null, onTuesday).findings()).extracting("kind", "days")
                .containsExactly(tuple(FindingKind.REPORT_LATE, 1));
        // And no report is missing as of 04-26, but it is as of 04-27
        assertThat(assess(weekdays, APR, d(4, 26), none).findings()).isEmpty();
        assertThat(assess(weekdays, APR, d(4, 27), none).findings()).extracting("kind", "on")
                .containsExactly(tuple(FindingKind.REPORT_MISSING, d(4, 27)));
    }

    @Test
    void workingDayPolicy_countsOverdueInWorkingDays_butDueSoonAndEarlyInCalendarDays() {
        // Given working days on a weekends-only calendar
        Facts overdue = given().allOnTimeThrough(MAY).facts();
        Facts dueSoon = given().allOnTimeThrough(MAR).report(T1, ALPHA, MAR, d(3, 20), 49).facts();
        Facts early = given().allOnTimeThrough(APR).completion(T1, d(4, 15)).facts();
        // Then task 1 is 21 working days overdue on 05-31 (May 3-7, 10-14, 17-21, 24-28, 31)
        assertThat(findings(assess(weekdays, MAY, null, overdue), FindingKind.TASK_OVERDUE)).extracting("unit", "days")
                .containsExactly(tuple(ALPHA, 21), tuple(BRAVO, 21));
        // And due soon is still 30 calendar days on 03-31
        assertThat(findings(assess(weekdays, MAR, null, dueSoon), FindingKind.TASK_DUE_SOON)).extracting("unit", "days")
                .containsExactly(tuple(ALPHA, 30));
        // And a completion on 04-15 is still 15 calendar days early (11 working days would miss the bonus)
        assertThat(findings(assess(weekdays, APR, null, early), FindingKind.TASK_COMPLETED_EARLY)).extracting("unit", "days")
                .containsExactly(tuple(ALPHA, 15), tuple(BRAVO, 15));
    }


    @Test
    void workingDayPolicy_onTheStateCouncilCalendar_knowsMakeUpDaysAndHolidays() {
        // Given working days on the embedded State Council calendar: Sunday 2021-04-25 is a make-up
        // working day (调休) and 05-01..05-05 are the Labour Day holiday, with Saturday 05-08 worked
        Duban china = Duban.builder().plan(PLAN).policy(WORKING_DAYS).build();
        Facts late = given().allOnTimeThrough(APR).report(T3, ALPHA, APR, d(4, 26), 90).facts();
        Facts overdue = given().allOnTimeThrough(MAY).facts();
        // When April and May are assessed
        // Then the April due date stays 04-25 (a working day), so 04-26 is 1 working day late
        assertThat(assess(china, APR, null, late).findings()).extracting("kind", "days")
                .containsExactly(tuple(FindingKind.REPORT_LATE, 1));
        // And task 1 is 19 working days overdue on 05-31 (05-06, 05-07, 05-08, three full weeks, 05-31)
        assertThat(findings(assess(china, MAY, null, overdue), FindingKind.TASK_OVERDUE)).extracting("unit", "days")
                .containsExactly(tuple(ALPHA, 19), tuple(BRAVO, 19));
    }

    // ================================================================ inspections

    @ParameterizedTest
    @EnumSource(InspectionKind.class)
    void inspectionOfTheMonth_isAFindingOnTheUnitItNames(InspectionKind kind) {
        // Given an inspection on 02-10 names DELTA (a supporting unit) on task 1 and a person
        Facts f = given().allOnTimeThrough(FEB).inspection(DELTA, T1, kind, d(2, 10), "张三").facts();
        // When February is assessed
        Assessment a = feb(f);
        // Then one finding of that kind on DELTA / task 1, dated the inspection, naming the person
        assertThat(a.findings()).extracting("kind", "unit", "task", "on", "person")
                .containsExactly(tuple(FindingKind.valueOf(kind.name()), DELTA, T1, d(2, 10), "张三"));
    }

    @Test
    void unitWideInspection_isAFindingWithoutATask() {
        // Given an inspection with no task names ALPHA
        Facts f = given().allOnTimeThrough(FEB).inspection(ALPHA, null, InspectionKind.LAGGING, d(2, 10)).facts();
        // Then the finding has no task and no person
        assertThat(feb(f).findings()).extracting("kind", "unit", "task", "on", "person")
                .containsExactly(tuple(FindingKind.LAGGING, ALPHA, null, d(2, 10), null));
    }

    @Test
    void inspectionOfAnotherMonthOrAfterTheAsOfDate_isNotAFinding() {
        // Given inspections dated 03-01 and 02-20
        Facts f = given().allOnTimeThrough(FEB)
                .inspection(ALPHA, T1, InspectionKind.LAGGING, d(3, 1))
                .inspection(BRAVO, T1, InspectionKind.LAGGING, d(2, 20)).facts();
        // When February is assessed as of 02-19
        // Then neither is a finding
        assertThat(assess(duban, FEB, d(2, 19), f).findings()).isEmpty();
        // And at month end only the February one is
        assertThat(feb(f).findings()).extracting("unit", "on").containsExactly(tuple(BRAVO, d(2, 20)));
    }

    @Test
    void inspectionOfAnEarlierMonth_isNotFoundAgain() {
        // Given a commendation on 02-10
        Facts f = given().allOnTimeThrough(MAR).inspection(ALPHA, T1, InspectionKind.COMMENDED, d(2, 10)).facts();
        // When March is assessed
        // Then it is not a finding of March
        List<Finding> march = assess(duban, MAR, null, f).findings();
        assertThat(march).isEmpty();
    }

    // ================================================================ a lead named twice

    @Test
    void aLeadNamedTwiceOnATask_answersOnceForIt() {
        // Given task 1 names ALPHA twice among its leads (as a plan copied from a document may)
        Task twice = new Task(T1, 1, TASK_1.title(), TASK_1.measure(), List.of(ALPHA, BRAVO, ALPHA), TASK_1.supporting(),
                TASK_1.deadline(), List.of(), List.of());
        Plan plan = new Plan(PLAN.title(), PLAN.docNumber(), PLAN.issuedOn(), PLAN.reporting(), PLAN.stages(), PLAN.goals(),
                PLAN.units(), List.of(twice, TASK_2, TASK_3));
        Duban engine = Duban.builder().plan(plan).build();
        // When May is assessed with task 1 past its deadline, and March with a second plan's task completed early
        Assessment may = assess(engine, MAY, null, given().allOnTimeThrough(MAY).facts());
        Assessment mar = assess(engine, MAR, null, given().allOnTimeThrough(MAR).completion(T1, d(3, 1)).facts());
        // Then ALPHA answers once for the overdue task, and earns the early bonus once, as BRAVO does
        assertThat(findings(may, FindingKind.TASK_OVERDUE, ALPHA, T1)).hasSize(1);
        assertThat(findings(may, FindingKind.TASK_OVERDUE, BRAVO, T1)).hasSize(1);
        assertThat(findings(mar, FindingKind.TASK_COMPLETED_EARLY, ALPHA, T1)).hasSize(1);
        assertThat(findings(mar, FindingKind.TASK_COMPLETED_EARLY, BRAVO, T1)).hasSize(1);
        assertThat(may.reportsOwed()).isEqualTo(assess(duban, MAY, null, given().allOnTimeThrough(MAY).facts()).reportsOwed());
    }

    // ================================================================ milestones and targets (DESIGN §9)

    /** A plan of two tasks: 1 with a milestone of 50 % by 03-31 (and one without a percent), 2 with a target of 6000 万元. */
    private static final Plan SHAPED = Plan.of("测试实施方案", "测优组发〔2021〕2号", LocalDate.of(2021, 2, 1),
            io.github.duban.model.ReportingRule.of(FEB, JUN, 25), List.of(),
            List.of(io.github.duban.model.Goal.of(1, "提升效率")),
            List.of(io.github.duban.model.Unit.of(ALPHA), io.github.duban.model.Unit.of(BRAVO)),
            List.of(new Task(T1, 1, "建设审批平台", "上线平台", List.of(ALPHA), List.of(),
                            io.github.duban.model.Deadline.of(d(6, 30), "2021年6月底"),
                            List.of(io.github.duban.model.Milestone.of("完成建设方案", d(3, 31), 50),
                                    io.github.duban.model.Milestone.of("召开推进会", d(4, 15))),
                            List.of(), null, null, List.of(), null),
                    new Task(T2, 1, "招商引资", "引进资金", List.of(BRAVO), List.of(),
                            io.github.duban.model.Deadline.of(d(6, 30), "2021年6月底"), List.of(), List.of(), null, null, List.of(),
                            io.github.duban.model.Target.of(new BigDecimal("6000"), "万元"))));
    private static final Duban SHAPED_ENGINE = Duban.builder().plan(SHAPED).build();

    private static Facts shapedFacts(int alphaMarch, LocalDate completedOn, io.github.duban.model.ProgressReport bravoMarch) {
        List<io.github.duban.model.ProgressReport> r = new java.util.ArrayList<>();
        for (YearMonth m = FEB; !m.isAfter(JUN); m = m.plusMonths(1)) {
            if (!m.equals(MAR) || alphaMarch >= 0) {
                r.add(io.github.duban.model.ProgressReport.of(T1, ALPHA, m, m.atDay(20), m.equals(MAR) ? alphaMarch : 30));
            }
            r.add(m.equals(MAR) && bravoMarch != null ? bravoMarch : io.github.duban.model.ProgressReport.of(T2, BRAVO, m, m.atDay(20), 10));
        }
        List<io.github.duban.model.Completion> done = completedOn == null ? List.of() : List.of(io.github.duban.model.Completion.of(T1, completedOn));
        return Facts.of(r, done, List.of(), List.of(), List.of());
    }

    @Test
    void aMilestoneMet_findsNothing() {
        // Given ALPHA reports 60 % in March, above the 50 % the 03-31 milestone asks
        Assessment a = assess(SHAPED_ENGINE, MAR, null, shapedFacts(60, null, null));
        // Then no milestone is missed
        assertThat(findings(a, FindingKind.MILESTONE_MISSED)).isEmpty();
    }

    @Test
    void aMilestoneMissedByPercent_isAFindingOnTheLeadInTheMonthOfItsDate_andCallsForANotice() {
        // Given ALPHA's latest percent by 03-31 is 40 %, below the milestone's 50 %
        Facts f = shapedFacts(40, null, null);
        // When February, March and April are assessed
        // Then March alone finds the milestone missed, dated on the milestone's date, naming both facts
        assertThat(findings(assess(SHAPED_ENGINE, FEB, null, f), FindingKind.MILESTONE_MISSED)).isEmpty();
        Assessment mar = assess(SHAPED_ENGINE, MAR, null, f);
        assertThat(findings(mar, FindingKind.MILESTONE_MISSED)).singleElement().satisfies(x -> {
            assertThat(x.unit()).isEqualTo(ALPHA);
            assertThat(x.task()).isEqualTo(T1);
            assertThat(x.on()).isEqualTo(d(3, 31));
            assertThat(x.reason()).contains("完成建设方案", "50%", "40%");
        });
        assertThat(sanctions(mar, ALPHA, T1)).extracting(io.github.duban.outcome.Sanction::level)
                .containsExactly(io.github.duban.outcome.EscalationLevel.NOTICE);
        assertThat(score(mar, ALPHA).lines()).anySatisfy(l -> assertThat(l.points()).isEqualByComparingTo("-1"));
        assertThat(findings(assess(SHAPED_ENGINE, APR, null, f), FindingKind.MILESTONE_MISSED)).isEmpty();
    }

    @Test
    void aMilestoneWithNoPercentReportedByItsDate_isMissed() {
        // Given ALPHA sends no March report (its February one gave 30 %, below 50 %)...
        Assessment a = assess(SHAPED_ENGINE, MAR, null, shapedFacts(-1, null, null));
        // Then the milestone is missed on the February percent
        assertThat(findings(a, FindingKind.MILESTONE_MISSED, ALPHA, T1)).hasSize(1);
    }

    @Test
    void aMilestoneMissedButTheTaskCompletedBeforeItsDate_isNotMissed() {
        // Given ALPHA reports 40 % but the task is completed on 03-15
        Assessment a = assess(SHAPED_ENGINE, MAR, null, shapedFacts(40, d(3, 15), null));
        // Then no milestone is missed
        assertThat(findings(a, FindingKind.MILESTONE_MISSED)).isEmpty();
    }

    @Test
    void aMilestoneWithoutAPercent_isNeverJudged() {
        // Given ALPHA stands at 30 % on 04-15, the date of the milestone that names no percent
        Assessment a = assess(SHAPED_ENGINE, APR, null, shapedFacts(60, null, null));
        // Then nothing is missed in April
        assertThat(findings(a, FindingKind.MILESTONE_MISSED)).isEmpty();
    }

    @Test
    void aValueOnlyReport_givesItsShareOfTheTarget_flooredAndAtMost100() {
        Facts half = shapedFacts(60, null, new io.github.duban.model.ProgressReport(T2, BRAVO, MAR, d(3, 20), null, null, new BigDecimal("3599")));
        assertThat(board(assess(SHAPED_ENGINE, MAR, null, half), T2).percent()).isEqualTo(59);
        Facts over = shapedFacts(60, null, new io.github.duban.model.ProgressReport(T2, BRAVO, MAR, d(3, 20), null, null, new BigDecimal("7000")));
        assertThat(board(assess(SHAPED_ENGINE, MAR, null, over), T2).percent()).isEqualTo(100);
    }

    @Test
    void aPercentOnlyReport_onATaskWithATarget_standsAtItsPercent() {
        Facts f = shapedFacts(60, null, io.github.duban.model.ProgressReport.of(T2, BRAVO, MAR, d(3, 20), 70));
        assertThat(board(assess(SHAPED_ENGINE, MAR, null, f), T2).percent()).isEqualTo(70);
    }

    @Test
    void aReportWithPercentAndValue_keepsItsPercent() {
        Facts f = shapedFacts(60, null, new io.github.duban.model.ProgressReport(T2, BRAVO, MAR, d(3, 20), 30, null, new BigDecimal("6000")));
        assertThat(board(assess(SHAPED_ENGINE, MAR, null, f), T2).percent()).isEqualTo(30);
    }

    @Test
    void aValueOnATaskWithoutATarget_isRefused() {
        Facts f = Facts.of(List.of(new io.github.duban.model.ProgressReport(T1, ALPHA, FEB, d(2, 20), null, null, new BigDecimal("5"))),
                List.of(), List.of(), List.of(), List.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SHAPED_ENGINE.assess(FEB, null, f, null))
                .isInstanceOf(io.github.duban.error.InputException.class)
                .hasMessageContaining("target");
    }
}

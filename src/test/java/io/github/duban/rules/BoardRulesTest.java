package io.github.duban.rules;

import io.github.duban.engine.Duban;
import io.github.duban.model.Facts;
import io.github.duban.model.Policy;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.BoardEntry;
import io.github.duban.outcome.Light;
import io.github.duban.outcome.TaskStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;

import static io.github.duban.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * board.drl: each task's light as of the assessment date (DESIGN §4, the task board).
 *
 * Task 1 runs from the window start 02-01 to 04-30: 88 days, so schedule progress is exactly
 * 25 on 02-23 (22 days) and 50 on 03-17 (44 days).
 */
class BoardRulesTest {

    /** DEFAULT but yellow only beyond 30 points behind, so a due-soon reminder is the only yellow signal. */
    private static final Policy YELLOW_AT_30 = new Policy(30, 50, 15, 15, 30, 30,
            bd("-1"), bd("-2"), bd("-3"), bd("-0.5"), bd("-5"), bd("-10"), bd("2"), bd("3"), bd("5"),
            bd("95"), bd("85"), bd("70"), null, false, false);

    private static Duban duban;
    private static Duban yellowAt30;

    @BeforeAll
    static void compileRules() {
        duban = engine();
        yellowAt30 = Duban.builder().plan(PLAN).policy(YELLOW_AT_30).build();
    }

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    /** Task 1 as of {@code asOf} in March, ALPHA at {@code alpha} % (reported 03-10), BRAVO at 90 %. */
    private static BoardEntry task1InMarch(LocalDate asOf, int alpha) {
        Facts f = given().allOnTimeThrough(MAR).report(T1, ALPHA, MAR, d(3, 10), alpha).facts();
        return board(assess(duban, MAR, asOf, f), T1);
    }

    // ================================================================ progress

    @Test
    void leadWithoutAPercent_countsAsZero() {
        // Given on task 1 ALPHA reports 60 % and BRAVO reports without a percent
        Facts f = given().allOnTimeThrough(FEB).report(T1, ALPHA, FEB, d(2, 20), 60).report(T1, BRAVO, FEB, d(2, 20), null).facts();
        // When February is assessed as of 02-23 (schedule 22/88 = 25)
        BoardEntry e = board(assess(duban, FEB, d(2, 23), f), T1);
        // Then the task stands at 0 %, 25 behind: YELLOW, not red
        assertThat(e.percent()).isZero();
        assertThat(e.schedule()).isEqualByComparingTo("25");
        assertThat(e.light()).isEqualTo(Light.YELLOW);
    }

    @Test
    void taskStandsAtTheLowestLeadPercent() {
        // Given on task 1 ALPHA reports 60 % and BRAVO 45 %
        Facts f = given().allOnTimeThrough(FEB).report(T1, ALPHA, FEB, d(2, 20), 60).report(T1, BRAVO, FEB, d(2, 20), 45).facts();
        // When February is assessed as of 02-23
        BoardEntry e = board(assess(duban, FEB, d(2, 23), f), T1);
        // Then 45 %, ahead of schedule: GREEN, with the deadline in force and no reasons
        assertThat(e.percent()).isEqualTo(45);
        assertThat(e.light()).isEqualTo(Light.GREEN);
        assertThat(e.deadline()).isEqualTo(d(4, 30));
        assertThat(e.ongoing()).isFalse();
        assertThat(e.reasons()).isEmpty();
    }

    @Test
    void schedule_usesTheDeadlineInForce() {
        // Given task 1 extended to 05-31 on 04-25, ALPHA at 60 %
        Facts extended = given().allOnTimeThrough(APR).report(T1, ALPHA, APR, d(4, 20), 60)
                .extension(T1, d(4, 20), d(4, 25), d(5, 31)).facts();
        Facts plain = given().allOnTimeThrough(APR).report(T1, ALPHA, APR, d(4, 20), 60).facts();
        // When April is assessed at month end
        BoardEntry e = board(assess(duban, APR, null, extended), T1);
        // Then schedule = 88 / 119 × 100 = 73.9496, 13.9 behind: YELLOW
        assertThat(e.deadline()).isEqualTo(d(5, 31));
        assertThat(e.schedule()).isEqualByComparingTo("73.9496");
        assertThat(e.light()).isEqualTo(Light.YELLOW);
        // And without the extension: schedule 100, 40 behind: RED
        BoardEntry p = board(assess(duban, APR, null, plain), T1);
        assertThat(p.schedule()).isEqualByComparingTo("100");
        assertThat(p.light()).isEqualTo(Light.RED);
    }

    @Test
    void ongoingTask_hasNoScheduleOrDeadline_andItsPercentDoesNotColourIt() {
        // Given ALPHA reports ongoing task 3 on time at 0 %
        Facts f = given().allOnTimeThrough(FEB).report(T3, ALPHA, FEB, d(2, 20), 0).facts();
        // When February is assessed
        BoardEntry e = board(assess(duban, FEB, null, f), T3);
        // Then GREEN, ongoing, no deadline, no schedule, 0 %
        assertThat(e.light()).isEqualTo(Light.GREEN);
        assertThat(e.ongoing()).isTrue();
        assertThat(e.deadline()).isNull();
        assertThat(e.schedule()).isNull();
        assertThat(e.percent()).isZero();
    }

    // ================================================================ behind schedule

    @ParameterizedTest(name = "as of {0}, ALPHA at {1} % -> {2}")
    @CsvSource({
            // 03-17: schedule exactly 50
            "2021-03-17, 19, RED",     // 31 behind
            "2021-03-17, 20, YELLOW",  // exactly 30 behind: not red
            "2021-03-17, 39, YELLOW",  // 11 behind
            "2021-03-17, 40, GREEN",   // exactly 10 behind: not yellow
            // 03-18: schedule 45/88 = 51.1364
            "2021-03-18, 21, RED",     // 30.1364 behind
            "2021-03-18, 22, YELLOW",  // 29.1364 behind
            "2021-03-18, 41, YELLOW",  // 10.1364 behind
            "2021-03-18, 42, GREEN"})  // 9.1364 behind
    void behindSchedule_redBeyond30_yellowBeyond10(LocalDate asOf, int alpha, Light light) {
        // Given ALPHA at the given percent on task 1, BRAVO at 90 %
        // When March is assessed as of the given date (no reminder: the deadline is over 40 days off)
        BoardEntry e = task1InMarch(asOf, alpha);
        // Then the light follows how far the lowest percent is behind schedule
        assertThat(e.light()).isEqualTo(light);
        assertThat(e.percent()).isEqualTo(alpha);
    }

    @Test
    void scheduleProgress_isComputedFromTheWindowStart() {
        // Then on 03-17 it is 44/88 = 50, on 03-18 45/88 = 51.1364
        assertThat(task1InMarch(d(3, 17), 50).schedule()).isEqualByComparingTo("50");
        assertThat(task1InMarch(d(3, 18), 50).schedule()).isEqualByComparingTo("51.1364");
    }

    // ================================================================ overdue, due soon

    @Test
    void overdueTask_isRed_evenWhenOnSchedule() {
        // Given task 1 at 90 % (10 behind the capped schedule of 100) and not completed
        Facts f = given().allOnTimeThrough(MAY).facts();
        // When May is assessed
        BoardEntry e = board(assess(duban, MAY, null, f), T1);
        // Then RED because overdue; one reason
        assertThat(e.light()).isEqualTo(Light.RED);
        assertThat(e.schedule()).isEqualByComparingTo("100");
        assertThat(e.percent()).isEqualTo(90);
        assertThat(e.reasons()).hasSize(1);
    }

    @Test
    void dueSoonForOneLead_isYellow() {
        // Given a policy where only more than 30 behind colours a task; ALPHA at 49 %, BRAVO at 90 %
        Facts f = given().allOnTimeThrough(MAR).report(T1, ALPHA, MAR, d(3, 20), 49).facts();
        // When March is assessed (30 days to go; 65.9 − 49 = 16.9 behind, below 30)
        BoardEntry e = board(assess(yellowAt30, MAR, null, f), T1);
        // Then YELLOW, for the reminder alone
        assertThat(e.light()).isEqualTo(Light.YELLOW);
        assertThat(e.reasons()).hasSize(1);
    }

    @Test
    void notDueSoonAt50Percent_isGreen() {
        // Given the same policy, ALPHA at 50 %
        Facts f = given().allOnTimeThrough(MAR).report(T1, ALPHA, MAR, d(3, 20), 50).facts();
        // When March is assessed
        // Then GREEN
        assertThat(board(assess(yellowAt30, MAR, null, f), T1).light()).isEqualTo(Light.GREEN);
    }

    @Test
    void redSignal_winsOverYellowSignals() {
        // Given ALPHA at 49 % in March and task 1 never completed
        Facts f = given().allOnTimeThrough(MAY).report(T1, ALPHA, MAR, d(3, 20), 49)
                .report(T1, ALPHA, APR, d(4, 20), 49).report(T1, ALPHA, MAY, d(5, 20), 49).facts();
        // When April is assessed (due today at 49 %: reminder, and 51 behind)
        BoardEntry apr = board(assess(duban, APR, null, f), T1);
        // Then RED (behind beyond 30), listing the red reason only
        assertThat(apr.light()).isEqualTo(Light.RED);
        assertThat(apr.reasons()).hasSize(1);
        // When May is assessed (overdue and 51 behind)
        // Then RED with both red reasons
        BoardEntry may = board(assess(duban, MAY, null, f), T1);
        assertThat(may.light()).isEqualTo(Light.RED);
        assertThat(may.reasons()).hasSize(2);
    }

    // ================================================================ done

    @Test
    void completedTask_isDone_howeverFarBehind() {
        // Given task 1 completed on 03-10 while ALPHA never gave a percent
        Facts f = given().allOnTimeThrough(MAR).report(T1, ALPHA, FEB, d(2, 20), null).report(T1, ALPHA, MAR, d(3, 10), null)
                .completion(T1, d(3, 10)).facts();
        // When March is assessed
        BoardEntry e = board(assess(duban, MAR, null, f), T1);
        // Then DONE, with its deadline; it shows 100 %, and 0 % as reported
        assertThat(e.light()).isEqualTo(Light.DONE);
        assertThat(e.status()).isEqualTo(TaskStatus.DONE);
        assertThat(e.deadline()).isEqualTo(d(4, 30));
        assertThat(e.percent()).isEqualTo(100);
        assertThat(e.reportedPercent()).isZero();
    }

    @Test
    void completionAfterTheAsOfDate_isNotYetDone() {
        // Given task 1 completed on 03-10
        Facts f = given().allOnTimeThrough(MAR).completion(T1, d(3, 10)).facts();
        // When March is assessed as of 03-09
        // Then not DONE (GREEN: 90 % is ahead of schedule)
        assertThat(board(assess(duban, MAR, d(3, 9), f), T1).light()).isEqualTo(Light.GREEN);
        // And as of 03-10 DONE
        assertThat(board(assess(duban, MAR, d(3, 10), f), T1).light()).isEqualTo(Light.DONE);
    }

    @Test
    void lateCompletion_isDone() {
        // Given task 1 (04-30) completed late on 05-10
        Facts f = given().allOnTimeThrough(MAY).completion(T1, d(5, 10)).facts();
        // When May is assessed
        // Then DONE, no longer red
        assertThat(board(assess(duban, MAY, null, f), T1).light()).isEqualTo(Light.DONE);
    }

    // ================================================================ ongoing tasks

    @Test
    void ongoingTask_withTheLeadsReportMissing_isRed() {
        // Given ALPHA does not report task 3 for March
        Facts f = given().allOnTimeThrough(MAR).without(T3, ALPHA, MAR).facts();
        // When March is assessed
        BoardEntry e = board(assess(duban, MAR, null, f), T3);
        // Then RED
        assertThat(e.light()).isEqualTo(Light.RED);
        assertThat(e.reasons()).hasSize(1);
    }

    @Test
    void ongoingTask_beforeTheDueDateWithoutReport_isGreen() {
        // Given ALPHA has not yet reported task 3 for March
        Facts f = given().allOnTimeThrough(MAR).without(T3, ALPHA, MAR).facts();
        // When March is assessed as of 03-25
        // Then GREEN: nothing is missing yet
        assertThat(board(assess(duban, MAR, d(3, 25), f), T3).light()).isEqualTo(Light.GREEN);
    }

    @Test
    void ongoingTask_withTheLeadsReportLate_isYellow() {
        // Given ALPHA reports task 3 for March on 03-26
        Facts f = given().allOnTimeThrough(MAR).report(T3, ALPHA, MAR, d(3, 26), 90).facts();
        // When March is assessed
        BoardEntry e = board(assess(duban, MAR, null, f), T3);
        // Then YELLOW
        assertThat(e.light()).isEqualTo(Light.YELLOW);
        assertThat(e.reasons()).hasSize(1);
    }

    @Test
    void datedTask_withAReportLate_isNotColouredByIt_butOneWhoseUnitIsCriticised_isYellow() {
        // Given CHARLIE does not report task 2 for March (criticised for it), and BRAVO reports task 1 late (a notice)
        Facts f = given().allOnTimeThrough(MAR).without(T2, CHARLIE, MAR).report(T1, BRAVO, MAR, d(3, 26), 90).facts();
        // When March is assessed (both tasks well ahead of schedule at 90 %)
        Assessment a = assess(duban, MAR, null, f);
        // Then task 1 stays GREEN: a late report colours only an ongoing task; task 2 is YELLOW,
        // since a light never contradicts a sanction (its case is open at criticism)
        assertThat(board(a, T1).light()).isEqualTo(Light.GREEN);
        assertThat(board(a, T1).status()).isEqualTo(TaskStatus.ON_TRACK);
        assertThat(board(a, T2).light()).isEqualTo(Light.YELLOW);
        assertThat(board(a, T2).status()).isEqualTo(TaskStatus.LAGGING);
        assertThat(board(a, T2).reasons()).containsExactly(CHARLIE + "被通报批评，正在限期整改");
    }

    @Test
    void everyTaskIsOnTheBoard() {
        // Given a quiet February
        Assessment a = assess(duban, FEB, null, given().allOnTimeThrough(FEB).facts());
        // Then one GREEN entry per task, in task order
        assertThat(a.board()).extracting(BoardEntry::task, BoardEntry::light)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(T1, Light.GREEN),
                        org.assertj.core.groups.Tuple.tuple(T2, Light.GREEN),
                        org.assertj.core.groups.Tuple.tuple(T3, Light.GREEN));
    }
}

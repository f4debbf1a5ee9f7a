package io.github.duban.rules;

import io.github.duban.json.PlanJson;
import io.github.duban.engine.Duban;
import io.github.duban.error.CalendarException;
import io.github.duban.json.FactsJson;
import io.github.duban.json.ReminderJson;
import io.github.duban.model.Completion;
import io.github.duban.model.Deadline;
import io.github.duban.model.Facts;
import io.github.duban.model.Milestone;
import io.github.duban.model.Plan;
import io.github.duban.model.ProgressReport;
import io.github.duban.model.Task;
import io.github.duban.model.TaskPerson;
import io.github.duban.model.Unit;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.Finding;
import io.github.duban.outcome.FindingKind;
import io.github.duban.outcome.Reminder;
import io.github.duban.outcome.ReminderKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

import static io.github.duban.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * reminders.drl: who is reminded of what on a date (催办) — a report due and overdue, a deadline, a
 * milestone, a rectify-by date; the 责任领导 once a report stays overdue (docs/reminders.md).
 * May 2021 on the State Council calendar: reports due Tuesday the 25th, so 3 working days before is
 * Thursday the 20th, 1 is Monday the 24th; the 26th is the first working day after, the 28th the third.
 */
class RemindersRulesTest {

    /** The fixture plan with persons: ALPHA's 责任领导 is 王局长, on task 3 the plan names 李副局长. */
    static final Plan PERSONS = Plan.of(PLAN.title(), PLAN.docNumber(), PLAN.issuedOn(), PLAN.reporting(), PLAN.stages(), PLAN.goals(),
            List.of(new Unit(ALPHA, ALPHA, List.of(), false, "王局长", "小张"), Unit.of(BRAVO), Unit.of(CHARLIE), Unit.of(DELTA),
                    Unit.of(ECHO), Unit.group(TOWNS)),
            List.of(TASK_1, TASK_2, withPersons(TASK_3, List.of(TaskPerson.of(ALPHA, "李副局长", "小李")))));

    private static Duban duban;
    private static Duban persons;

    @BeforeAll
    static void compileRules() {
        duban = engine();
        persons = Duban.builder().plan(PERSONS).build();
    }

    static Task withPersons(Task t, List<TaskPerson> p) {
        return new Task(t.no(), t.goal(), t.title(), t.measure(), t.leads(), t.supporting(), t.deadline(), t.milestones(),
                t.notes(), t.parent(), t.label(), p, t.target());
    }

    static Task withMilestones(Task t, List<Milestone> m) {
        return new Task(t.no(), t.goal(), t.title(), t.measure(), t.leads(), t.supporting(), t.deadline(), m,
                t.notes(), t.parent(), t.label(), t.persons(), t.target());
    }

    private static List<Reminder> on(Duban d, LocalDate date, Facts f) {
        return d.reminders(date, f);
    }

    private static List<Reminder> on(LocalDate date, Facts f) {
        return on(duban, date, f);
    }

    private static List<Reminder> of(List<Reminder> rs, ReminderKind kind) {
        return rs.stream().filter(r -> r.kind() == kind).toList();
    }

    // ================================================================ reports due

    @Test
    void aReportNotIn_isRemindedThreeAndOneWorkingDaysBeforeItsDueDateAndOnTheDay() {
        // Given ALPHA has not reported task 3 for May
        Facts f = given().allOnTimeThrough(MAY).without(T3, ALPHA, MAY).facts();
        // When the reminders of 05-20, 05-24 and 05-25 are drawn
        // Then ALPHA is reminded each of those days, at level 提醒, of the report due 05-25
        for (LocalDate d : List.of(d(5, 20), d(5, 24), d(5, 25))) {
            assertThat(of(on(d, f), ReminderKind.REPORT_DUE)).extracting("kind", "level", "unit", "task", "month", "dueOn", "date")
                    .containsExactly(tuple(ReminderKind.REPORT_DUE, Reminder.REMIND, ALPHA, T3, MAY, d(5, 25), d));
        }
        assertThat(on(d(5, 20), f).get(0).message()).isEqualTo("ALPHA：请于2021年5月25日前报送任务3“整治作风问题”5月工作进度。");
    }

    @Test
    void aReportNotIn_isNotRemindedOnOtherDaysBeforeItsDueDate() {
        // Given ALPHA has not reported task 3 for May
        Facts f = given().allOnTimeThrough(MAY).without(T3, ALPHA, MAY).facts();
        // When the reminders of 05-19 (4 working days before), 05-21 (2) and Saturday 05-22 are drawn
        // Then there are none
        for (LocalDate d : List.of(d(5, 19), d(5, 21), d(5, 22))) {
            assertThat(on(d, f)).as("%s", d).isEmpty();
        }
    }

    @Test
    void aReportSubmittedTheDayBefore_removesTheNextDaysReminder() {
        // Given ALPHA reports task 3 for May on Sunday 05-23
        Facts f = given().allOnTimeThrough(MAY).report(T3, ALPHA, MAY, d(5, 23), 90).facts();
        // When the reminders of 05-20 and 05-24 are drawn
        // Then it was reminded on the 20th, and is not on the 24th
        assertThat(of(on(d(5, 20), f), ReminderKind.REPORT_DUE)).extracting("unit", "task").containsExactly(tuple(ALPHA, T3));
        assertThat(of(on(d(5, 24), f), ReminderKind.REPORT_DUE)).isEmpty();
    }

    // ================================================================ reports overdue, escalation

    @Test
    void anOverdueReport_isChasedTheFirstWorkingDayAfterAndEverySecondOneAfter() {
        // Given ALPHA never reports task 3 for May
        Facts f = given().allOnTimeThrough(MAY).without(T3, ALPHA, MAY).facts();
        // When the reminders of 05-26 .. 05-31 are drawn
        // Then it is chased on the 26th (提醒), and not on the 27th (2nd working day after) nor the weekend
        assertThat(on(d(5, 26), f)).extracting("kind", "level", "unit", "task", "dueOn")
                .containsExactly(tuple(ReminderKind.REPORT_OVERDUE, Reminder.REMIND, ALPHA, T3, d(5, 25)));
        assertThat(on(d(5, 26), f).get(0).message()).contains("任务3", "2021年5月25日", "请立即报送");
        assertThat(on(d(5, 27), f)).isEmpty();
        assertThat(on(d(5, 29), f)).isEmpty();
        // and from the 3rd working day after (the 28th), every 2nd one (the 1st of June is another month)
        assertThat(of(on(d(5, 28), f), ReminderKind.REPORT_OVERDUE)).extracting("level").containsExactly(Reminder.PRESS);
        assertThat(of(on(d(5, 31), f), ReminderKind.REPORT_OVERDUE)).isEmpty();
    }

    @Test
    void aReportStillOverdue_isPressedOnTheResponsibleLeaderThePlanNamesForTheTask() {
        // Given ALPHA never reports task 3 for May, and the plan names 李副局长 for ALPHA on task 3 (王局长 for ALPHA itself)
        Facts f = given().allOnTimeThrough(MAY).without(T3, ALPHA, MAY).facts();
        // When the reminders of 05-26 and 05-28 are drawn
        Reminder first = on(persons, d(5, 26), f).get(0);
        Reminder pressed = on(persons, d(5, 28), f).get(0);
        // Then the 26th reminds the 责任人 at level 提醒; the 28th (3 working days after) goes to the task's 责任领导 as 督办
        assertThat(first).extracting("level", "person").containsExactly(Reminder.REMIND, "小李");
        assertThat(pressed).extracting("kind", "level", "unit", "person")
                .containsExactly(ReminderKind.REPORT_OVERDUE, Reminder.PRESS, ALPHA, "李副局长");
        assertThat(pressed.message()).startsWith("请李副局长督办：ALPHA任务3").contains("逾期3个工作日", "2021年5月25日");
    }

    @Test
    void aReportStillOverdue_onATaskThePlanNamesNoPersonsFor_goesToTheUnitsLeader() {
        // Given ALPHA never reports task 1 for March (task 1's persons are not named; ALPHA's leader is 王局长)
        Facts f = given().allOnTimeThrough(MAR).without(T1, ALPHA, MAR).facts();
        // When the reminders of 2021-03-30 (3 working days after the 25th, a Thursday) are drawn
        // Then they go to 王局长 as 督办
        assertThat(of(on(persons, d(3, 30), f), ReminderKind.REPORT_OVERDUE)).extracting("level", "unit", "person", "task")
                .containsExactly(tuple(Reminder.PRESS, ALPHA, "王局长", T1));
    }

    @Test
    void aReportThatCameInLate_isChasedNoMore() {
        // Given ALPHA reports task 3 for May on 05-27, two days late
        Facts f = given().allOnTimeThrough(MAY).report(T3, ALPHA, MAY, d(5, 27), 90).facts();
        // When the reminders of 05-26 and 05-28 are drawn
        // Then it was chased on the 26th, and is not pressed on the 28th
        assertThat(on(d(5, 26), f)).extracting("kind").containsExactly(ReminderKind.REPORT_OVERDUE);
        assertThat(on(d(5, 28), f)).isEmpty();
    }

    // ================================================================ deadlines

    @Test
    void aTaskNotCompleted_isRemindedThirtySevenAndOneDaysBeforeItsDeadline() {
        // Given task 2 (CHARLIE, deadline 05-31) is not completed
        Facts f = given().allOnTimeThrough(MAY).facts();
        // When the reminders of 05-01, 05-24 and 05-30 are drawn
        // Then CHARLIE is reminded each day
        for (LocalDate d : List.of(d(5, 1), d(5, 24), d(5, 30))) {
            assertThat(on(d, f)).extracting("kind", "unit", "task", "dueOn")
                    .containsExactly(tuple(ReminderKind.DEADLINE_DUE, CHARLIE, T2, d(5, 31)));
        }
        assertThat(on(d(5, 24), f).get(0).message()).isEqualTo("CHARLIE：任务2“建设政务平台”须于2021年5月31日前完成，还有7天，请抓紧推进。");
        // and not on 05-25 (6 days before)
        assertThat(on(d(5, 25), f)).isEmpty();
    }

    @Test
    void aCompletedTask_isNotRemindedOfItsDeadline() {
        // Given task 2 was completed on 05-20
        Facts f = given().allOnTimeThrough(MAY).completion(T2, d(5, 20)).facts();
        // When the reminders of 05-24 (7 days before its deadline) are drawn
        // Then there are none
        assertThat(on(d(5, 24), f)).isEmpty();
    }

    @Test
    void anExtendedDeadline_isTheOneRemindedOf() {
        // Given task 2's deadline was extended on 05-10 to 06-30
        Facts f = given().allOnTimeThrough(MAY).extension(T2, d(5, 5), d(5, 10), d(6, 30)).facts();
        // When the reminders of 05-24 and 05-31 are drawn
        // Then the old deadline is not reminded of, the new one 30 days before
        assertThat(on(d(5, 24), f)).isEmpty();
        assertThat(on(d(5, 31), f)).extracting("kind", "unit", "dueOn").containsExactly(tuple(ReminderKind.DEADLINE_DUE, CHARLIE, d(6, 30)));
    }

    // ================================================================ milestones

    private static Duban withMilestone(int percent) {
        Task t2 = withMilestones(TASK_2, List.of(Milestone.of("完成平台联调", d(5, 15), percent)));
        Plan p = Plan.of(PLAN.title(), PLAN.docNumber(), PLAN.issuedOn(), PLAN.reporting(), PLAN.stages(), PLAN.goals(), PLAN.units(),
                List.of(TASK_1, t2, TASK_3));
        return Duban.builder().plan(p).build();
    }

    @Test
    void aMilestoneNotReached_isRemindedSevenAndOneDaysBefore() {
        // Given task 2 must reach 95 % by 05-15 and CHARLIE's latest percent is 90
        Duban d = withMilestone(95);
        Facts f = given().allOnTimeThrough(APR).facts();
        // When the reminders of 05-08 and 05-14 are drawn
        // Then CHARLIE is reminded of the milestone each day
        for (LocalDate day : List.of(d(5, 8), d(5, 14))) {
            assertThat(on(d, day, f)).extracting("kind", "unit", "task", "dueOn")
                    .containsExactly(tuple(ReminderKind.MILESTONE_DUE, CHARLIE, T2, d(5, 15)));
        }
        assertThat(on(d, d(5, 8), f).get(0).message()).isEqualTo("CHARLIE：任务2“建设政务平台”须于2021年5月15日前达到95%，还有7天。");
    }

    @Test
    void aMilestoneAlreadyReached_isNotReminded() {
        // Given task 2 must reach 80 % by 05-15 and CHARLIE's latest percent is 90
        Facts f = given().allOnTimeThrough(APR).facts();
        // When the reminders of 05-08 are drawn
        // Then there are none
        assertThat(on(withMilestone(80), d(5, 8), f)).isEmpty();
    }

    // ================================================================ rectification

    @Test
    void anOpenCriticisedCase_isRemindedThreeAndOneWorkingDaysBeforeItsRectifyByDate() {
        // Given ALPHA never reported task 3 for April: criticised at April's end, to rectify by 05-15 (a Saturday)
        Facts f = given().allOnTimeThrough(MAY).without(T3, ALPHA, APR).facts();
        // When the reminders of 05-12 and 05-14 (3 and 1 working days before) and 05-13 are drawn
        // Then ALPHA is reminded on the 12th and the 14th only
        for (LocalDate d : List.of(d(5, 12), d(5, 14))) {
            assertThat(on(d, f)).extracting("kind", "level", "unit", "task", "dueOn")
                    .containsExactly(tuple(ReminderKind.RECTIFICATION_DUE, Reminder.REMIND, ALPHA, T3, d(5, 15)));
        }
        assertThat(on(d(5, 13), f)).isEmpty();
        assertThat(on(d(5, 12), f).get(0).message()).isEqualTo("ALPHA：任务3“整治作风问题”督办事项须于2021年5月15日前整改到位，还有3个工作日。");
    }

    @Test
    void aRectifiedCase_isNotReminded() {
        // Given the same case, rectified on 05-11
        Facts f = given().allOnTimeThrough(MAY).without(T3, ALPHA, APR).rectification(ALPHA, T3, d(5, 11)).facts();
        // When the reminders of 05-12 are drawn
        // Then there are none
        assertThat(on(d(5, 12), f)).isEmpty();
    }

    // ================================================================ the policy's days, the message's length

    @Test
    void thePolicysReminderDays_areTheOnesReminded() {
        // Given a policy reminding 2 working days before the due date, chasing daily, and pressing after 1 working day
        io.github.duban.model.Policy p = io.github.duban.model.Policy.DEFAULT.withReminding(
                new io.github.duban.model.Policy.Reminding(List.of(2), 1, List.of(3), List.of(2), List.of(2), 1));
        Duban d = Duban.builder().plan(PLAN).policy(p).build();
        Facts f = given().allOnTimeThrough(MAY).without(T3, ALPHA, MAY).facts();
        // When the reminders of 05-20 .. 05-28 are drawn
        // Then ALPHA is reminded on the 21st (not the 20th or 24th), pressed from the 26th, every working day
        assertThat(of(on(d, d(5, 20), f), ReminderKind.REPORT_DUE)).isEmpty();
        assertThat(of(on(d, d(5, 21), f), ReminderKind.REPORT_DUE)).extracting("unit", "task").containsExactly(tuple(ALPHA, T3));
        assertThat(of(on(d, d(5, 24), f), ReminderKind.REPORT_DUE)).isEmpty();
        for (LocalDate day : List.of(d(5, 26), d(5, 27), d(5, 28))) {
            assertThat(of(on(d, day, f), ReminderKind.REPORT_OVERDUE)).extracting("level").as("%s", day).containsExactly(Reminder.PRESS);
        }
        // and task 2's deadline 3 days before it
        assertThat(of(on(d, d(5, 28), f), ReminderKind.DEADLINE_DUE)).extracting("unit", "dueOn").containsExactly(tuple(CHARLIE, d(5, 31)));
    }

    @Test
    void aLongTitle_isShortenedSoThatTheMessageFitsSeventyCharacters() {
        // Given task 3 has a 60-character title and ALPHA has not reported it for May
        String title = "全面深入持续推进作风建设".repeat(5);
        Task t3 = new Task(T3, TASK_3.goal(), title, TASK_3.measure(), TASK_3.leads(), TASK_3.supporting(), TASK_3.deadline(),
                List.of(), List.of(), null, null, List.of(), null);
        Duban d = Duban.builder().plan(Plan.of(PLAN.title(), PLAN.docNumber(), PLAN.issuedOn(), PLAN.reporting(), PLAN.stages(),
                PLAN.goals(), PLAN.units(), List.of(TASK_1, TASK_2, t3))).build();
        Facts f = given().allOnTimeThrough(MAY).without(T3, ALPHA, MAY).facts();
        // When the reminders of 05-20 and 05-28 are drawn
        for (LocalDate day : List.of(d(5, 20), d(5, 28))) {
            String m = on(d, day, f).get(0).message();
            // Then the message has at most 70 characters, the title shortened with …, the task and the due date named
            assertThat(m.codePointCount(0, m.length())).as(m).isLessThanOrEqualTo(70);
            assertThat(m).contains("任务3“全面深入", "…”", "2021年5月25日");
        }
    }

    // ================================================================ the library

    @Test
    void aDateOutsideTheCalendarsYears_isRefused() {
        assertThatThrownBy(() -> duban.reminders(LocalDate.of(2031, 5, 20), given().facts()))
                .isInstanceOf(CalendarException.class).hasMessageContaining("2031-05-20");
    }

    @Test
    void withALedger_theRemindersAreThoseTheReplayGives() {
        Facts f = given().allOnTimeThrough(MAY).without(T3, ALPHA, APR).facts();
        assertThat(duban.reminders(d(5, 12), f, ledgerBefore(duban, MAY, f))).isEqualTo(duban.reminders(d(5, 12), f));
    }

    // ================================================================ the sample year, every day of May 2021

    @Test
    void theSampleYearsMay_everyDay() {
        Duban sample = Duban.builder().plan(PlanJson.embedded()).build();
        Facts facts = FactsJson.sampleYear(sample.plan());
        YearMonth may = YearMonth.of(2021, 5);
        var ledger = sample.replay(may.minusMonths(1), may.minusMonths(1), facts).get(0).ledger();
        Assessment mayEnd = sample.assess(may, null, facts, ledger);
        List<Reminder> all = new ArrayList<>();
        for (LocalDate d = may.atDay(1); !d.isAfter(may.atEndOfMonth()); d = d.plusDays(1)) {
            List<Reminder> day = sample.reminders(d, facts, ledger);
            assertThat(day).as("in order").isSorted();
            all.addAll(day);
        }
        assertThat(all).extracting("kind").contains(ReminderKind.REPORT_DUE, ReminderKind.REPORT_OVERDUE, ReminderKind.DEADLINE_DUE);

        // every report that ends up late or missing was reminded before its due date
        for (Finding f : mayEnd.findings()) {
            if (f.kind() == FindingKind.REPORT_LATE || f.kind() == FindingKind.REPORT_MISSING) {
                assertThat(all).as("%s", f.reason()).anySatisfy(r -> {
                    assertThat(r.kind()).isEqualTo(ReminderKind.REPORT_DUE);
                    assertThat(r.unit()).isEqualTo(f.unit());
                    assertThat(r.task()).isEqualTo(f.task());
                    assertThat(r.month()).isEqualTo(may);
                    assertThat(r.date()).isBefore(r.dueOn());
                });
            }
        }
        assertThat(mayEnd.findings()).extracting("kind").contains(FindingKind.REPORT_MISSING);

        // nothing is reminded after it was done: the report in, the task completed (a completion of an ongoing task does not count)
        for (Reminder r : all) {
            if (r.month() != null) {
                assertThat(facts.reports()).as("%s", r.message()).noneMatch(p -> p.task() == r.task() && p.unit().equals(r.unit())
                        && p.month().equals(r.month()) && !p.submittedOn().isAfter(r.date()));
            }
            if (r.task() != null && r.kind() != ReminderKind.RECTIFICATION_DUE) {
                assertThat(facts.completions()).as("%s", r.message())
                        .noneMatch(c -> c.task() == r.task() && !c.completedOn().isAfter(r.date())
                                && !sample.plan().task(c.task()).orElseThrow().ongoing());
            }
        }

        // no id for two matters
        Map<String, List<Object>> matters = new HashMap<>();
        for (Reminder r : all) {
            List<Object> matter = java.util.Arrays.asList(r.kind(), r.unit(), r.task(), r.month(), r.dueOn(), r.date());
            assertThat(Objects.requireNonNullElse(matters.putIfAbsent(r.id(), matter), matter)).as(r.id()).isEqualTo(matter);
        }
        assertThat(matters).hasSameSizeAs(all);

        // messages: at most 70 characters, 年月日 dates only, each naming its task and a date
        for (Reminder r : all) {
            String m = r.message();
            assertThat(m.codePointCount(0, m.length())).as(m).isLessThanOrEqualTo(Reminder.MAX_MESSAGE);
            assertThat(m).doesNotContainPattern("\\d{4}-\\d{1,2}-\\d{1,2}").containsPattern("\\d{4}年\\d{1,2}月\\d{1,2}日");
            if (r.task() != null) {
                assertThat(m).contains("任务" + r.task());
            }
        }
    }

    @Test
    void theSameDate_givesTheSameBytes_whateverTheOrderOfTheFacts() {
        Duban sample = Duban.builder().plan(PlanJson.embedded()).build();
        Facts facts = FactsJson.sampleYear(sample.plan());
        LocalDate date = LocalDate.of(2021, 5, 24);
        byte[] once = ReminderJson.bytes(sample.reminders(date, facts));
        byte[] again = ReminderJson.bytes(sample.reminders(date, facts));
        assertThat(again).isEqualTo(once);
        Random random = new Random(7);
        List<ProgressReport> reports = new ArrayList<>(facts.reports());
        List<Completion> completions = new ArrayList<>(facts.completions());
        Collections.shuffle(reports, random);
        Collections.shuffle(completions, random);
        Facts shuffled = new Facts(reports, completions, shuffle(facts.extensions(), random), shuffle(facts.inspections(), random),
                shuffle(facts.rectifications(), random));
        assertThat(ReminderJson.bytes(sample.reminders(date, shuffled))).isEqualTo(once);
        assertThat(new String(once, java.nio.charset.StandardCharsets.UTF_8)).startsWith("{\"id\":\"").contains("\"kind\":\"REPORT_DUE\"")
                .endsWith("}\n");
    }

    private static <T> List<T> shuffle(List<T> l, Random random) {
        List<T> c = new ArrayList<>(l);
        Collections.shuffle(c, random);
        return c;
    }
}

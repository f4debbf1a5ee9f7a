package io.github.duban.model;

import io.github.duban.json.PlanJson;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DESIGN §9: nested measures, persons and targets as the plan resolves them. */
class NestedPlanTest {

    static final ReportingRule WINDOW = new ReportingRule(YearMonth.of(2021, 2), YearMonth.of(2021, 6), 25);
    static final List<Unit> UNITS = List.of(
            new Unit("区发改局", "区发改局", List.of(), false, "王局长", "李科长"),
            Unit.of("区财政局"), Unit.group("各乡镇"));
    static final Deadline JUNE = Deadline.of(LocalDate.of(2021, 6, 30), "2021年6月底");
    static final Deadline APRIL = Deadline.of(LocalDate.of(2021, 4, 30), "2021年4月底");

    static Task task(int no, Integer parent, List<String> leads, Deadline deadline, List<TaskPerson> persons) {
        return new Task(no, 1, "任务" + no, "", leads, List.of(), deadline, List.of(), List.of(), parent, null, persons, null);
    }

    static Plan plan(List<Task> tasks) {
        return new Plan("某区实施方案", null, null, WINDOW, List.of(), List.of(new Goal(1, "目标")), UNITS, tasks);
    }

    @Test
    void aLeafWithoutDeadlineOrLeads_takesItsParents_andOneWithItsOwnKeepsThem() {
        Plan p = plan(List.of(
                task(1, null, List.of("区发改局"), JUNE, List.of(TaskPerson.of("区发改局", "张副区长", "赵主任"))),
                task(2, 1, List.of(), null, List.of()),
                task(3, 1, List.of("区财政局"), APRIL, List.of())));

        Task inherits = p.task(2).orElseThrow();
        Task own = p.task(3).orElseThrow();
        assertThat(inherits.leads()).containsExactly("区发改局");
        assertThat(inherits.deadline()).isEqualTo(JUNE);
        assertThat(inherits.persons()).containsExactly(TaskPerson.of("区发改局", "张副区长", "赵主任"));
        assertThat(own.leads()).containsExactly("区财政局");
        assertThat(own.deadline()).isEqualTo(APRIL);
        assertThat(p.leaves()).extracting(Task::no).containsExactly(2, 3);
        assertThat(p.groups()).extracting(Task::no).containsExactly(1);
        assertThat(p.isGroup(1)).isTrue();
        assertThat(p.isGroup(2)).isFalse();
    }

    @Test
    void inheritanceRunsDownEveryLevel() {
        Plan p = plan(List.of(
                task(1, null, List.of("区财政局"), JUNE, List.of()),
                task(2, 1, List.of(), null, List.of()),
                task(3, 2, List.of(), null, List.of())));

        assertThat(p.task(3).orElseThrow().leads()).containsExactly("区财政局");
        assertThat(p.task(3).orElseThrow().deadline()).isEqualTo(JUNE);
        assertThat(p.leaves()).extracting(Task::no).containsExactly(3);
    }

    @Test
    void personsFallBackToTheUnitsOwn() {
        Plan p = plan(List.of(task(1, null, List.of("区发改局", "区财政局"), JUNE, List.of())));

        assertThat(p.personsOf(1, "区发改局")).isEqualTo(TaskPerson.of("区发改局", "王局长", "李科长"));
        assertThat(p.personsOf(1, "区财政局")).isEqualTo(TaskPerson.of("区财政局", null, null));
    }

    @Test
    void aLeafWithNoDeadlineAnywhere_isRefused() {
        assertThatThrownBy(() -> plan(List.of(task(1, null, List.of("区财政局"), null, List.of()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("task 1 has no deadline");
    }

    @Test
    void aMissingParentOrACycle_isRefused() {
        assertThatThrownBy(() -> plan(List.of(task(2, 9, List.of("区财政局"), JUNE, List.of()))))
                .hasMessageContaining("names parent task 9");
        assertThatThrownBy(() -> plan(List.of(
                task(1, 2, List.of("区财政局"), JUNE, List.of()),
                task(2, 1, List.of("区财政局"), JUNE, List.of()))))
                .hasMessageContaining("cycle");
    }

    @Test
    void aTargetOfZero_isRefusedWhenThePlanIsRead() {
        String json = PlanJson.write(plan(List.of(task(1, null, List.of("区财政局"), JUNE, List.of()))))
                .replace("\"ongoing\" : false,", "\"ongoing\" : false, \"target\": {\"value\": 0, \"unit\": \"万元\"},");

        assertThatThrownBy(() -> PlanJson.read(json, "plan.json"))
                .hasMessageContaining("plan.json")
                .hasMessageContaining("target value 0 is not positive");
    }

    @Test
    void aNestedPlanWithPersonsTargetAndMilestones_roundTripsThroughPlanJson() {
        Task parent = new Task(1, 1, "招商引资", "", List.of("区发改局"), List.of("各乡镇"), JUNE, List.of(), List.of(), null, "一、",
                List.of(TaskPerson.of("区发改局", "张副区长", null)), null);
        Task leaf = new Task(2, 1, "引进项目", "", List.of(), List.of(), null,
                List.of(Milestone.of("5月底前完成50%", LocalDate.of(2021, 5, 31), 50)), List.of(), 1, "（一）", List.of(),
                Target.of(new java.math.BigDecimal("6000"), "万元"));
        Plan p = plan(List.of(parent, leaf));

        String json = PlanJson.write(p);
        Plan back = PlanJson.read(json, "plan.json");

        assertThat(back).isEqualTo(p);
        assertThat(json).contains("\"parent\" : 1", "\"label\" : \"（一）\"", "\"percent\" : 50", "\"unit\" : \"万元\"");
    }

    @Test
    void aFlatPlanWritesNoneOfTheNewFields() {
        String json = PlanJson.write(plan(List.of(task(1, null, List.of("区财政局"), JUNE, List.of()))));

        assertThat(json).doesNotContain("parent", "label", "persons", "target", "percent");
    }
}

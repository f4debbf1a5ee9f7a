package io.github.duban.importer;

import io.github.duban.engine.Duban;
import io.github.duban.model.Deadline;
import io.github.duban.model.Facts;
import io.github.duban.model.Goal;
import io.github.duban.model.Plan;
import io.github.duban.model.ProgressReport;
import io.github.duban.model.ReportingRule;
import io.github.duban.model.Task;
import io.github.duban.model.Unit;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.BoardEntry;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A task an imported plan leaves without an accountable unit is on the board and charges no one. */
class LeadlessTaskEngineTest {

    static final Plan PLAN = new Plan("试行方案", null, LocalDate.of(2023, 1, 5),
            new ReportingRule(YearMonth.of(2023, 1), YearMonth.of(2023, 6), 25), List.of(),
            List.of(new Goal(1, "工作任务")),
            List.of(Unit.of("区发改局"), Unit.group("有关部门")),
            List.of(new Task(1, 1, "有牵头单位的任务", "", List.of("区发改局"), List.of(), Deadline.of(LocalDate.of(2023, 3, 31), "3月底"), List.of(), List.of()),
                    new Task(2, 1, "没有责任单位的任务", "", List.of(), List.of("有关部门"), Deadline.of(LocalDate.of(2023, 3, 31), "3月底"), List.of(), List.of()),
                    new Task(3, 1, "没有责任单位的长期任务", "", List.of(), List.of(), Deadline.ongoing("长期坚持"), List.of(), List.of())));

    @Test
    void aTaskWithoutLeads_owesNoReport_scoresNoOne_andStaysOnTheBoard() {
        // Given a month past both deadlines with no reports at all
        Duban duban = Duban.builder().plan(PLAN).build();
        Facts none = Facts.of(List.of(), List.of(), List.of(), List.of(), List.of());
        // When
        Assessment a = duban.replay(YearMonth.of(2023, 1), YearMonth.of(2023, 4), none).get(3);
        // Then: only the task with a lead is charged
        assertThat(a.findings()).allSatisfy(f -> assertThat(f.task()).isEqualTo(1));
        assertThat(a.findings()).isNotEmpty();
        assertThat(a.scores()).extracting(s -> s.unit()).containsExactly("区发改局");
        assertThat(a.board()).extracting(BoardEntry::task).containsExactly(1, 2, 3);
        assertThat(a.board().get(1).percent()).isZero();
    }
}

package io.github.duban.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.duban.error.InputException;
import io.github.duban.json.PlanJson;
import io.github.duban.model.Facts;
import io.github.duban.model.Milestone;
import io.github.duban.model.Plan;
import io.github.duban.model.ProgressReport;
import io.github.duban.model.Target;
import io.github.duban.model.Task;
import io.github.duban.model.TaskPerson;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;

import static io.github.duban.jdbc.JdbcMonthEndIT.ENGINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A plan whose task has a label, persons, a target and a judged milestone, kept whole in
 * duban_plans.plan_json, and a report's value against the target in duban_reports.value.
 */
class JdbcTargetsIT {

    static final String PLAN = "targets-2021";

    static String planWithTarget() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode plan = (ObjectNode) json.readTree(SampleTables.resource("/plan/lengshuitan-2021-3.json"));
        for (var t : plan.get("tasks")) {
            if (t.get("no").asInt() == 9) {
                ObjectNode task = (ObjectNode) t;
                task.put("label", "(九)");
                ArrayNode persons = task.putArray("persons");
                persons.addObject().put("unit", "区住建局").put("leader", "王某").put("person", "李某");
                task.putObject("target").put("value", 120).put("unit", "件");
                ArrayNode milestones = task.putArray("milestones");
                milestones.addObject().put("text", "完成一半").put("date", "2021-03-31").put("percent", 50);
            }
        }
        return json.writeValueAsString(plan);
    }

    @Test
    void aTasksTargetPersonsLabelAndMilestonePercent_comeFromPlanJson_andAReportsValueFromItsColumn() throws Exception {
        String planJson = planWithTarget();
        Plan expected = PlanJson.read(planJson, "plan");
        for (TestDatabases.Server server : TestDatabases.both()) {
            DataSource ds = server.newDatabase();
            SampleTables.execute(ds, "INSERT INTO duban_plans (plan_id, plan_json) VALUES ('" + PLAN + "', '" + planJson.replace("'", "''") + "')");
            insertReport(ds, new BigDecimal("45.5"));
            try (Connection c = ds.getConnection()) {
                Plan plan = FactTables.lockPlan(c, PLAN);
                Task nine = plan.tasks().stream().filter(t -> t.no() == 9).findFirst().orElseThrow();
                assertThat(nine.label()).isEqualTo("(九)");
                assertThat(nine.persons()).containsExactly(TaskPerson.of("区住建局", "王某", "李某"));
                assertThat(nine.target()).isEqualTo(Target.of(new BigDecimal("120"), "件"));
                assertThat(nine.milestones()).containsExactly(Milestone.of("完成一半", LocalDate.of(2021, 3, 31), 50));
                assertThat(plan.tasks()).isEqualTo(expected.tasks());
                Facts facts = FactTables.read(c, PLAN, plan);
                assertThat(facts.reports()).extracting(ProgressReport::value).containsExactly(new BigDecimal("45.5"));
            }
            // the month runs on it
            assertThat(DubanJdbc.of(ds, ENGINE).assess(PLAN, YearMonth.of(2021, 3)).assessment().board())
                    .anySatisfy(b -> assertThat(b.task()).isEqualTo(9));
        }
    }

    @Test
    void aNegativeValue_isABadRowNamingTheValueColumn() throws Exception {
        String planJson = planWithTarget();
        DataSource ds = TestDatabases.postgres().newDatabase();
        SampleTables.execute(ds, "INSERT INTO duban_plans (plan_id, plan_json) VALUES ('" + PLAN + "', '" + planJson.replace("'", "''") + "')");
        insertReport(ds, new BigDecimal("-1"));
        assertThatThrownBy(() -> DubanJdbc.of(ds, ENGINE).assess(PLAN, YearMonth.of(2021, 3)))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.file()).startsWith("duban_reports[plan_id=" + PLAN + ", task=9");
                    assertThat(e.field()).isEqualTo("value");
                });
    }

    static void insertReport(DataSource ds, BigDecimal value) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO duban_reports (plan_id, task, unit, month, submitted_on, percent, value) "
                     + "VALUES (?, 9, '区住建局', '2021-03', ?, NULL, ?)")) {
            ps.setString(1, PLAN);
            ps.setObject(2, LocalDate.of(2021, 3, 25));
            ps.setBigDecimal(3, value);
            ps.executeUpdate();
        }
    }
}

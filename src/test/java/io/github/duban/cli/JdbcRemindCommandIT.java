package io.github.duban.cli;

import io.github.duban.engine.Duban;
import io.github.duban.json.FactsJson;
import io.github.duban.jdbc.SampleTables;
import io.github.duban.jdbc.TestDatabases;
import io.github.duban.outcome.Reminder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.duban.jdbc.SampleTables.PLAN_ID;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code duban remind --jdbc}: the day's reminders into duban_reminders, one plan or all, the password only from the environment. */
class JdbcRemindCommandIT extends ConsoleCapture {

    static final Duban ENGINE = Duban.builder().plan(io.github.duban.json.PlanJson.embedded()).build();

    @AfterEach
    void resetEnvironment() {
        JdbcAssess.environment = System::getenv;
    }

    @Test
    void remindJdbc_planIdAndAllPlans_writeTheDaysRemindersOnce() throws SQLException {
        for (TestDatabases.Server server : TestDatabases.both()) {
            DataSource ds = server.newDatabase();
            SampleTables.load(ds, PLAN_ID);
            String url = server.url(JdbcAssessCommandIT.database(server, ds));
            JdbcAssess.environment = Map.of("DUBAN_DB_PASSWORD", server.password())::get;
            List<String> ids = ENGINE.reminders(LocalDate.of(2021, 3, 22), FactsJson.sampleYear(ENGINE.plan())).stream()
                    .map(Reminder::id).toList();
            for (String which : List.of("--plan-id", "--all-plans", "--all-plans")) {
                err.reset();
                List<String> args = new ArrayList<>(List.of("remind", "--jdbc", url, "--user", server.user(), "--password-env",
                        "DUBAN_DB_PASSWORD", "--date", "2021-03-22", which));
                if (which.equals("--plan-id")) {
                    args.add(PLAN_ID);
                }
                assertThat(ids.size()).isGreaterThan(1);
                int code = Main.run(args.toArray(String[]::new));
                String said = err.toString(StandardCharsets.UTF_8);
                assertThat(code).as(said).isEqualTo(0);
                assertThat(said).contains("duban: plan " + PLAN_ID + " 2021-03-22: " + ids.size() + " reminders");
                if (!server.password().isEmpty()) {
                    assertThat(said).doesNotContain(server.password());
                }
                assertThat(ids(ds)).isEqualTo(ids);
            }
            // --out goes with the files, not the database
            err.reset();
            assertThat(Main.run("remind", "--jdbc", url, "--date", "2021-05-12", "--all-plans", "--out", "x")).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("drop --facts, --plan, --plans, --ledger and --out");
        }
    }

    static List<String> ids(DataSource ds) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id FROM duban_reminders WHERE plan_id = ? ORDER BY remind_date, seq")) {
            ps.setString(1, PLAN_ID);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}

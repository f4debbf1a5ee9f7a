package io.github.duban.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.duban.engine.Duban;
import io.github.duban.error.InputException;
import io.github.duban.json.FactsJson;
import io.github.duban.json.ReminderJson;
import io.github.duban.model.Facts;
import io.github.duban.outcome.Reminder;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static io.github.duban.jdbc.SampleTables.PLAN_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DubanJdbc.remind: duban_reminders holds exactly Duban.reminders of the sample plan, one copy after a rerun, on PostgreSQL and MariaDB. */
class JdbcRemindIT {

    static final Duban ENGINE = Duban.builder().plan(io.github.duban.json.PlanJson.embedded()).build();
    static final Facts FACTS = FactsJson.sampleYear(ENGINE.plan());
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<LocalDate> DATES = List.of(LocalDate.of(2021, 3, 22), LocalDate.of(2021, 5, 12), LocalDate.of(2021, 5, 28));

    @Test
    void remind_writesTheSamplePlansReminders_andARerunLeavesOneCopy() throws Exception {
        for (TestDatabases.Server server : TestDatabases.both()) {
            DataSource ds = server.newDatabase();
            SampleTables.load(ds, PLAN_ID);
            DubanJdbc db = DubanJdbc.of(ds, ENGINE);
            // April's ledger in duban_ledgers for May's dates; March's dates replay nothing (February is the first month)
            db.assess(PLAN_ID, YearMonth.of(2021, 4));
            for (LocalDate date : DATES) {
                List<Reminder> expected = ENGINE.reminders(date, FACTS);
                assertThat(expected).as("%s has reminders", date).isNotEmpty();
                assertThat(db.remind(PLAN_ID, date)).isEqualTo(expected);
                assertThat(rows(ds, date)).as("%s %s", server.dialect(), date).isEqualTo(asRows(expected));
                // a rerun replaces the plan-date: one copy
                assertThat(db.remind(PLAN_ID, date)).isEqualTo(expected);
                assertThat(rows(ds, date)).hasSize(expected.size()).isEqualTo(asRows(expected));
            }
            // over all plans: the sample plan's reminders, the other dates' rows left as they were
            List<DubanJdbc.Reminded> all = db.remind(DATES.get(1));
            assertThat(all).singleElement().satisfies(r -> {
                assertThat(r.ok()).isTrue();
                assertThat(r.planId()).isEqualTo(PLAN_ID);
                assertThat(r.reminders()).isEqualTo(ENGINE.reminders(DATES.get(1), FACTS));
            });
            assertThat(count(ds)).isEqualTo(DATES.stream().mapToInt(d -> ENGINE.reminders(d, FACTS).size()).sum());
        }
    }

    @Test
    void remind_aDateOutsideThePlansWindow_isBadInputAndWritesNothing() throws Exception {
        for (TestDatabases.Server server : TestDatabases.both()) {
            DataSource ds = server.newDatabase();
            SampleTables.load(ds, PLAN_ID);
            DubanJdbc db = DubanJdbc.of(ds, ENGINE);
            assertThatThrownBy(() -> db.remind(PLAN_ID, LocalDate.of(2020, 5, 12))).isInstanceOf(InputException.class);
            assertThat(db.remind(LocalDate.of(2020, 5, 12))).singleElement().satisfies(r -> {
                assertThat(r.ok()).isFalse();
                assertThat(r.badInput()).isTrue();
            });
            assertThat(count(ds)).isZero();
        }
    }

    /** A reminder as its row holds it: the reminders.jsonl fields, plus kind_cn and ruleset not compared. */
    static List<List<Object>> asRows(List<Reminder> rs) throws Exception {
        List<List<Object>> out = new ArrayList<>();
        int seq = 1;
        for (Reminder r : rs) {
            JsonNode line = JSON.readTree(ReminderJson.write(List.of(r)));
            out.add(List.of(seq++, r.id(), r.kind().name(), r.kind().chinese(), r.level(), r.unit(), String.valueOf(r.person()),
                    String.valueOf(r.task()), String.valueOf(r.month()), r.dueOn().toString(), r.rule(), line.get("facts"), r.message(),
                    ENGINE.fingerprint()));
        }
        return out;
    }

    static List<List<Object>> rows(DataSource ds, LocalDate date) throws Exception {
        List<List<Object>> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT seq, id, kind, kind_cn, level, unit, person, task, report_month, due_on, rule, "
                     + "facts_json, message, ruleset FROM duban_reminders WHERE plan_id = ? AND remind_date = ? ORDER BY seq")) {
            ps.setString(1, PLAN_ID);
            ps.setObject(2, date);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object task = rs.getObject("task");
                    out.add(List.of(rs.getInt("seq"), rs.getString("id"), rs.getString("kind"), rs.getString("kind_cn"), rs.getString("level"),
                            rs.getString("unit"), String.valueOf(rs.getString("person")), String.valueOf(task == null ? null : ((Number) task).intValue()),
                            String.valueOf(rs.getString("report_month")), rs.getObject("due_on", LocalDate.class).toString(), rs.getString("rule"),
                            JSON.readTree(rs.getString("facts_json")), rs.getString("message"), rs.getString("ruleset")));
                }
            }
        }
        return out;
    }

    static int count(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM duban_reminders");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}

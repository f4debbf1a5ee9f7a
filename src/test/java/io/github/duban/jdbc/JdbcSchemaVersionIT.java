package io.github.duban.jdbc;

import io.github.duban.error.SchemaVersionException;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.UnitScore;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.github.duban.jdbc.JdbcMonthEndIT.ENGINE;
import static io.github.duban.jdbc.JdbcMonthEndIT.FEB;
import static io.github.duban.jdbc.JdbcMonthEndIT.FROM_FILES;
import static io.github.duban.jdbc.JdbcMonthEndIT.JUN;
import static io.github.duban.jdbc.SampleTables.PLAN_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database made with the version 1 DDL (a saved copy of it, src/test/resources/jdbc/v1): refused
 * until upgraded with the statements {@code duban sql schema --from 1} prints, then assessed as a new
 * one, the rows it held before the upgrade kept.
 */
class JdbcSchemaVersionIT {

    static final String OLD_PLAN = "old-plan";

    /** A fresh database made with the version 1 DDL, holding the sample year's facts. */
    static DataSource version1Database(TestDatabases.Server server) throws SQLException {
        String file = server.dialect() == Dialect.POSTGRESQL ? "postgresql.sql" : "mysql.sql";
        DataSource ds = server.newDatabase(Dialect.split(SampleTables.resource("/jdbc/v1/" + file)));
        SampleTables.load(ds, PLAN_ID);
        return ds;
    }

    @Test
    void aVersion1Database_isRefusedWithTheVersionFoundAndTheUpgradeCommand_andNothingIsWritten() throws SQLException {
        for (TestDatabases.Server server : TestDatabases.both()) {
            DataSource ds = version1Database(server);
            assertThat(tables(ds)).as("the saved DDL is version 1: no version table").doesNotContain("duban_schema_version");
            DubanJdbc db = DubanJdbc.of(ds, ENGINE);
            String command = "duban sql schema --from 1 --dialect " + (server.dialect() == Dialect.POSTGRESQL ? "postgresql" : "mysql");
            List<Runnable> calls = List.of(() -> db.assess(PLAN_ID, FEB), () -> db.assessmentJson(PLAN_ID, FEB),
                    () -> db.ledger(PLAN_ID, FEB), db::planIds, () -> db.assessAll(FEB, 2));
            for (Runnable call : calls) {
                assertThatThrownBy(call::run).as(server.dialect().name())
                        .isInstanceOfSatisfying(SchemaVersionException.class, e -> {
                            assertThat(e.found()).isEqualTo(1);
                            assertThat(e.expected()).isEqualTo(Dialect.VERSION).isEqualTo(2);
                            assertThat(e.upgradeCommand()).isEqualTo(command);
                            assertThat(e.getMessage()).contains(command);
                            if (server.dialect() == Dialect.POSTGRESQL) {
                                assertThat(docs()).as("docs/database.md shows the line").contains("duban: " + e.getMessage() + "\n");
                            }
                        });
            }
            assertThat(SampleTables.counts(ds, PLAN_ID, "2021-02").values()).containsOnly(0);
            // running the version 2 DDL over it (an installer rerun) adds no column and records no version
            execute(ds, server.dialect().statements());
            assertThatThrownBy(() -> db.assess(PLAN_ID, FEB))
                    .isInstanceOfSatisfying(SchemaVersionException.class, e -> assertThat(e.found()).isEqualTo(1));
        }
    }

    @Test
    void aVersion1Database_upgradedWithTheFrom1Statements_isAssessedAndItsScoreRowsCarryTheConcludedDeductionsAndBonuses()
            throws SQLException {
        for (TestDatabases.Server server : TestDatabases.both()) {
            DataSource ds = version1Database(server);
            boolean pg = server.dialect() == Dialect.POSTGRESQL;
            // a month assessed at version 1, its rows in the version 1 shape
            execute(ds, List.of(
                    "INSERT INTO duban_assessments (plan_id, period, as_of, ruleset, reports_owed) VALUES ('" + OLD_PLAN
                            + "', '2020-12', DATE '2020-12-31', 'v1-ruleset', 3)",
                    "INSERT INTO duban_scores (plan_id, period, unit, score, rating, rating_cn, " + (pg ? "\"rank\"" : "`rank`")
                            + ", ruleset, rule, reason) VALUES ('" + OLD_PLAN + "', '2020-12', '区住建局', 98.5, 'EXCELLENT', '优秀', 1, "
                            + "'v1-ruleset', 'score', '得分98.5')",
                    "INSERT INTO duban_board (plan_id, period, task, light, deadline, ongoing, percent, schedule, rule, reasons) VALUES ('"
                            + OLD_PLAN + "', '2020-12', 9, 'GREEN', NULL, " + (pg ? "TRUE" : "1") + ", 40, NULL, 'light', '[]')"));

            // what `duban sql schema --from 1 --dialect …` prints (SqlSchemaCommandTest: the same text)
            execute(ds, server.dialect().upgradeStatements(1));
            assertThat(tables(ds)).contains("duban_schema_version", "duban_reminders");
            if (pg) {
                execute(ds, server.dialect().upgradeStatements(1)); // PostgreSQL's upgrade can be run again
            }
            execute(ds, server.dialect().statements()); // and so can the full DDL after it
            try (Connection c = ds.getConnection()) {
                assertThat(server.dialect().version(c)).isEqualTo(2);
            }

            DubanJdbc db = DubanJdbc.of(ds, ENGINE);
            int nonZero = 0;
            int i = 0;
            for (YearMonth m = FEB; !m.isAfter(JUN); m = m.plusMonths(1), i++) {
                Assessment a = db.assess(PLAN_ID, m).assessment();
                assertThat(db.assessmentJson(PLAN_ID, m)).as("%s %s read back", server.dialect(), m).hasValue(FROM_FILES.get(i));
                Map<String, Object[]> rows = scoreRows(ds, m);
                assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(a.scores().stream().map(UnitScore::unit).toList());
                for (UnitScore u : a.scores()) {
                    Object[] row = rows.get(u.unit());
                    assertThat((BigDecimal) row[0]).as("%s %s deductions", m, u.unit()).isEqualByComparingTo(u.deductions());
                    assertThat((BigDecimal) row[1]).as("%s %s bonuses", m, u.unit()).isEqualByComparingTo(u.bonuses());
                    assertThat(row[2]).as("%s %s ceiling", m, u.unit()).isEqualTo(u.ceiling() == null ? null : u.ceiling().name());
                    if (u.deductions().signum() != 0 || u.bonuses().signum() != 0) {
                        nonZero++;
                    }
                }
            }
            assertThat(nonZero).as("the sample year has units with deductions or bonuses").isPositive();

            // the month assessed at version 1 is still there, read back with nulls where it held nothing
            String old = db.assessmentJson(OLD_PLAN, YearMonth.of(2020, 12)).orElseThrow();
            assertThat(old).contains("\"unit\" : \"区住建局\"").contains("\"deductions\" : null").contains("\"ceiling\" : null")
                    .contains("\"status\" : null").contains("\"reportsOwed\" : 3").doesNotContain("\"summary\"");
        }
    }

    static String docs() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("docs/database.md"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** unit → {deductions, bonuses, ceiling} of duban_scores for the sample plan's month. */
    static Map<String, Object[]> scoreRows(DataSource ds, YearMonth m) throws SQLException {
        Map<String, Object[]> out = new HashMap<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT unit, deductions, bonuses, ceiling FROM duban_scores WHERE plan_id = ? AND period = ?")) {
            ps.setString(1, PLAN_ID);
            ps.setString(2, m.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Object[]{rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getString(4)});
                }
            }
        }
        return out;
    }

    static List<String> tables(DataSource ds) throws SQLException {
        List<String> out = new java.util.ArrayList<>();
        try (Connection c = ds.getConnection();
             ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, "duban_%", new String[]{"TABLE"})) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME"));
            }
        }
        return out;
    }

    static void execute(DataSource ds, List<String> sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }
}

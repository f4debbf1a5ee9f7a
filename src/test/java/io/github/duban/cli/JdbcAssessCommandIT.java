package io.github.duban.cli;

import io.github.duban.json.PlanJson;
import io.github.duban.engine.Duban;
import io.github.duban.json.AssessmentJson;
import io.github.duban.json.FactsJson;
import io.github.duban.jdbc.DubanJdbc;
import io.github.duban.jdbc.SampleTables;
import io.github.duban.jdbc.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.Map;

import static io.github.duban.jdbc.SampleTables.PLAN_ID;
import static org.assertj.core.api.Assertions.assertThat;

class JdbcAssessCommandIT extends ConsoleCapture {

    static final Duban ENGINE = Duban.builder().plan(PlanJson.embedded()).build();

    @AfterEach
    void resetEnvironment() {
        JdbcAssess.environment = System::getenv;
    }

    String all() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    /** The database name in a server URL. */
    static String database(TestDatabases.Server server, DataSource ds) throws SQLException {
        try (var c = ds.getConnection()) {
            return c.getCatalog();
        }
    }

    @Test
    void assessJdbc_writesThePlanMonthIntoTheResultTables_withThePasswordOnlyFromTheEnvironment() throws SQLException {
        TestDatabases.Server pg = TestDatabases.postgres();
        DataSource ds = pg.newDatabase();
        SampleTables.load(ds, PLAN_ID);
        String url = pg.url(database(pg, ds));
        JdbcAssess.environment = Map.of("DUBAN_DB_PASSWORD", pg.password())::get;

        int code = Main.run("assess", "--jdbc", url, "--user", pg.user(), "--password-env", "DUBAN_DB_PASSWORD",
                "--plan-id", PLAN_ID, "--month", "2021-02");

        assertThat(code).as(all()).isEqualTo(0);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("duban: plan " + PLAN_ID + " 2021-02 as of 2021-02-28: ");
        String expected = AssessmentJson.write(ENGINE.assess(YearMonth.of(2021, 2), null, FactsJson.sampleYear(ENGINE.plan()), null));
        assertThat(DubanJdbc.of(ds, ENGINE).assessmentJson(PLAN_ID, YearMonth.of(2021, 2))).hasValue(expected);
        assertThat(all()).doesNotContain(pg.password());

        // --as-of: the month as it stood on a day inside it
        err.reset();
        code = Main.run("assess", "--jdbc", url, "--user", pg.user(), "--password-env", "DUBAN_DB_PASSWORD",
                "--plan-id", PLAN_ID, "--month", "2021-03", "--as-of", "2021-03-20");
        assertThat(code).as(all()).isEqualTo(0);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("duban: plan " + PLAN_ID + " 2021-03 as of 2021-03-20: ");
        assertThat(DubanJdbc.of(ds, ENGINE).assessmentJson(PLAN_ID, YearMonth.of(2021, 3)).orElseThrow()).contains("\"asOf\" : \"2021-03-20\"");

        // a wrong password: one clear line, exit 1, and the password nowhere
        out.reset();
        err.reset();
        JdbcAssess.environment = Map.of("DUBAN_DB_PASSWORD", "wrong-" + pg.password())::get;
        code = Main.run("assess", "--jdbc", url, "--user", pg.user(), "--password-env", "DUBAN_DB_PASSWORD",
                "--plan-id", PLAN_ID, "--month", "2021-03");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).startsWith("duban: plan " + PLAN_ID + " 2021-03: connecting failed: ")
                .contains("password authentication failed").doesNotContain("\n");
        assertThat(all()).doesNotContain(pg.password());
    }

    @Test
    void assessJdbc_onAVersion1Database_exits1NamingTheUpgradeCommand() throws SQLException {
        TestDatabases.Server pg = TestDatabases.postgres();
        DataSource ds = pg.newDatabase(io.github.duban.jdbc.Dialect.POSTGRESQL.statements());
        SampleTables.execute(ds, "DROP TABLE duban_schema_version");
        String url = pg.url(database(pg, ds));
        JdbcAssess.environment = Map.of("DUBAN_DB_PASSWORD", pg.password())::get;

        int code = Main.run("assess", "--jdbc", url, "--user", pg.user(), "--password-env", "DUBAN_DB_PASSWORD",
                "--plan-id", PLAN_ID, "--month", "2021-02");

        assertThat(code).as(all()).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).startsWith("duban: the duban tables are at schema version 1")
                .contains("duban sql schema --from 1 --dialect postgresql").doesNotContain("\n");
    }

    @Test
    void assessJdbc_refusesAPasswordOnTheCommandLine_withoutEchoingIt() {
        int code = Main.run("assess", "--jdbc", "jdbc:postgresql://127.0.0.1:1/x", "--password", "s3cr3t-on-the-line",
                "--plan-id", PLAN_ID, "--month", "2021-02");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--password is not accepted on the command line")
                .doesNotContain("s3cr3t-on-the-line");
    }

    @Test
    void assessJdbc_anUnsetPasswordVariable_isBadInput() {
        JdbcAssess.environment = Map.<String, String>of()::get;
        int code = Main.run("assess", "--jdbc", "jdbc:postgresql://127.0.0.1:1/x", "--password-env", "NOPE",
                "--plan-id", PLAN_ID, "--month", "2021-02");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("the environment variable NOPE named by --password-env is not set");
    }

    @Test
    void assessJdbcAllPlans_assessesEveryPlan_andReportsTheFailingOneWithoutStoppingTheOthers() throws SQLException {
        TestDatabases.Server maria = TestDatabases.mariadb();
        DataSource ds = maria.newDatabase();
        SampleTables.load(ds, "a-plan");
        SampleTables.load(ds, "b-plan");
        SampleTables.load(ds, "c-plan");
        SampleTables.execute(ds, "INSERT INTO duban_reports (plan_id, task, unit, month, submitted_on, percent) "
                + "VALUES ('b-plan', 9, '区住建局', '2021-02', DATE '2021-02-20', 130)");
        String url = maria.url(database(maria, ds));

        int code = Main.run("assess", "--jdbc", url, "--user", maria.user(), "--all-plans", "--month", "2021-02", "--threads", "2");

        assertThat(code).as(all()).isEqualTo(2);
        String e = err.toString(StandardCharsets.UTF_8);
        assertThat(e).contains("duban: plan a-plan 2021-02 as of 2021-02-28: ")
                .contains("duban: plan c-plan 2021-02 as of 2021-02-28: ")
                .contains("duban: plan b-plan 2021-02 failed: duban_reports[plan_id=b-plan, task=9, unit=区住建局, month=2021-02, "
                        + "submitted_on=2021-02-20]: field percent: percent 130 is outside 0..100")
                .contains("duban: 2021-02: 2 of 3 plans assessed, 1 failed");
        DubanJdbc db = DubanJdbc.of(ds, ENGINE);
        String expected = AssessmentJson.write(ENGINE.assess(YearMonth.of(2021, 2), null, FactsJson.sampleYear(ENGINE.plan()), null));
        assertThat(db.assessmentJson("a-plan", YearMonth.of(2021, 2))).hasValue(expected);
        assertThat(db.assessmentJson("c-plan", YearMonth.of(2021, 2))).hasValue(expected);
        assertThat(db.assessmentJson("b-plan", YearMonth.of(2021, 2))).isEmpty();
    }

    @Test
    void assessJdbc_withFactsToo_isBadUsage() {
        int code = Main.run("assess", "--jdbc", "jdbc:postgresql://127.0.0.1:1/x", "--facts", "f", "--plan-id", PLAN_ID, "--month", "2021-02");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("drop --facts, --plan, --ledger and --out");
    }

    @Test
    void databaseOptionsWithoutJdbc_areBadUsage() {
        int code = Main.run("assess", "--facts", "f", "--user", "duban", "--month", "2021-02", "--out", "o");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--plan-id, --all-plans, --user and --password-env need --jdbc URL");
    }

    @Test
    void withoutJdbc_factsAndOutStayRequired() {
        assertThat(Main.run("assess", "--month", "2021-02", "--out", "o")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing required option: '--facts=DIR'");
        err.reset();
        assertThat(Main.run("assess", "--facts", "f", "--month", "2021-02")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing required option: '--out=DIR'");
        err.reset();
        assertThat(Main.run("replay", "--out", "o")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing required option: '--facts=DIR'");
    }
}

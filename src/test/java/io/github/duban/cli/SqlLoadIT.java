package io.github.duban.cli;

import io.github.duban.engine.Duban;
import io.github.duban.jdbc.DubanJdbc;
import io.github.duban.jdbc.SampleTables;
import io.github.duban.jdbc.TestDatabases;
import io.github.duban.json.FactsJson;
import io.github.duban.json.PlanJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code duban sql load}: a plan file and a facts directory into an empty schema, then assessed from there. */
class SqlLoadIT extends ConsoleCapture {

    static final String PLAN_ID = "lengshuitan-2021";
    static final List<String> FACT_TABLES = List.of("duban_plans", "duban_reports", "duban_completions", "duban_extensions",
            "duban_inspections", "duban_rectifications");

    @TempDir
    Path tmp;

    @AfterEach
    void resetEnvironment() {
        JdbcAssess.environment = System::getenv;
    }

    String all() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void sqlLoad_thenAssessJdbc_givesTheFileAssessment_andLoadingTwiceKeepsOneCopy_onBothDatabases() throws Exception {
        Path plan = tmp.resolve("plan.json");
        Files.writeString(plan, SampleTables.resource("/plan/lengshuitan-2021-3.json"));
        Path facts = Path.of("src/main/resources/sample/2021");
        Path files = tmp.resolve("files");
        assertThat(Main.run("assess", "--facts", facts.toString(), "--month", "2021-05", "--out", files.toString()))
                .as(all()).isEqualTo(0);
        String expected = Files.readString(files.resolve("assessment.json"));

        for (TestDatabases.Server server : TestDatabases.both()) {
            DataSource ds = server.newDatabase();
            String url = server.url(catalog(ds));
            JdbcAssess.environment = Map.of("DUBAN_DB_PASSWORD", server.password())::get;
            String[] load = {"sql", "load", "--jdbc", url, "--user", server.user(), "--password-env", "DUBAN_DB_PASSWORD",
                    "--plan", plan.toString(), "--plan-id", PLAN_ID, "--facts", facts.toString()};
            out.reset();
            err.reset();
            assertThat(Main.run(load)).as(server.dialect() + ": " + all()).isEqualTo(0);
            String line = err.toString(StandardCharsets.UTF_8);
            assertThat(line.strip()).startsWith("duban: plan " + PLAN_ID + " → duban_plans; ").doesNotContain("\n");
            Map<String, Integer> once = counts(ds);
            var sample = FactsJson.read(facts, PlanJson.embedded());
            assertThat(once).as(server.dialect().toString()).containsEntry("duban_plans", 1)
                    .containsEntry("duban_reports", sample.reports().size())
                    .containsEntry("duban_completions", sample.completions().size())
                    .containsEntry("duban_extensions", sample.extensions().size())
                    .containsEntry("duban_inspections", sample.inspections().size())
                    .containsEntry("duban_rectifications", sample.rectifications().size());
            assertThat(line).contains(sample.reports().size() + " reports");
            assertThat(all()).doesNotContain(server.password().isEmpty() ? "\u0000" : server.password());

            // loading twice leaves one copy of every row
            assertThat(Main.run(load)).as(all()).isEqualTo(0);
            assertThat(counts(ds)).isEqualTo(once);

            out.reset();
            err.reset();
            int code = Main.run("assess", "--jdbc", url, "--user", server.user(), "--password-env", "DUBAN_DB_PASSWORD",
                    "--plan-id", PLAN_ID, "--month", "2021-05");
            assertThat(code).as(all()).isEqualTo(0);
            Duban engine = Duban.builder().plan(PlanJson.embedded()).build();
            assertThat(DubanJdbc.of(ds, engine).assessmentJson(PLAN_ID, YearMonth.of(2021, 5)))
                    .as(server.dialect().toString()).hasValue(expected);
        }
    }

    @Test
    void sqlLoad_aBadFactsFile_isBadInput_andWritesNothing() throws Exception {
        TestDatabases.Server pg = TestDatabases.postgres();
        DataSource ds = pg.newDatabase();
        JdbcAssess.environment = Map.of("DUBAN_DB_PASSWORD", pg.password())::get;
        Path plan = tmp.resolve("plan.json");
        Files.writeString(plan, SampleTables.resource("/plan/lengshuitan-2021-3.json"));
        Path facts = tmp.resolve("facts");
        Files.createDirectories(facts);
        Files.writeString(facts.resolve("reports.jsonl"), "{\"task\": 999, \"unit\": \"nobody\"}\n");

        int code = Main.run("sql", "load", "--jdbc", pg.url(catalog(ds)), "--user", pg.user(), "--password-env", "DUBAN_DB_PASSWORD",
                "--plan", plan.toString(), "--plan-id", PLAN_ID, "--facts", facts.toString());

        assertThat(code).as(all()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("reports.jsonl");
        assertThat(counts(ds).values()).containsOnly(0);
    }

    @Test
    void sqlLoad_aWrongPassword_exits1_withoutTheDatabaseWritten_orThePasswordShown() throws IOException, SQLException {
        TestDatabases.Server pg = TestDatabases.postgres();
        DataSource ds = pg.newDatabase();
        JdbcAssess.environment = Map.of("DUBAN_DB_PASSWORD", "wrong-" + pg.password())::get;
        Path plan = tmp.resolve("plan.json");
        Files.writeString(plan, SampleTables.resource("/plan/lengshuitan-2021-3.json"));

        int code = Main.run("sql", "load", "--jdbc", pg.url(catalog(ds)), "--user", pg.user(), "--password-env", "DUBAN_DB_PASSWORD",
                "--plan", plan.toString(), "--plan-id", PLAN_ID);

        assertThat(code).as(all()).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).startsWith("duban: plan " + PLAN_ID + ": connecting failed: ")
                .doesNotContain("\n");
        assertThat(all()).doesNotContain("wrong-" + pg.password());
        assertThat(counts(ds).get("duban_plans")).isZero();
    }

    static String catalog(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return c.getCatalog();
        }
    }

    static Map<String, Integer> counts(DataSource ds) throws SQLException {
        Map<String, Integer> n = new LinkedHashMap<>();
        try (Connection c = ds.getConnection()) {
            for (String t : FACT_TABLES) {
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + t); ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    n.put(t, rs.getInt(1));
                }
            }
        }
        return n;
    }
}

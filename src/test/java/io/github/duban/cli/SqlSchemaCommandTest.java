package io.github.duban.cli;

import io.github.duban.jdbc.Dialect;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

public class SqlSchemaCommandTest extends ConsoleCapture {

    public static final List<String> TABLES = List.of("duban_schema_version", "duban_plans", "duban_reports", "duban_completions", "duban_inspections",
            "duban_rectifications", "duban_extensions", "duban_assessments", "duban_scores", "duban_score_lines",
            "duban_findings", "duban_sanctions", "duban_cases", "duban_board", "duban_ignored", "duban_ledgers", "duban_reminders");

    @Test
    void sqlSchema_printsTheShippedDdlOfEachDialect() {
        for (Dialect d : Dialect.values()) {
            out.reset();
            assertThat(Main.run("sql", "schema", "--dialect", d.name().toLowerCase())).isEqualTo(0);
            String ddl = out.toString(StandardCharsets.UTF_8);
            assertThat(ddl).isEqualTo(d.schema());
            for (String t : TABLES) {
                assertThat(ddl).contains("CREATE TABLE IF NOT EXISTS " + t + " (");
            }
        }
        assertThat(Dialect.MYSQL.schema()).contains("`rank`").contains("utf8mb4");
        assertThat(Dialect.POSTGRESQL.statements()).hasSizeGreaterThanOrEqualTo(TABLES.size());
    }

    @Test
    void sqlSchemaFrom1_printsTheShippedUpgradeOfEachDialect_andFromTheCurrentVersionNothing() {
        for (Dialect d : Dialect.values()) {
            out.reset();
            assertThat(Main.run("sql", "schema", "--from", "1", "--dialect", d.name().toLowerCase())).isEqualTo(0);
            String upgrade = out.toString(StandardCharsets.UTF_8);
            assertThat(upgrade).isEqualTo(d.upgrade(1)).isNotEqualTo(d.schema());
            assertThat(d.upgradeStatements(1)).allMatch(sql -> sql.startsWith("ALTER TABLE ") || sql.startsWith("CREATE TABLE IF NOT EXISTS ")
                    || sql.startsWith("INSERT "));
            for (String column : List.of("deductions", "bonuses", "ceiling", "status", "reported_percent", "behind", "days_overdue",
                    "on_schedule", "value", "reports_missing")) {
                assertThat(upgrade).as("%s adds %s", d, column).containsPattern("ADD COLUMN (IF NOT EXISTS )?" + column + " ");
                assertThat(d.schema()).as("%s creates %s", d, column).containsPattern("\\n    " + column + " ");
            }
            out.reset();
            assertThat(Main.run("sql", "schema", "--from", String.valueOf(Dialect.VERSION), "--dialect", d.name().toLowerCase())).isEqualTo(0);
            assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("-- ").contains("nothing to upgrade");
        }
    }

    @Test
    void sqlSchemaFromAnUnknownVersion_isRefusedWithExitCode2() {
        assertThat(Main.run("sql", "schema", "--from", "0", "--dialect", "mysql")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("schema version 0 is not known (expected 1..2)");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void sqlSchemaHelp_namesBothForms() {
        assertThat(Main.run("sql", "schema", "--help")).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--from=VERSION").contains("duban sql schema --from 1 --dialect mysql")
                .contains("schema version 2");
    }

    @Test
    void sqlSchema_refusesAnUnknownDialectWithExitCode2() {
        assertThat(Main.run("sql", "schema", "--dialect", "oracle")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("dialect \"oracle\" is not known (expected postgresql or mysql)");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}

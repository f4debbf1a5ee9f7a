package io.github.duban.cli;

import io.github.duban.jdbc.Dialect;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

public class SqlSchemaCommandTest extends ConsoleCapture {

    public static final List<String> TABLES = List.of("duban_plans", "duban_reports", "duban_completions", "duban_inspections",
            "duban_rectifications", "duban_extensions", "duban_assessments", "duban_scores", "duban_score_lines",
            "duban_findings", "duban_sanctions", "duban_cases", "duban_board", "duban_ignored", "duban_ledgers");

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
    void sqlSchema_refusesAnUnknownDialectWithExitCode2() {
        assertThat(Main.run("sql", "schema", "--dialect", "oracle")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("dialect \"oracle\" is not known (expected postgresql or mysql)");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}

package io.github.duban.jdbc;

import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.UnitScore;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.github.duban.jdbc.JdbcMonthEndIT.ENGINE;
import static io.github.duban.jdbc.SampleTables.PLAN_ID;
import static org.assertj.core.api.Assertions.assertThat;

/** The SQL docs/database.md gives an OA team runs on both servers and reads back every score line. */
class DocumentedSqlIT {

    static List<String> documentedQueries() throws IOException {
        String doc = Files.readString(Path.of("docs/database.md"), StandardCharsets.UTF_8);
        String section = doc.substring(doc.indexOf("## Reading the results with SQL"));
        section = section.substring(0, section.indexOf("\n## ", 5));
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("```sql\n(.*?)```", Pattern.DOTALL).matcher(section);
        while (m.find()) {
            for (String q : m.group(1).split(";")) {
                if (!q.isBlank()) {
                    out.add(q.strip());
                }
            }
        }
        return out;
    }

    @Test
    void theDocumentedQueries_readEveryScoreLineBack_onBothServers() throws Exception {
        List<String> queries = documentedQueries();
        assertThat(queries).hasSize(6);
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertThat(readme.substring(readme.indexOf("## Embedding in an OA system"))).as("the README shows the same query")
                .contains("```sql\n" + queries.get(0) + ";\n```");
        for (TestDatabases.Server server : TestDatabases.both()) {
            DataSource ds = JdbcMonthEndIT.sampleDatabase(server);
            DubanJdbc db = DubanJdbc.of(ds, ENGINE);
            db.assess(PLAN_ID, YearMonth.of(2021, 4));
            Assessment may = db.assess(PLAN_ID, YearMonth.of(2021, 5)).assessment();
            List<List<String>> results = new ArrayList<>();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                for (String q : queries) {
                    String sql = server.dialect() == Dialect.MYSQL ? q.replace("\"rank\"", "`rank`").replace("\"open\"", "`open`") : q;
                    List<String> rows = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery(sql)) {
                        int n = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            StringBuilder row = new StringBuilder();
                            for (int i = 1; i <= n; i++) {
                                row.append(rs.getString(i)).append('|');
                            }
                            rows.add(row.toString());
                        }
                    }
                    results.add(rows);
                }
            }
            List<String> expectedLines = new ArrayList<>();
            for (UnitScore u : may.scores()) {
                if (u.lines().isEmpty()) {
                    expectedLines.add(u.rank() + "|" + u.unit() + "|null");
                }
                for (int i = 0; i < u.lines().size(); i++) {
                    expectedLines.add(u.rank() + "|" + u.unit() + "|" + u.lines().get(i).reason());
                }
            }
            List<String> lines = results.get(0).stream().map(r -> {
                String[] f = r.split("\\|", -1);
                return f[0] + "|" + f[1] + "|" + f[8];
            }).toList();
            assertThat(lines).as(server.dialect().name()).containsExactlyElementsOf(expectedLines);
            assertThat(results.get(1)).hasSize(may.sanctions().size());
            assertThat(results.get(2)).hasSize((int) may.cases().stream().filter(io.github.duban.outcome.Case::open).count());
            assertThat(results.get(3)).hasSize(2).first().asString().startsWith("2021-04|");
            // the board, task by task, with its class (the first five columns)
            List<String> board = results.get(4).stream().map(r -> String.join("|", List.of(r.split("\\|", -1)).subList(0, 5))).toList();
            assertThat(board).containsExactlyElementsOf(may.board().stream().map(b -> b.task() + "|" + b.status().chinese() + "|"
                    + b.light().name() + "|" + b.percent() + "|" + b.reportedPercent()).toList());
            // each unit's deductions, bonuses and ceiling, in rank order as may.scores() lists them
            List<String> scores = results.get(5).stream().map(r -> {
                String[] f = r.split("\\|", -1);
                return f[0] + "|" + new java.math.BigDecimal(f[2]).stripTrailingZeros().toPlainString() + "|"
                        + new java.math.BigDecimal(f[3]).stripTrailingZeros().toPlainString() + "|" + f[4];
            }).toList();
            assertThat(scores).containsExactlyElementsOf(may.scores().stream().map(u -> u.unit() + "|"
                    + u.deductions().stripTrailingZeros().toPlainString() + "|" + u.bonuses().stripTrailingZeros().toPlainString() + "|"
                    + (u.ceiling() == null ? "null" : u.ceiling().name())).toList());
        }
    }
}

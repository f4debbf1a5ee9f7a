package io.github.duban;

import io.github.duban.jdbc.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's database path, as a newcomer types it, from an empty PostgreSQL database to the
 * score rows read back: its shell block (the tables with psql, the plan, the loader, the month-end
 * of every plan) and then its SQL block through psql. Only what names the reader's own server is
 * replaced: the host, port, database and user, the password's value, and where the jar lies.
 */
class ReadmeDatabaseIT {
    @TempDir
    Path dir;

    @Test
    void theDatabasePathRunsAsWritten_fromEmptyTablesToScoreRows() throws Exception {
        Path repo = DocScripts.seeTheClone(dir);
        String readme = Files.readString(repo.resolve("README.md"), StandardCharsets.UTF_8);
        Matcher sh = Pattern.compile("```sh\n([^`]*?sql schema --dialect postgresql \\| psql[^`]*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(sh.find()).as("the README's database block").isTrue();
        Matcher sql = Pattern.compile("```sql\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(sql.find()).as("the README's SQL block").isTrue();

        TestDatabases.Server pg = TestDatabases.postgres();
        DataSource admin = pg.dataSource(null);
        String db = "oa_readme_" + ProcessHandle.current().pid();
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        String url = pg.url(db);
        Matcher hp = Pattern.compile("//([^:/]+):(\\d+)/").matcher(url);
        assertThat(hp.find()).isTrue();
        String psql = "psql -v ON_ERROR_STOP=1 -h " + hp.group(1) + " -p " + hp.group(2) + " -U " + pg.user() + " -d " + db;

        String block = sh.group(1).replace("\\\n", " ");
        assertThat(block).contains("psql -d oa", "jdbc:postgresql://db:5432/oa", "export DUBAN_DB_PASSWORD=…", "--user duban");
        String script = "set -euo pipefail\nexport PGPASSWORD='" + pg.password() + "'\n" + block
                .replace("java -jar duban-cli.jar", "java -jar target/duban-cli.jar")
                .replace("psql -d oa", psql)
                .replace("jdbc:postgresql://db:5432/oa", url)
                .replace("--user duban", "--user " + pg.user())
                .replace("export DUBAN_DB_PASSWORD=…", "export DUBAN_DB_PASSWORD='" + pg.password() + "'");
        Files.writeString(dir.resolve("score-lines.sql"), sql.group(1));
        script += "\n" + psql + " -A -F '|' -t -f score-lines.sql > score-lines.txt\n";

        DocScripts.Ran ran = DocScripts.bash(dir, script, 300);
        String out = ran.out();
        System.out.println(out);
        assertThat(ran.exit()).as(out).isZero();
        assertThat(out).contains("lengshuitan-2021");

        List<String> rows = Files.readAllLines(dir.resolve("score-lines.txt"), StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        assertThat(rows).isNotEmpty();
        // rank|unit|score|rating_cn|line_no|kind|task|points|reason|rule, ranked
        assertThat(rows.get(0)).startsWith("1|");
        assertThat(rows).anyMatch(r -> r.contains("|区科工信局|"));
    }
}

package io.github.duban.importer;

import io.github.duban.cli.DeadlineCommand;
import io.github.duban.cli.ImportCommand;
import io.github.duban.json.PlanJson;
import io.github.duban.model.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ImportCommandTest {

    record Run(int code, String out, String err) {
    }

    static Run run(Object command, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = new CommandLine(command).execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void importText_printsPlanJson_andReportsOnStderr_exit3ForTheDisagreements() {
        Run r = run(new ImportCommand(), "--text", SeedImportTest.SEED.toString());
        assertThat(r.code()).isEqualTo(3);
        Plan plan = PlanJson.read(r.out(), "stdout");
        assertThat(plan.tasks()).hasSize(19);
        assertThat(r.err()).contains("disagreement: 任务6：").contains(":131: scraping noise removed").contains("19 tasks");
    }

    @Test
    void importCsv_withOut_writesTheFile(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("plan.json");
        Run r = run(new ImportCommand(), "--csv", "src/test/resources/import/gbk.csv", "--year", "2020", "--out", out.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains(": default: ");
        assertThat(r.out()).isEmpty();
        assertThat(PlanJson.read(out).tasks()).hasSize(3);
    }

    @Test
    void strict_failsWhenAnythingWasReported() {
        Run r = run(new ImportCommand(), "--text", "src/test/resources/import/labels-own-lines.txt", "--strict");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("labels-own-lines.txt:23:");
    }

    @Test
    void badInput_exits2_namingTheFile(@TempDir Path tmp) throws Exception {
        Run missing = run(new ImportCommand(), "--text", tmp.resolve("nope.txt").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.txt");
        Path empty = Files.writeString(tmp.resolve("empty.txt"), "没有任务的文字。\n");
        Run none = run(new ImportCommand(), "--text", empty.toString(), "--year", "2021");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("empty.txt").contains("no tasks found");
        assertThat(run(new ImportCommand(), "--text", "a", "--csv", "b").code()).isEqualTo(2);
    }

    @Test
    void deadline_printsJson() {
        Run r = run(new DeadlineCommand(), "--year", "2021", "6月底前");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"kind\" : \"DATE\"").contains("\"2021-06-30\"").contains("\"soft\" : false")
                .contains("\"ongoing\" : false").contains("\"reason\"");
        Run several = run(new DeadlineCommand(), "--year", "2021", "长期坚持", "待定");
        assertThat(several.out()).startsWith("[").contains("\"ONGOING\"").contains("\"AMBIGUOUS\"");
        assertThat(several.err()).contains("待定");
        Run noYear = run(new DeadlineCommand(), "6月底前");
        assertThat(noYear.out()).contains("AMBIGUOUS");
    }
}

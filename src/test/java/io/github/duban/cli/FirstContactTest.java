package io.github.duban.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a new user meets first: every command's --help, and one clear line with exit 2 for every missing file or folder. */
class FirstContactTest extends ConsoleCapture {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"plan", "assess", "replay", "demo", "rules", "import", "deadline"})
    void everySubcommandAnswersHelp(String command) {
        assertThat(Main.run(command, "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: duban " + command);
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("Missing required");
    }

    @Test
    void assessHelpShowsTheManyPlansOptions() {
        assertThat(Main.run("assess", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--plans=DIR", "--bulletin-settings=FILE", "--threads=N", "--progress");
    }

    @Test
    void everyMissingFileOrFolderIsOneLineAndExitTwo() throws IOException {
        Path facts = Files.createDirectories(tmp.resolve("facts"));
        String nope = tmp.resolve("nope").toString();
        List<String[]> runs = new ArrayList<>();
        runs.add(new String[] {"assess", "--facts", nope, "--month", "2021-05", "--out", tmp.resolve("o").toString()});
        runs.add(new String[] {"assess", "--facts", facts.toString(), "--plan", nope, "--month", "2021-05", "--out", tmp.resolve("o").toString()});
        runs.add(new String[] {"assess", "--facts", facts.toString(), "--policy", nope, "--month", "2021-05", "--out", tmp.resolve("o").toString()});
        runs.add(new String[] {"assess", "--facts", facts.toString(), "--ledger", nope, "--month", "2021-05", "--out", tmp.resolve("o").toString()});
        runs.add(new String[] {"assess", "--facts", facts.toString(), "--rules", nope, "--month", "2021-05", "--out", tmp.resolve("o").toString()});
        runs.add(new String[] {"assess", "--facts", facts.toString(), "--bulletin-settings", nope, "--month", "2021-05", "--out", tmp.resolve("o").toString()});
        runs.add(new String[] {"assess", "--plans", nope, "--month", "2021-05", "--out", tmp.resolve("o").toString()});
        runs.add(new String[] {"replay", "--facts", nope, "--out", tmp.resolve("o").toString()});
        runs.add(new String[] {"rules", "--rules", nope});
        runs.add(new String[] {"plan", "--plan", nope});
        for (String[] args : runs) {
            err.reset();
            int code = Main.run(args);
            String said = err.toString(StandardCharsets.UTF_8);
            assertThat(code).as(String.join(" ", args)).isEqualTo(2);
            assertThat(said.lines().toList()).as(String.join(" ", args)).hasSize(1);
            assertThat(said).startsWith("duban: ").contains(nope).doesNotContain("Exception", "\tat ");
        }
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    @Test
    void aCommandLineWithoutACommand_isAUsageError_listingTheCommands() {
        err.reset();
        assertThat(Main.run(new String[0])).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no command given", "assess", "import");
        err.reset();
        assertThat(Main.run("sql")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no sql command given", "schema");
    }
}

package io.github.duban;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's shell blocks, run as a newcomer types them, in order, with bash, in a fresh folder
 * that sees the clone's {@code src/} and the built {@code target/} (the build runs this after
 * packaging the command-line jar): the month-end demo, the many-plans run, and the rule author's
 * walkthrough end to end, whose packed ruleset must have the fingerprint the diff proposed. The
 * {@code mvn} lines are this build itself; the database block needs a server of the reader's
 * and is run by {@code SqlLoadIT} instead. Each command's wall time is printed.
 */
class ReadmeShellIT {

    @TempDir
    Path dir;

    @Test
    void theReadmesShellBlocksRunInOrder_andThePackedFingerprintIsTheDiffedOne() throws Exception {
        Path repo = DocScripts.seeTheClone(dir);
        assertThat(repo.resolve("target/duban-cli.jar")).exists();

        List<String> commands = new ArrayList<>();
        for (String block : shellBlocks(Files.readString(repo.resolve("README.md"), StandardCharsets.UTF_8))) {
            for (String line : block.split("\n")) {
                String cmd = line.replaceAll("\\s{2,}#.*$", "").strip();
                if (cmd.isEmpty() || cmd.startsWith("#")) {
                    if (cmd.contains("edit them")) {
                        commands.add("EDIT");
                    }
                    continue;
                }
                cmd = cmd.replace("mvn -B -q package -DskipTests && ", "");
                if (cmd.startsWith("mvn ") || cmd.contains("--jdbc") || cmd.contains("psql") || cmd.startsWith("export ")
                        || cmd.endsWith("\\") || cmd.startsWith("--")) {
                    continue;              // this build; the database block (SqlLoadIT runs it on real servers)
                }
                if (cmd.contains("duban-cli.jar ") && !cmd.contains("target/duban-cli.jar")) {
                    continue;              // the database block's lines name the jar where an OA host keeps it
                }
                commands.add(cmd);
            }
        }
        assertThat(commands).anyMatch(c -> c.contains(" demo ")).anyMatch(c -> c.contains("rules pack"))
                .anyMatch(c -> c.contains("assess --ruleset")).contains("EDIT");

        StringBuilder all = new StringBuilder();
        for (String cmd : commands) {
            if (cmd.equals("EDIT")) {
                // the README's edit: base 80 in the policy, 迟报 −0.1 in the sheet
                Path policy = dir.resolve("county.yaml");
                Files.writeString(policy, Files.readString(policy).replaceFirst("(?m)^base: .*$", "base: 80"));
                Path sheet = dir.resolve("scoring.csv");
                Files.writeString(sheet, Files.readString(sheet).replaceFirst("(?m)^迟报,REPORT_LATE,any,[^,]*,", "迟报,REPORT_LATE,any,-0.1,"));
                continue;
            }
            long t0 = System.nanoTime();
            DocScripts.Ran ran = DocScripts.bash(dir, cmd, 300);
            String out = ran.out();
            System.out.printf("README %6.1f s  %s%n", (System.nanoTime() - t0) / 1e9, cmd);
            assertThat(ran.exit()).as(cmd + "\n" + out).isZero();
            all.append("$ ").append(cmd).append('\n').append(out);
        }
        String said = all.toString();

        Matcher proposed = Pattern.compile("拟用 proposed ([0-9a-f]{12})").matcher(said);
        assertThat(proposed.find()).as(said).isTrue();
        Matcher packed = Pattern.compile("fingerprint ([0-9a-f]{64})").matcher(said);
        assertThat(packed.find()).as(said).isTrue();
        assertThat(packed.group(1)).startsWith(proposed.group(1));
        assertThat(Files.readString(dir.resolve("diff.html"))).contains(packed.group(1));
        assertThat(said).contains("规则集 ruleset " + packed.group(1));                     // explain names the same ruleset
        assertThat(Files.readString(dir.resolve("county-out/assessment.json"))).contains("\"ruleset\" : \"" + packed.group(1) + "\"");
        assertThat(dir.resolve("out/2021-06/bulletin.html")).exists();
        assertThat(dir.resolve("month-end/index.html")).exists();
        assertThat(dir.resolve("month-end/summary.csv")).exists();
    }

    static List<String> shellBlocks(String readme) throws IOException {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL).matcher(readme);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }
}

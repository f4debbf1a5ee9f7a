package io.github.duban.cli;

import io.github.duban.json.FactsJson;
import io.github.duban.json.PlanJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The help a newcomer reads, the version, and which plan a run used. */
class HelpAndVersionTest extends ConsoleCapture {

    @TempDir
    Path tmp;

    static void all(CommandLine c, List<CommandLine> into) {
        into.add(c);
        c.getSubcommands().values().stream().distinct().forEach(s -> all(s, into));
    }

    @Test
    void everyCommandsFirstDescriptionLine_isAWholeSentence() {
        List<CommandLine> commands = new ArrayList<>();
        all(Main.command(), commands);
        assertThat(commands).hasSizeGreaterThan(15);
        for (CommandLine c : commands) {
            String name = c.getCommandSpec().qualifiedName();
            if (name.endsWith(" help")) {
                continue;   // picocli's own
            }
            String[] description = c.getCommandSpec().usageMessage().description();
            assertThat(description).as(name).isNotEmpty();
            assertThat(description[0].strip()).as(name + ": " + description[0]).matches("(?s)[A-Z督].*[.。)]$")
                    .doesNotEndWith(",").doesNotEndWith(";");
        }
    }

    @Test
    void theSummariesInTheCommandList_areWholeSentences() {
        assertThat(Main.run("--help")).isZero();
        String help = out.toString(StandardCharsets.UTF_8);
        List<String> lines = help.lines().toList();
        for (String command : List.of("explain", "replay", "remind", "rules", "assess", "demo", "plan", "policy", "import")) {
            int i = 0;
            while (!lines.get(i).strip().startsWith(command + " ")) {
                i++;
            }
            // a summary picocli wraps goes on indented deeper than the command names
            StringBuilder summary = new StringBuilder(lines.get(i).strip());
            while (i + 1 < lines.size() && lines.get(i + 1).startsWith("            ")) {
                summary.append(' ').append(lines.get(++i).strip());
            }
            assertThat(summary.toString()).as(command).endsWith(".");
        }
    }

    @Test
    void replayAndExplain_describeNoOptionTheyDoNotHave() {
        for (String command : List.of("replay", "explain")) {
            out.reset();
            assertThat(Main.run(command, "--help")).isZero();
            String help = out.toString(StandardCharsets.UTF_8);
            assertThat(help).as(command).doesNotContain("--plans", "--jdbc").contains("--facts=DIR");
        }
        out.reset();
        assertThat(Main.run("assess", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("required unless --plans or --jdbc is given");
    }

    @Test
    void version_isThePomsVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<artifactId>duban</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertThat(m.find()).isTrue();
        assertThat(Main.run("--version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo("duban " + m.group(1));
        out.reset();
        assertThat(Main.run("assess", "--version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo("duban " + m.group(1));
    }

    @Test
    void withoutPlanOrPlanJson_stderrSaysTheEmbeddedSamplePlanWasUsed() throws IOException {
        Path facts = tmp.resolve("facts");
        FactsJson.write(facts, FactsJson.sampleYear(PlanJson.embedded()));
        assertThat(Main.run("assess", "--facts", facts.toString(), "--month", "2021-02", "--out", tmp.resolve("o").toString())).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("duban: no --plan and no plan.json in " + facts
                + ": using the embedded sample plan 冷优组发〔2021〕3号");

        err.reset();
        Files.writeString(facts.resolve("plan.json"), Files.readString(Path.of("src/main/resources/plan/lengshuitan-2021-3.json")));
        assertThat(Main.run("assess", "--facts", facts.toString(), "--month", "2021-02", "--out", tmp.resolve("p").toString())).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("embedded sample plan");
    }

    @Test
    void aFactNotInThePlan_namesThePlan() throws IOException {
        Path facts = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(facts.resolve("completions.jsonl"), "{\"task\": 99, \"completedOn\": \"2021-03-05\"}\n");
        assertThat(Main.run("assess", "--facts", facts.toString(), "--month", "2021-03", "--out", tmp.resolve("o").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("task 99 is not in the plan 冷优组发〔2021〕3号");

        err.reset();
        FactsJson.write(tmp.resolve("good"), FactsJson.sampleYear(PlanJson.embedded()));
        assertThat(Main.run("explain", "--facts", tmp.resolve("good").toString(), "--month", "2021-03", "--unit", "区不存在局")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("区不存在局 is not a unit of the plan 冷优组发〔2021〕3号");
    }
}

package io.github.duban.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest extends ConsoleCapture {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String REPORT = "{\"task\": 9, \"unit\": \"区住建局\", \"month\": \"2021-02\", \"submittedOn\": \"2021-02-27\", \"percent\": 30}";

    @TempDir
    Path tmp;

    Path facts(String file, String... lines) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("facts"));
        Files.writeString(dir.resolve(file), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return dir;
    }

    static long filesIn(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void plan_printsTheEmbeddedPlan() throws IOException {
        assertThat(Main.run("plan")).isEqualTo(0);
        JsonNode printed = JSON.readTree(out());
        try (InputStream in = getClass().getResourceAsStream("/plan/lengshuitan-2021-3.json")) {
            assertThat(printed).isEqualTo(JSON.readTree(in));
        }
        assertThat(printed.get("tasks")).hasSize(19);
        assertThat(printed.get("goals")).hasSize(8);
        assertThat(printed.get("docNumber").asText()).isEqualTo("冷优组发〔2021〕3号");
        JsonNode t14 = printed.get("tasks").get(13);
        assertThat(t14.get("milestones").get(0).get("date").asText()).isEqualTo("2021-05-31");
        JsonNode t4 = printed.get("tasks").get(3);
        assertThat(t4.get("ongoing").asBoolean()).isTrue();
        assertThat(t4.get("deadline").isNull()).isTrue();
    }

    @Test
    void assess_writesTheDataFilesAndTheBulletin() throws IOException {
        Path facts = facts("reports.jsonl", REPORT);
        Path outDir = tmp.resolve("out");
        assertThat(Main.run("assess", "--facts", facts.toString(), "--month", "2021-02", "--out", outDir.toString())).isEqualTo(0);
        assertThat(outDir.resolve("assessment.json")).exists();
        assertThat(outDir.resolve("ledger.json")).exists();
        assertThat(outDir.resolve("scores.csv")).exists();
        assertThat(outDir.resolve("bulletin.md")).exists();
        assertThat(outDir.resolve("bulletin.html")).exists();
        assertThat(outDir.resolve("bulletin.docx")).exists();
        JsonNode a = JSON.readTree(outDir.resolve("assessment.json").toFile());
        assertThat(a.fieldNames()).toIterable().containsExactly("period", "asOf", "ruleset", "findings", "sanctions", "scores", "board", "cases", "ignored", "reportsOwed", "summary");
        assertThat(a.get("period").asText()).isEqualTo("2021-02");
        assertThat(a.get("ruleset").asText()).hasSize(64);
        assertThat(a.get("findings")).anySatisfy(f -> {
            assertThat(f.get("kind").asText()).isEqualTo("REPORT_LATE");
            assertThat(f.get("unit").asText()).isEqualTo("区住建局");
            assertThat(f.get("days").asInt()).isEqualTo(2);
            assertThat(f.get("rule").asText()).isNotBlank();
            assertThat(f.get("facts").get(0).get("fact").asText()).isEqualTo("report");
        });
        assertThat(Files.readString(outDir.resolve("scores.csv"))).startsWith("\uFEFFperiod,unit,score,rating,rating_cn,rank");
    }

    @Test
    void assess_withTheLedgerOfTheMonthBefore_equalsAssessWithoutIt() throws IOException {
        Path facts = facts("reports.jsonl", REPORT, REPORT.replace("2021-02-27", "2021-03-26").replace("\"2021-02\"", "\"2021-03\""));
        Path mar = fromLedgerAndReplayed(facts, "2021-02", "2021-03");
        assertThat(Files.readString(mar.resolve("assessment.json"))).contains("\"level\" : \"CRITICISM\"");
    }

    @Test
    void assess_ofALateMonthOfTheSampleYearFromItsLedger_equalsAssessWithoutIt() throws IOException {
        // from a ledger the reports are read through the sieve (the month's own and the latest earlier percents)
        Path facts = tmp.resolve("sample");
        io.github.duban.json.FactsJson.write(facts, io.github.duban.json.FactsJson.sampleYear(io.github.duban.json.PlanJson.embedded()));
        Path jun = fromLedgerAndReplayed(facts, "2021-05", "2021-06");
        assertThat(Files.readString(jun.resolve("assessment.json"))).contains("\"REPORT_LATE\"");
    }

    /** Assesses {@code month} from the ledger of {@code before} and again replayed; asserts the same files; the first folder. */
    private Path fromLedgerAndReplayed(Path facts, String before, String month) throws IOException {
        Path prior = tmp.resolve(before);
        Path fromLedger = tmp.resolve(month + "-ledger");
        Path replayed = tmp.resolve(month + "-replayed");
        assertThat(Main.run("assess", "--facts", facts.toString(), "--month", before, "--out", prior.toString())).isEqualTo(0);
        assertThat(Main.run("assess", "--facts", facts.toString(), "--month", month, "--ledger", prior.resolve("ledger.json").toString(),
                "--out", fromLedger.toString())).isEqualTo(0);
        assertThat(Main.run("assess", "--facts", facts.toString(), "--month", month, "--out", replayed.toString())).isEqualTo(0);
        for (String f : new String[] {"assessment.json", "ledger.json", "bulletin.md", "bulletin.docx"}) {
            assertThat(Files.readAllBytes(fromLedger.resolve(f))).as(f).isEqualTo(Files.readAllBytes(replayed.resolve(f)));
        }
        return fromLedger;
    }

    @Test
    void assess_withALedgerThatIsNotThePreviousMonths_exits2_andWritesNothing() throws IOException {
        Path facts = facts("reports.jsonl", REPORT);
        Path feb = tmp.resolve("feb");
        assertThat(Main.run("assess", "--facts", facts.toString(), "--month", "2021-02", "--out", feb.toString())).isEqualTo(0);
        Path apr = tmp.resolve("apr");
        int code = Main.run("assess", "--facts", facts.toString(), "--month", "2021-04", "--ledger", feb.resolve("ledger.json").toString(),
                "--out", apr.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("ledger.json", "needs the ledger of 2021-03");
        assertThat(filesIn(apr)).isZero();
    }

    @Test
    void badFacts_exit2_nameFileLineAndField_andWriteNothing() throws IOException {
        Path facts = facts("reports.jsonl", REPORT, REPORT.replace("\"percent\": 30", "\"percent\": 130"));
        Path outDir = tmp.resolve("out");
        int code = Main.run("assess", "--facts", facts.toString(), "--month", "2021-02", "--out", outDir.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("reports.jsonl:2", "field percent", "0..100");
        assertThat(filesIn(outDir)).isZero();
    }

    @Test
    void aMonthOutsideTheWindow_exits2() throws IOException {
        Path facts = facts("reports.jsonl", REPORT);
        int code = Main.run("assess", "--facts", facts.toString(), "--month", "2021-09", "--out", tmp.resolve("o").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("outside the reporting window");
    }

    @Test
    void replay_writesOneFolderPerMonthAskedFor() throws IOException {
        Path facts = facts("reports.jsonl", REPORT);
        Path outDir = tmp.resolve("out");
        assertThat(Main.run("replay", "--facts", facts.toString(), "--from", "2021-04", "--to", "2021-05", "--out", outDir.toString())).isEqualTo(0);
        try (Stream<Path> s = Files.list(outDir)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted()).containsExactly("2021-04", "2021-05");
        }
        assertThat(outDir.resolve("2021-05/ledger.json")).exists();
    }

    @Test
    void demo_printsTheLastMonthsRanking() {
        assertThat(Main.run("demo")).isEqualTo(0);
        assertThat(out()).contains("冷优组发〔2021〕3号", "2021-06 考核得分", "区科工信局", "EXCELLENT");
    }

    @Test
    void rules_withABrokenFile_exits2_andNamesFileAndLine() throws IOException {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("extra.drl"), "package rules;\nrule \"x\"\nwhen\n  $f : Finding( \nthen\nend\n");
        assertThat(Main.run("rules", "--rules", rules.toString())).isEqualTo(2);
        assertThat(err()).contains("extra.drl:6");
    }

    @Test
    void aPolicyThatLetsDeductionsFall_isRefused() throws IOException {
        Path facts = facts("reports.jsonl", REPORT);
        Path policy = tmp.resolve("policy.json");
        Files.writeString(policy, "{\"notice\": -6}");
        int code = Main.run("assess", "--facts", facts.toString(), "--month", "2021-02", "--policy", policy.toString(),
                "--out", tmp.resolve("o").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("policy.json", "must not fall as the level rises");
    }

    @Test
    void aPolicyChangesTheScore_andTheFingerprint() throws IOException {
        Path facts = facts("reports.jsonl", REPORT);
        Path policy = tmp.resolve("policy.json");
        Files.writeString(policy, "{\"reportLate\": -2}");
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertThat(Main.run("assess", "--facts", facts.toString(), "--month", "2021-02", "--out", a.toString())).isEqualTo(0);
        assertThat(Main.run("assess", "--facts", facts.toString(), "--month", "2021-02", "--policy", policy.toString(),
                "--out", b.toString())).isEqualTo(0);
        JsonNode x = JSON.readTree(a.resolve("assessment.json").toFile());
        JsonNode y = JSON.readTree(b.resolve("assessment.json").toFile());
        assertThat(x.get("ruleset")).isNotEqualTo(y.get("ruleset"));
        assertThat(score(x, "区住建局")).isEqualTo(98.5);
        assertThat(score(y, "区住建局")).isEqualTo(97.5);
    }

    static double score(JsonNode a, String unit) {
        for (JsonNode s : a.get("scores")) {
            if (s.get("unit").asText().equals(unit)) {
                return s.get("score").asDouble();
            }
        }
        throw new AssertionError(unit + " has no score");
    }
}

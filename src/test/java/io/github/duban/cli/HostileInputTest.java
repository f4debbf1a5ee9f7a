package io.github.duban.cli;

import io.github.duban.json.CsvText;
import io.github.duban.json.ScoresCsv;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.Rating;
import io.github.duban.outcome.UnitScore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Careless and hostile input: a run never destroys its input, wrong JSON is refused rather than
 * read loosely, templates run no code, CSV cells run no formula, and rules that never stop are
 * stopped with the rule named.
 */
class HostileInputTest extends ConsoleCapture {

    static final String REPORT = CliTest.REPORT;

    @org.junit.jupiter.api.io.TempDir
    Path tmp;

    Path facts(String file, String... lines) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("facts"));
        Files.writeString(dir.resolve(file), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return dir;
    }

    static long filesIn(Path dir) throws IOException {
        return CliTest.filesIn(dir);
    }

    @Test
    void anOutThatIsTheFactsFolder_orInsideIt_isRefused_andTheFactsStay() throws IOException {
        Path facts = facts("reports.jsonl", REPORT);
        byte[] before = Files.readAllBytes(facts.resolve("reports.jsonl"));
        assertThat(Main.run("assess", "--facts", facts.toString(), "--month", "2021-02", "--out", facts.toString())).isEqualTo(2);
        assertThat(err()).contains("--out", "would overwrite the inputs");
        assertThat(Main.run("assess", "--facts", facts.toString(), "--month", "2021-02", "--out", facts.resolve("out").toString())).isEqualTo(2);
        assertThat(Files.readAllBytes(facts.resolve("reports.jsonl"))).isEqualTo(before);
        assertThat(facts.resolve("out")).doesNotExist();
        try (var l = Files.list(facts)) {
            assertThat(l.map(p -> p.getFileName().toString()).toList()).containsExactly("reports.jsonl");
        }
    }

    @Test
    void anOutHoldingFilesDubanDidNotWrite_isRefused_andTheyStay() throws IOException {
        Path facts = facts("reports.jsonl", REPORT);
        Path out = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(out.resolve("工作总结.docx"), "not duban's");
        assertThat(Main.run("assess", "--facts", facts.toString(), "--month", "2021-02", "--out", out.toString())).isEqualTo(2);
        assertThat(err()).contains("holds files duban did not write", "工作总结.docx");
        assertThat(Files.readString(out.resolve("工作总结.docx"))).isEqualTo("not duban's");
        assertThat(filesIn(out)).isEqualTo(1);
    }

    @Test
    void aSecondMonthIntoTheSameOut_replacesTheFirstWhole() throws IOException {
        Path facts = facts("reports.jsonl", REPORT);
        Path out = tmp.resolve("out");
        assertThat(Main.run("assess", "--facts", facts.toString(), "--month", "2021-02", "--out", out.toString())).isEqualTo(0);
        assertThat(Main.run("assess", "--facts", facts.toString(), "--month", "2021-03", "--out", out.toString())).isEqualTo(0);
        assertThat(Files.readString(out.resolve("assessment.json"))).contains("\"period\" : \"2021-03\"");
        assertThat(Files.readString(out.resolve("bulletin.md"))).contains("2021年3月份");
        try (var l = Files.list(tmp)) {
            assertThat(l.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("."))).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"task\": 9, \"unit\": \"区住建局\", \"month\": \"2021-02\", \"submittedOn\": \"2021-02-27\", \"percent\": 99.99}",
            "{\"task\": 9.9, \"unit\": \"区住建局\", \"month\": \"2021-02\", \"submittedOn\": \"2021-02-27\", \"percent\": 30}",
            "{\"task\": 9, \"unit\": \"区住建局\", \"month\": \"2021-02\", \"submittedOn\": \"2021-02-27\", \"percent\": 30}}]] garbage",
            "{\"task\": 9, \"unit\": \"区住建局\", \"unit\": \"区财政局\", \"month\": \"2021-02\", \"submittedOn\": \"2021-02-27\", \"percent\": 30}",
            "{\"task\": 9, \"unit\": \"区住建局\", \"month\": \"2021-02\", \"submittedOn\": 18685, \"percent\": 30}",
            "{\"task\": 9, \"unit\": \"区住建局\", \"month\": \"2021-02\", \"submittedOn\": [2021, 2, 27], \"percent\": 30}",
            "null"})
    void aLooseOrWrongReportLine_isRefusedWithItsLine_andNothingIsWritten(String line) throws IOException {
        Path facts = facts("reports.jsonl", REPORT, line);
        Path out = tmp.resolve("out");
        assertThat(Main.run("assess", "--facts", facts.toString(), "--month", "2021-02", "--out", out.toString())).isEqualTo(2);
        assertThat(err()).contains("reports.jsonl:2").doesNotContain("Exception", "\tat ");
        assertThat(filesIn(out)).isZero();
    }

    @Test
    void aMisnamedFactsFile_isRefused_namingTheFive() throws IOException {
        Path facts = facts("report.jsonl", REPORT);
        assertThat(Main.run("assess", "--facts", facts.toString(), "--month", "2021-02", "--out", tmp.resolve("out").toString())).isEqualTo(2);
        assertThat(err()).contains("report.jsonl", "is not a facts file", "reports.jsonl", "completions.jsonl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base: 1e999999999", "base: 1e308", "bonusCap: 0.000001", "judging.rectifyDays: 1e12"})
    void aPolicyNumberOutOfAnyRange_isRefused(String line) throws IOException {
        Path facts = facts("reports.jsonl", REPORT);
        String yaml = line.startsWith("judging.") ? "judging:\n  rectifyDays: 1e12\n" : line + "\n";
        Path policy = Files.writeString(tmp.resolve("p.yaml"), yaml);
        assertThat(Main.run("assess", "--facts", facts.toString(), "--month", "2021-02", "--policy", policy.toString(),
                "--out", tmp.resolve("out").toString())).isEqualTo(2);
        assertThat(err()).contains("p.yaml").doesNotContain("Exception");
        assertThat(err().length()).isLessThan(400);
    }

    @Test
    void aTemplateThatWouldRunACommand_isRefused_andRunsNothing() throws IOException {
        Path facts = facts("reports.jsonl", REPORT);
        Path tpl = Files.createDirectories(tmp.resolve("tpl"));
        Path marker = tmp.resolve("ran");
        Files.writeString(tpl.resolve("bulletin.md.ftl"),
                "<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"touch " + marker + "\")}\n");
        Path settings = Files.writeString(tmp.resolve("bulletin.yaml"), "templates: tpl\n");
        int code = Main.run("assess", "--facts", facts.toString(), "--month", "2021-02", "--bulletin-settings", settings.toString(),
                "--out", tmp.resolve("out").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("bulletin.md.ftl");
        assertThat(marker).doesNotExist();
        assertThat(filesIn(tmp.resolve("out"))).isZero();
    }

    @Test
    void csvTextCellsThatASpreadsheetWouldRun_areNeutralised_numbersStay() {
        assertThat(CsvText.safe("=HYPERLINK(\"http://x\",\"点击\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"点击\")");
        assertThat(CsvText.safe("=1+2")).isEqualTo("'=1+2");
        assertThat(CsvText.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvText.safe("+86 123")).isEqualTo("'+86 123");
        assertThat(CsvText.safe("-4")).isEqualTo("-4");
        assertThat(CsvText.safe("-0.5")).isEqualTo("-0.5");
        assertThat(CsvText.safe("区住建局")).isEqualTo("区住建局");
        UnitScore s = new UnitScore("=1+2", new BigDecimal("96"), new Rating("EXCELLENT", "优秀"), 1, new BigDecimal("-4"), BigDecimal.ZERO,
                null, List.of(), "r", "reason");
        Assessment a = new Assessment(YearMonth.of(2021, 2), LocalDate.of(2021, 2, 28), "x", List.of(), List.of(), List.of(s), List.of(),
                List.of(), List.of(), null);
        assertThat(ScoresCsv.write(a)).contains("\"'=1+2\",96,EXCELLENT,优秀,1,-4,0");
    }

    @Test
    void aRuleThatFiresForEver_isStoppedAtTheLimit_namingTheRule() throws IOException {
        Path facts = facts("reports.jsonl", REPORT);
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("loop.drl"), LOOP);
        long t0 = System.nanoTime();
        int code = Main.run("assess", "--facts", facts.toString(), "--month", "2021-02", "--rules", rules.toString(),
                "--max-firings", "20000", "--out", tmp.resolve("out").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("stopped", "Each count brings the next");
        assertThat(filesIn(tmp.resolve("out"))).isZero();
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).isLessThan(30);
    }

    @Test
    void aRuleWhoseActionNeverEnds_endsTheProcess_namingTheRule() throws Exception {
        Path facts = facts("reports.jsonl", REPORT);
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("spin.drl"), SPIN);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.github.duban.cli.Main",
                "assess", "--facts", facts.toString(), "--month", "2021-02", "--rules", rules.toString(),
                "--max-seconds", "2", "--out", tmp.resolve("out").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        boolean ended = p.waitFor(90, TimeUnit.SECONDS);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            p.destroyForcibly();
        }
        assertThat(ended).as(output).isTrue();
        assertThat(p.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("A rule that spins", "without end");
        assertThat(filesIn(tmp.resolve("out"))).isZero();
    }

    @Test
    void workingDaysInAYearTheCalendarLacks_areRefused_andACalendarFileSuppliesThem() throws IOException {
        Path sample = Path.of("src/main/resources/sample/2021");
        Path policy = Files.writeString(tmp.resolve("wd.yaml"), "calendar:\n  workingDays: true\n  rollDueDate: true\n");
        Path only2020 = Files.writeString(tmp.resolve("2020.txt"), "years 2020 2020\n2020-10-01 off\n");
        assertThat(Main.run("assess", "--facts", sample.toString(), "--month", "2021-05", "--policy", policy.toString(),
                "--calendar", only2020.toString(), "--out", tmp.resolve("a").toString())).isEqualTo(2);
        assertThat(err()).contains("2020–2020", "2021", "--calendar").doesNotContain("Exception");
        assertThat(filesIn(tmp.resolve("a"))).isZero();
        assertThat(Main.run("assess", "--facts", sample.toString(), "--month", "2021-05", "--policy", policy.toString(),
                "--out", tmp.resolve("b").toString())).isEqualTo(0);
    }

    @Test
    void generatorSizesBeyondAnyRealSet_areRefusedAtOnce() {
        long t0 = System.nanoTime();
        assertThat(Main.run("generate", "--tasks", "2000000000", "--out", tmp.resolve("g").toString())).isEqualTo(2);
        assertThat(Main.run("generate", "--plans", "1000000000", "--out", tmp.resolve("g").toString())).isEqualTo(2);
        assertThat(err()).contains("outside");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).isLessThan(5);
        assertThat(tmp.resolve("g")).doesNotExist();
    }

    @Test
    void filesWrittenThroughATemporaryFile_getTheModeAnyNewFileGets() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path probe = Files.createFile(tmp.resolve("probe"));
        var expected = Files.getPosixFilePermissions(probe);
        assertThat(Main.run("generate", "--plans", "1", "--tasks", "3", "--units", "2", "--months", "2", "--out", tmp.resolve("g").toString())).isZero();
        try (var files = Files.walk(tmp.resolve("g"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.getPosixFilePermissions(f)).as(f.toString()).isEqualTo(expected);
            }
        }
        assertThat(Main.run("rules", "pack", "--out", tmp.resolve("r.zip").toString())).isZero();
        assertThat(Files.getPosixFilePermissions(tmp.resolve("r.zip"))).isEqualTo(expected);
    }

    @Test
    void htmlInAFactsNoteOrPerson_isShownAsWritten_neverRun() throws IOException {
        Path facts = facts("reports.jsonl", REPORT);
        Files.writeString(facts.resolve("inspections.jsonl"), "{\"unit\": \"区住建局\", \"task\": 9, \"kind\": \"LAGGING\", \"on\": \"2021-02-20\", "
                + "\"person\": \"<b>张三</b>\", \"note\": \"<script>alert(1)</script><img src=x onerror=alert(2)>\"}\n");
        Path out = tmp.resolve("out");
        assertThat(Main.run("assess", "--facts", facts.toString(), "--month", "2021-02", "--out", out.toString())).isZero();
        String md = Files.readString(out.resolve("bulletin.md"));
        assertThat(md).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;")
                .doesNotContain("<script>", "<img", "<b>");
        org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(Files.readString(out.resolve("bulletin.html")));
        assertThat(html.select("script, img[onerror]")).isEmpty();
        assertThat(html.select("b").stream().filter(x -> x.text().contains("张三"))).isEmpty();
        assertThat(html.text()).contains("<script>alert(1)</script>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"p.yaml:base: 90\nbase: 80\n", "p.json:{\"base\": 90, \"base\": 80}", "b.yaml:series: A\nseries: B\n"})
    void aKeyWrittenTwice_inAPolicyOrBulletinSettings_isRefused_neverLastWins(String named) throws IOException {
        Path facts = facts("reports.jsonl", REPORT);
        String name = named.substring(0, named.indexOf(':'));
        Path f = Files.writeString(tmp.resolve(name), named.substring(named.indexOf(':') + 1));
        String option = name.startsWith("b.") ? "--bulletin-settings" : "--policy";
        assertThat(Main.run("assess", "--facts", facts.toString(), "--month", "2021-02", option, f.toString(),
                "--out", tmp.resolve("out").toString())).isEqualTo(2);
        assertThat(err()).contains(name).containsAnyOf("base", "series", "uplicate");
        assertThat(filesIn(tmp.resolve("out"))).isZero();
    }

    static final String LOOP = """
            package loop;
            declare Count
                n : int
            end
            rule "A count starts"
            when
                not Count()
            then
                insert(new Count(0));
            end
            rule "Each count brings the next"
            when
                $c : Count()
            then
                insert(new Count($c.getN() + 1));
            end
            """;

    static final String SPIN = """
            package spin;
            import io.github.duban.engine.Period;
            rule "A rule that spins"
            when
                Period()
            then
                long x = 0;
                while (x >= 0) { x = (x + 1) % 1000; }
            end
            """;
}

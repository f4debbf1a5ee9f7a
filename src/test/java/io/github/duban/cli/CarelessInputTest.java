package io.github.duban.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Careless and hostile input, second part: a zip bomb for a ruleset, a password in a JDBC URL,
 * library messages that would reach the user raw, facts not in UTF-8.
 */
class CarelessInputTest extends ConsoleCapture {

    static final String REPORT = CliTest.REPORT;

    @TempDir
    Path tmp;

    Path facts(String file, String... lines) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("facts"));
        Files.writeString(dir.resolve(file), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return dir;
    }

    int assess(Path facts, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("assess", "--facts", facts.toString(), "--month", "2021-02",
                "--out", tmp.resolve("out").toString()));
        args.addAll(java.util.List.of(more));
        return Main.run(args.toArray(String[]::new));
    }

    // ------------------------------------------------------------------ 1. zip bomb

    @Test
    void aRulesetZipWhoseEntryInflatesBeyondTheLimit_isRefusedFast_namingTheLimit() throws IOException {
        Path zip = tmp.resolve("bomb.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("manifest.json"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) { // 200 MB of zeros, about 200 KB on disk
                z.write(zeros);
            }
            z.closeEntry();
        }
        assertThat(Files.size(zip)).isLessThan(1_000_000);
        long start = System.nanoTime();
        int code = assess(facts("reports.jsonl", REPORT), "--ruleset", zip.toString());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("bomb.zip", "manifest.json", "MB").doesNotContain("Exception");
        assertThat(err().strip().lines().count()).isEqualTo(1);
        assertThat(ms).isLessThan(5_000);
    }

    @Test
    void aRulesetZipWhoseEntriesTogetherInflateBeyondTheLimit_isRefused_namingTheLimit() throws IOException {
        Path zip = tmp.resolve("wide.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            byte[] zeros = new byte[1 << 20];
            for (int e = 0; e < 5; e++) { // 5 entries of 15 MB each: each under its limit, 75 MB in all
                z.putNextEntry(new ZipEntry("rules/r" + e + ".drl"));
                for (int i = 0; i < 15; i++) {
                    z.write(zeros);
                }
                z.closeEntry();
            }
        }
        assertThat(assess(facts("reports.jsonl", REPORT), "--ruleset", zip.toString())).isEqualTo(2);
        assertThat(err()).contains("wide.zip", "64 MB in all", "rules/r4.drl").doesNotContain("Exception");
    }

    @Test
    void aRulesetZipOfManyEntries_isRefused_namingTheLimit() throws IOException {
        Path zip = tmp.resolve("many.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < 2_000; i++) {
                z.putNextEntry(new ZipEntry("rules/r" + i + ".drl"));
                z.closeEntry();
            }
        }
        assertThat(assess(facts("reports.jsonl", REPORT), "--ruleset", zip.toString())).isEqualTo(2);
        assertThat(err()).contains("many.zip", "entries").doesNotContain("Exception");
    }

    // ------------------------------------------------------------------ 2. a password in a JDBC URL

    @Test
    void aPasswordInAJdbcUrl_isNeverEchoed() {
        int code = Main.run("assess", "--jdbc", "jdbc:nosuch://h/db?user=u&password=s3cret", "--plan-id", "x", "--month", "2021-02");
        assertThat(code).isNotZero();
        assertThat(err()).doesNotContain("s3cret").contains("password=***");
        assertThat(out()).doesNotContain("s3cret");
    }

    @Test
    void aPasswordInAJdbcUrl_isMasked_inEveryForm() {
        assertThat(JdbcAssess.masked("jdbc:h2:mem:x;USER=sa;PASSWORD=s3cret;MODE=X")).isEqualTo("jdbc:h2:mem:x;USER=sa;PASSWORD=***;MODE=X");
        assertThat(JdbcAssess.masked("jdbc:postgresql://u:s3cret@h/db")).isEqualTo("jdbc:postgresql://u:***@h/db");
        assertThat(JdbcAssess.masked("jdbc:mysql://h/db?user=u&pwd=s3cret&ssl=true")).isEqualTo("jdbc:mysql://h/db?user=u&pwd=***&ssl=true");
        assertThat(JdbcAssess.masked("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
    }

    // ------------------------------------------------------------------ 3. raw library texts

    @Test
    void anUnknownKind_saysTheAllowedOnes_andTheNearest() throws IOException {
        Path facts = facts("inspections.jsonl",
                "{\"unit\": \"区住建局\", \"task\": 9, \"kind\": \"LAGGIN\", \"on\": \"2021-02-18\", \"note\": \"x\"}");
        assertThat(assess(facts)).isEqualTo(2);
        assertThat(err()).contains("inspections.jsonl:1", "LAGGIN", "did you mean LAGGING?", "PERFUNCTORY")
                .doesNotContain("not one of the values accepted for Enum class", "Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021-13", "2021-1", "Feb 2021", "2021-00"})
    void aWrongMonth_saysWhatWasExpected(String month) throws IOException {
        Path facts = facts("reports.jsonl", REPORT);
        assertThat(Main.run("assess", "--facts", facts.toString(), "--month", month, "--out", tmp.resolve("out").toString())).isEqualTo(2);
        assertThat(err()).contains("--month", month, "YYYY-MM", "01..12").doesNotContain("java.time", "Text '", "could not be parsed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "[]", "{\"tasks\": null}", "\"x\"", "{\"tasks\": [null]}"})
    void aPlanThatIsNoPlan_isOneLine_namingTheFile(String json) throws IOException {
        Path facts = facts("reports.jsonl", REPORT);
        Path plan = Files.writeString(tmp.resolve("myplan.json"), json + "\n");
        assertThat(Main.run("assess", "--facts", facts.toString(), "--month", "2021-02", "--plan", plan.toString(),
                "--out", tmp.resolve("out").toString())).isEqualTo(2);
        assertThat(err()).contains("myplan.json").doesNotContain("Exception", "\tat ", "Cannot ", "\"doc\"");
        assertThat(err().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void aPlanError_carriesItsLine() throws IOException {
        Path facts = facts("reports.jsonl", REPORT);
        Path plan = Files.writeString(tmp.resolve("myplan.json"), "{\n  \"tasks\": [\n    {\"id\": \"nine\"}\n  ]\n}\n");
        assertThat(Main.run("assess", "--facts", facts.toString(), "--month", "2021-02", "--plan", plan.toString(),
                "--out", tmp.resolve("out").toString())).isEqualTo(2);
        assertThat(err()).contains("myplan.json:3").doesNotContain("Exception");
    }

    @Test
    void aPlanFieldOfTheWrongType_orUnknown_isSaidInPlainWords_atItsLine() throws IOException {
        Path facts = facts("reports.jsonl", REPORT);
        Path plan = Files.writeString(tmp.resolve("myplan.json"), "{\n  \"tasks\": [\n    {\"no\": \"nine\"}\n  ]\n}\n");
        assertThat(Main.run("assess", "--facts", facts.toString(), "--month", "2021-02", "--plan", plan.toString(),
                "--out", tmp.resolve("out").toString())).isEqualTo(2);
        assertThat(err()).contains("myplan.json:3", "tasks[0].no", "is \"nine\"; expected a whole number").doesNotContain("Cannot");
        Files.writeString(plan, "{\n  \"docNumber\": \"x\",\n  \"titel\": \"x\",\n  \"tasks\": []\n}\n");
        err.reset();
        assertThat(Main.run("assess", "--facts", facts.toString(), "--month", "2021-02", "--plan", plan.toString(),
                "--out", tmp.resolve("out").toString())).isEqualTo(2);
        assertThat(err()).contains("myplan.json:3", "titel", "is not a field here", "did you mean title?").doesNotContain("Unrecognized");
    }

    @Test
    void aYamlTab_saysSo() throws IOException {
        Path facts = facts("reports.jsonl", REPORT);
        Path policy = Files.writeString(tmp.resolve("p.yaml"), "base: 100\npoints:\n\treportLate: -1\n");
        assertThat(assess(facts, "--policy", policy.toString())).isEqualTo(2);
        assertThat(err()).contains("p.yaml:3", "a tab: YAML indents with spaces only");
    }

    @Test
    void aYamlSyntaxErrorInAPolicy_saysTheLine_inPlainWords() throws IOException {
        Path facts = facts("reports.jsonl", REPORT);
        Path policy = Files.writeString(tmp.resolve("p.yaml"), "base: 100\npoints:\n  reportLate: -1\n bad: [\n");
        assertThat(assess(facts, "--policy", policy.toString())).isEqualTo(2);
        assertThat(err()).contains("p.yaml:4", "is not valid YAML", "indentation").doesNotContain("Exception", "org.yaml", "\tat ");
        assertThat(err().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void aYamlSyntaxErrorInBulletinSettings_saysTheLine_inPlainWords() throws IOException {
        Path facts = facts("reports.jsonl", REPORT);
        Path settings = Files.writeString(tmp.resolve("b.yaml"), "title: x\n  issuer: [y\nz: 1\n");
        assertThat(assess(facts, "--bulletin-settings", settings.toString())).isEqualTo(2);
        assertThat(err()).contains("b.yaml:2", "is not valid YAML").doesNotContain("Exception", "org.yaml", "\tat ");
        assertThat(err().strip().lines().count()).isEqualTo(1);
    }

    // ------------------------------------------------------------------ 4. not UTF-8

    @Test
    void aFactsFileInGbk_isRefused_namingTheLine_andUtf8() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("facts"));
        String text = REPORT + "\n" + REPORT.replace("2021-02-27", "2021-02-26") + "\n";
        Files.write(dir.resolve("reports.jsonl"), text.getBytes(StandardCharsets.UTF_8));
        // the third line in GBK
        try (OutputStream o = Files.newOutputStream(dir.resolve("reports.jsonl"), java.nio.file.StandardOpenOption.APPEND)) {
            o.write((REPORT + "\n").getBytes(Charset.forName("GBK")));
        }
        assertThat(assess(dir)).isEqualTo(2);
        assertThat(err()).contains("reports.jsonl:3", "UTF-8", "save it as UTF-8").doesNotContain("Exception");
    }

    @Test
    void aPlanOrPolicyInGbk_isRefused_askingForUtf8() throws IOException {
        Path facts = facts("reports.jsonl", REPORT);
        Path plan = tmp.resolve("gbk-plan.json");
        Files.write(plan, "{\n  \"title\": \"区优化营商环境方案\",\n  \"tasks\": []\n}\n".getBytes(Charset.forName("GBK")));
        assertThat(Main.run("assess", "--facts", facts.toString(), "--month", "2021-02", "--plan", plan.toString(),
                "--out", tmp.resolve("out").toString())).isEqualTo(2);
        assertThat(err()).contains("gbk-plan.json:2", "not UTF-8", "save it as UTF-8").doesNotContain("Invalid UTF-8 start byte");
        err.reset();
        Path policy = tmp.resolve("gbk.yaml");
        Files.write(policy, "base: 100\n# 区县政策\n".getBytes(Charset.forName("GBK")));
        assertThat(assess(facts, "--policy", policy.toString())).isEqualTo(2);
        assertThat(err()).contains("gbk.yaml:2", "not UTF-8", "save it as UTF-8").doesNotContain("Input length");
    }
}

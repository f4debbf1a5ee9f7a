package io.github.duban.cli;

import io.github.duban.json.PlanJson;
import io.github.duban.json.PolicyJson;
import io.github.duban.model.Policy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule author's commands: policy, rules check, and the old rules listing. */
class AuthoringCliTest extends ConsoleCapture {

    @TempDir
    Path tmp;

    @Test
    void policy_printsTheDefaultsAsCommentedYaml_thatReadsBack() throws IOException {
        assertThat(Main.run("policy")).isEqualTo(0);
        assertThat(out()).contains("reportLate: -1   # 迟报（每次）", "- {name: EXCELLENT, chinese: 优秀, lower: 95}");
        Path copy = tmp.resolve("policy.yaml");
        Files.writeString(copy, out());
        assertThat(PolicyJson.read(copy)).isEqualTo(Policy.DEFAULT);
    }

    @Test
    void policy_sheet_printsTheShippedScoringSheet_andAnEditedSheetChangesThePolicy() throws IOException {
        assertThat(Main.run("policy", "--sheet")).isEqualTo(0);
        assertThat(out()).isEqualTo(io.github.duban.json.ScoringSheet.defaultSheet());
        Path sheet = tmp.resolve("scoring.csv");
        Files.writeString(sheet, out().replace("迟报,REPORT_LATE,any,-1,", "迟报,REPORT_LATE,any,-0.1,"));
        out.reset();
        assertThat(Main.run("policy", "--scoring", sheet.toString())).isEqualTo(0);
        assertThat(out()).contains("reportLate: -0.1   # 迟报");
    }

    @Test
    void policy_json_andAMistake_exits2WithOneLine() throws IOException {
        assertThat(Main.run("policy", "--json")).isEqualTo(0);
        assertThat(PolicyJson.read(out(), "out.json")).isEqualTo(Policy.DEFAULT);
        Path bad = tmp.resolve("county.yaml");
        Files.writeString(bad, "base: 80\nponts:\n  reportLate: -0.1\n");
        assertThat(Main.run("policy", "--policy", bad.toString())).isEqualTo(2);
        assertThat(err().strip()).isEqualTo("duban: " + bad + ": field ponts: is not a policy setting (did you mean points?); "
                + "the settings are listed in docs/policy.md");
    }

    @Test
    void rulesCheck_cleanExits0_problemsExit1_aMissingFolderExits2() throws IOException {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("county.drl"), "package rules;\nimport io.github.duban.outcome.Finding;\n\n"
                + "rule \"A finding in the county\"\nwhen\n    $f : Finding( dayz > 1 )\nthen\nend\n");
        Path policy = tmp.resolve("county.yaml");
        Files.writeString(policy, "base: 80\npoints:\n  reportLate: 0.1\n");
        assertThat(Main.run("rules", "check", "--rules", rules.toString(), "--policy", policy.toString())).isEqualTo(1);
        assertThat(out()).contains(
                policy + ":3:3: error: points.reportLate: is 0.1; a deduction must be zero or negative (write -0.1)",
                "county.drl:6:19: error: Finding has no field dayz (in 'dayz > 1'); did you mean days?",
                "2 errors, 0 warnings");
        out.reset();
        Files.writeString(rules.resolve("county.drl"), "package rules;\nimport io.github.duban.outcome.Finding;\n\n"
                + "rule \"A finding in the county\"\nwhen\n    $f : Finding( days > 1 )\nthen\n    insert(new Object());\nend\n");
        Files.delete(policy);
        assertThat(Main.run("rules", "check", "--rules", rules.toString())).isEqualTo(1);
        assertThat(out()).contains("county.drl:8:5: warning: rule \"A finding in the county\" inserts a conclusion without the rule's name",
                "default policy: 0 errors, 1 warning\n");
        out.reset();
        assertThat(Main.run("rules", "check")).isEqualTo(0);
        assertThat(out()).endsWith("default policy: clean\n");
        assertThat(Main.run("rules", "check", "--rules", tmp.resolve("nowhere").toString())).isEqualTo(2);
        assertThat(err()).hasLineCount(1).contains("nowhere", "--rules names no folder").doesNotContain("Exception");
    }

    @Test
    void rulesCheck_runsTheRulesOnlyWhenAskedWithRun() throws IOException {
        Path rules = Files.createDirectories(tmp.resolve("failing"));
        Files.writeString(rules.resolve("county.drl"), "package rules;\nimport io.github.duban.model.Task;\n\n"
                + "rule \"A county task fails its action\"\nwhen\n    $t : Task( no == 1 )\nthen\n"
                + "    throw new IllegalStateException(\"county action failed\");\nend\n");
        assertThat(Main.run("rules", "check", "--rules", rules.toString())).isEqualTo(0);
        assertThat(out()).endsWith("default policy: clean\n");
        out.reset();
        assertThat(Main.run("rules", "check", "--run", "--rules", rules.toString())).isEqualTo(1);
        assertThat(out()).contains("county.drl:4:1: error: the rules fail when run on the embedded sample year in rule \"A county task fails its action\"",
                "county action failed", "1 error, 0 warnings");
    }

    @Test
    void explainJson_printsTheScoreDeductionsBonusesAndCeilingTheRulesConcluded() throws IOException {
        Path facts = Path.of("src/main/resources/sample/2021");
        assertThat(Main.run("explain", "--facts", facts.toString(), "--month", "2021-06", "--unit", "区科工信局", "--json")).isEqualTo(0);
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out());
        io.github.duban.engine.Duban duban = io.github.duban.engine.Duban.builder().plan(PlanJson.embedded()).build();
        var months = duban.replay(duban.plan().reporting().from(), java.time.YearMonth.of(2021, 6),
                io.github.duban.json.FactsJson.read(facts, duban.plan()));
        var score = months.get(months.size() - 1).scores().stream().filter(s -> s.unit().equals("区科工信局")).findFirst().orElseThrow();
        assertThat(doc.get("score").decimalValue()).isEqualByComparingTo(score.score());
        assertThat(doc.get("deductions").decimalValue()).isEqualByComparingTo(score.deductions());
        assertThat(doc.get("bonuses").decimalValue()).isEqualByComparingTo(score.bonuses());
        assertThat(doc.get("ceiling").isNull() ? null : doc.get("ceiling").get("level").asText())
                .isEqualTo(score.ceiling() == null ? null : score.ceiling().name());
        assertThat(doc.get("ruleAt").asText()).matches("(scoring|board|summary)\\.drl:\\d+");
    }

    @Test
    void theOldRulesListing_stillWorks() {
        assertThat(Main.run("rules")).isEqualTo(0);
        assertThat(out()).contains(io.github.duban.engine.Ruleset.BUILT_IN.size() + " files, "
                        + io.github.duban.engine.Ruleset.builtIn().ruleNames().size() + " rules, all compile:",
                "  A late report costs its unit the late-report points");
        assertThat(io.github.duban.engine.Ruleset.builtIn().ruleNames()).hasSizeGreaterThan(60);
    }

    @Test
    void rulesTest_printsEachDifference_andExits1WhenAScenarioFails() {
        assertThat(Main.run("rules", "test", "src/test/resources/authoring/failing")).isEqualTo(1);
        assertThat(out()).contains("FAIL src/test/resources/authoring/failing/wrong-expectations.yaml — 写错的预期",
                "  区住建局 score: expected 99, got 98.5 (NOTICE task 9 -0.5, REPORT_LATE task 9 -1)",
                "1 scenarios: 0 passed, 1 failed");
        assertThat(Main.run("rules", "test", "no-such-folder")).isEqualTo(2);
    }

    @Test
    void rulesTest_aPolicyBesideTheScenarios_isLeftOutWithANote_andGivenWithPolicyItRunsTheScenariosWithoutTheirOwn() throws IOException {
        Path dir = tmp.resolve("scenarios");
        Files.createDirectories(dir);
        Files.copy(Path.of("src/test/resources/authoring/county.yaml"), dir.resolve("county.yaml"));
        // the county scenario without its policy: line: under the default policy its expectations fail
        String scenario = Files.readString(Path.of("src/test/resources/scenarios/13-county-supporting-unit-at-half-weight.yaml"))
                .replace("policy: policies/county.yaml\n", "");
        Files.writeString(dir.resolve("county-half-weight.yaml"), scenario);

        assertThat(Main.run("rules", "test", dir.toString())).isEqualTo(1);
        assertThat(err()).contains("county.yaml is a policy, not a scenario: left out");
        assertThat(out()).contains("1 scenarios: 0 passed, 1 failed");

        out.reset();
        err.reset();
        assertThat(Main.run("rules", "test", dir.toString(), "--policy", dir.resolve("county.yaml").toString())).as(out() + err()).isEqualTo(0);
        assertThat(out()).contains("PASS ", "1 scenarios: 1 passed, 0 failed");
        assertThat(err()).doesNotContain("left out");
    }

    @Test
    void rulesPack_thenAssessWithTheRuleset_givesTheSameAssessmentAsThePolicyItPacked() throws IOException {
        Path pack = tmp.resolve("county.zip");
        Path policy = Path.of("src/test/resources/authoring/county.yaml");
        assertThat(Main.run("rules", "pack", "--policy", policy.toString(), "--out", pack.toString())).isEqualTo(0);
        Path facts = Files.createDirectories(tmp.resolve("facts"));
        Files.writeString(facts.resolve("reports.jsonl"),
                "{\"task\": 9, \"unit\": \"区住建局\", \"month\": \"2021-02\", \"submittedOn\": \"2021-02-27\", \"percent\": 30}\n");
        assertThat(Main.run("assess", "--facts", facts.toString(), "--month", "2021-02", "--ruleset", pack.toString(),
                "--out", tmp.resolve("a").toString())).isEqualTo(0);
        assertThat(Main.run("assess", "--facts", facts.toString(), "--month", "2021-02", "--policy", policy.toString(),
                "--out", tmp.resolve("b").toString())).isEqualTo(0);
        assertThat(Files.readString(tmp.resolve("a/assessment.json"))).isEqualTo(Files.readString(tmp.resolve("b/assessment.json")));
        assertThat(Main.run("assess", "--facts", facts.toString(), "--month", "2021-02", "--ruleset", pack.toString(),
                "--policy", policy.toString(), "--out", tmp.resolve("c").toString())).isEqualTo(2);
    }
}

package io.github.duban.authoring;

import io.github.duban.json.PlanJson;
import io.github.duban.engine.Duban;
import io.github.duban.engine.Ruleset;
import io.github.duban.generate.PlanGenerator;
import io.github.duban.generate.Spec;
import io.github.duban.json.FactsJson;
import io.github.duban.model.Facts;
import io.github.duban.model.Plan;
import io.github.duban.model.Policy;
import io.github.duban.outcome.Assessment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule author's replacement for the built-in lateness.drl, written as plain rules (every
 * conclusion inserted logically, a task's leads read straight from the task, no stage facts:
 * src/test/resources/authoring/plain-lateness.drl), used in place of the built-in file, assesses
 * the sample year and generated plans exactly as the built-in file does.
 */
class PlainLatenessReplacementTest {

    static final Path REPLACEMENT = Path.of("src/test/resources/authoring/plain-lateness.drl");
    static String plain;
    static Ruleset replaced;

    @BeforeAll
    static void compileTheReplacement() throws Exception {
        plain = Files.readString(REPLACEMENT, StandardCharsets.UTF_8);
        Map<String, String> sources = new TreeMap<>(Ruleset.builtIn().sources());
        sources.put("lateness.drl", plain);
        replaced = Ruleset.compile(sources);
    }

    @Test
    void theReplacement_isPlainDrools_andRulesCheckFindsNothingInIt() {
        assertThat(plain).doesNotContain("Settled", "Tally", "insert(", "retract(", "delete(", "leadsOf")
                .contains("insertLogical(");
        assertThat(replaced.sources().get("lateness.drl")).isEqualTo(plain);
        assertThat(replaced.sources().get("lateness.drl")).isNotEqualTo(Ruleset.builtIn().sources().get("lateness.drl"));
        RulesCheck.Report r = RulesCheck.check(Map.of("lateness.drl", plain), Policy.DEFAULT, false);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.level()).isEqualTo(RulesCheck.Level.NOTE);
            assertThat(p.message()).startsWith("replaces the built-in lateness.drl");
        });
    }

    @Test
    void theSampleYear_isAssessedAsByTheBuiltInFile() {
        Duban builtIn = Duban.builder().plan(PlanJson.embedded()).build();
        Facts facts = FactsJson.sampleYear(builtIn.plan());
        List<Assessment> expected = builtIn.replay(YearMonth.of(2021, 2), YearMonth.of(2021, 6), facts);
        List<Assessment> got = builtIn.toBuilder().rules(replaced).build().replay(YearMonth.of(2021, 2), YearMonth.of(2021, 6), facts);
        assertThat(expected).hasSize(5);
        assertThat(expected.stream().mapToInt(a -> a.findings().size()).sum()).as("the sample year has findings to compare").isGreaterThan(20);
        same(got, expected, "sample year");
    }

    @Test
    void generatedPlans_areAssessedAsByTheBuiltInFile() {
        PlanGenerator g = new PlanGenerator(Spec.of(4, 30, 8, 5, 2027));
        int findings = 0;
        for (int i = 0; i < 4; i++) {
            PlanGenerator.Generated p = g.plan(i);
            Plan plan = p.plan();
            Duban builtIn = Duban.builder().plan(plan).build();
            List<Assessment> expected = builtIn.replay(plan.reporting().from(), plan.reporting().to(), p.facts());
            List<Assessment> got = builtIn.toBuilder().rules(replaced).build().replay(plan.reporting().from(), plan.reporting().to(), p.facts());
            same(got, expected, p.id());
            findings += expected.stream().mapToInt(a -> a.findings().size()).sum();
        }
        assertThat(findings).as("the generated plans have findings to compare").isGreaterThan(20);
    }

    /** Equal month by month in everything but the ruleset's fingerprint, which names different rules. */
    static void same(List<Assessment> got, List<Assessment> expected, String what) {
        assertThat(got).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Assessment e = expected.get(i);
            Assessment a = got.get(i);
            assertThat(a.ruleset()).isNotEqualTo(e.ruleset());
            assertThat(withRuleset(a, e.ruleset())).as("%s %s", what, e.period()).isEqualTo(e);
        }
    }

    static Assessment withRuleset(Assessment a, String ruleset) {
        return new Assessment(a.period(), a.asOf(), ruleset, a.findings(), a.sanctions(), a.scores(), a.board(), a.cases(),
                a.ignored(), a.summary());
    }
}

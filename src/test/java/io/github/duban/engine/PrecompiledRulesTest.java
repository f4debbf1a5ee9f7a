package io.github.duban.engine;

import io.github.duban.generate.PlanGenerator;
import io.github.duban.generate.Spec;
import io.github.duban.json.AssessmentJson;
import io.github.duban.json.FactsJson;
import io.github.duban.json.PlanJson;
import io.github.duban.model.Facts;
import io.github.duban.model.Plan;
import io.github.duban.oracle.Differential;
import io.github.duban.oracle.Oracle;
import io.github.duban.outcome.Assessment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The built-in rules are read from the image the build compiled (engine/RulesImage), and that
 * image is the classic compiler's own output: the same rules, the same assessments, byte for byte.
 */
class PrecompiledRulesTest {

    static Ruleset classic;

    @BeforeAll
    static void compileTheBuiltInDrlWithTheClassicCompiler() {
        classic = Ruleset.compile(Ruleset.builtInSources());
    }

    @Test
    void theBuiltInRules_areReadFromTheImageTheBuildCompiled() {
        assertThat(Ruleset.builtIn().precompiled()).isTrue();
        assertThat(classic.precompiled()).isFalse();
    }

    @Test
    void preloadingTheBuiltInRules_givesTheSameSharedRuleset() {
        Ruleset.preloadBuiltIn();
        Ruleset.preloadBuiltIn();
        Ruleset r = Ruleset.builtIn();
        assertThat(r).isSameAs(Ruleset.builtIn());
        assertThat(r.ruleNames()).isEqualTo(classic.ruleNames());
    }

    @Test
    void thePrecompiledRules_haveTheRuleNamesOfAClassicCompileOfTheSameDrl() {
        assertThat(classic.ruleNames()).isNotEmpty();
        assertThat(Ruleset.builtIn().ruleNames()).isEqualTo(classic.ruleNames());
        assertThat(Ruleset.builtIn().sources()).isEqualTo(classic.sources());
    }

    @Test
    void thePrecompiledRules_keepTheFingerprintOfTheDrlTexts() {
        Duban pre = Duban.builder().plan(PlanJson.embedded()).build();
        Duban cls = pre.toBuilder().rules(classic).build();
        assertThat(pre.fingerprint()).isEqualTo(cls.fingerprint());
    }

    @Test
    void thePrecompiledRules_assessTheSampleYearLikeTheClassicOnes_andLikeTheOracle() {
        Plan plan = PlanJson.embedded();
        Facts facts = FactsJson.sampleYear(plan);
        Duban pre = Duban.builder().plan(plan).rules(Ruleset.builtIn()).build();
        List<Assessment> a = replay(pre, plan, facts);
        List<Assessment> b = replay(pre.toBuilder().rules(classic).build(), plan, facts);
        assertThat(a).hasSizeGreaterThan(3);
        assertSameJson(a, b);
        assertThat(Differential.firstDifference(a, new Oracle(plan, pre.policy()).replay(plan.reporting().to(), facts)))
                .isNull();
    }

    @Test
    void thePrecompiledRules_assessGeneratedPlansLikeTheClassicOnes_andLikeTheOracle() {
        PlanGenerator g = new PlanGenerator(Spec.of(6, 30, 6, 6, 20211));
        int months = 0;
        for (int i = 0; i < 6; i++) {
            PlanGenerator.Generated p = g.plan(i);
            Duban pre = Duban.builder().plan(p.plan()).rules(Ruleset.builtIn()).build();
            List<Assessment> a = replay(pre, p.plan(), p.facts());
            List<Assessment> b = replay(pre.toBuilder().rules(classic).build(), p.plan(), p.facts());
            assertSameJson(a, b);
            assertThat(Differential.firstDifference(a, new Oracle(p.plan(), pre.policy()).replay(p.plan().reporting().to(), p.facts())))
                    .as("plan %s", p.id()).isNull();
            months += a.size();
        }
        assertThat(months).isEqualTo(36);
    }

    @Test
    void aMissingImage_fallsBackToCompilingTheDrl() {
        Ruleset r = Ruleset.loadBuiltIn("/rules/no-such-image.kpkg");
        assertThat(r.precompiled()).isFalse();
        assertThat(r.ruleNames()).isEqualTo(classic.ruleNames());
    }

    @Test
    void anImage_isReadBackForItsOwnDrl_andRefusedForOtherDrl() throws IOException {
        byte[] image = RulesImage.write(classic.kieBase(), classic.sources());
        ClassLoader loader = Ruleset.class.getClassLoader();
        assertThat(RulesImage.read(new ByteArrayInputStream(image), classic.sources(), loader).getKiePackages()
                .stream().mapToInt(p -> p.getRules().size()).sum()).isEqualTo(classic.ruleNames().size());
        Map<String, String> edited = new TreeMap<>(classic.sources());
        edited.put("board.drl", edited.get("board.drl") + "\n// edited after the build\n");
        assertThatThrownBy(() -> RulesImage.read(new ByteArrayInputStream(image), edited, loader))
                .isInstanceOf(IOException.class).hasMessageContaining("other DRL texts");
        assertThatThrownBy(() -> RulesImage.read(new ByteArrayInputStream("not an image at all".getBytes()), classic.sources(), loader))
                .isInstanceOf(IOException.class);
    }

    private static List<Assessment> replay(Duban d, Plan plan, Facts facts) {
        return d.replay(plan.reporting().from(), plan.reporting().to(), facts);
    }

    private static void assertSameJson(List<Assessment> a, List<Assessment> b) {
        assertThat(a).hasSameSizeAs(b);
        for (int m = 0; m < a.size(); m++) {
            assertThat(AssessmentJson.write(a.get(m))).as("assessment.json of %s", a.get(m).period())
                    .isEqualTo(AssessmentJson.write(b.get(m)));
        }
    }
}

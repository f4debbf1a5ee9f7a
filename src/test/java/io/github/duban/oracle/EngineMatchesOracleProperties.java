package io.github.duban.oracle;

import io.github.duban.model.Policy;
import io.github.duban.properties.Generators;
import org.junit.jupiter.api.Test;

import static org.quicktheories.QuickTheory.qt;

/**
 * The engine against the oracle (a plain-Java reading of DESIGN and decisions.md) on generated
 * plans and facts: a replay of the whole window, compared month by month on findings, sanctions,
 * scores, the board, cases and ignored facts.
 */
class EngineMatchesOracleProperties {

    /** {@code -Doracle.scale=10} runs ten times as many examples (a longer hunt for disagreements). */
    static int n(int examples) {
        return examples * Integer.getInteger("oracle.scale", 1);
    }

    @Test
    void engineMatchesOracle_defaultPolicy() {
        qt().withExamples(n(300)).withShrinkCycles(300).forAll(OracleGenerators.scenarios())
                .checkAssert(s -> Differential.check(s.plan(), Policy.DEFAULT, s.facts()));
    }

    @Test
    void engineMatchesOracle_anyPolicy() {
        qt().withExamples(n(150)).withShrinkCycles(300).forAll(OracleGenerators.scenarios(), Generators.policies())
                .checkAssert((s, policy) -> Differential.check(s.plan(), policy, s.facts()));
    }

    @Test
    void engineMatchesOracle_onTheDaysTheRulesTurnOn() {
        qt().withExamples(n(250)).withShrinkCycles(300).forAll(EdgeGenerators.scenarios())
                .checkAssert(s -> Differential.check(s.plan(), Policy.DEFAULT, s.facts()));
    }

    @Test
    void engineMatchesOracle_onTheDaysTheRulesTurnOn_anyPolicy() {
        qt().withExamples(n(150)).withShrinkCycles(300).forAll(EdgeGenerators.scenarios(), Generators.policies())
                .checkAssert((s, policy) -> Differential.check(s.plan(), policy, s.facts()));
    }

    /**
     * A month as of a day inside it, from the ledger the months before leave (each side its own),
     * the month before sometimes assessed as of a day inside it too (decisions §14).
     */
    @Test
    void engineMatchesOracle_asOfAnyDay() {
        qt().withExamples(n(200)).withShrinkCycles(300).forAll(EdgeGenerators.asOfCases(), Generators.policies())
                .checkAssert((c, policy) -> Differential.checkAsOf(c.scenario().plan(), policy, c.scenario().facts(), c.month(), c.asOf(), c.previousAsOf()));
    }
}

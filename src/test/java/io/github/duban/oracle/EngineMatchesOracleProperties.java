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

    @Test
    void engineMatchesOracle_defaultPolicy() {
        qt().withExamples(300).withShrinkCycles(300).forAll(OracleGenerators.scenarios())
                .checkAssert(s -> Differential.check(s.plan(), Policy.DEFAULT, s.facts()));
    }

    @Test
    void engineMatchesOracle_anyPolicy() {
        qt().withExamples(150).withShrinkCycles(300).forAll(OracleGenerators.scenarios(), Generators.policies())
                .checkAssert((s, policy) -> Differential.check(s.plan(), policy, s.facts()));
    }
}

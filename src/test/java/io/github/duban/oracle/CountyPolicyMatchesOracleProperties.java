package io.github.duban.oracle;

import io.github.duban.model.Band;
import io.github.duban.model.Policy;
import io.github.duban.properties.Generators;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.quicktheories.QuickTheory.qt;

/**
 * The engine against the oracle under county-shaped policies: any base, score bounds, supporting
 * weight, monthly caps per category and rating bands of any length, on generated plans and facts.
 */
class CountyPolicyMatchesOracleProperties {

    /** Valid policies with every scoring setting of docs/policy.md varied. */
    static Gen<Policy> countyPolicies() {
        Gen<Policy> base = Generators.policies();
        return in -> {
            Policy p = base.generate(in);
            int b = Generate.range(60, 100).generate(in);
            int lower = Generate.range(0, 20).generate(in);
            BigDecimal upper = BigDecimal.valueOf(b).add(p.bonusCap()).add(BigDecimal.valueOf(Generate.range(-5, 5).generate(in)))
                    .max(BigDecimal.valueOf(b));
            BigDecimal weight = BigDecimal.valueOf(Generate.range(0, 4).generate(in)).divide(BigDecimal.valueOf(4));
            Map<String, BigDecimal> caps = new TreeMap<>();
            for (String c : Policy.CATEGORIES) {
                if (Generate.range(0, 1).generate(in) == 1) {
                    caps.put(c, BigDecimal.valueOf(-Generate.range(0, 20).generate(in)));
                }
            }
            int n = Generate.range(1, 5).generate(in);
            List<Band> bands = new ArrayList<>();
            int at = b + 5;
            for (int i = 0; i < n - 1; i++) {
                at = Math.max(lower, at - Generate.range(0, 15).generate(in));
                bands.add(new Band("B" + i, "第" + (i + 1) + "档", BigDecimal.valueOf(at)));
            }
            bands.add(new Band("LAST", "末档", BigDecimal.valueOf(lower)));
            return p.withScoring(BigDecimal.valueOf(b), BigDecimal.valueOf(lower), upper, weight, bands, caps);
        };
    }

    @Test
    void engineMatchesOracle_countyPolicies() {
        qt().withExamples(EngineMatchesOracleProperties.n(120)).withShrinkCycles(200)
                .forAll(OracleGenerators.scenarios(), countyPolicies())
                .checkAssert((s, policy) -> Differential.check(s.plan(), policy, s.facts()));
    }
}

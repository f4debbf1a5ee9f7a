package io.github.duban.oracle;

import io.github.duban.model.Policy;
import io.github.duban.outcome.EscalationLevel;
import io.github.duban.outcome.FindingKind;
import io.github.duban.outcome.Light;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

/**
 * The differential test means something only if the generated months reach every corner: this
 * counts, over generated scenarios as the oracle reads them, every finding kind, sanction level,
 * light, kind of closing and set-aside fact, and fails if one never occurs.
 */
class GeneratedVarietyTest {

    @Test
    void generatedScenariosReachEveryCorner() {
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        qt().withExamples(300).forAll(OracleGenerators.scenarios()).checkAssert(s -> {
            for (OracleResult r : new Oracle(s.plan(), Policy.DEFAULT).replay(s.plan().reporting().to(), s.facts())) {
                r.findings().forEach(f -> count(seen, "finding " + f.kind()));
                r.findings().stream().filter(f -> f.person() != null).forEach(f -> count(seen, "finding naming a person"));
                r.sanctions().forEach(x -> count(seen, "sanction " + x.level()));
                r.sanctions().stream().filter(x -> !x.persons().isEmpty()).forEach(x -> count(seen, "sanction naming persons"));
                r.board().forEach(b -> count(seen, "light " + b.light()));
                r.cases().forEach(c -> count(seen, (c.open() ? "open case " : "closed case ") + c.level()));
                r.cases().stream().filter(c -> c.task() == null).forEach(c -> count(seen, "unit-wide case"));
                r.cases().stream().filter(c -> !c.open() && !c.closedOn().equals(r.asOf())).forEach(c -> count(seen, "case closed before A"));
                r.cases().stream().filter(c -> c.raisedBy().contains(FindingKind.REPORT_LATE) && c.level() == EscalationLevel.CRITICISM)
                        .forEach(c -> count(seen, "repeat offence to criticism"));
                r.ignored().forEach(i -> count(seen, "ignored " + i.fact()));
                r.scores().stream().filter(x -> x.score().compareTo(BigDecimal.valueOf(100)) > 0).forEach(x -> count(seen, "score above 100"));
                r.scores().stream().filter(x -> x.score().compareTo(BigDecimal.valueOf(70)) < 0).forEach(x -> count(seen, "score below 70"));
                r.scores().stream().filter(x -> r.scores().stream().filter(y -> y.rank() == x.rank()).count() > 1).forEach(x -> count(seen, "shared rank"));
            }
        });
        Map<String, Integer> shown = new TreeMap<>();
        seen.forEach((k, v) -> shown.put(k, v.get()));
        System.out.println("generated variety over 300 scenarios × 5 months: " + shown);
        for (FindingKind k : FindingKind.values()) {
            assertThat(shown).containsKey("finding " + k);
        }
        for (EscalationLevel l : EscalationLevel.values()) {
            assertThat(shown).containsKey("sanction " + l).containsKey("closed case " + l).containsKey("open case " + l);
        }
        for (Light l : Light.values()) {
            assertThat(shown).containsKey("light " + l);
        }
        assertThat(shown).containsKeys("ignored report", "ignored completion", "ignored extension", "unit-wide case",
                "case closed before A", "sanction naming persons", "repeat offence to criticism", "score above 100",
                "score below 70", "shared rank");
    }

    private static void count(Map<String, AtomicInteger> seen, String what) {
        seen.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }
}

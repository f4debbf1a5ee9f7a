package io.github.duban.properties;

import io.github.duban.engine.Duban;
import io.github.duban.json.PolicyJson;
import io.github.duban.model.Policy;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.ScoreLine;
import io.github.duban.outcome.UnitScore;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.github.duban.properties.Generators.FROM;
import static io.github.duban.properties.Generators.TO;
import static io.github.duban.properties.Generators.monthCases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

/**
 * Changing one number of a policy changes exactly the score lines that name its key path among
 * their clauses: those lines change their points, every other line stays as it was, and the
 * findings and sanctions do not move.
 */
class PolicyClauseProperties {

    /** For each key, values it may take from the base policy below that keep the policy valid. */
    private static final Map<String, List<String>> CHANGES = Map.of(
            "points.reportLate", List.of("-0.5", "-1.5", "-0.25", "-0.1"),
            "points.reportMissing", List.of("-1.5", "-3", "-2.5", "-1"),
            "points.taskOverdue", List.of("-1", "-4", "-2.5", "-0.1"),
            "points.notice", List.of("-0.25", "-1", "-2", "-0.1"),
            "points.criticism", List.of("-1", "-4", "-7", "-10"),
            "points.exposure", List.of("-6", "-12", "-20", "-5.5"),
            "points.completedEarly", List.of("1", "4", "0.5", "3"),
            "points.commended", List.of("1", "5", "0.5", "2"),
            "supportingWeight", List.of("0.5", "0.25", "0.75", "0.1"));
    private static final List<String> KEYS = CHANGES.keySet().stream().sorted().toList();

    @Test
    void changingOneNumber_changesExactlyTheLinesItGoverns() {
        qt().withExamples(25).withShrinkCycles(50)
                .forAll(monthCases(), Generate.range(0, KEYS.size() - 1), Generate.range(0, 3))
                .checkAssert((c, k, v) -> {
                    String key = KEYS.get(k);
                    String value = CHANGES.get(key).get(v);
                    Policy before = Policy.DEFAULT;
                    Policy after = PolicyJson.read(json(key, value), "changed.json");
                    Duban d1 = Engines.engine(c.scenario().plan(), before);
                    Duban d2 = Engines.engine(c.scenario().plan(), after);
                    List<Assessment> a1 = d1.replay(FROM, TO, c.scenario().facts());
                    List<Assessment> a2 = d2.replay(FROM, TO, c.scenario().facts());
                    for (int m = 0; m < a1.size(); m++) {
                        assertThat(a2.get(m).findings()).isEqualTo(a1.get(m).findings());
                        assertThat(a2.get(m).sanctions()).isEqualTo(a1.get(m).sanctions());
                        List<ScoreLine> l1 = lines(a1.get(m));
                        List<ScoreLine> l2 = lines(a2.get(m));
                        assertThat(l2).hasSameSizeAs(l1);
                        for (int i = 0; i < l1.size(); i++) {
                            ScoreLine x = l1.get(i);
                            ScoreLine y = l2.get(i);
                            assertThat(identity(y)).isEqualTo(identity(x));
                            if (x.clauses().contains(key)) {
                                if (x.points().signum() != 0) {
                                    assertThat(y.points()).as("%s governs %s", key, x).isNotEqualByComparingTo(x.points());
                                }
                            } else {
                                assertThat(y).as("%s does not govern %s", key, x).isEqualTo(x);
                            }
                        }
                    }
                });
    }

    private static String json(String key, String value) {
        int dot = key.indexOf('.');
        return dot < 0 ? "{\"" + key + "\": " + value + "}"
                : "{\"" + key.substring(0, dot) + "\": {\"" + key.substring(dot + 1) + "\": " + value + "}}";
    }

    private static List<ScoreLine> lines(Assessment a) {
        List<ScoreLine> out = new ArrayList<>();
        for (UnitScore s : a.scores()) {
            out.addAll(s.lines());
        }
        out.sort(Comparator.comparing(PolicyClauseProperties::identity));
        return out;
    }

    private static String identity(ScoreLine l) {
        return l.unit() + "|" + l.kind() + "|" + l.task() + "|" + l.rule() + "|" + l.clauses() + "|" + l.source();
    }

}

package io.github.duban.generate;

import io.github.duban.model.Policy;
import io.github.duban.oracle.Differential;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The engine against the plain-Java reference on generated plans of several shapes: every month
 * of each plan's window replayed by both, compared on findings, sanctions, scores and ranking,
 * the board, cases and ignored facts. Any difference fails with the first month that differs.
 */
class GeneratedPlansMatchOracleTest {

    @ParameterizedTest(name = "{0} plans of {1} tasks, {2} units, {3} months, seed {4}, {5}")
    @CsvSource({
        "6, 19, 10, 5, 1, flat",
        "4, 40, 8, 7, 2, flat",
        "3, 120, 18, 5, 3, flat",
        "6, 25, 4, 1, 4, flat",
        "4, 30, 6, 2, 5, flat",
        "2, 400, 18, 3, 2021, flat",
        "6, 19, 10, 5, 1, nested",
        "4, 40, 8, 7, 2, nested",
        "3, 120, 18, 5, 3, nested",
        "2, 400, 18, 3, 2021, nested",
    })
    void everyMonthOfEveryGeneratedPlan_isAssessedAsTheReferenceAssessesIt(int plans, int tasks, int units, int months, long seed,
                                                                            String shape) {
        PlanGenerator g = new PlanGenerator(Spec.of(plans, tasks, units, months, seed, Spec.Shape.parse(shape)));
        for (int i = 0; i < plans; i++) {
            PlanGenerator.Generated p = g.plan(i);
            Differential.check(p.plan(), Policy.DEFAULT, p.facts());
        }
    }
}

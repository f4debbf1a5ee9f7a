package io.github.duban.properties;

import io.github.duban.engine.Duban;
import io.github.duban.model.Facts;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.Case;
import io.github.duban.outcome.CaseKey;
import io.github.duban.outcome.Ledger;
import io.github.duban.outcome.UnitScore;
import io.github.duban.properties.Generators.Worsening;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

import static io.github.duban.properties.Generators.policies;
import static io.github.duban.properties.Generators.worsenings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

/**
 * DESIGN §7: for one month assessed from the same previous ledger, adding an inspection finding
 * other than COMMENDED, or removing a rectification, an extension, a task's only completion, or a
 * (task, unit, month)'s only report, never raises any unit's score and never lowers any case's
 * level.
 *
 * <p>How the two sides are compared (assumptions where DESIGN is silent):
 * <ul>
 * <li>Both sides are assessed as of the month's last day, from one ledger (built from the facts
 *     before or, at random, after the change: either is "the same previous ledger").</li>
 * <li>Scores are compared per unit. A unit that is not scored on one side has had no finding
 *     in the month (only lead units and units named by a finding are scored), so it counts as
 *     100 there.</li>
 * <li>Cases are compared by (unit, task), among the cases an assessment lists (open at the
 *     as-of date or closed in the month). A case open before the change must still be listed
 *     after it (a case gone has gone down to nothing); a case listed on both sides must not be
 *     listed at a lower level after the change. A case that was closed in the month before the
 *     change may be missing after it. A case open before and closed after, at a level no lower,
 *     passes: a worse fact can validate a closing event (removing one extension can make a
 *     later one valid, whose approval then closes the task's lateness cases), and DESIGN speaks
 *     of levels, not of closing.</li>
 * <li>Generated percents never fall for one (task, unit): a report that lowers the percent is
 *     news whose removal could rightly raise a score, so removing it is no "worsening".</li>
 * </ul>
 */
class MonotonicityProperties {

    private static final BigDecimal UNSCORED = BigDecimal.valueOf(100);

    @Test
    void worseFactsNeverRaiseAScoreNorLowerACase() {
        qt().withExamples(400).withShrinkCycles(300).forAll(worsenings()).checkAssert(w ->
                check(w, Engines.engine(w.scenario().plan())));
    }

    /** The same under any valid policy (a policy whose deductions fall as the level rises is refused, §6). */
    @Test
    void worseFactsNeverHelpUnderAnyPolicy() {
        qt().withExamples(200).withShrinkCycles(300).forAll(worsenings(), policies()).checkAssert((w, policy) ->
                check(w, Engines.engine(w.scenario().plan(), policy)));
    }

    private static void check(Worsening w, Duban d) {
        {
            Facts before = w.scenario().facts();
            Facts after = w.mutation().after();
            Ledger ledger = Engines.ledgerBefore(d, w.month(), w.ledgerFromMutated() ? after : before);
            Assessment b = d.assess(w.month(), null, before, ledger);
            Assessment a = d.assess(w.month(), null, after, ledger);

            Map<String, BigDecimal> scoreBefore = scores(b);
            Map<String, BigDecimal> scoreAfter = scores(a);
            TreeSet<String> units = new TreeSet<>(scoreBefore.keySet());
            units.addAll(scoreAfter.keySet());
            for (String u : units) {
                assertThat(scoreAfter.getOrDefault(u, UNSCORED))
                        .as("score of %s", u)
                        .isLessThanOrEqualTo(scoreBefore.getOrDefault(u, UNSCORED));
            }

            Map<CaseKey, Case> casesAfter = new HashMap<>();
            a.cases().forEach(c -> casesAfter.put(c.key(), c));
            for (Case c : b.cases()) {
                Case now = casesAfter.get(c.key());
                if (c.open()) {
                    assertThat(now).as("case %s, open at %s before the change, is still listed", c.key(), c.level()).isNotNull();
                }
                if (now != null) {
                    assertThat(now.level()).as("level of case %s (before: %s)", c.key(), c).isGreaterThanOrEqualTo(c.level());
                }
            }
        }
    }

    private static Map<String, BigDecimal> scores(Assessment a) {
        Map<String, BigDecimal> m = new HashMap<>();
        for (UnitScore s : a.scores()) {
            m.put(s.unit(), s.score());
        }
        return m;
    }
}

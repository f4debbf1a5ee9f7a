package io.github.duban.properties;

import io.github.duban.engine.Duban;
import io.github.duban.model.Policy;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.Ledger;
import io.github.duban.outcome.UnitScore;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static io.github.duban.properties.Generators.FROM;
import static io.github.duban.properties.Generators.TO;
import static io.github.duban.properties.Generators.monthCases;
import static io.github.duban.properties.Generators.policies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

/** DESIGN §6 and §7: a score stays within [0, 100 + bonusCap]. */
class ScoreBoundsProperties {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The default policy, every month of the window. */
    @Test
    void scoresStayInRangeUnderTheDefaultPolicy() {
        qt().withExamples(100).withShrinkCycles(100).forAll(monthCases()).checkAssert(c -> {
            Duban d = Engines.engine(c.scenario().plan());
            for (Assessment a : d.replay(FROM, TO, c.scenario().facts())) {
                inRange(a, Policy.DEFAULT);
            }
        });
    }

    /**
     * Random valid policies with far bigger deductions (so scores hit the floor), any bonus cap,
     * due day and day counting: every month of the window, and one month as of a day inside it.
     */
    @Test
    void scoresStayInRangeUnderAnyPolicy() {
        qt().withExamples(150).withShrinkCycles(100).forAll(monthCases(), policies()).checkAssert((c, policy) -> {
            Duban d = Engines.engine(c.scenario().plan(), policy);
            List<Assessment> all = d.replay(FROM, TO, c.scenario().facts());
            for (Assessment a : all) {
                inRange(a, policy);
            }
            YearMonth m = c.month();
            Ledger ledger = m.equals(FROM) ? null : all.get(m.getMonthValue() - FROM.getMonthValue() - 1).ledger();
            LocalDate asOf = m.atDay(1 + (int) Math.floorMod(c.seed(), (long) m.lengthOfMonth()));
            inRange(d.assess(m, asOf, c.scenario().facts(), ledger), policy);
        });
    }

    private static void inRange(Assessment a, Policy policy) {
        BigDecimal top = HUNDRED.add(policy.bonusCap());
        for (UnitScore s : a.scores()) {
            assertThat(s.score()).as("%s %s as of %s", s.unit(), a.period(), a.asOf())
                    .isGreaterThanOrEqualTo(BigDecimal.ZERO)
                    .isLessThanOrEqualTo(top);
        }
    }
}

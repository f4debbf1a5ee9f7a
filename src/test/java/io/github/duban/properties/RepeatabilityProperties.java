package io.github.duban.properties;

import io.github.duban.engine.Duban;
import io.github.duban.engine.Ruleset;
import io.github.duban.model.Facts;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.Ledger;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static io.github.duban.properties.Generators.monthCases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

/** DESIGN §7: assessing twice gives byte-identical output. */
class RepeatabilityProperties {

    /** The same engine, the same month, twice; and a second engine over the same rules: the same bytes. */
    @Test
    void assessingTwiceGivesTheSameBytes() {
        qt().withExamples(100).withShrinkCycles(100).forAll(monthCases()).checkAssert(c -> {
            Duban d = Engines.engine(c.scenario().plan());
            Facts facts = c.scenario().facts();
            YearMonth m = c.month();
            Ledger ledger = Engines.ledgerBefore(d, m, facts);
            byte[] first = Engines.bytes(d.assess(m, null, facts, ledger));
            byte[] second = Engines.bytes(d.assess(m, null, facts, ledger));
            byte[] other = Engines.bytes(Engines.engine(c.scenario().plan()).assess(m, null, facts, ledger));
            assertThat(second).isEqualTo(first);
            assertThat(other).isEqualTo(first);
        });
    }

    /** Rules compiled a second time from the same texts give the same bytes as well. */
    @Test
    void rulesCompiledAgainGiveTheSameBytes() {
        Ruleset again = Ruleset.compile(Engines.rules().sources());
        qt().withExamples(40).withShrinkCycles(100).forAll(monthCases()).checkAssert(c -> {
            Duban d = Engines.engine(c.scenario().plan());
            Duban e = Duban.builder().plan(c.scenario().plan()).rules(again).build();
            Facts facts = c.scenario().facts();
            YearMonth m = c.month();
            Ledger ledger = Engines.ledgerBefore(d, m, facts);
            Assessment a = d.assess(m, null, facts, ledger);
            Assessment b = e.assess(m, null, facts, ledger);
            assertThat(Engines.bytes(b)).isEqualTo(Engines.bytes(a));
        });
    }
}

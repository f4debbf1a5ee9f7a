package io.github.duban.properties;

import io.github.duban.engine.Duban;
import io.github.duban.json.LedgerJson;
import io.github.duban.model.Facts;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.Ledger;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

import static io.github.duban.properties.Generators.FROM;
import static io.github.duban.properties.Generators.TO;
import static io.github.duban.properties.Generators.monthCases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

/** DESIGN §5 and §7: month by month through the ledger equals one replay of the whole history. */
class LedgerReplayProperties {

    @Test
    void monthByMonthEqualsOneReplay() {
        qt().withExamples(100).withShrinkCycles(200).forAll(monthCases()).checkAssert(c -> {
            Duban d = Engines.engine(c.scenario().plan());
            Facts facts = c.scenario().facts();
            List<Assessment> replay = d.replay(FROM, TO, facts);
            assertThat(replay).hasSize(5);
            Ledger ledger = null;
            int i = 0;
            for (YearMonth m = FROM; !m.isAfter(TO); m = m.plusMonths(1), i++) {
                Assessment a = d.assess(m, null, facts, ledger);
                assertThat(Engines.json(a)).as("month %s", m)
                        .isEqualTo(Engines.json(replay.get(i)));
                assertThat(a).isEqualTo(replay.get(i));
                assertThat(a.ledger()).isEqualTo(replay.get(i).ledger());
                ledger = a.ledger();
            }
            // a replay asked for a later part of the window writes the same months
            // and month by month through ledger.json, as the command line carries it
            Ledger read = null;
            i = 0;
            for (YearMonth m = FROM; !m.isAfter(TO); m = m.plusMonths(1), i++) {
                Assessment a = d.assess(m, null, facts, read);
                assertThat(Engines.json(a)).as("month %s through ledger.json", m)
                        .isEqualTo(Engines.json(replay.get(i)));
                String written = LedgerJson.write(a.ledger());
                read = LedgerJson.read(written, "ledger.json");
                assertThat(LedgerJson.write(read)).as("ledger.json of %s read back", m).isEqualTo(written);
            }
            List<Assessment> tail = d.replay(c.month(), TO, facts);
            assertThat(tail).isEqualTo(replay.subList(c.month().getMonthValue() - FROM.getMonthValue(), replay.size()));
        });
    }
}

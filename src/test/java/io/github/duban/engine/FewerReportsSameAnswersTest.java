package io.github.duban.engine;

import io.github.duban.generate.PlanGenerator;
import io.github.duban.generate.Spec;
import io.github.duban.outcome.Assessment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in rules get only the earlier reports they can read (decisions S6); the same rules
 * with one more file get every known report. Both must give the same assessments.
 */
class FewerReportsSameAnswersTest {

    @TempDir
    Path dir;

    @Test
    void theBuiltInRules_givenOnlyTheReportsTheyRead_concludeWhatTheyConcludeFromEveryReport() throws IOException {
        Files.writeString(dir.resolve("extra.drl"), "package rules;\nrule \"A rule that never fires\"\nwhen\n    eval(false)\nthen\nend\n");
        Ruleset every = Ruleset.withFolder(dir);
        assertThat(every.builtInOnly()).isFalse();
        PlanGenerator g = new PlanGenerator(Spec.of(4, 30, 6, 6, 99));
        for (int i = 0; i < 4; i++) {
            PlanGenerator.Generated p = g.plan(i);
            Duban fewer = Duban.builder().plan(p.plan()).build();
            Duban all = fewer.toBuilder().rules(every).build();
            List<Assessment> a = fewer.replay(p.plan().reporting().from(), p.plan().reporting().to(), p.facts());
            List<Assessment> b = all.replay(p.plan().reporting().from(), p.plan().reporting().to(), p.facts());
            assertThat(a).hasSize(6);
            for (int m = 0; m < a.size(); m++) {
                Assessment x = a.get(m);
                Assessment y = b.get(m);
                assertThat(x.findings()).as("findings of %s", x.period()).isEqualTo(y.findings());
                assertThat(x.sanctions()).isEqualTo(y.sanctions());
                assertThat(x.scores()).isEqualTo(y.scores());
                assertThat(x.board()).isEqualTo(y.board());
                assertThat(x.cases()).isEqualTo(y.cases());
                assertThat(x.ignored()).isEqualTo(y.ignored());
            }
        }
    }

    @Test
    void aMonthReadThroughTheSieve_fromTheLedgerBefore_isAssessedAsFromEveryReport_andHoldsNoHistory() throws IOException {
        PlanGenerator g = new PlanGenerator(Spec.of(3, 30, 6, 8, 7));
        for (int i = 0; i < 3; i++) {
            PlanGenerator.Generated p = g.plan(i);
            Path folder = dir.resolve("plan-" + i);
            io.github.duban.json.FactsJson.write(folder, p.facts());
            Duban duban = Duban.builder().plan(p.plan()).build();
            io.github.duban.model.Facts every = io.github.duban.json.FactsJson.read(folder, p.plan());
            List<Assessment> replayed = duban.replay(p.plan().reporting().from(), p.plan().reporting().to(), every);
            io.github.duban.outcome.Ledger ledger = null;
            for (Assessment want : replayed) {
                java.time.YearMonth m = want.period();
                io.github.duban.model.Facts sieved = io.github.duban.json.FactsJson.read(folder, p.plan(), duban.sieve(m, null));
                long ofTheMonth = every.reports().stream().filter(r -> r.month().equals(m)).count();
                long pairs = (long) p.plan().tasks().size() * p.plan().units().size();
                assertThat((long) sieved.reports().size()).as("reports held for %s", m).isLessThanOrEqualTo(ofTheMonth + pairs);
                if (!m.equals(p.plan().reporting().from())) {
                    assertThat(sieved.reports().size()).as("reports held for %s", m).isLessThan(every.reports().size());
                }
                Assessment got = duban.assess(m, null, sieved, ledger);
                assertThat(got).as("%s of plan %d", m, i).isEqualTo(want);
                ledger = got.ledger();
            }
        }
    }
}

package io.github.duban.engine;

import io.github.duban.json.FactsJson;
import io.github.duban.model.Facts;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.BoardEntry;
import io.github.duban.outcome.Finding;
import io.github.duban.outcome.FindingKind;
import io.github.duban.outcome.Ledger;
import io.github.duban.outcome.TaskProgress;
import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieSession;

import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine fires a month in three stages: to rest on the facts in, then once the month's
 * {@link Settled} is in, then once its {@link Tally} is in. The lateness findings, a dated task's
 * progress and the signals they give are drawn in the second stage and inserted plainly; the
 * findings must be exactly the month's answer, each drawn once.
 */
class StagesTest {

    private static final Set<FindingKind> SETTLED_KINDS = EnumSet.of(FindingKind.REPORT_LATE, FindingKind.REPORT_MISSING,
            FindingKind.TASK_OVERDUE, FindingKind.TASK_DUE_SOON);

    @Test
    void everyMonthOfTheSampleYear_drawsTheLatenessFindingsOnlyOnceSettled_andTheBoardOnlyOnceTallied() {
        Duban duban = Duban.builder().build();
        Facts facts = FactsJson.sampleYear(duban.plan());
        YearMonth from = duban.plan().reporting().from();
        YearMonth to = duban.plan().reporting().to();
        List<Assessment> months = duban.replay(from, to, facts);
        Ledger ledger = null;
        long lateness = 0;
        for (Assessment expected : months) {
            YearMonth m = expected.period();
            KieSession session = duban.rules().session();
            try {
                duban.insertAll(session, m, expected.asOf(), facts, ledger);
                session.fireAllRules();
                assertThat(findings(session)).as("%s before the Settled", m)
                        .noneMatch(f -> SETTLED_KINDS.contains(f.kind()));
                assertThat(session.getObjects(o -> o instanceof TaskProgress p && p.deadline() != null)).as("%s", m).isEmpty();
                assertThat(session.getObjects(o -> o instanceof BoardEntry)).as("%s", m).isEmpty();

                session.insert(new Settled(m));
                session.fireAllRules();
                List<Finding> drawn = findings(session).stream().filter(f -> SETTLED_KINDS.contains(f.kind())).sorted().toList();
                assertThat(drawn).as("%s once settled: none drawn twice", m).doesNotHaveDuplicates();
                assertThat(drawn).as("%s once settled", m).isEqualTo(expected.findings().stream()
                        .filter(f -> SETTLED_KINDS.contains(f.kind())).sorted().toList());
                lateness += drawn.size();
                assertThat(session.getObjects(o -> o instanceof BoardEntry)).as("%s", m).isEmpty();

                session.insert(new Tally(m));
                session.fireAllRules();
                Assessment staged = duban.collect(session, m, expected.asOf());
                assertThat(staged).as("%s", m).isEqualTo(expected);
                ledger = staged.ledger();
            } finally {
                session.dispose();
            }
        }
        assertThat(lateness).as("the sample year has lateness findings to draw").isPositive();
    }

    private static List<Finding> findings(KieSession session) {
        return session.getObjects(o -> o instanceof Finding).stream().map(Finding.class::cast).toList();
    }
}

package io.github.duban.properties;

import io.github.duban.engine.Duban;
import io.github.duban.model.Facts;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.Ledger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.github.duban.properties.Generators.FROM;
import static io.github.duban.properties.Generators.TO;
import static io.github.duban.properties.Generators.monthCases;
import static io.github.duban.properties.Generators.shuffled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

/**
 * DESIGN §7: the same facts in any order, on any number of threads, give the same assessment.
 */
class OrderAndThreadsProperties {

    private static final int[] THREADS = {1, 2, 4};
    private static final List<ExecutorService> POOLS = new ArrayList<>();

    static {
        for (int n : THREADS) {
            POOLS.add(Executors.newFixedThreadPool(n));
        }
    }

    @AfterAll
    static void stopPools() {
        POOLS.forEach(ExecutorService::shutdownNow);
    }

    /**
     * Every list of facts shuffled, and (DESIGN §8) units named by an alias instead of their id,
     * some facts given by both: a replay of the whole window gives the same assessments.
     */
    @Test
    void factsInAnyOrderGiveTheSameAssessments() {
        qt().withExamples(100).withShrinkCycles(200).forAll(monthCases()).checkAssert(c -> {
            Duban d = Engines.engine(c.scenario().plan());
            Facts facts = c.scenario().facts();
            List<Assessment> given = d.replay(FROM, TO, facts);
            List<Assessment> reordered = d.replay(FROM, TO, shuffled(facts, c.seed()));
            List<Assessment> renamed = d.replay(FROM, TO, shuffled(Generators.renamed(c.scenario().plan(), facts, c.seed()), ~c.seed()));
            for (int i = 0; i < given.size(); i++) {
                assertThat(Engines.json(reordered.get(i)))
                        .as("month %s", given.get(i).period())
                        .isEqualTo(Engines.json(given.get(i)));
                assertThat(reordered.get(i)).isEqualTo(given.get(i));
                assertThat(Engines.json(renamed.get(i)))
                        .as("month %s, units named by id or alias, some facts given twice", given.get(i).period())
                        .isEqualTo(Engines.json(given.get(i)));
            }
        });
    }

    /**
     * One month (as of its last day or of a day inside it) assessed by one shared engine from 1,
     * 2 and 4 threads at once, each job with the facts in an order of its own: every result is the
     * single-threaded one.
     */
    @Test
    void anyNumberOfThreadsGivesTheSameAssessment() {
        qt().withExamples(60).withShrinkCycles(100).forAll(monthCases()).checkAssert(c -> {
            Duban d = Engines.engine(c.scenario().plan());
            Facts facts = c.scenario().facts();
            YearMonth m = c.month();
            Ledger ledger = Engines.ledgerBefore(d, m, facts);
            // as of the month's end, or of a day inside it
            LocalDate asOf = c.seed() % 2 == 0 ? null : m.atDay(1 + (int) ((c.seed() / 2) % m.lengthOfMonth()));
            Assessment alone = d.assess(m, asOf, facts, ledger);
            String expected = Engines.json(alone);
            for (int p = 0; p < THREADS.length; p++) {
                int jobs = 2 * THREADS[p];
                List<Future<Assessment>> futures = new ArrayList<>();
                for (int j = 0; j < jobs; j++) {
                    Facts order = j == 0 ? facts : shuffled(facts, c.seed() + j);
                    futures.add(POOLS.get(p).submit(() -> d.assess(m, asOf, order, ledger)));
                }
                for (Future<Assessment> f : futures) {
                    Assessment a = get(f);
                    assertThat(Engines.json(a))
                            .as("%s on %d threads", m, THREADS[p]).isEqualTo(expected);
                    assertThat(a).isEqualTo(alone);
                }
            }
        });
    }

    private static Assessment get(Future<Assessment> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}

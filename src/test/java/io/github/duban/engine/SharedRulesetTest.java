package io.github.duban.engine;

import io.github.duban.generate.PlanGenerator;
import io.github.duban.generate.Spec;
import io.github.duban.outcome.Assessment;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions are not pooled (decisions S7): each month gets a fresh session of a shared KieBase. What
 * is reused is the KieBase, its network and whatever Drools keeps per JVM, by every assessment on
 * every thread. Nothing of one assessment may reach another: the shared built-in rules, used by many
 * threads at once in a shuffled order, must give what a ruleset compiled for one plan alone gives.
 */
class SharedRulesetTest {

    @Test
    void theSharedRules_usedByManyThreadsAtOnce_assessEveryPlanAsRulesOfItsOwnDo() throws Exception {
        PlanGenerator g = new PlanGenerator(Spec.of(6, 40, 8, 4, 4242));
        List<PlanGenerator.Generated> plans = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            plans.add(g.plan(i));
        }
        Ruleset own = Ruleset.compile(Ruleset.builtIn().sources());
        List<List<Assessment>> alone = new ArrayList<>();
        for (PlanGenerator.Generated p : plans) {
            Duban d = Duban.builder().plan(p.plan()).rules(own).build();
            alone.add(d.replay(p.plan().reporting().from(), p.plan().reporting().to(), p.facts()));
        }

        List<Integer> order = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < plans.size(); i++) {
                order.add(i);
            }
        }
        Collections.shuffle(order, new java.util.Random(7));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Assessment>>> shared = new ArrayList<>();
            for (int i : order) {
                PlanGenerator.Generated p = plans.get(i);
                shared.add(pool.submit(() -> Duban.builder().plan(p.plan()).build()
                        .replay(p.plan().reporting().from(), p.plan().reporting().to(), p.facts())));
            }
            for (int k = 0; k < order.size(); k++) {
                assertThat(shared.get(k).get()).as("plan %d, run %d", order.get(k), k).isEqualTo(alone.get(order.get(k)));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

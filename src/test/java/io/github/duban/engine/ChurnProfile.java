package io.github.duban.engine;

import io.github.duban.json.FactsJson;
import io.github.duban.json.PlanJson;
import io.github.duban.model.Facts;
import io.github.duban.model.Plan;
import io.github.duban.model.Task;
import io.github.duban.model.Unit;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.Case;
import io.github.duban.outcome.Ledger;
import io.github.duban.outcome.PreviousCase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.runtime.KieSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Counts, over month-end replays of the plan folders in a directory, how often each rule fires
 * and how many facts of each class are inserted and deleted again (conclusions withdrawn by truth
 * maintenance are work thrown away). Arguments: the folder, and how many plans to take.
 */
public final class ChurnProfile {

    private ChurnProfile() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int max = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Map<String, long[]> fired = new TreeMap<>();
        Map<String, long[]> inserted = new TreeMap<>();
        Map<String, long[]> deleted = new TreeMap<>();
        Ruleset rules = Ruleset.builtIn();
        if (Boolean.getBoolean("churn.order")) {
            rules.kieBase().getKiePackages().stream().flatMap(k -> k.getRules().stream())
                    .sorted(java.util.Comparator.comparingInt(org.kie.api.definition.rule.Rule::getLoadOrder))
                    .forEach(r -> System.out.printf("%4d %s%n", r.getLoadOrder(), r.getName()));
        }
        try (Stream<Path> s = Files.list(root)) {
            for (Path d : s.filter(Files::isDirectory).sorted().limit(max).toList()) {
                Plan p = PlanJson.read(d.resolve("plan.json"));
                Facts f = FactCheck.all(p, FactsJson.read(d, p));
                Duban duban = Duban.builder().plan(p).rules(rules).build();
                Ledger ledger = null;
                for (YearMonth m = p.reporting().from(); !m.isAfter(p.reporting().to()); m = m.plusMonths(1)) {
                    Ledger before = ledger;
                    // the same month again in a session we can watch
                    KieSession w = rules.kieBase().newKieSession();
                    w.addEventListener(new DefaultAgendaEventListener() {
                        @Override
                        public void afterMatchFired(AfterMatchFiredEvent e) {
                            fired.computeIfAbsent(e.getMatch().getRule().getName(), k -> new long[1])[0]++;
                        }
                    });
                    w.addEventListener(new DefaultRuleRuntimeEventListener() {
                        @Override
                        public void objectInserted(ObjectInsertedEvent e) {
                            inserted.computeIfAbsent(e.getObject().getClass().getSimpleName(), k -> new long[1])[0]++;
                        }

                        @Override
                        public void objectDeleted(ObjectDeletedEvent e) {
                            deleted.computeIfAbsent(e.getOldObject().getClass().getSimpleName(), k -> new long[1])[0]++;
                        }
                    });
                    duban.insertAll(w, m, m.atEndOfMonth(), f, before);
                    Duban.fire(w, m);
                    ledger = duban.collect(w, m, m.atEndOfMonth()).ledger();
                    w.dispose();
                }
            }
        }
        System.out.println("firings by rule:");
        fired.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .forEach(e -> System.out.printf("%9d  %s%n", e.getValue()[0], e.getKey()));
        System.out.println("facts inserted / deleted by class:");
        inserted.forEach((k, v) -> System.out.printf("%9d %9d  %s%n", v[0], deleted.getOrDefault(k, new long[1])[0], k));
    }
}

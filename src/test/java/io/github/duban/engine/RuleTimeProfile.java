package io.github.duban.engine;

import io.github.duban.json.FactsJson;
import io.github.duban.json.PlanJson;
import io.github.duban.model.Facts;
import io.github.duban.model.Plan;
import io.github.duban.outcome.Ledger;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where a month's time goes, by rule: the time from the previous firing (or the start of
 * {@code fireAllRules}) to a rule's firing is counted as that rule's matching, the time inside its
 * action as its action. Arguments: a folder of plan folders, how many plans, how many rounds.
 */
public final class RuleTimeProfile {

    private RuleTimeProfile() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int max = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        Ruleset rules = Ruleset.builtIn();
        List<Plan> plans = new ArrayList<>();
        List<Facts> facts = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            for (Path d : s.filter(Files::isDirectory).sorted().limit(max).toList()) {
                Plan p = PlanJson.read(d.resolve("plan.json"));
                plans.add(p);
                facts.add(FactCheck.all(p, FactsJson.read(d, p)));
            }
        }
        Map<String, long[]> time = new TreeMap<>();
        for (int r = 0; r < rounds; r++) {
            boolean keep = r >= rounds / 2;
            time.clear();
            for (int i = 0; i < plans.size(); i++) {
                Plan p = plans.get(i);
                Duban duban = Duban.builder().plan(p).rules(rules).build();
                Ledger ledger = null;
                for (YearMonth m = p.reporting().from(); !m.isAfter(p.reporting().to()); m = m.plusMonths(1)) {
                    KieSession w = rules.session();
                    long[] mark = {0, 0};
                    w.addEventListener(new DefaultAgendaEventListener() {
                        @Override
                        public void beforeMatchFired(BeforeMatchFiredEvent e) {
                            long now = System.nanoTime();
                            long[] a = time.computeIfAbsent(e.getMatch().getRule().getName(), k -> new long[3]);
                            a[0] += now - mark[0];
                            mark[1] = now;
                        }

                        @Override
                        public void afterMatchFired(AfterMatchFiredEvent e) {
                            long now = System.nanoTime();
                            long[] a = time.get(e.getMatch().getRule().getName());
                            a[1] += now - mark[1];
                            a[2]++;
                            mark[0] = now;
                        }
                    });
                    long t = System.nanoTime();
                    duban.insertAll(w, m, m.atEndOfMonth(), facts.get(i), ledger);
                    long t2 = System.nanoTime();
                    time.computeIfAbsent("~ insert input facts", k -> new long[3])[1] += t2 - t;
                    mark[0] = t2;
                    duban.fire(w, m);
                    long t4 = System.nanoTime();
                    time.computeIfAbsent("~ rest after last firing", k -> new long[3])[0] += t4 - mark[0];
                    ledger = duban.collect(w, m, m.atEndOfMonth()).ledger();
                    time.computeIfAbsent("~ collect", k -> new long[3])[1] += System.nanoTime() - t4;
                    w.dispose();
                }
            }
        }
        long total = time.values().stream().mapToLong(a -> a[0] + a[1]).sum();
        System.out.printf("total %.1f ms over %d plans%n", total / 1e6, plans.size());
        time.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0] + b.getValue()[1], a.getValue()[0] + a.getValue()[1]))
                .forEach(e -> System.out.printf("%6.1f%% match %8.1f ms  action %8.1f ms  fired %7d  %s%n",
                        100.0 * (e.getValue()[0] + e.getValue()[1]) / total, e.getValue()[0] / 1e6, e.getValue()[1] / 1e6, e.getValue()[2], e.getKey()));
    }
}

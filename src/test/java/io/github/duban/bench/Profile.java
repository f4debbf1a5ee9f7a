package io.github.duban.bench;

import io.github.duban.engine.Duban;
import io.github.duban.engine.Ruleset;
import io.github.duban.json.FactsJson;
import io.github.duban.json.PlanJson;
import io.github.duban.model.Facts;
import io.github.duban.model.Plan;
import io.github.duban.outcome.Assessment;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where the engine's time goes, by rule file: the same month-end replays with the rule files
 * added one at a time (lateness; + escalation; + board; + scoring), on one thread.
 * Argument: a folder of plan folders (what {@code scripts/bench} generated).
 */
public final class Profile {

    private Profile() {
    }

    /**
     * Variants in alternating rounds, CPU time of each: a folder of rule files over the built-in
     * ones, "-" for the built-in ones alone, "oracle" for the plain-Java reference. Run with
     * {@code -Dprofile.variants=DIR,-,oracle}; {@code -Dprofile.full=true} times only the full set.
     */
    static void compare(List<Plan> plans, List<Facts> facts, String[] dirs, int rounds) {
        List<List<Duban>> engines = new ArrayList<>();
        for (String d : dirs) {
            if (d.equals("oracle")) {
                engines.add(null);
                continue;
            }
            Ruleset rules = d.equals("-") ? Ruleset.builtIn() : Ruleset.withFolder(Path.of(d));
            engines.add(plans.stream().map(p -> Duban.builder().plan(p).rules(rules).build()).toList());
        }
        for (int v = 1; v < dirs.length; v++) {
            if (engines.get(v) == null || engines.get(0) == null) {
                continue;
            }
            int differ = 0;
            for (int i = 0; i < plans.size(); i++) {
                Duban a = engines.get(0).get(i);
                Duban b = engines.get(v).get(i);
                var x = a.replay(a.plan().reporting().from(), a.plan().reporting().to(), facts.get(i));
                var y = b.replay(b.plan().reporting().from(), b.plan().reporting().to(), facts.get(i));
                // the same conclusions; the ruleset's fingerprint differs with its texts
                if (!conclusions(x).equals(conclusions(y))) {
                    differ++;
                }
            }
            System.out.printf("%s against %s: %d of %d plans differ%n", dirs[v], dirs[0], differ, plans.size());
        }
        long[][] ms = new long[dirs.length][rounds];
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = -3; r < rounds; r++) {
            for (int v = 0; v < dirs.length; v++) {
                long t = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < plans.size(); i++) {
                    if (engines.get(v) == null) {
                        new io.github.duban.oracle.Oracle(plans.get(i), io.github.duban.model.Policy.DEFAULT)
                                .replay(plans.get(i).reporting().to(), facts.get(i));
                        continue;
                    }
                    Duban d = engines.get(v).get(i);
                    d.replay(d.plan().reporting().from(), d.plan().reporting().to(), facts.get(i));
                }
                if (r >= 0) {
                    ms[v][r] = (mx.getCurrentThreadCpuTime() - t) / 1_000_000;
                }
            }
        }
        for (int v = 0; v < dirs.length; v++) {
            long[] s = ms[v].clone();
            java.util.Arrays.sort(s);
            System.out.printf("%-40s median %6d ms CPU, best %6d (%s)%n", dirs[v], s[s.length / 2], s[0], java.util.Arrays.toString(ms[v]));
        }
    }

    /** The months without the ruleset's fingerprint: what the rules concluded. */
    private static List<Assessment> conclusions(List<Assessment> months) {
        return months.stream().map(m -> new Assessment(m.period(), m.asOf(), "", m.findings(), m.sanctions(), m.scores(),
                m.board(), m.cases(), m.ignored(), m.summary())).toList();
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Plan> plans = new ArrayList<>();
        List<Facts> facts = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            for (Path d : s.filter(Files::isDirectory).sorted().toList()) {
                Plan p = PlanJson.read(d.resolve("plan.json"));
                plans.add(p);
                facts.add(FactsJson.read(d, p));
            }
        }
        String variants = System.getProperty("profile.variants");
        if (variants != null) {
            compare(plans, facts, variants.split(","), rounds);
            return;
        }
        List<List<String>> sets = List.of(List.of("lateness.drl"), List.of("lateness.drl", "escalation.drl"),
                List.of("lateness.drl", "escalation.drl", "board.drl"),
                List.of("lateness.drl", "escalation.drl", "board.drl", "scoring.drl"));
        if (Boolean.getBoolean("profile.full")) {
            sets = List.of(sets.get(3));
        }
        for (List<String> set : sets) {
            Map<String, String> src = new TreeMap<>();
            for (String f : set) {
                try (InputStream in = Profile.class.getResourceAsStream("/rules/" + f)) {
                    src.put(f, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            Ruleset rules = Ruleset.compile(src);
            List<Duban> engines = plans.stream().map(p -> Duban.builder().plan(p).rules(rules).build()).toList();
            long best = Long.MAX_VALUE;
            long total = 0;
            for (int r = 0; r < rounds + 1; r++) {
                long t = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                for (int i = 0; i < plans.size(); i++) {
                    Duban d = engines.get(i);
                    d.replay(d.plan().reporting().from(), d.plan().reporting().to(), facts.get(i));
                }
                long ms = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - t) / 1_000_000;
                if (r > 0) {
                    best = Math.min(best, ms);
                    total += ms;
                }
            }
            System.out.printf("%-55s %7d ms CPU (best of %d, mean %d, 1 thread)%n", set, best, rounds, total / rounds);
        }
    }
}

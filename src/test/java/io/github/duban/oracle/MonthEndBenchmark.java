package io.github.duban.oracle;

import io.github.duban.engine.Duban;
import io.github.duban.engine.Ruleset;
import io.github.duban.model.Policy;
import io.github.duban.oracle.SyntheticCity.District;
import io.github.duban.outcome.Assessment;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Times a month-end replay (every month of the window, each as of its last day, the ledger carried)
 * of every plan of a synthetic city, with the engine on 1 and 2 threads and with the oracle as a
 * plain-Java baseline on 1 thread, in the same run, and checks that engine and oracle agree.
 *
 * <pre>
 * mvn -B -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.github.duban.oracle.MonthEndBenchmark -Dexec.args="--plans 200"
 * </pre>
 *
 * Options: {@code --plans N} (200), {@code --rounds R} timed rounds (5), {@code --warmup W} untimed
 * rounds before them (2), {@code --seed S} for the city (2021).
 */
public final class MonthEndBenchmark {

    private MonthEndBenchmark() {
    }

    record Result(String what, int threads, long[] ms, long peakHeapBytes) {
        long median() {
            long[] s = ms.clone();
            Arrays.sort(s);
            return s[s.length / 2];
        }

        long min() {
            return Arrays.stream(ms).min().orElseThrow();
        }
    }

    public static void main(String[] args) throws Exception {
        int plans = 200;
        int rounds = 5;
        int warmup = 2;
        long seed = 2021;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--plans" -> plans = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (expected --plans N, --rounds R, --warmup W, --seed S)");
            }
        }

        long t0 = System.nanoTime();
        Ruleset rules = Ruleset.builtIn();
        long compileMs = (System.nanoTime() - t0) / 1_000_000;
        List<District> city = SyntheticCity.build(plans, seed);
        long facts = city.stream().mapToLong(District::factCount).sum();
        List<Duban> engines = new ArrayList<>();
        List<Oracle> oracles = new ArrayList<>();
        for (District d : city) {
            engines.add(Duban.builder().plan(d.plan()).policy(Policy.DEFAULT).rules(rules).build());
            oracles.add(new Oracle(d.plan(), Policy.DEFAULT));
        }
        YearMonth from = city.get(0).plan().reporting().from();
        YearMonth to = city.get(0).plan().reporting().to();
        int months = (int) from.until(to, java.time.temporal.ChronoUnit.MONTHS) + 1;

        System.out.printf("month-end replay %s..%s (%d months) of %d plans, %d facts; rules compiled in %d ms; "
                        + "%d warm-up + %d timed rounds; %d processors, max heap %d MB, Java %s%n",
                from, to, months, plans, facts, compileMs, warmup, rounds, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));

        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Supplier<Object> engine1 = () -> {
                List<List<Assessment>> out = new ArrayList<>();
                for (int i = 0; i < city.size(); i++) {
                    out.add(engines.get(i).replay(from, to, city.get(i).facts()));
                }
                return out;
            };
            Supplier<Object> engine2 = () -> {
                List<Future<List<Assessment>>> fs = new ArrayList<>();
                for (int i = 0; i < city.size(); i++) {
                    int k = i;
                    fs.add(two.submit(() -> engines.get(k).replay(from, to, city.get(k).facts())));
                }
                List<List<Assessment>> out = new ArrayList<>();
                for (Future<List<Assessment>> f : fs) {
                    try {
                        out.add(f.get());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                return out;
            };
            Supplier<Object> oracle1 = () -> {
                List<List<OracleResult>> out = new ArrayList<>();
                for (int i = 0; i < city.size(); i++) {
                    out.add(oracles.get(i).replay(to, city.get(i).facts()));
                }
                return out;
            };

            for (int w = 0; w < warmup; w++) {
                engine1.get();
                engine2.get();
                oracle1.get();
            }
            Result e1 = time("engine", 1, rounds, engine1);
            Result e2 = time("engine", 2, rounds, engine2);
            Result o1 = time("oracle", 1, rounds, oracle1);

            // do they agree on the benchmark data?
            @SuppressWarnings("unchecked")
            List<List<Assessment>> ea = (List<List<Assessment>>) engine1.get();
            @SuppressWarnings("unchecked")
            List<List<Assessment>> eb = (List<List<Assessment>>) engine2.get();
            @SuppressWarnings("unchecked")
            List<List<OracleResult>> oa = (List<List<OracleResult>>) oracle1.get();
            int mismatches = 0;
            int threadMismatches = 0;
            for (int i = 0; i < city.size(); i++) {
                mismatches += Differential.mismatches(ea.get(i), oa.get(i));
                if (!ea.get(i).equals(eb.get(i))) {
                    threadMismatches++;
                }
            }

            System.out.println();
            System.out.printf("%-8s %7s %6s %8s %9s %9s %12s %11s %14s%n",
                    "", "threads", "plans", "facts", "ms (med)", "ms (min)", "engine/oracle", "plans/s", "peak heap MB");
            for (Result r : List.of(e1, e2, o1)) {
                double ratio = (double) r.median() / o1.median();
                System.out.printf("%-8s %7d %6d %8d %9d %9d %12.1fx %11.1f %14d%n", r.what(), r.threads(), plans, facts,
                        r.median(), r.min(), ratio, plans * 1000.0 / r.median(), r.peakHeapBytes() >> 20);
            }
            System.out.println();
            System.out.printf("per plan (5 months): engine %.2f ms on 1 thread, %.2f ms on 2; oracle %.3f ms%n",
                    (double) e1.median() / plans, (double) e2.median() / plans, (double) o1.median() / plans);
            System.out.printf("months where engine and oracle disagree: %d of %d%n", mismatches, plans * months);
            System.out.printf("plans where 1 and 2 engine threads disagree: %d of %d%n", threadMismatches, plans);
            if (mismatches != 0 || threadMismatches != 0) {
                throw new IllegalStateException("engine and oracle disagree on the benchmark data");
            }
        } finally {
            two.shutdownNow();
        }
    }

    /** Runs {@code work} {@code rounds} times, timing each, with the heap pools' peak usage reset before. */
    static Result time(String what, int threads, int rounds, Supplier<Object> work) {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long[] ms = new long[rounds];
        Object keep = null;
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            keep = work.get();
            ms[i] = (System.nanoTime() - t) / 1_000_000;
        }
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        if (keep == null) {
            throw new IllegalStateException("nothing computed");
        }
        return new Result(what, threads, ms, peak);
    }
}

package io.github.duban.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.duban.engine.Duban;
import io.github.duban.engine.Ruleset;
import io.github.duban.generate.PlanFolders;
import io.github.duban.generate.PlanGenerator;
import io.github.duban.generate.Spec;
import io.github.duban.json.FactsJson;
import io.github.duban.json.PlanJson;
import io.github.duban.model.Completion;
import io.github.duban.model.Facts;
import io.github.duban.model.Plan;
import io.github.duban.model.Policy;
import io.github.duban.model.Task;
import io.github.duban.oracle.Differential;
import io.github.duban.oracle.Oracle;
import io.github.duban.oracle.OracleResult;
import io.github.duban.outcome.Assessment;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The month-end benchmark behind {@code scripts/bench}: generates plan folders (or reuses the ones
 * a run with the same figures left), reads them, then times a month-end replay of every plan
 * (every month of the window as of its last day, the ledger carried) with the engine and with the
 * plain-Java reference ({@link Oracle}), each on the same number of threads, and checks that both
 * gave the same assessments, month by month, plan by plan.
 *
 * <p>Options: {@code --plans P --tasks T --units U --months N --seed S --shape flat|nested --threads K
 * --rounds R --warmup W --chunk C --data DIR --json FILE} ({@code --shape nested}: nested plans of T
 * leaves, and the engine timed also on the same leaves as flat plans ({@link PlanGenerator#leavesOnly})
 * with the same facts, in the same rounds, for the nested/flat ratio; {@code --chunk C}: read and time C plans at a time,
 * the round times summed over the parts, so that a province fits the heap; {@code --warmup W}: at
 * least W untimed rounds on the first part, and up to {@value #MORE_WARMUP} more while the JIT still
 * spends over 5 % of a round compiling); {@code --end-to-end OUT} instead runs {@link EndToEnd} on the
 * generated folders (read, assess the window's last month, write its files under OUT).
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>(Map.of("--plans", "100", "--tasks", "40", "--units", "10", "--months", "5",
                "--seed", "2021", "--threads", "2", "--rounds", "3", "--warmup", "2", "--chunk", "0"));
        o.put("--shape", "flat");
        String data = null;
        String json = null;
        String endToEnd = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                throw usage("option " + a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--data" -> data = v;
                case "--json" -> json = v;
                case "--end-to-end" -> endToEnd = v;
                default -> {
                    if (!o.containsKey(a)) {
                        throw usage("unknown option " + a);
                    }
                    o.put(a, v);
                }
            }
        }
        Spec spec = Spec.of(num(o, "--plans"), num(o, "--tasks"), num(o, "--units"), num(o, "--months"), Long.parseLong(o.get("--seed")),
                Spec.Shape.parse(o.get("--shape")));
        boolean nested = spec.shape() == Spec.Shape.NESTED;
        int threads = num(o, "--threads");
        int rounds = num(o, "--rounds");
        int warmup = num(o, "--warmup");
        Path root = Path.of(data != null ? data : System.getProperty("java.io.tmpdir") + "/duban-bench").resolve(spec.key());

        HeapWatch heap = HeapWatch.start();
        Path done = root.resolve(".complete");
        if (!Files.exists(done)) {
            long t = System.nanoTime();
            PlanFolders.Written w = PlanFolders.write(root, spec, threads);
            Files.writeString(done, w.plans() + " plans\n");
            System.out.printf("generated %d %s plans (%d tasks, %d of them judged; %d facts) into %s in %d ms%n", w.plans(),
                    spec.shape().lower(), w.tasks(), w.leaves(), w.facts(), root, ms(t));
        } else {
            System.out.printf("reusing %s%n", root);
        }

        if (endToEnd != null) {
            heap.stop();
            EndToEnd.main(new String[] {root.toString(), endToEnd, String.valueOf(threads)});
            return;
        }
        long t0 = System.nanoTime();
        List<Path> dirs;
        try (Stream<Path> s = Files.list(root)) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        Ruleset rules = Ruleset.builtIn();
        long rulesMs = ms(t0);
        int chunk = num(o, "--chunk") > 0 ? num(o, "--chunk") : Math.max(1, dirs.size());
        System.out.printf("%d plans in %s of %d; rules ready in %d ms; %d threads, at least %d warm-up + %d timed rounds; "
                        + "%d processors, max heap %d MB, Java %s%n",
                dirs.size(), chunk >= dirs.size() ? "one part" : "parts", Math.min(chunk, dirs.size()), rulesMs, threads, warmup, rounds,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long[] e = new long[rounds];
            long[] r = new long[rounds];
            long[] ec = new long[rounds];
            long[] rc = new long[rounds];
            long[] fl = new long[rounds];
            long[] fc = new long[rounds];
            long groups = 0;
            long readMs = 0;
            long obligations = 0;
            AtomicLong differ = new AtomicLong();
            AtomicLong months = new AtomicLong();
            List<String> first = new ArrayList<>();
            boolean warmed = false;
            int warmupRounds = 0;
            long engineJit = 0;
            long referenceJit = 0;
            // plans are taken a part at a time (--chunk), so a province fits the heap; each round's time is the sum over the parts
            for (int from = 0; from < dirs.size(); from += chunk) {
                List<Path> part = dirs.subList(from, Math.min(dirs.size(), from + chunk));
                t0 = System.nanoTime();
                List<Plan> plans = new ArrayList<>();
                List<Facts> facts = new ArrayList<>();
                for (Path d : part) {
                    Plan p = PlanJson.read(d.resolve("plan.json"));
                    plans.add(p);
                    facts.add(FactsJson.read(d, p));
                }
                readMs += ms(t0);
                List<Duban> engines = plans.stream().map(p -> Duban.builder().plan(p).policy(Policy.DEFAULT).rules(rules).build()).toList();
                List<Oracle> oracles = plans.stream().map(p -> new Oracle(p, Policy.DEFAULT)).toList();
                // nested: the same leaves as flat plans, with the same facts (what the grouping costs)
                List<Duban> flats = !nested ? List.of() : plans.stream()
                        .map(p -> Duban.builder().plan(PlanGenerator.leavesOnly(p)).policy(Policy.DEFAULT).rules(rules).build()).toList();
                for (Plan p : plans) {
                    groups += p.groups().size();
                }
                for (int i = 0; i < plans.size(); i++) {
                    obligations += obligations(plans.get(i), facts.get(i));
                }
                IntFunction<Object> engine = i -> {
                    Duban d = engines.get(i);
                    List<Assessment> a = d.replay(d.plan().reporting().from(), d.plan().reporting().to(), facts.get(i));
                    return a.get(a.size() - 1).findings().size();
                };
                IntFunction<Object> flat = i -> {
                    Duban d = flats.get(i);
                    List<Assessment> a = d.replay(d.plan().reporting().from(), d.plan().reporting().to(), facts.get(i));
                    return a.get(a.size() - 1).findings().size();
                };
                IntFunction<Object> oracle = i -> {
                    List<OracleResult> a = oracles.get(i).replay(plans.get(i).reporting().to(), facts.get(i));
                    return a.get(a.size() - 1).findings().size();
                };
                if (!warmed) {
                    // W rounds at least, then more (up to MORE_WARMUP) while the JIT still spends more than
                    // SETTLED of a round compiling: the timed rounds measure compiled code, not the compiler
                    for (int w = 0; w < warmup + MORE_WARMUP; w++) {
                        long j = jitMs();
                        long t = System.nanoTime();
                        run(pool, plans.size(), engine);
                        run(pool, plans.size(), oracle);
                        if (nested) {
                            run(pool, plans.size(), flat);
                        }
                        long wall = ms(t);
                        long compiling = jitMs() - j;
                        warmupRounds++;
                        System.out.printf("  warm-up round %d: %d ms, %d ms of it compiling%n", warmupRounds, wall, compiling);
                        if (w + 1 >= warmup && compiling <= SETTLED * wall) {
                            break;
                        }
                    }
                    warmed = true;
                }
                for (int k = 0; k < rounds; k++) {
                    long c = cpuNanos();
                    long j = jitMs();
                    long t = System.nanoTime();
                    run(pool, plans.size(), engine);
                    e[k] += ms(t);
                    ec[k] += (cpuNanos() - c) / 1_000_000;
                    engineJit += jitMs() - j;
                    // nested: the same leaves flat, right after the engine on the nested plans
                    if (nested) {
                        c = cpuNanos();
                        t = System.nanoTime();
                        run(pool, plans.size(), flat);
                        fl[k] += ms(t);
                        fc[k] += (cpuNanos() - c) / 1_000_000;
                    }
                    c = cpuNanos();
                    j = jitMs();
                    t = System.nanoTime();
                    run(pool, plans.size(), oracle);
                    r[k] += ms(t);
                    rc[k] += (cpuNanos() - c) / 1_000_000;
                    referenceJit += jitMs() - j;
                }

                // the same assessments? every month of every plan, compared as the property tests do
                List<Path> names = part;
                run(pool, plans.size(), i -> {
                    Duban d = engines.get(i);
                    List<Assessment> ea = d.replay(d.plan().reporting().from(), d.plan().reporting().to(), facts.get(i));
                    List<OracleResult> oa = oracles.get(i).replay(plans.get(i).reporting().to(), facts.get(i));
                    int m = Differential.mismatches(ea, oa);
                    months.addAndGet(ea.size());
                    if (m > 0) {
                        differ.addAndGet(m);
                        synchronized (first) {
                            if (first.isEmpty()) {
                                first.add(names.get(i).getFileName() + " " + Differential.firstDifference(ea, oa));
                            }
                        }
                    }
                    return m;
                });
                if (chunk < dirs.size()) {
                    System.err.printf("  %d of %d plans: engine %d ms, reference %d ms so far%n", from + part.size(), dirs.size(), e[0], r[0]);
                }
            }
            long engineMs = median(e);
            long referenceMs = median(r);
            System.out.printf("%d obligations; facts read in %d ms%n", obligations, readMs);
            boolean identical = differ.get() == 0;
            long peakMb = heap.peakBytes() >> 20;
            double ratio = (double) engineMs / Math.max(1, referenceMs);

            Map<String, Object> out = new LinkedHashMap<>();
            out.put("engineMs", engineMs);
            out.put("referenceMs", referenceMs);
            out.put("ratio", Math.round(ratio * 100) / 100.0);
            out.put("threads", threads);
            out.put("plans", dirs.size());
            out.put("obligations", obligations);
            out.put("obligationsPerSecond", Math.round(obligations * 1000.0 / Math.max(1, engineMs)));
            out.put("peakHeapMb", peakMb);
            out.put("identical", identical);
            out.put("monthsCompared", months.get());
            out.put("monthsDiffering", differ.get());
            out.put("engineCpuMs", median(ec));
            out.put("referenceCpuMs", median(rc));
            out.put("cpuRatio", Math.round((double) median(ec) / Math.max(1, median(rc)) * 100) / 100.0);
            out.put("shape", spec.shape().lower());
            out.put("generatorVersion", PlanGenerator.VERSION);
            out.put("tasks", spec.tasks());
            out.put("groups", groups);
            out.put("units", spec.units());
            out.put("months", spec.months());
            out.put("seed", spec.seed());
            out.put("rounds", rounds);
            out.put("engineRoundsMs", e);
            out.put("referenceRoundsMs", r);
            out.put("rulesReadyMs", rulesMs);
            out.put("readMs", readMs);
            out.put("chunk", Math.min(chunk, dirs.size()));
            out.put("warmupRounds", warmupRounds);
            out.put("engineJitMs", engineJit);
            out.put("referenceJitMs", referenceJit);
            if (nested) {
                out.put("flatEngineMs", median(fl));
                out.put("flatEngineRoundsMs", fl);
                out.put("nestedFlatRatio", Math.round((double) engineMs / Math.max(1, median(fl)) * 100) / 100.0);
                out.put("flatEngineCpuMs", median(fc));
                out.put("nestedFlatCpuRatio", Math.round((double) median(ec) / Math.max(1, median(fc)) * 100) / 100.0);
            }

            System.out.printf("engine    %8d ms (rounds %s)%n", engineMs, Arrays.toString(e));
            System.out.printf("reference %8d ms (rounds %s)%n", referenceMs, Arrays.toString(r));
            System.out.printf("CPU time (process, all threads): engine %d ms, reference %d ms, ratio %.2fx%n", median(ec), median(rc),
                    (double) median(ec) / Math.max(1, median(rc)));
            System.out.printf("ratio %.2fx on %d threads each; %d obligations, %d obligations/s; peak heap %d MB%n", ratio, threads,
                    obligations, out.get("obligationsPerSecond"), peakMb);
            System.out.printf("identical: %s (%d of %d months differ)%n", identical, differ.get(), months.get());
            System.out.printf("after %d warm-up rounds; the JIT compiled for %d ms during the engine's timed rounds, %d ms during the reference's%n",
                    warmupRounds, engineJit, referenceJit);
            if (nested) {
                System.out.printf("flat      %8d ms (rounds %s): the engine on the same %d leaves a plan as flat plans, the same facts%n",
                        median(fl), Arrays.toString(fl), spec.tasks());
                System.out.printf("nested/flat %.2fx (engine %d ms on the nested plans, %d groups, against %d ms flat; median of %d rounds)%n",
                        (double) engineMs / Math.max(1, median(fl)), engineMs, groups, median(fl), rounds);
                System.out.printf("CPU time nested/flat %.2fx (engine %d ms nested, %d ms flat)%n",
                        (double) median(ec) / Math.max(1, median(fc)), median(ec), median(fc));
            }
            if (!first.isEmpty()) {
                System.out.println("first difference: " + first.get(0));
            }
            if (json != null) {
                Path f = Path.of(json);
                if (f.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(f.toAbsolutePath().getParent());
                }
                Files.writeString(f, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out) + "\n",
                        StandardCharsets.UTF_8);
            }
            if (!identical) {
                System.exit(1);
            }
        } finally {
            pool.shutdownNow();
            heap.stop();
        }
    }

    /** Report obligations (DESIGN §4): Σ over the window's months of the (leaf task, lead unit) pairs owed a report that month. */
    static long obligations(Plan plan, Facts facts) {
        Map<Integer, LocalDate> done = new java.util.HashMap<>();
        for (Completion c : facts.completions()) {
            done.merge(c.task(), c.completedOn(), (a, b) -> a.isBefore(b) ? a : b);
        }
        long n = 0;
        for (YearMonth m = plan.reporting().from(); !m.isAfter(plan.reporting().to()); m = m.plusMonths(1)) {
            for (Task t : plan.leaves()) {
                LocalDate c = t.ongoing() ? null : done.get(t.no());
                if (c == null || !c.isBefore(m.atDay(1))) {
                    n += t.leads().size();
                }
            }
        }
        return n;
    }

    static void run(ExecutorService pool, int n, IntFunction<Object> work) throws Exception {
        List<Future<Object>> fs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int k = i;
            fs.add(pool.submit(() -> work.apply(k)));
        }
        for (Future<Object> f : fs) {
            if (f.get() == null) {
                throw new IllegalStateException("nothing computed");
            }
        }
    }

    /** Warm-up rounds beyond {@code --warmup} at most, while the JIT is still busy. */
    static final int MORE_WARMUP = 6;

    /** The JIT counts as settled when it compiled for at most this share of a warm-up round's wall time. */
    static final double SETTLED = 0.05;

    /** Time the JIT compilers have spent so far (ms), or 0 where the JVM does not tell. */
    static long jitMs() {
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** CPU time of the whole process (every thread, GC included). */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static long median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    static int num(Map<String, String> o, String k) {
        try {
            return Integer.parseInt(o.get(k));
        } catch (NumberFormatException e) {
            throw usage(k + " " + o.get(k) + " is not a whole number");
        }
    }

    static IllegalArgumentException usage(String why) {
        return new IllegalArgumentException(why + " (expected --plans P --tasks T --units U --months N --threads K --seed S --shape flat|nested "
                + "--rounds R --warmup W --chunk C --data DIR --json FILE --end-to-end OUT)");
    }

    /** The most heap in use at once: the heap before each collection, from GC notifications, and now. */
    static final class HeapWatch {
        private final AtomicLong peak = new AtomicLong();
        private final List<Runnable> undo = new ArrayList<>();

        static HeapWatch start() {
            HeapWatch w = new HeapWatch();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter em) {
                    javax.management.NotificationListener l = (n, h) -> {
                        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                            long used = info.getGcInfo().getMemoryUsageBeforeGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
                            w.peak.accumulateAndGet(used, Math::max);
                        }
                    };
                    em.addNotificationListener(l, null, null);
                    w.undo.add(() -> {
                        try {
                            em.removeNotificationListener(l);
                        } catch (javax.management.ListenerNotFoundException ignored) {
                            // already gone
                        }
                    });
                }
            }
            return w;
        }

        long peakBytes() {
            long now = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getUsage().getUsed()).sum();
            return Math.max(peak.get(), now);
        }

        void stop() {
            undo.forEach(Runnable::run);
        }
    }
}

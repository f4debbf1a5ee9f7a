package io.github.duban.bench;

import io.github.duban.engine.Duban;
import io.github.duban.engine.Ruleset;
import io.github.duban.json.AssessmentJson;
import io.github.duban.json.FactsJson;
import io.github.duban.json.LedgerJson;
import io.github.duban.json.PlanJson;
import io.github.duban.json.ScoresCsv;
import io.github.duban.model.Facts;
import io.github.duban.model.Plan;
import io.github.duban.outcome.Assessment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A month-end run from files to files, one plan at a time on K threads: read the plan folder
 * (plan.json and the JSON-lines facts), replay the window to its last month with the ledger
 * carried, and write that month's assessment.json, ledger.json and scores.csv under
 * {@code OUT/<plan-id>/}, each through a temporary file and a rename. Only the plans in flight are
 * held in memory. Arguments: the folder of plan folders, OUT, K.
 */
public final class EndToEnd {

    private EndToEnd() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Bench.HeapWatch heap = Bench.HeapWatch.start();
        long t0 = System.nanoTime();
        Ruleset rules = Ruleset.builtIn();
        long rulesMs = Bench.ms(t0);
        List<Path> dirs;
        try (Stream<Path> s = Files.list(root)) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        AtomicLong obligations = new AtomicLong();
        AtomicLong findings = new AtomicLong();
        AtomicLong readNs = new AtomicLong();
        AtomicLong assessNs = new AtomicLong();
        AtomicLong writeNs = new AtomicLong();
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t1 = System.nanoTime();
        long c1 = Bench.cpuNanos();
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (Path d : dirs) {
                fs.add(pool.submit(() -> {
                    long r0 = mx.getCurrentThreadCpuTime();
                    Plan p = PlanJson.read(d.resolve("plan.json"));
                    Facts f = FactsJson.read(d, p);
                    long r1 = mx.getCurrentThreadCpuTime();
                    Duban duban = Duban.builder().plan(p).rules(rules).build();
                    List<Assessment> months = duban.replay(p.reporting().to(), p.reporting().to(), f);
                    Assessment a = months.get(months.size() - 1);
                    long r2 = mx.getCurrentThreadCpuTime();
                    Path dir = out.resolve(d.getFileName());
                    write(dir, Map.of("assessment.json", AssessmentJson.write(a), "ledger.json", LedgerJson.write(a.ledger()),
                            "scores.csv", ScoresCsv.write(a)));
                    long r3 = mx.getCurrentThreadCpuTime();
                    readNs.addAndGet(r1 - r0);
                    assessNs.addAndGet(r2 - r1);
                    writeNs.addAndGet(r3 - r2);
                    obligations.addAndGet(monthObligations(p, f));
                    findings.addAndGet(a.findings().size());
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long ms = Bench.ms(t1);
        long cpu = (Bench.cpuNanos() - c1) / 1_000_000;
        System.out.printf("end to end: %d plans, %d obligations in the month, %d findings; rules ready in %d ms; "
                        + "read + assess + write %d ms (CPU %d ms) on %d threads; peak heap %d MB (max %d MB)%n",
                dirs.size(), obligations.get(), findings.get(), rulesMs, ms, cpu, threads, heap.peakBytes() >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("CPU by phase (worker threads): read %d ms, assess %d ms, write %d ms%n", readNs.get() / 1_000_000,
                assessNs.get() / 1_000_000, writeNs.get() / 1_000_000);
        heap.stop();
    }

    /** Report obligations of the window's last month alone. */
    static long monthObligations(Plan p, Facts f) {
        Plan last = new Plan(p.title(), p.docNumber(), p.issuedOn(),
                new io.github.duban.model.ReportingRule(p.reporting().to(), p.reporting().to(), p.reporting().dueDay()),
                p.stages(), p.goals(), p.units(), p.tasks());
        return Bench.obligations(last, f);
    }

    static void write(Path dir, Map<String, String> files) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path tmp = Files.createTempFile(dir, "." + e.getKey(), ".tmp");
                try {
                    Files.writeString(tmp, e.getValue(), StandardCharsets.UTF_8);
                    Files.move(tmp, dir.resolve(e.getKey()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir, e);
        }
    }
}

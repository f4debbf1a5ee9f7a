package io.github.duban.generate;

import io.github.duban.json.FactsJson;
import io.github.duban.json.PlanJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes generated plans as folders in the layout {@code duban assess --plans} reads:
 * {@code DIR/<plan-id>/plan.json} and the five facts files. Each file goes through a temporary
 * file and a rename. Plans are made and written one at a time (on up to {@code threads} threads),
 * so memory holds a handful of plans, never the whole set. Thread-safe.
 */
public final class PlanFolders {

    private PlanFolders() {
    }

    /** Figures of what was written: {@code tasks} counts every task, {@code leaves} those the rules judge. */
    public record Written(int plans, long tasks, long leaves, long facts) {
    }

    public static Written write(Path out, Spec spec, int threads) {
        PlanGenerator g = new PlanGenerator(spec);
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + out, e);
        }
        java.util.concurrent.atomic.AtomicLong tasks = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong leaves = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong facts = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int k = 0; k < spec.plans(); k++) {
                int i = k;
                done.add(pool.submit(() -> {
                    PlanGenerator.Generated p = g.plan(i);
                    Path dir = out.resolve(p.id());
                    FactsJson.write(dir, p.facts());
                    writeAside(dir.resolve("plan.json"), PlanJson.write(p.plan()));
                    tasks.addAndGet(p.plan().tasks().size());
                    leaves.addAndGet(p.plan().leaves().size());
                    facts.addAndGet(p.facts().reports().size() + p.facts().completions().size() + p.facts().extensions().size()
                            + p.facts().inspections().size() + p.facts().rectifications().size());
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Written(spec.plans(), tasks.get(), leaves.get(), facts.get());
    }

    private static void writeAside(Path file, String text) {
        try {
            Path tmp = io.github.duban.batch.SafeOutput.tempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}

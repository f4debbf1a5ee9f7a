package io.github.duban.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.duban.bulletin.BulletinSettings;
import io.github.duban.bulletin.Bulletins;
import io.github.duban.engine.Duban;
import io.github.duban.json.FactsJson;
import io.github.duban.error.InputException;
import io.github.duban.error.LedgerException;
import io.github.duban.json.LedgerJson;
import io.github.duban.json.PlanJson;
import io.github.duban.model.Facts;
import io.github.duban.model.Plan;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.FindingKind;
import io.github.duban.outcome.Ledger;
import io.github.duban.outcome.Light;
import io.github.duban.outcome.Text;
import io.github.duban.outcome.UnitScore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The month-end run over a folder of plans: each sub-folder of {@code plansDir} is one plan (its
 * {@code plan.json}, its facts files, and optionally the {@code ledger.json} of the month before;
 * without it the months before are replayed). Plans are assessed in parallel on a fixed pool;
 * each plan's folder in {@code outDir} appears whole or not at all ({@link SafeOutput}), and
 * {@code outDir/summary.csv} and {@code outDir/index.html} list every plan in folder-name order,
 * so the bytes never depend on thread timing. A plan with bad input is reported and the others
 * are still assessed. Thread-safe.
 */
public final class MonthEnd {
    private static final Logger LOG = LoggerFactory.getLogger(MonthEnd.class);

    /** The summary's columns, in order. */
    public static final List<String> SUMMARY_COLUMNS = List.of("plan", "status", "title", "units", "red", "overdue",
            "sanctions", "lowest_score", "lowest_unit", "bulletin", "problem");

    private MonthEnd() {
    }

    /**
     * How to run: the engine whose policy, rules and calendar every plan is assessed with (its own
     * plan is replaced by each folder's), the as-of date (null: the month's last day), the number of
     * threads (0: all cores), the bulletin settings and where progress goes (null: nowhere).
     * Immutable and thread-safe.
     */
    public record Options(Duban engine, LocalDate asOf, int threads, BulletinSettings settings, Progress progress) {
        /** Checks that the engine is given and the threads are not negative; null settings are the default ones. */
        public Options {
            Objects.requireNonNull(engine, "engine");
            if (threads < 0) {
                throw new IllegalArgumentException("threads " + threads + " is negative");
            }
            settings = settings == null ? BulletinSettings.DEFAULT : settings;
        }

        /** The default policy, built-in rules and China's calendar; the engine's plan (the sample) is never used, each folder's plan replaces it. */
        public static Options defaults() {
            return new Options(Duban.builder().plan(io.github.duban.json.PlanJson.embedded()).build(), null, 0, BulletinSettings.DEFAULT, null);
        }

        /** These options with {@code n} threads (0: all cores). */
        public Options withThreads(int n) {
            return new Options(engine, asOf, n, settings, progress);
        }

        /** These options with progress told to {@code p} (null: nowhere). */
        public Options withProgress(Progress p) {
            return new Options(engine, asOf, threads, settings, p);
        }
    }

    /**
     * One plan's outcome: its folder name, its title, and either the counts the summary shows or
     * the problem that stopped it ({@code ok} false). Immutable and thread-safe.
     */
    public record PlanResult(String plan, boolean ok, String title, int units, int red, int overdue, int sanctions,
                             BigDecimal lowestScore, String lowestUnit, String problem) {
    }

    /** Every plan's outcome in folder-name order. Immutable and thread-safe. */
    public record Result(YearMonth month, List<PlanResult> plans) {
        /** Copies the plans' outcomes, so the result cannot change. */
        public Result {
            plans = List.copyOf(plans);
        }

        /** How many plans were stopped by a problem and have no output. */
        public long failed() {
            return plans.stream().filter(p -> !p.ok()).count();
        }

        /** True when every plan was assessed. */
        public boolean allOk() {
            return failed() == 0;
        }
    }

    /**
     * Assesses {@code month} for every plan folder under {@code plansDir} and writes
     * {@code outDir/<plan>/…}, {@code outDir/summary.csv} and {@code outDir/index.html}.
     *
     * @throws InputException when {@code plansDir} is not a folder
     */
    public static Result run(Path plansDir, YearMonth month, Path outDir, Options options) {
        Objects.requireNonNull(month, "month");
        if (!Files.isDirectory(plansDir)) {
            throw new InputException(plansDir.toString(), 0, null, "--plans names no folder of plans");
        }
        List<Path> folders = folders(plansDir);
        SafeOutput.recover(outDir);
        int threads = options.threads() > 0 ? options.threads() : Runtime.getRuntime().availableProcessors();
        Progress progress = options.progress();
        if (progress != null) {
            progress.start(folders.size());
        }
        int workers = Math.max(1, Math.min(threads, Math.max(1, folders.size())));
        ExecutorService pool = Executors.newFixedThreadPool(workers, daemons("duban-month-end-"));
        // a plan's folder is written, and synced to disk, by a writer, so that an assessing thread
        // never waits on the disk; at most two finished plans per thread wait to be written
        ExecutorService writers = Executors.newFixedThreadPool(workers, daemons("duban-month-end-write-"));
        Semaphore waiting = new Semaphore(2 * workers);
        List<PlanResult> results = new ArrayList<>();
        try {
            List<Future<Future<PlanResult>>> futures = new ArrayList<>();
            for (Path f : folders) {
                futures.add(pool.submit(() -> {
                    Prepared p = prepare(f, month, outDir, options);
                    if (p.files() == null) {
                        if (progress != null) {
                            progress.done(false);
                        }
                        return java.util.concurrent.CompletableFuture.completedFuture(p.result());
                    }
                    waiting.acquire();
                    return writers.submit(() -> {
                        try {
                            SafeOutput.replaceFolder(p.target(), p.files());
                        } finally {
                            waiting.release();
                        }
                        if (progress != null) {
                            progress.done(true);
                        }
                        return p.result();
                    });
                }));
            }
            for (Future<Future<PlanResult>> f : futures) {
                results.add(f.get().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the month-end run was interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
            writers.shutdownNow();
        }
        if (progress != null) {
            progress.finish();
        }
        Result result = new Result(month, results);
        SafeOutput.writeFile(outDir.resolve("summary.csv"), summaryCsv(result).getBytes(StandardCharsets.UTF_8));
        SafeOutput.writeFile(outDir.resolve("index.html"), index(result, options.settings()).getBytes(StandardCharsets.UTF_8));
        LOG.info("month-end {}: {} plans, {} refused, {} threads", month, results.size(), result.failed(), threads);
        return result;
    }

    /** A plan assessed and its files made, to be written into {@code target}; {@code files} null when it was refused. */
    private record Prepared(PlanResult result, Path target, Map<String, byte[]> files) {
    }

    private static Prepared prepare(Path folder, YearMonth month, Path outDir, Options options) {
        String name = folder.getFileName().toString();
        String title = "";
        try {
            Path planFile = folder.resolve("plan.json");
            if (!Files.isRegularFile(planFile)) {
                throw new InputException(planFile.toString(), 0, null, "is missing: each plan folder needs its plan.json");
            }
            Plan plan = PlanJson.read(planFile);
            title = plan.title();
            Duban duban = options.engine().toBuilder().plan(plan).build();
            if (!plan.reporting().covers(month)) {
                throw new InputException(planFile.toString(), 0, "reporting", "month " + month + " is outside the plan's reporting window "
                        + plan.reporting().from() + ".." + plan.reporting().to());
            }
            Path ledgerFile = folder.resolve("ledger.json");
            boolean fromLedger = Files.isRegularFile(ledgerFile);
            Facts facts = FactsJson.read(folder, plan);
            Ledger previous = null;
            if (fromLedger) {
                previous = LedgerJson.read(ledgerFile);
            } else if (!month.equals(plan.reporting().from())) {
                List<Assessment> before = duban.replay(plan.reporting().from(), month.minusMonths(1), facts);
                previous = before.get(before.size() - 1).ledger();
            }
            Assessment a;
            try {
                a = duban.assess(month, options.asOf(), facts, previous);
            } catch (LedgerException e) {
                throw fromLedger ? e.in(ledgerFile.toString()) : e;
            }
            Map<String, byte[]> files = MonthFiles.of(duban, a, options.settings());
            UnitScore lowest = a.scores().stream()
                    .min((x, y) -> x.score().compareTo(y.score()) != 0 ? x.score().compareTo(y.score()) : Text.ORDER.compare(x.unit(), y.unit()))
                    .orElse(null);
            int red = a.summary() == null ? 0 : a.summary().red();
            int overdue = a.summary() == null ? 0 : a.summary().overdue();
            return new Prepared(new PlanResult(name, true, title, a.summary() == null ? a.scores().size() : a.summary().unitsScored(), red, overdue, a.sanctions().size(),
                    lowest == null ? null : lowest.score(), lowest == null ? "" : lowest.unit(), ""), outDir.resolve(name), files);
        } catch (InputException | LedgerException e) {
            return new Prepared(new PlanResult(name, false, title, 0, 0, 0, 0, null, "", e.getMessage()), null, null);
        } catch (IllegalArgumentException e) {
            return new Prepared(new PlanResult(name, false, title, 0, 0, 0, 0, null, "", folder + ": " + e.getMessage()), null, null);
        } catch (RuntimeException | StackOverflowError e) {
            // one plan's failure of any kind is that plan's, reported with its cause; the others go on
            LOG.warn("plan {} failed", name, e);
            return new Prepared(new PlanResult(name, false, title, 0, 0, 0, 0, null, "",
                    folder + ": unexpected failure: " + e), null, null);
        }
    }

    private static List<Path> folders(Path plansDir) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(plansDir, p -> Files.isDirectory(p)
                && !p.getFileName().toString().startsWith("."))) {
            ds.forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + plansDir, e);
        }
        out.sort((a, b) -> Text.ORDER.compare(a.getFileName().toString(), b.getFileName().toString()));
        return out;
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    // summary.csv and index.html

    private static final CsvMapper CSV = new CsvMapper();

    static String summaryCsv(Result r) {
        CsvSchema.Builder sb = CsvSchema.builder().setUseHeader(true);
        SUMMARY_COLUMNS.forEach(sb::addColumn);
        List<Map<String, String>> rows = new ArrayList<>();
        for (PlanResult p : r.plans()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("plan", io.github.duban.json.CsvText.safe(p.plan()));
            row.put("status", p.ok() ? "ok" : "refused");
            row.put("title", io.github.duban.json.CsvText.safe(p.title()));
            row.put("units", p.ok() ? String.valueOf(p.units()) : "");
            row.put("red", p.ok() ? String.valueOf(p.red()) : "");
            row.put("overdue", p.ok() ? String.valueOf(p.overdue()) : "");
            row.put("sanctions", p.ok() ? String.valueOf(p.sanctions()) : "");
            row.put("lowest_score", p.lowestScore() == null ? "" : plain(p.lowestScore()));
            row.put("lowest_unit", io.github.duban.json.CsvText.safe(p.lowestUnit()));
            row.put("bulletin", p.ok() ? p.plan() + "/bulletin.html" : "");
            row.put("problem", io.github.duban.json.CsvText.safe(p.problem()));
            rows.add(row);
        }
        try {
            return "\uFEFF" + CSV.writer(sb.build()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String index(Result r, BulletinSettings settings) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("month", r.month().toString());
        model.put("monthText", r.month().getYear() + "年" + r.month().getMonthValue() + "月");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PlanResult p : r.plans()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("plan", io.github.duban.json.CsvText.safe(p.plan()));
            row.put("ok", p.ok());
            row.put("title", io.github.duban.json.CsvText.safe(p.title()));
            row.put("units", p.units());
            row.put("red", p.red());
            row.put("overdue", p.overdue());
            row.put("sanctions", p.sanctions());
            row.put("lowestScore", p.lowestScore() == null ? "" : plain(p.lowestScore()));
            row.put("lowestUnit", p.lowestUnit());
            row.put("href", encode(p.plan()) + "/bulletin.html");
            row.put("problem", io.github.duban.json.CsvText.safe(p.problem()));
            rows.add(row);
        }
        model.put("plans", rows);
        model.put("total", r.plans().size());
        model.put("refused", r.failed());
        return Bulletins.render(Bulletins.INDEX_TEMPLATE, model, settings.templates());
    }

    private static String encode(String segment) {
        StringBuilder sb = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }

    private static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}

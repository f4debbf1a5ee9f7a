package io.github.duban.bench;

import io.github.duban.batch.MonthFiles;
import io.github.duban.batch.SafeOutput;
import io.github.duban.bulletin.Bulletin;
import io.github.duban.bulletin.BulletinSettings;
import io.github.duban.bulletin.Bulletins;
import io.github.duban.engine.Duban;
import io.github.duban.generate.PlanGenerator;
import io.github.duban.generate.Spec;
import io.github.duban.json.AssessmentJson;
import io.github.duban.json.LedgerJson;
import io.github.duban.json.ScoresCsv;
import io.github.duban.outcome.Assessment;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What writing one plan's month costs, piece by piece, warm, on one thread: the Word bulletin
 * (and its word/document.xml alone, from the FreeMarker template), the Markdown
 * and HTML bulletins, assessment.json, ledger.json, scores.csv, and all of them together as the
 * month-end run writes them, then the wall time of writing that plan's folder through
 * {@link SafeOutput} (each file synced to disk). Each piece runs two seconds to warm up, then {@code rounds} times;
 * prints the median and best CPU milliseconds of this thread per bulletin.
 * Arguments (all optional): tasks (400), units (18), rounds (15).
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/duban-cp.txt
 * java -Xmx2g -cp target/classes:target/test-classes:$(cat /tmp/duban-cp.txt) io.github.duban.bench.DocxSpeed 400 18 21
 * </pre>
 */
public final class DocxSpeed {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private DocxSpeed() {
    }

    public static void main(String[] args) {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int units = args.length > 1 ? Integer.parseInt(args[1]) : 18;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        PlanGenerator.Generated g = new PlanGenerator(Spec.of(1, tasks, units, 1, 2021)).plan(0);
        Duban duban = Duban.builder().plan(g.plan()).build();
        Assessment a = duban.assess(PlanGenerator.FIRST_MONTH, null, g.facts(), null);
        Bulletin b = Bulletin.of(duban, a, BulletinSettings.DEFAULT);
        System.out.printf("plan of %d tasks, %d units: board %d rows, ranking %d rows; docx %d bytes%n",
                tasks, units, b.board().size(), b.ranking().size(), Bulletins.docx(b).length);

        Map<String, Supplier<Object>> pieces = new LinkedHashMap<>();
        pieces.put("bulletin.docx", () -> Bulletins.docx(b));
        pieces.put("  its word/document.xml (template)", () -> Bulletins.render(Bulletins.DOCX_TEMPLATE, Bulletins.docxModel(b), null));
        pieces.put("bulletin model (Bulletin.of)", () -> Bulletin.of(duban, a, BulletinSettings.DEFAULT));
        pieces.put("bulletin.md", () -> Bulletins.markdown(b, null));
        pieces.put("bulletin.html", () -> Bulletins.html(b, null));
        pieces.put("assessment.json", () -> AssessmentJson.write(a));
        pieces.put("ledger.json", () -> LedgerJson.write(a.ledger()));
        pieces.put("scores.csv", () -> ScoresCsv.write(a));
        pieces.put("all files (MonthFiles.of)", () -> MonthFiles.of(duban, a, BulletinSettings.DEFAULT));
        for (Map.Entry<String, Supplier<Object>> e : pieces.entrySet()) {
            report(e.getKey(), e.getValue(), rounds);
        }

        Map<String, byte[]> files = MonthFiles.of(duban, a, BulletinSettings.DEFAULT);
        try {
            Path dir = Files.createTempDirectory("docx-speed");
            double[] ms = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                long t = System.nanoTime();
                SafeOutput.replaceFolder(dir.resolve("plan"), files);
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf("%-42s median %8.2f ms wall, best %8.2f (%d rounds, %d files, each synced)%n",
                    "SafeOutput.replaceFolder", ms[rounds / 2], ms[0], rounds, files.size());
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void report(String name, Supplier<Object> work, int rounds) {
        long warmUntil = System.nanoTime() + 2_000_000_000L;
        for (int i = 0; i < 3 || System.nanoTime() < warmUntil; i++) {
            work.get();
        }
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = MX.getCurrentThreadCpuTime();
            work.get();
            ms[i] = (MX.getCurrentThreadCpuTime() - t) / 1e6;
        }
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf("%-42s median %8.2f ms CPU, best %8.2f (%d rounds)%n", name, s[s.length / 2], s[0], rounds);
    }
}

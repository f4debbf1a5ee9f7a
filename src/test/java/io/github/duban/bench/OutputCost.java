package io.github.duban.bench;

import io.github.duban.bulletin.Bulletin;
import io.github.duban.bulletin.BulletinSettings;
import io.github.duban.bulletin.Bulletins;
import io.github.duban.engine.Duban;
import io.github.duban.json.AssessmentJson;
import io.github.duban.json.FactsJson;
import io.github.duban.json.LedgerJson;
import io.github.duban.json.PlanJson;
import io.github.duban.model.Facts;
import io.github.duban.model.Plan;
import io.github.duban.outcome.Assessment;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a month-end run's CPU goes for one plan, step by step, on one thread: plan.json read, the
 * facts read, the engine built, the month assessed, assessment.json, ledger.json, the bulletin's
 * model, and its Markdown, HTML and Word files, each as the month-end run makes it (in memory; the
 * disk is left out). Thread CPU per plan, from the last of the rounds (the earlier ones warm the JIT).
 * Arguments: a folder of plan folders (what {@code scripts/bench} generated), how many of its plans,
 * how many rounds.
 */
public final class OutputCost {

    private OutputCost() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        List<Path> dirs;
        try (Stream<Path> s = Files.list(root)) {
            dirs = s.filter(Files::isDirectory).sorted().limit(limit).toList();
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> last = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            Map<String, Long> round = new LinkedHashMap<>();
            for (Path d : dirs) {
                long c = mx.getCurrentThreadCpuTime();
                Plan p = PlanJson.read(d.resolve("plan.json"));
                c = add(round, "plan.json read", c, mx);
                Facts f = FactsJson.read(d, p);
                c = add(round, "facts read", c, mx);
                Duban duban = Duban.builder().plan(p).build();
                c = add(round, "engine built", c, mx);
                Assessment a = duban.assess(p.reporting().to(), null, f, null);
                c = add(round, "month assessed", c, mx);
                AssessmentJson.bytes(a);
                c = add(round, "assessment.json", c, mx);
                LedgerJson.write(a.ledger());
                c = add(round, "ledger.json", c, mx);
                Bulletin b = Bulletin.of(duban, a, BulletinSettings.DEFAULT);
                c = add(round, "bulletin model", c, mx);
                Bulletins.markdown(b, null);
                c = add(round, "bulletin.md", c, mx);
                Bulletins.html(b, null);
                c = add(round, "bulletin.html", c, mx);
                Bulletins.docx(b);
                add(round, "bulletin.docx", c, mx);
            }
            last = round;
        }
        long total = last.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("%d plans of %s, thread CPU per plan in the last of %d rounds:%n", dirs.size(), root, rounds);
        for (Map.Entry<String, Long> e : last.entrySet()) {
            System.out.printf("  %-16s %6.2f ms  %5.1f %%%n", e.getKey(), e.getValue() / 1e6 / dirs.size(), 100.0 * e.getValue() / total);
        }
        System.out.printf("  %-16s %6.2f ms%n", "in all", total / 1e6 / dirs.size());
    }

    private static long add(Map<String, Long> round, String step, long since, ThreadMXBean mx) {
        long now = mx.getCurrentThreadCpuTime();
        round.merge(step, now - since, Long::sum);
        return now;
    }
}

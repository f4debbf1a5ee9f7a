package io.github.duban.batch;

import io.github.duban.json.PlanJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A month-end run over many plans, killed with SIGKILL partway in a separate JVM, leaves every
 * plan folder it finished whole; a rerun then ends byte-identical to a run never interrupted
 * (both of those run in this JVM: the same code, without a second start-up).
 */
class KillAndRerunTest {
    static final int PLANS = 6;
    static final java.time.YearMonth MONTH = java.time.YearMonth.of(2021, 3);
    static final MonthEnd.Options OPTIONS = new MonthEnd.Options(io.github.duban.engine.Duban.builder().plan(PlanJson.embedded()).build(), null, 2, null, null);

    @TempDir
    Path tmp;

    @Test
    void aRunKilledPartwayThenRerun_endsByteIdenticalToAnUninterruptedRun() throws Exception {
        String[] names = new String[PLANS];
        for (int i = 0; i < PLANS; i++) {
            names[i] = String.format("plan-%02d", i + 1);
        }
        Path plans = PlanFolders.make(tmp.resolve("plans"), names);
        Path clean = tmp.resolve("clean");
        Path killed = tmp.resolve("killed");

        assertThat(MonthEnd.run(plans, MONTH, clean, OPTIONS).allOk()).isTrue();
        Map<String, byte[]> expected = PlanFolders.tree(clean);
        assertThat(expected).hasSize(PLANS * 6 + 2);

        Process p = run(plans, killed);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (p.isAlive() && finished(killed) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(p.isAlive()).as("the run is still going when it is killed").isTrue();
        p.destroyForcibly();                                    // SIGKILL on Linux
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(137);

        int done = finished(killed);
        assertThat(done).isBetween(2, PLANS - 1);
        assertThat(killed.resolve("summary.csv")).doesNotExist();
        Map<String, byte[]> partial = PlanFolders.tree(killed);
        for (Map.Entry<String, byte[]> e : partial.entrySet()) {
            if (!e.getKey().startsWith(".")) {
                assertThat(Arrays.equals(e.getValue(), expected.get(e.getKey()))).as("finished file " + e.getKey()).isTrue();
            }
        }
        try (Stream<Path> s = Files.list(killed)) {
            for (Path plan : s.filter(d -> !d.getFileName().toString().startsWith(".")).toList()) {
                assertThat(Files.list(plan).count()).as(plan + " is whole").isEqualTo(6);
            }
        }

        assertThat(MonthEnd.run(plans, MONTH, killed, OPTIONS).allOk()).isTrue();
        Map<String, byte[]> after = PlanFolders.tree(killed);
        assertThat(after.keySet()).isEqualTo(expected.keySet());
        expected.forEach((k, v) -> assertThat(Arrays.equals(v, after.get(k))).as(k).isTrue());
    }

    private static int finished(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(out)) {
            return (int) s.filter(d -> Files.isDirectory(d) && !d.getFileName().toString().startsWith(".")).count();
        }
    }

    private static Process run(Path plans, Path out) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("io.github.duban.cli.Main");
        cmd.addAll(List.of("assess", "--plans", plans.toString(), "--month", MONTH.toString(), "--out", out.toString(), "--threads", "1"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .directory(new File(".")).start();
    }
}

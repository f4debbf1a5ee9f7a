package io.github.duban.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.duban.generate.Spec;
import io.github.duban.json.PlanJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The province month behind {@code scripts/bench --province}: three measurements, each in a JVM of
 * its own, on one set of generated plans (by default 2 850 plans of 400 tasks and 18 units, one
 * month, ≈ 1.1 M tasks):
 * <ol>
 *   <li>rules only: {@link Bench} on the plans, a part at a time, engine against the plain-Java
 *       reference on the same threads, every plan compared;</li>
 *   <li>end to end: {@code java -Xmx2g -XX:+UseParallelGC -jar target/duban-cli.jar assess --plans DIR --month M --out OUT}
 *       (the throughput collector, as {@code scripts/duban} runs it),
 *       the month-end run with every output (assessment, ledger, scores, the three bulletins, the
 *       summary and index); wall time, and the peak heap from the JVM's GC log; then the same run
 *       through {@code scripts/duban} with {@code DUBAN_JAVA_OPTS=-Xmx2g} (its class-data archive,
 *       the throughput collector and its batch JIT thresholds; it runs the jar it finds, as its
 *       {@code rules list} runs below do: {@code target/duban-cli.jar} or {@code $DUBAN_JAR});</li>
 *   <li>start-up: {@link StartUp} with {@code --preload}, three times: JVM start to the built-in rules ready;
 *       then three times through {@code scripts/duban} ({@code DUBAN_MAIN}: its JVM settings and
 *       class-data archive);</li>
 *   <li>the command line: {@code rules list} from JVM start to exit, three times with {@code java -jar}
 *       and three times through {@code scripts/duban} (its class-data archive made first).</li>
 * </ol>
 * Options: those of {@link Bench} for the data ({@code --plans --tasks --units --months --seed
 * --threads --chunk --data}), {@code --jar FILE}, {@code --classpath CP} (the test classpath the
 * script gives), {@code --out DIR} (where the end-to-end run writes; emptied first) and
 * {@code --json FILE}.
 */
public final class Province {

    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern READY = Pattern.compile("to rules ready (\\d+) ms");

    private Province() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>(Map.of("--plans", "2850", "--tasks", "400", "--units", "18", "--months", "1",
                "--seed", "2021", "--threads", "2", "--chunk", "300"));
        o.put("--data", System.getProperty("java.io.tmpdir") + "/duban-bench");
        o.put("--jar", "target/duban-cli.jar");
        o.put("--out", System.getProperty("java.io.tmpdir") + "/duban-bench-out");
        String classpath = System.getProperty("java.class.path");
        String json = null;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--json" -> json = args[i + 1];
                case "--classpath" -> classpath = args[i + 1];
                default -> {
                    if (!o.containsKey(args[i])) {
                        throw new IllegalArgumentException("unknown option " + args[i] + " (expected one of " + o.keySet()
                                + ", --classpath CP, --json FILE)");
                    }
                    o.put(args[i], args[i + 1]);
                }
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path work = Files.createTempDirectory("duban-province");
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

        // 1. rules only (generates the plans when they are not there yet)
        Path rulesJson = work.resolve("rules-only.json");
        List<String> bench = new ArrayList<>(List.of(java, "-Xms2g", "-Xmx2g", "-XX:+UseParallelGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classpath, Bench.class.getName()));
        for (String k : List.of("--plans", "--tasks", "--units", "--months", "--seed", "--threads", "--chunk", "--data")) {
            bench.add(k);
            bench.add(o.get(k));
        }
        bench.addAll(List.of("--rounds", "1", "--warmup", "1", "--json", rulesJson.toString()));
        System.out.println("== rules only: " + String.join(" ", bench.subList(bench.indexOf("-cp") + 2, bench.size())));
        int rc = run(bench, null);
        if (rc != 0) {
            throw new IllegalStateException("the rules-only run failed (exit " + rc + ")");
        }
        JsonNode rules = mapper.readTree(rulesJson.toFile());

        // 2. end to end through the CLI, in a JVM of its own with a 2 GB heap
        Spec spec = Spec.of(Integer.parseInt(o.get("--plans")), Integer.parseInt(o.get("--tasks")), Integer.parseInt(o.get("--units")),
                Integer.parseInt(o.get("--months")), Long.parseLong(o.get("--seed")));
        Path data = Path.of(o.get("--data")).resolve(spec.key());
        Path first;
        try (Stream<Path> s = Files.list(data)) {
            first = s.filter(Files::isDirectory).sorted().findFirst().orElseThrow();
        }
        String month = PlanJson.read(first.resolve("plan.json")).reporting().to().toString();
        Path out = Path.of(o.get("--out"));
        deleteTree(out);
        Path gcLog = work.resolve("gc.log");
        List<String> assess = List.of(java, "-Xmx2g", "-XX:+UseParallelGC", "-Xlog:gc:file=" + gcLog, "-jar", o.get("--jar"), "assess", "--plans",
                data.toString(), "--month", month, "--out", out.toString(), "--threads", o.get("--threads"));
        System.out.println("== end to end: java -Xmx2g -XX:+UseParallelGC -jar " + o.get("--jar") + " assess --plans " + data + " --month " + month
                + " --out " + out + " --threads " + o.get("--threads"));
        long t = System.nanoTime();
        rc = run(assess, work.resolve("assess.log"));
        long endToEndMs = (System.nanoTime() - t) / 1_000_000;
        if (rc != 0) {
            throw new IllegalStateException("the end-to-end run failed (exit " + rc + "); see " + work.resolve("assess.log"));
        }
        long peakHeapMb = peakHeapMb(gcLog);
        long plansWritten = plansWritten(out);
        long bytes;
        try (Stream<Path> files = Files.walk(out)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }

        // 2b. the same through scripts/duban (class-data archive, throughput collector, batch JIT thresholds), -Xmx2g
        Path launcher = Path.of("scripts/duban");
        run(List.of(launcher.toString(), "rules", "list"), work.resolve("cds-archive.log"));
        deleteTree(out);
        Path gcLog2 = work.resolve("gc-launcher.log");
        List<String> launched = List.of(launcher.toString(), "assess", "--plans", data.toString(), "--month", month, "--out", out.toString(),
                "--threads", o.get("--threads"));
        System.out.println("== end to end through the launcher: DUBAN_JAVA_OPTS=-Xmx2g " + String.join(" ", launched));
        ProcessBuilder lb = new ProcessBuilder(launched).redirectErrorStream(true).redirectOutput(work.resolve("assess-launcher.log").toFile());
        lb.environment().put("DUBAN_JAVA_OPTS", "-Xmx2g -Xlog:gc:file=" + gcLog2);
        t = System.nanoTime();
        rc = lb.start().waitFor();
        long launcherMs = (System.nanoTime() - t) / 1_000_000;
        if (rc != 0) {
            throw new IllegalStateException("the end-to-end run through scripts/duban failed (exit " + rc + "); see "
                    + work.resolve("assess-launcher.log"));
        }
        long launcherPeakMb = peakHeapMb(gcLog2);
        long launcherPlans = plansWritten(out);

        // 3. start-up, three times
        long[] ready = new long[3];
        System.out.println("== start-up: java -cp … " + StartUp.class.getName() + " --preload (three times, as the command line loads the rules)");
        for (int i = 0; i < ready.length; i++) {
            Path log = work.resolve("startup-" + i + ".log");
            run(List.of(java, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classpath, StartUp.class.getName(), "--preload"), log);
            ready[i] = readyMs(log);
        }

        // 3b. the same through scripts/duban: its JVM settings and class-data archive (DUBAN_MAIN runs StartUp
        // on the jar's class path, the test classes after it)
        long[] readyLaunched = new long[3];
        String testClasses = Path.of(StartUp.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        System.out.println("== start-up through the launcher: DUBAN_MAIN=" + StartUp.class.getName() + " scripts/duban --preload (three times)");
        for (int i = 0; i < readyLaunched.length; i++) {
            Path log = work.resolve("startup-launcher-" + i + ".log");
            ProcessBuilder sb = new ProcessBuilder(launcher.toString(), "--preload").redirectErrorStream(true).redirectOutput(log.toFile());
            sb.environment().put("DUBAN_MAIN", StartUp.class.getName());
            sb.environment().put("DUBAN_CLASSPATH", testClasses);
            sb.environment().put("DUBAN_JAVA_OPTS", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
            if (sb.start().waitFor() != 0) {
                throw new IllegalStateException("StartUp through scripts/duban failed; see " + log);
            }
            readyLaunched[i] = readyMs(log);
        }

        // 4. the command line: JVM start to the built-in rules loaded, listed and the JVM gone
        // (`rules list`), plain and through scripts/duban with its class-data archive (made first, untimed)
        long[] plain = new long[3];
        long[] cds = new long[3];
        for (int i = 0; i < 3; i++) {
            plain[i] = timed(List.of(java, "-jar", o.get("--jar"), "rules", "list"), work.resolve("plain-" + i + ".log"));
            cds[i] = timed(List.of(launcher.toString(), "rules", "list"), work.resolve("cds-" + i + ".log"));
        }
        System.out.println("== command line: java -jar " + o.get("--jar") + " rules list, and scripts/duban rules list (three times each)");

        ObjectNode all = mapper.createObjectNode();
        all.setAll((ObjectNode) rules);
        all.put("endToEndMs", endToEndMs);
        all.put("endToEndPeakHeapMb", peakHeapMb);
        all.put("endToEndPlansWritten", plansWritten);
        all.put("endToEndBytesWritten", bytes);
        all.put("endToEndLauncherMs", launcherMs);
        all.put("endToEndLauncherPeakHeapMb", launcherPeakMb);
        all.put("endToEndLauncherPlansWritten", launcherPlans);
        all.put("month", month);
        all.put("rulesReadyFromJvmStartMs", median(ready));
        all.putPOJO("rulesReadyFromJvmStartRunsMs", ready);
        all.put("rulesReadyThroughLauncherMs", median(readyLaunched));
        all.putPOJO("rulesReadyThroughLauncherRunsMs", readyLaunched);
        all.put("rulesListMs", median(plain));
        all.putPOJO("rulesListRunsMs", plain);
        all.put("rulesListWithArchiveMs", median(cds));
        all.putPOJO("rulesListWithArchiveRunsMs", cds);

        System.out.println();
        System.out.printf("province month %s: %d plans, %d tasks each, %d units%n", month, rules.get("plans").asLong(),
                spec.tasks(), spec.units());
        System.out.printf("rules only     engine %d ms, reference %d ms: ratio %.2fx (CPU %.2fx); %d obligations; identical: %s%n",
                rules.get("engineMs").asLong(), rules.get("referenceMs").asLong(), rules.get("ratio").asDouble(),
                rules.get("cpuRatio").asDouble(), rules.get("obligations").asLong(), rules.get("identical").asBoolean());
        System.out.printf("end to end     %.1f s, %d of %d plans written (%d MB), peak heap %d MB of -Xmx2g%n", endToEndMs / 1000.0,
                plansWritten, rules.get("plans").asLong(), bytes >> 20, peakHeapMb);
        System.out.printf("end to end     %.1f s through scripts/duban, %d of %d plans written, peak heap %d MB of -Xmx2g%n",
                launcherMs / 1000.0, launcherPlans, rules.get("plans").asLong(), launcherPeakMb);
        System.out.printf("start-up       rules ready %s ms from JVM start (median %d)%n", Arrays.toString(ready),
                all.get("rulesReadyFromJvmStartMs").asLong());
        System.out.printf("start-up       rules ready %s ms from JVM start through scripts/duban (median %d)%n", Arrays.toString(readyLaunched),
                all.get("rulesReadyThroughLauncherMs").asLong());
        System.out.printf("command line   rules list, JVM start to exit: %s ms with java -jar, %s ms with scripts/duban's archive%n",
                Arrays.toString(plain), Arrays.toString(cds));
        if (json != null) {
            Path f = Path.of(json).toAbsolutePath();
            Files.createDirectories(f.getParent());
            Files.writeString(f, mapper.writeValueAsString(all) + "\n", StandardCharsets.UTF_8);
        }
        deleteTree(work);
    }

    /** The middle of three runs. */
    private static long median(long[] runs) {
        return Arrays.stream(runs).sorted().toArray()[runs.length / 2];
    }

    /** The milliseconds from JVM start to rules ready that {@link StartUp} printed into {@code log}. */
    private static long readyMs(Path log) throws IOException {
        Matcher m = READY.matcher(Files.readString(log, StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new IllegalStateException("StartUp printed no time; see " + log);
        }
        return Long.parseLong(m.group(1));
    }

    /** The most heap in use before any collection, from a {@code -Xlog:gc} file (MB). */
    private static long peakHeapMb(Path gcLog) throws IOException {
        long peak = 0;
        for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                peak = Math.max(peak, Long.parseLong(m.group(1)));
            }
        }
        return peak;
    }

    /** Plans the month-end run wrote, from its summary.csv. */
    private static long plansWritten(Path out) throws IOException {
        try (Stream<String> lines = Files.lines(out.resolve("summary.csv"), StandardCharsets.UTF_8)) {
            return lines.skip(1).filter(l -> l.contains(",ok,")).count();
        }
    }

    /** Runs a command, its output to {@code log} (or this process's own), and returns its exit code. */
    private static int run(List<String> command, Path log) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (log == null) {
            pb.inheritIO();
        } else {
            pb.redirectErrorStream(true).redirectOutput(log.toFile());
        }
        return pb.start().waitFor();
    }

    /** Runs a command that must succeed; its wall time in milliseconds. */
    private static long timed(List<String> command, Path log) throws IOException, InterruptedException {
        long t = System.nanoTime();
        int rc = run(command, log);
        if (rc != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + rc + "); see " + log);
        }
        return (System.nanoTime() - t) / 1_000_000;
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}

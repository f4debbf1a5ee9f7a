package io.github.duban.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The service under load, behind {@code scripts/loadtest}: starts {@code duban serve} in this JVM on
 * loopback (a free port, a temporary data folder holding the sample plan as {@code sample}) and
 * runs N clients, each its own {@link HttpClient} (HTTP/1.1, Bearer token), posting
 * {@code POST /api/v1/assess} for one month of the sample plan as fast as the answers come.
 *
 * <ol>
 *   <li>Warm-up (untimed), then phase 1: the load for S seconds; requests a second, latency
 *   percentiles, errors (any answer but 200), the heap used sampled every second.</li>
 *   <li>Phase 2: the same load, while at the midpoint an admin client saves a new rules version
 *   whose scoring sheet changes one deduction's points ({@code POST /api/v1/rules/versions}) and
 *   puts it in force ({@code POST /api/v1/rules/versions/{v}/activate}). Every answer must name
 *   one of the two fingerprints in its {@code ruleset} field and be byte-identical to that
 *   fingerprint's reference answer (one request under the old version before the run, one under
 *   the new after it): no request may fail, and none may mix the two rulesets. A request sent
 *   after the activation was answered must be answered under the new version.</li>
 * </ol>
 *
 * <p>Options: {@code --clients N} (32), {@code --seconds S} (60, each phase), {@code --month M}
 * (2021-06), {@code --warmup W} (15 s), {@code --body facts|plan|held}: the held plan's id with the
 * sample facts in the body (the default), the plan JSON itself with the facts, or the held plan's
 * id alone (its own facts). Exit 1 when a request failed, an answer mixed rulesets or came stale.
 * Server and clients share this JVM and its cores, so the heap figures are both together.
 */
public final class LoadBenchmark {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKEN = "load-test-token";
    static final String ADMIN = "load-test-admin-token";
    static final String PLAN_ID = "sample";
    static final int SHOWN_ERRORS = 5;
    static final Pattern RULESET = Pattern.compile("\"ruleset\"\\s*:\\s*\"([0-9a-fA-F]+)\"");

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int clients = Integer.parseInt(o.getOrDefault("clients", "32"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "60"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "15"));
        String month = o.getOrDefault("month", "2021-06");
        String bodyKind = o.getOrDefault("body", "facts");
        if (clients < 1 || seconds < 2 || warmup < 0 || !List.of("facts", "plan", "held").contains(bodyKind)) {
            throw new IllegalArgumentException("usage: --clients N>=1 --seconds S>=2 --warmup W>=0 --month YYYY-MM --body facts|plan|held");
        }
        System.out.println("# duban serve under load");
        System.out.println("command: " + System.getProperty("loadtest.command", "LoadBenchmark " + String.join(" ", args)));
        System.out.printf(Locale.ROOT, "machine: %d cores, Java %s (%s), %s %s, -Xmx %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), System.getProperty("os.name"),
                System.getProperty("os.arch"), mb(Runtime.getRuntime().maxMemory()));
        System.out.printf(Locale.ROOT, "load: %d clients, POST /api/v1/assess month %s of plan %s (%s), %d s warm-up, 2 phases of %d s%n",
                clients, month, PLAN_ID, switch (bodyKind) {
                    case "facts" -> "held plan by id, sample facts in the body";
                    case "plan" -> "plan JSON and sample facts in the body";
                    default -> "held plan by id, its own facts";
                }, warmup, seconds);

        Path data = Files.createTempDirectory("duban-loadtest");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        HeapSampler heap = new HeapSampler(memory);
        int exit;
        try (DubanServer server = DubanServer.start(ServeOptions.forTest(data, TOKEN, ADMIN))) {
            URI base = URI.create("http://127.0.0.1:" + server.port());
            byte[] body = body(month, bodyKind);
            System.out.printf(Locale.ROOT, "server: %s, request body %,d bytes%n", base, body.length);
            HttpClient admin = client();

            Reply first = post(admin, base.resolve("/api/v1/assess"), TOKEN, body);
            if (first.status != 200) {
                throw new IllegalStateException("the first request failed: " + first.status + " " + head(first.body));
            }
            String oldPrint = ruleset(first.body);
            if (warmup > 0) {
                run(base, body, clients, warmup, null, null);
            }
            heap.start();
            Phase one = run(base, body, clients, seconds, null, null);
            heap.stop();
            Reply again = post(admin, base.resolve("/api/v1/assess"), TOKEN, body);
            byte[] oldRef = again.body;
            if (again.status != 200 || !Arrays.equals(first.body, oldRef)) {
                System.out.println("the reference answer under the old version changed between two requests");
            }

            AtomicReference<Swap> swap = new AtomicReference<>();
            Runnable admin2 = () -> swap.set(swap(admin, base));
            heap.start();
            Phase two = run(base, body, clients, seconds, admin2, swap);
            heap.stop();
            Swap s = swap.get();
            Reply after = post(admin, base.resolve("/api/v1/assess"), TOKEN, body);
            byte[] newRef = after.body;
            String newPrint = after.status == 200 ? ruleset(newRef) : null;

            long usedMax = heap.max();
            System.gc();
            long usedAfterGc = memory.getHeapMemoryUsage().getUsed();

            System.out.println();
            System.out.println("| phase | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | errors |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
            System.out.println(one.row("1 steady"));
            System.out.println(two.row("2 rules swapped"));
            System.out.println();
            System.out.printf(Locale.ROOT, "heap used: max %s (sampled every second, %d samples), %s after System.gc(), -Xmx %s%n",
                    mb(usedMax), heap.samples(), mb(usedAfterGc), mb(Runtime.getRuntime().maxMemory()));

            List<String> failures = new ArrayList<>();
            failures.addAll(one.errorLines("phase 1"));
            failures.addAll(two.errorLines("phase 2"));
            // phase 1: every answer the reference under the one version in force
            Check c1 = one.check(Map.of(oldPrint, oldRef));
            System.out.printf(Locale.ROOT, "phase 1: %,d answers, %d distinct, all the reference of %s: %s%n",
                    one.answers(), one.distinct.size(), shortPrint(oldPrint), c1.mixed == 0 ? "yes" : "NO");
            failures.addAll(c1.problems);

            if (s == null || s.error != null) {
                failures.add("the rules swap failed: " + (s == null ? "not run" : s.error));
            } else {
                System.out.printf(Locale.ROOT, "swap: version %d saved (%s points %s) at %.1f s, activated at %.1f s (activation answered in %d ms)%n",
                        s.version, s.item, s.change, s.savedAtS, s.activatedAtS, s.activateMs);
                System.out.printf(Locale.ROOT, "fingerprints: old %s, new %s (the saved version's %s)%n", shortPrint(oldPrint),
                        shortPrint(newPrint), shortPrint(s.fingerprint));
                if (newPrint == null || newPrint.equals(oldPrint)) {
                    failures.add("after the swap the answer did not name a new ruleset: " + after.status + " " + head(newRef));
                } else {
                    Map<String, byte[]> refs = new LinkedHashMap<>();
                    refs.put(oldPrint, oldRef);
                    refs.put(newPrint, newRef);
                    Check c2 = two.check(refs);
                    System.out.printf(Locale.ROOT, "phase 2: %,d answers under the old ruleset, %,d under the new, %d mixed, %d stale "
                                    + "(sent after the activation was answered, answered under the old)%n",
                            c2.counts.getOrDefault(oldPrint, 0L), c2.counts.getOrDefault(newPrint, 0L), c2.mixed, two.stale(oldPrint));
                    failures.addAll(c2.problems);
                    if (two.stale(oldPrint) > 0) {
                        failures.add(two.stale(oldPrint) + " requests sent after the activation was answered were answered under the old ruleset");
                    }
                }
            }
            System.out.println();
            if (failures.isEmpty()) {
                System.out.println("result: OK: no request failed, no answer mixed rulesets");
                exit = 0;
            } else {
                System.out.println("result: FAILED");
                failures.forEach(f -> System.out.println("  " + f));
                exit = 1;
            }
        } finally {
            heap.close();
            delete(data);
        }
        System.exit(exit);
    }

    // ---- the load

    /** One answer as the bytes came, and how many times it came: answers are compared once per distinct body. */
    record Body(byte[] bytes, int hash) {
        static Body of(byte[] b) {
            return new Body(b, Arrays.hashCode(b));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Body b && b.hash == hash && Arrays.equals(b.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    record Check(Map<String, Long> counts, long mixed, List<String> problems) {
    }

    static final class Phase {
        final long[][] latencies;
        final int[] counts;
        final AtomicLong errors = new AtomicLong();
        final List<String> shownErrors = new ArrayList<>();
        final Map<Body, AtomicLong> distinct = new ConcurrentHashMap<>();
        /** Answers to requests sent after the activation was answered, per distinct body. */
        final Map<Body, AtomicLong> sentAfterSwap = new ConcurrentHashMap<>();
        long wallNanos;

        Phase(int clients) {
            latencies = new long[clients][];
            counts = new int[clients];
            for (int i = 0; i < clients; i++) {
                latencies[i] = new long[4096];
            }
        }

        void record(int client, long nanos) {
            if (counts[client] == latencies[client].length) {
                latencies[client] = Arrays.copyOf(latencies[client], counts[client] * 2);
            }
            latencies[client][counts[client]++] = nanos;
        }

        void error(String what) {
            errors.incrementAndGet();
            synchronized (shownErrors) {
                if (shownErrors.size() < SHOWN_ERRORS) {
                    shownErrors.add(what);
                }
            }
        }

        long requests() {
            return Arrays.stream(counts).asLongStream().sum();
        }

        long answers() {
            return distinct.values().stream().mapToLong(AtomicLong::get).sum();
        }

        String row(String name) {
            long[] all = new long[(int) requests()];
            int k = 0;
            for (int i = 0; i < counts.length; i++) {
                System.arraycopy(latencies[i], 0, all, k, counts[i]);
                k += counts[i];
            }
            Arrays.sort(all);
            double secs = wallNanos / 1e9;
            return String.format(Locale.ROOT, "| %s | %,d | %.1f | %s | %s | %s | %s | %d |", name, all.length, all.length / secs,
                    ms(pct(all, 0.50)), ms(pct(all, 0.90)), ms(pct(all, 0.99)), ms(all.length == 0 ? 0 : all[all.length - 1]), errors.get());
        }

        List<String> errorLines(String phase) {
            List<String> out = new ArrayList<>();
            if (errors.get() > 0) {
                out.add(phase + ": " + errors.get() + " requests failed; the first:");
                shownErrors.forEach(e -> out.add("  " + e));
            }
            return out;
        }

        Check check(Map<String, byte[]> refs) {
            Map<String, Long> counts = new LinkedHashMap<>();
            long mixed = 0;
            List<String> problems = new ArrayList<>();
            for (Map.Entry<Body, AtomicLong> e : distinct.entrySet()) {
                byte[] b = e.getKey().bytes();
                String print = ruleset(b);
                byte[] ref = print == null ? null : refs.get(print);
                if (ref != null && Arrays.equals(ref, b)) {
                    counts.merge(print, e.getValue().get(), Long::sum);
                } else {
                    mixed += e.getValue().get();
                    problems.add(e.getValue().get() + " answers " + (print == null ? "naming no ruleset"
                            : ref == null ? "naming ruleset " + shortPrint(print) + ", neither of the two"
                            : "naming ruleset " + shortPrint(print) + " but not its reference answer (first difference at byte "
                            + mismatch(ref, b) + ")") + ": " + head(b));
                }
            }
            return new Check(counts, mixed, problems);
        }

        long stale(String oldPrint) {
            return sentAfterSwap.entrySet().stream().filter(e -> oldPrint.equals(ruleset(e.getKey().bytes())))
                    .mapToLong(e -> e.getValue().get()).sum();
        }
    }

    /** The swap phase 2 makes at its midpoint: what was changed, when, and the new version. */
    record Swap(String item, String change, int version, String fingerprint, double savedAtS, double activatedAtS, long activateMs,
                long answeredNanos, String error) {
        static Swap failed(String error) {
            return new Swap(null, null, 0, null, 0, 0, 0, Long.MAX_VALUE, error);
        }
    }

    static final AtomicLong PHASE_START = new AtomicLong();

    static Phase run(URI base, byte[] body, int clients, int seconds, Runnable midpoint, AtomicReference<Swap> swap) throws InterruptedException {
        Phase p = new Phase(clients);
        URI assess = base.resolve("/api/v1/assess");
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(clients);
        AtomicLong end = new AtomicLong(Long.MAX_VALUE);
        for (int i = 0; i < clients; i++) {
            int client = i;
            Thread t = new Thread(() -> {
                HttpClient http = client();
                ready.countDown();
                try {
                    go.await();
                    while (System.nanoTime() < end.get()) {
                        long t0 = System.nanoTime();
                        try {
                            Reply r = post(http, assess, TOKEN, body);
                            long t1 = System.nanoTime();
                            p.record(client, t1 - t0);
                            if (r.status != 200) {
                                p.error(r.status + " " + head(r.body));
                                continue;
                            }
                            Body b = Body.of(r.body);
                            p.distinct.computeIfAbsent(b, k -> new AtomicLong()).incrementAndGet();
                            Swap s = swap == null ? null : swap.get();
                            if (s != null && t0 > s.answeredNanos) {
                                p.sentAfterSwap.computeIfAbsent(b, k -> new AtomicLong()).incrementAndGet();
                            }
                        } catch (IOException e) {
                            p.record(client, System.nanoTime() - t0);
                            p.error(e.toString());
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "load-client-" + i);
            t.setDaemon(true);
            t.start();
        }
        ready.await();
        long start = System.nanoTime();
        PHASE_START.set(start);
        long phase = TimeUnit.SECONDS.toNanos(seconds);
        // with a swap, the clients go on until it is done and for half a phase after, at least
        end.set(midpoint == null ? start + phase : Long.MAX_VALUE);
        go.countDown();
        if (midpoint != null) {
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds) / 2);
            midpoint.run();
            end.set(Math.max(start + phase, System.nanoTime() + phase / 2));
        }
        done.await();
        p.wallNanos = System.nanoTime() - start;
        return p;
    }

    /** Saves a version whose scoring sheet changes one deduction's points, then puts it in force. */
    static Swap swap(HttpClient admin, URI base) {
        try {
            Reply sheet = get(admin, base.resolve("/api/v1/scoring"), TOKEN);
            if (sheet.status != 200) {
                return Swap.failed("GET /api/v1/scoring: " + sheet.status + " " + head(sheet.body));
            }
            String csv = JSON.readTree(sheet.body).path("csv").asText();
            String[] lines = csv.split("\n", -1);
            int row = -1;
            // a deduction the sample month incurs (公开曝光), else the first deduction of the sheet
            for (String prefer : List.of("EXPOSURE", "")) {
                for (int i = 1; i < lines.length && row < 0; i++) {
                    String[] cells = lines[i].split(",", -1);
                    if (cells.length >= 4 && (prefer.isEmpty() || cells[1].equals(prefer)) && cells[3].matches("-\\d+(\\.\\d+)?")) {
                        row = i;
                    }
                }
            }
            if (row < 0) {
                return Swap.failed("no deduction with points in the scoring sheet: " + head(sheet.body));
            }
            String[] cells = lines[row].split(",", -1);
            String before = cells[3];
            cells[3] = new java.math.BigDecimal(before).subtract(java.math.BigDecimal.ONE).stripTrailingZeros().toPlainString();
            lines[row] = String.join(",", cells);
            ObjectNode save = JSON.createObjectNode();
            save.put("scoring", String.join("\n", lines));
            save.put("note", "load test: " + cells[0] + " " + before + " → " + cells[3]);
            double savedAt = (System.nanoTime() - PHASE_START.get()) / 1e9;
            Reply saved = post(admin, base.resolve("/api/v1/rules/versions"), ADMIN, JSON.writeValueAsBytes(save));
            if (saved.status != 200) {
                return Swap.failed("POST /api/v1/rules/versions: " + saved.status + " " + head(saved.body));
            }
            JsonNode v = JSON.readTree(saved.body);
            int version = v.path("version").asInt();
            long a0 = System.nanoTime();
            double activatedAt = (a0 - PHASE_START.get()) / 1e9;
            Reply activated = post(admin, base.resolve("/api/v1/rules/versions/" + version + "/activate"), ADMIN, new byte[0]);
            long a1 = System.nanoTime();
            if (activated.status != 200) {
                return Swap.failed("POST /api/v1/rules/versions/" + version + "/activate: " + activated.status + " " + head(activated.body));
            }
            return new Swap(cells[0] + " " + cells[1], before + " → " + cells[3], version, v.path("fingerprint").asText(null),
                    savedAt, activatedAt, TimeUnit.NANOSECONDS.toMillis(a1 - a0), a1, null);
        } catch (IOException | RuntimeException e) {
            return Swap.failed(e.toString());
        }
    }

    // ---- HTTP

    record Reply(int status, byte[] body) {
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    static Reply post(HttpClient http, URI uri, String token, byte[] body) throws IOException {
        return send(http, HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), token);
    }

    static Reply get(HttpClient http, URI uri, String token) throws IOException {
        return send(http, HttpRequest.newBuilder(uri).GET(), token);
    }

    static Reply send(HttpClient http, HttpRequest.Builder b, String token) throws IOException {
        HttpRequest req = b.header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(120)).build();
        try {
            HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    // ---- the request body

    /** The assess request: the month, the plan (by id or as JSON) and the sample facts, read from the classpath. */
    static byte[] body(String month, String kind) throws IOException {
        ObjectNode req = JSON.createObjectNode();
        req.put("month", month);
        if (kind.equals("plan")) {
            req.set("plan", JSON.readTree(resource("/plan/lengshuitan-2021-3.json")));
        } else {
            req.put("plan", PLAN_ID);
        }
        if (!kind.equals("held")) {
            ObjectNode facts = req.putObject("facts");
            for (String list : List.of("reports", "completions", "inspections", "rectifications", "extensions")) {
                ArrayNode a = facts.putArray(list);
                for (String line : new String(resource("/sample/2021/" + list + ".jsonl"), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        a.add(JSON.readTree(line));
                    }
                }
            }
        }
        return JSON.writeValueAsBytes(req);
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = LoadBenchmark.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is not on the classpath");
            }
            return in.readAllBytes();
        }
    }

    // ---- the heap

    /** Samples the heap used every second while started; keeps the largest sample. */
    static final class HeapSampler implements AutoCloseable {
        final MemoryMXBean memory;
        final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "heap-sampler");
            t.setDaemon(true);
            return t;
        });
        final AtomicLong max = new AtomicLong();
        final AtomicLong samples = new AtomicLong();
        volatile boolean on;

        HeapSampler(MemoryMXBean memory) {
            this.memory = memory;
            timer.scheduleAtFixedRate(() -> {
                if (on) {
                    max.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    samples.incrementAndGet();
                }
            }, 1, 1, TimeUnit.SECONDS);
        }

        void start() {
            on = true;
        }

        void stop() {
            on = false;
        }

        long max() {
            return max.get();
        }

        long samples() {
            return samples.get();
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    // ---- small things

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }

    static String ruleset(byte[] answer) {
        // the field comes near the start of assessment.json; look at the first few KB only
        Matcher m = RULESET.matcher(new String(answer, 0, Math.min(answer.length, 4096), StandardCharsets.UTF_8));
        return m.find() ? m.group(1) : null;
    }

    static long pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", bytes / (1024 * 1024));
    }

    static String shortPrint(String print) {
        return print == null ? "none" : print.substring(0, Math.min(12, print.length()));
    }

    static String head(byte[] b) {
        if (b == null) {
            return "";
        }
        String s = new String(b, 0, Math.min(b.length, 300), StandardCharsets.UTF_8).replace('\n', ' ');
        return b.length > 300 ? s + "…" : s;
    }

    static long mismatch(byte[] a, byte[] b) {
        return Arrays.mismatch(a, b);
    }

    static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}

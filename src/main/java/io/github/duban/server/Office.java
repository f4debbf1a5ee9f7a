package io.github.duban.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.duban.authoring.Explain;
import io.github.duban.authoring.RulesCheck;
import io.github.duban.authoring.RulesDiff;
import io.github.duban.bulletin.BulletinSettings;
import io.github.duban.bulletin.Bulletins;
import io.github.duban.engine.Duban;
import io.github.duban.error.InputException;
import io.github.duban.error.LimitException;
import io.github.duban.importer.ImportOptions;
import io.github.duban.importer.ImportResult;
import io.github.duban.importer.PlanImporter;
import io.github.duban.json.AssessmentJson;
import io.github.duban.json.FactsJson;
import io.github.duban.json.LedgerJson;
import io.github.duban.json.PlanJson;
import io.github.duban.json.PolicyJson;
import io.github.duban.json.ReminderJson;
import io.github.duban.json.ScoringSheet;
import io.github.duban.model.Facts;
import io.github.duban.model.Plan;
import io.github.duban.model.Policy;
import io.github.duban.model.ProgressReport;
import io.github.duban.model.Task;
import io.github.duban.model.Unit;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.Ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What the server does, apart from HTTP: it reads held plans, runs the engine in force on them or
 * on what a request brings, and saves and activates rules versions. Every figure it answers with
 * is the engine's conclusion, written by the same writers as the command line's files. Each call
 * takes the engine in force once, at its start, so one answer never mixes two rulesets.
 * Thread-safe.
 */
final class Office {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final int CACHED = 128;

    private final PlanStore store;
    private final RulesVersions versions;
    private final BulletinSettings bulletin;
    private final int maxFacts;
    /** Where month-ends of plans held in files write their results: {@code DATA/results}. */
    private final Path results;
    /** Replayed months of held plans, by plan, the plan's files, the ruleset and the month: the {@value #CACHED} used last. */
    private final Map<String, List<Assessment>> replays = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Assessment>> eldest) {
            return size() > CACHED;
        }
    };

    Office(PlanStore store, RulesVersions versions, BulletinSettings bulletin, int maxFacts, Path results) {
        this.store = store;
        this.results = results;
        this.versions = versions;
        this.bulletin = bulletin;
        this.maxFacts = maxFacts;
    }

    PlanStore store() {
        return store;
    }

    RulesVersions versions() {
        return versions;
    }

    /** The engine in force, for {@code plan}. */
    Duban engine(Plan plan) {
        return versions.runtime().current().toBuilder().plan(plan).build();
    }

    // ---- plans

    List<ObjectNode> plans() {
        List<ObjectNode> out = new ArrayList<>();
        for (String id : store.ids()) {
            ObjectNode n = JSON.createObjectNode();
            n.put("id", id);
            try {
                Plan p = store.read(id).plan();
                n.put("title", p.title());
                n.put("docNumber", p.docNumber());
                n.put("tasks", p.leaves().size());
                n.put("units", p.units().size());
                n.put("from", p.reporting().from().toString());
                n.put("to", p.reporting().to().toString());
            } catch (InputException e) {
                n.put("error", e.getMessage());
            }
            out.add(n);
        }
        return out;
    }

    // ---- assessing

    /** A month of a held plan (as of {@code asOf}, null: the month's last day). */
    Assessment assessHeld(String id, YearMonth month, LocalDate asOf) {
        PlanStore.Held h = store.read(id);
        return assessHeld(h, engine(h.plan()), month, asOf);
    }

    /**
     * A month of a held plan on {@code d}: as of its last day, the replayed window's last month;
     * as of an earlier day, assessed from the ledger the replayed months before it left.
     */
    private Assessment assessHeld(PlanStore.Held h, Duban d, YearMonth month, LocalDate asOf) {
        if (asOf == null) {
            return last(replayHeld(h, d, month));
        }
        Ledger before = null;
        if (month.isAfter(h.plan().reporting().from()) && h.plan().reporting().covers(month)) {
            before = last(replayHeld(h, d, month.minusMonths(1))).ledger();
        }
        return d.assess(month, asOf, h.facts(), before);
    }

    private static Assessment last(List<Assessment> months) {
        return months.get(months.size() - 1);
    }

    /** Every month of a held plan's window up to {@code month}, from the cache when the plan's files and the ruleset are unchanged. */
    List<Assessment> replayHeld(String id, YearMonth month) {
        PlanStore.Held h = store.read(id);
        return replayHeld(h, engine(h.plan()), month);
    }

    private List<Assessment> replayHeld(PlanStore.Held h, Duban d, YearMonth month) {
        String key = h.stamp() == null ? null : h.id() + '\n' + h.stamp() + '\n' + d.fingerprint() + '\n' + month;
        if (key != null) {
            synchronized (replays) {
                List<Assessment> hit = replays.get(key);
                if (hit != null) {
                    return hit;
                }
            }
        }
        List<Assessment> months = List.copyOf(d.replay(h.plan().reporting().from(), month, h.facts()));
        if (key != null) {
            synchronized (replays) {
                replays.put(key, months);
            }
        }
        return months;
    }

    /** A month of a plan and facts the request brings, from its ledger or else replayed. */
    Assessment assess(Plan plan, Facts facts, YearMonth month, LocalDate asOf, Ledger ledger) {
        Duban d = engine(plan);
        Ledger before = ledger;
        if (before == null && month.isAfter(plan.reporting().from()) && plan.reporting().covers(month)) {
            before = last(d.replay(plan.reporting().from(), month.minusMonths(1), facts)).ledger();
        }
        return d.assess(month, asOf, facts, before);
    }

    List<Assessment> replay(Plan plan, Facts facts, YearMonth to) {
        return engine(plan).replay(plan.reporting().from(), to, facts);
    }

    /** The plan a request names: a held plan's id (text) or a whole plan (an object). */
    Plan planOf(JsonNode plan) {
        if (plan == null || plan.isNull() || plan.isMissingNode()) {
            throw new InputException("request", 0, "plan", "is missing (expected a held plan's id, or a plan as plan.json)");
        }
        if (plan.isTextual()) {
            return store.read(plan.asText()).plan();
        }
        if (!plan.isObject()) {
            throw new InputException("request", 0, "plan", "is " + plan.getNodeType().toString().toLowerCase() + " (expected a held plan's id, or a plan as plan.json)");
        }
        return PlanJson.read(plan.toString(), "plan");
    }

    /** The facts a request brings ({@code facts: {reports: [...], ...}}), or null when it brings none. */
    Facts factsOf(JsonNode facts, Plan plan) {
        if (facts == null || facts.isNull() || facts.isMissingNode()) {
            return null;
        }
        if (!facts.isObject()) {
            throw new InputException("request", 0, "facts", "is not an object (expected {\"reports\": [...], \"completions\": [...], ...})");
        }
        Map<String, String> lists = new LinkedHashMap<>();
        facts.fieldNames().forEachRemaining(name -> {
            if (!List.of("reports", "completions", "extensions", "inspections", "rectifications").contains(name)) {
                throw new InputException("request", 0, "facts." + name, "is not a kind of fact (expected reports, completions, extensions, inspections or rectifications)");
            }
            JsonNode list = facts.get(name);
            if (!list.isArray()) {
                throw new InputException("request", 0, "facts." + name, "is not a list");
            }
            if (list.size() > maxFacts) {
                throw new RequestTooLarge("facts." + name + " holds " + list.size() + " facts; at most " + maxFacts
                        + " are taken in one request (duban serve --max-facts)");
            }
            StringBuilder sb = new StringBuilder();
            for (JsonNode item : list) {
                sb.append(item.toString().replace('\n', ' ')).append('\n');
            }
            lists.put(name, sb.toString());
        });
        return new Facts(
                FactsJson.parse(lists.getOrDefault("reports", ""), "facts.reports", plan, FactsJson::report),
                FactsJson.parse(lists.getOrDefault("completions", ""), "facts.completions", plan, FactsJson::completion),
                FactsJson.parse(lists.getOrDefault("extensions", ""), "facts.extensions", plan, FactsJson::extension),
                FactsJson.parse(lists.getOrDefault("inspections", ""), "facts.inspections", plan, FactsJson::inspection),
                FactsJson.parse(lists.getOrDefault("rectifications", ""), "facts.rectifications", plan, FactsJson::rectification));
    }

    Ledger ledgerOf(JsonNode ledger) {
        if (ledger == null || ledger.isNull() || ledger.isMissingNode()) {
            return null;
        }
        return LedgerJson.read(ledger.toString(), "ledger");
    }

    // ---- month-end

    /** One lock a plan, so that two month-ends of a plan never write its results at once. */
    private final Map<String, Object> monthEndLocks = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The month-end of a held plan: its month assessed (as of {@code asOf}, null: the month's last
     * day) and its results written where the plan lives, replacing those of an earlier run of the
     * month: the six files of {@code assess --out} in {@code DATA/results/<plan>/<month>/}, or the
     * result tables of the OA database in one transaction (as {@code assess --jdbc}).
     */
    ObjectNode monthEnd(String id, YearMonth month, LocalDate asOf) {
        PlanStore.checkId(id);
        synchronized (monthEndLocks.computeIfAbsent(id, k -> new Object())) {
            ObjectNode out = JSON.createObjectNode();
            Assessment a;
            if (store instanceof PlanStore.Database db) {
                if (!db.ids().contains(id)) {
                    throw new NotFoundException("no plan \"" + id + "\" in duban_plans");
                }
                a = db.jdbc().assess(id, month, asOf).assessment();
                out.put("store", "database");
                out.put("written", "the database's result tables");
            } else {
                PlanStore.Held h = store.read(id);
                Duban d = engine(h.plan());
                a = assessHeld(h, d, month, asOf);
                Map<String, byte[]> files = io.github.duban.batch.MonthFiles.of(d, a, bulletin);
                String where = "results/" + id + "/" + month;
                io.github.duban.batch.SafeOutput.replaceFolder(results.resolve(id).resolve(month.toString()), files);
                out.put("store", "files");
                out.put("written", where);
                ArrayNode names = out.putArray("files");
                files.keySet().forEach(names::add);
            }
            out.put("plan", id);
            out.put("month", a.period().toString());
            out.put("asOf", a.asOf().toString());
            out.put("ruleset", a.ruleset());
            out.set("summary", AssessmentJson.tree(a).path("summary"));
            return out;
        }
    }

    // ---- reading a month

    ObjectNode explain(String id, YearMonth month, String unit, Integer task) {
        PlanStore.Held h = store.read(id);
        return Explain.explain(engine(h.plan()), h.factsDir(), h.facts(), month, unit, task);
    }

    ObjectNode history(String id, int task, YearMonth month) {
        PlanStore.Held h = store.read(id);
        Task t = h.plan().task(task).orElseThrow(() -> new NotFoundException("plan " + id + " has no task " + task));
        List<Assessment> months = replayHeld(h, engine(h.plan()), month);
        ObjectNode out = JSON.createObjectNode();
        out.put("task", task);
        out.put("title", t.title());
        out.put("ruleset", last(months).ruleset());
        ArrayNode list = out.putArray("months");
        for (Assessment a : months) {
            for (JsonNode entry : AssessmentJson.tree(a).path("board")) {
                if (entry.path("task").asInt() == task) {
                    ObjectNode m = JSON.createObjectNode();
                    m.put("month", a.period().toString());
                    m.setAll((ObjectNode) entry);
                    list.add(m);
                }
            }
        }
        return out;
    }

    /** The month's bulletin in {@code format} (md, html or docx). */
    byte[] bulletin(String id, YearMonth month, String format) {
        if (!List.of("md", "html", "docx").contains(format)) {
            throw new InputException("request", 0, "format", "\"" + format + "\" is not a bulletin format (expected md, html or docx)");
        }
        PlanStore.Held h = store.read(id);
        Duban d = engine(h.plan());
        io.github.duban.bulletin.Bulletin b = io.github.duban.bulletin.Bulletin.of(d, last(replayHeld(h, d, month)), bulletin);
        java.nio.file.Path templates = bulletin.templates();
        return switch (format) {
            case "md" -> Bulletins.markdown(b, templates).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            case "html" -> Bulletins.html(b, templates).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            default -> Bulletins.docx(b, templates);
        };
    }

    ObjectNode reminders(String id, LocalDate date) {
        PlanStore.Held h = store.read(id);
        Duban d = engine(h.plan());
        List<io.github.duban.outcome.Reminder> rs = d.reminders(date, h.facts());
        ObjectNode out = JSON.createObjectNode();
        out.put("plan", id);
        out.put("date", date.toString());
        out.put("ruleset", d.fingerprint());
        ArrayNode list = out.putArray("reminders");
        try {
            for (String line : ReminderJson.write(rs).split("\n")) {
                if (!line.isBlank()) {
                    list.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The 驾驶舱 of {@code month} (null: the latest month any held plan has reports for). */
    ObjectNode dashboard(YearMonth month) {
        List<String> ids = store.ids();
        Map<String, PlanStore.Held> held = new LinkedHashMap<>();
        Map<String, String> refused = new LinkedHashMap<>();
        for (String id : ids) {
            try {
                held.put(id, store.read(id));
            } catch (InputException e) {
                refused.put(id, e.getMessage());
            }
        }
        TreeSet<YearMonth> months = new TreeSet<>();
        YearMonth latest = null;
        for (PlanStore.Held h : held.values()) {
            for (YearMonth m = h.plan().reporting().from(); !m.isAfter(h.plan().reporting().to()); m = m.plusMonths(1)) {
                months.add(m);
            }
            for (ProgressReport r : h.facts().reports()) {
                if (h.plan().reporting().covers(r.month()) && (latest == null || r.month().isAfter(latest))) {
                    latest = r.month();
                }
            }
        }
        YearMonth m = month != null ? month : latest != null ? latest : months.isEmpty() ? null : months.first();
        Duban base = versions.runtime().current();
        ObjectNode out = JSON.createObjectNode();
        out.put("month", m == null ? null : m.toString());
        RulesVersions.Active active = versions.active();
        ObjectNode rs = out.putObject("ruleset");
        rs.put("fingerprint", base.fingerprint());
        rs.put("version", active.fingerprint().equals(base.fingerprint()) ? active.version() : null);
        ArrayNode ms = out.putArray("months");
        months.forEach(x -> ms.add(x.toString()));
        ArrayNode plans = out.putArray("plans");
        // the plans are assessed side by side on the server's pool; the answer lists them in id order
        List<java.util.concurrent.Future<ObjectNode>> parts = new ArrayList<>();
        for (String id : ids) {
            parts.add(POOL.submit(() -> dashboardPlan(id, m, base, held, refused)));
        }
        for (java.util.concurrent.Future<ObjectNode> f : parts) {
            try {
                plans.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while assessing the plans of the 驾驶舱", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        return out;
    }

    /** Assesses the 驾驶舱's plans, as many at a time as the machine has cores. */
    private static final java.util.concurrent.ExecutorService POOL = java.util.concurrent.Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), r -> {
                Thread t = new Thread(r, "duban-dashboard");
                t.setDaemon(true);
                return t;
            });

    /** The part of the 驾驶舱's answer about one plan. */
    private ObjectNode dashboardPlan(String id, YearMonth m, Duban base, Map<String, PlanStore.Held> held, Map<String, String> refused) {
        ObjectNode p = JSON.createObjectNode();
        p.put("id", id);
        if (refused.containsKey(id)) {
            p.put("error", refused.get(id));
            return p;
        }
        PlanStore.Held h = held.get(id);
        p.put("title", h.plan().title());
        p.put("docNumber", h.plan().docNumber());
        ObjectNode units = p.putObject("units");
        for (Unit u : h.plan().units()) {
            units.put(u.id(), u.name());
        }
        ObjectNode tasks = p.putObject("tasks");
        for (Task t : h.plan().tasks()) {
            tasks.put(String.valueOf(t.no()), t.title());
        }
        if (m == null || !h.plan().reporting().covers(m)) {
            p.put("error", "月份 " + m + " 不在本方案的调度期（" + h.plan().reporting().from() + " 至 " + h.plan().reporting().to() + "）内");
            return p;
        }
        try {
            Duban d = base.toBuilder().plan(h.plan()).build();
            p.set("assessment", overview(AssessmentJson.tree(last(replayHeld(h, d, m)))));
        } catch (InputException | LimitException | io.github.duban.error.LedgerException e) {
            p.put("error", e.getMessage());
        }
        return p;
    }

    /**
     * assessment.json as the 驾驶舱 shows it: without the findings, cases, facts set aside and each
     * score's lines (a unit's explanation and the month's assessment give those), so that a city's
     * hundred plans make an answer a phone can take.
     */
    static ObjectNode overview(JsonNode assessment) {
        ObjectNode a = ((ObjectNode) assessment).deepCopy();
        a.remove(List.of("findings", "cases", "ignored"));
        for (JsonNode s : a.path("scores")) {
            ((ObjectNode) s).remove("lines");
        }
        return a;
    }

    // ---- policy, scoring sheet and rules

    Policy policy() {
        return versions.runtime().current().policy();
    }

    /** Reads a policy given as JSON or YAML text (YAML unless it starts with '{'). */
    static Policy readPolicy(String text, String source) {
        String t = text.strip();
        return PolicyJson.read(text, source, !t.startsWith("{"));
    }

    /** The policy a proposal makes from the one in force: {@code policy} replaces it, then {@code scoring} is read into it. */
    Policy proposed(Duban current, JsonNode policy, JsonNode scoring) {
        Policy p = current.policy();
        if (policy != null && !policy.isNull() && !policy.isMissingNode()) {
            p = policy.isTextual() ? readPolicy(policy.asText(), "policy") : PolicyJson.read(policy.toString(), "policy");
        }
        if (scoring != null && !scoring.isNull() && !scoring.isMissingNode()) {
            if (!scoring.isTextual()) {
                throw new InputException("request", 0, "scoring", "is not text (expected the scoring sheet as CSV text, header item,kind,fallsOn,points,cap)");
            }
            p = ScoringSheet.read(scoring.asText(), "scoring", p);
        }
        return p;
    }

    RulesDiff.Diff diff(String id, YearMonth month, JsonNode policy, JsonNode scoring) {
        PlanStore.Held h = store.read(id);
        Duban current = engine(h.plan());
        Duban next = current.toBuilder().policy(proposed(current, policy, scoring)).build();
        return RulesDiff.diff(current, next, h.facts(), month);
    }

    /** A checked new version from the one in force: the problems, or the version saved. */
    record Saved(RulesVersions.Version version, RulesCheck.Report report) {
    }

    Saved save(JsonNode policy, JsonNode scoring, String note, String who) {
        Duban current = versions.runtime().current();
        Policy p = proposed(current, policy, scoring);
        // the rules are the ones in force; those differing from the built-in ones are checked as an author's own
        Map<String, String> own = new java.util.TreeMap<>();
        Map<String, String> builtIn = io.github.duban.engine.Ruleset.builtIn().sources();
        current.rules().sources().forEach((name, text) -> {
            if (!text.equals(builtIn.get(name))) {
                own.put(name, text);
            }
        });
        RulesCheck.Report report = RulesCheck.check(own, p, false);
        if (report.hasErrors()) {
            return new Saved(null, report);
        }
        return new Saved(versions.save(current.toBuilder().policy(p).build(), who, note), report);
    }

    // ---- import

    ImportResult importPlan(byte[] bytes, String name, Integer year) {
        String ext = Optional.ofNullable(name).map(n -> n.lastIndexOf('.') < 0 ? "" : n.substring(n.lastIndexOf('.') + 1))
                .orElse("").toLowerCase(java.util.Locale.ROOT);
        if (!List.of("docx", "xlsx", "html", "htm", "txt", "csv", "md").contains(ext)) {
            throw new InputException(name == null ? "file" : name, 0, null, "is not a plan file duban reads (expected .docx, .xlsx, .html, .txt, .md or .csv)");
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile("duban-import-", "." + ext);
            Files.write(tmp, bytes);
            return PlanImporter.importFile(tmp, ImportOptions.ofYear(year));
        } catch (InputException e) {
            // said of the upload by its own name, not of the file it was held in
            throw e.at(name, e.line());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hold the upload", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temporary file the system cleans up
                }
            }
        }
    }
}

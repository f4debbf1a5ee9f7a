package io.github.duban.authoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.duban.engine.Duban;
import io.github.duban.engine.Ruleset;
import io.github.duban.json.FactsJson;
import io.github.duban.error.InputException;
import io.github.duban.json.PlanJson;
import io.github.duban.json.PolicyJson;
import io.github.duban.model.Facts;
import io.github.duban.model.Plan;
import io.github.duban.model.Policy;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.BoardEntry;
import io.github.duban.outcome.Finding;
import io.github.duban.outcome.Ledger;
import io.github.duban.outcome.Sanction;
import io.github.duban.outcome.UnitScore;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Scenario tests for rule authors (docs/rules.md): a YAML file gives facts inline, the month to
 * assess and as of when, and what to expect per unit (findings, sanctions, score, rating, rank)
 * and per task (the board's light). The months of the window before it are replayed from the same
 * facts to make its ledger. {@link #run(Path)} reports each difference as expected against got.
 * Thread-safe.
 */
public final class Scenarios {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TOP = List.of("name", "plan", "policy", "month", "asOf", "given", "expect");
    private static final List<String> FACT_FILES = List.of("reports", "completions", "extensions", "inspections", "rectifications");
    private static final List<String> UNIT_KEYS = List.of("findings", "sanctions", "score", "rating", "rank");

    /** One scenario's outcome: its file, its name and every difference found (none: passed). Immutable and thread-safe. */
    public record Result(String file, String name, List<String> differences) {
        /** Copies the differences, so the result cannot change. */
        public Result {
            differences = List.copyOf(differences);
        }

        /** True when the scenario found no difference between what was expected and what was got. */
        public boolean passed() {
            return differences.isEmpty();
        }
    }

    private Scenarios() {
    }

    /** Runs every {@code *.yaml}/{@code *.yml} scenario of {@code dir} in name order, with the rules given (null: built-in). */
    public static List<Result> runAll(Path dir, Ruleset rules) {
        return runAll(dir, rules, null);
    }

    /**
     * Runs every scenario of {@code dir} in name order, with the rules given (null: built-in) and
     * {@code policy} for the scenarios that name none of their own (null: the default policy).
     * YAML files of the folder that are policies, not scenarios, are left out ({@link #policiesIn}).
     */
    public static List<Result> runAll(Path dir, Ruleset rules, Policy policy) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir.toString(), 0, null, "names no folder (expected a folder of scenario .yaml files)");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new InputException(dir.toString(), 0, null, "cannot read the folder: " + e.getMessage());
        }
        List<Path> policies = policiesIn(dir);
        files = files.stream().filter(f -> !policies.contains(f)).toList();
        if (files.isEmpty()) {
            throw new InputException(dir.toString(), 0, null, "holds no scenario .yaml files");
        }
        List<Result> out = new ArrayList<>();
        for (Path f : files) {
            out.add(run(f, rules, policy));
        }
        return out;
    }

    /**
     * The YAML files of {@code dir} that are policies rather than scenarios: objects with none of
     * a scenario's keys ({@code given}, {@code expect}, {@code month}) and at least one of a
     * policy's top-level keys. In name order.
     */
    public static List<Path> policiesIn(Path dir) {
        java.util.Set<String> policyKeys = new java.util.HashSet<>();
        PolicyJson.KEYS.forEach(k -> policyKeys.add(k.path().split("\\.")[0]));
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList()) {
                JsonNode root;
                try {
                    root = YAML.readTree(Files.readString(f, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    continue; // not readable YAML: run() says what is wrong with it
                }
                if (root != null && root.isObject() && !root.has("given") && !root.has("expect") && !root.has("month")) {
                    Iterator<String> names = root.fieldNames();
                    while (names.hasNext()) {
                        if (policyKeys.contains(names.next())) {
                            out.add(f);
                            break;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new InputException(dir.toString(), 0, null, "cannot read the folder: " + e.getMessage());
        }
        return out;
    }

    /** Runs one scenario file with the built-in rules. */
    public static Result run(Path file) {
        return run(file, null);
    }

    /**
     * Runs one scenario file.
     *
     * @throws InputException when the file is not a scenario (names the file, the key and what was expected)
     */
    public static Result run(Path file, Ruleset rules) {
        return run(file, rules, null);
    }

    /**
     * Runs one scenario file with {@code policy} unless it names its own (null: the default policy).
     *
     * @throws InputException when the file is not a scenario (names the file, the key and what was expected)
     */
    public static Result run(Path file, Ruleset rules, Policy given) {
        String source = file.toString();
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new InputException(source, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), null,
                    "is not YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(source, 0, null, "cannot read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InputException(source, 0, null, "expected a scenario: name, month, given, expect (see docs/rules.md)");
        }
        keys(source, "", root, TOP);
        String name = root.path("name").asText(file.getFileName().toString());
        Path base = file.toAbsolutePath().getParent();
        Plan plan = root.has("plan") && !root.get("plan").asText().equals("embedded")
                ? PlanJson.read(base.resolve(root.get("plan").asText())) : PlanJson.embedded();
        Policy policy = root.has("policy") ? PolicyJson.read(base.resolve(root.get("policy").asText()))
                : given != null ? given : Policy.DEFAULT;
        YearMonth month = month(source, "month", root.get("month"));
        LocalDate asOf = root.has("asOf") ? date(source, "asOf", root.get("asOf")) : null;
        Facts facts = facts(source, root.path("given"), plan);
        Duban.Builder b = Duban.builder().plan(plan).policy(policy);
        if (rules != null) {
            b.rules(rules);
        }
        Duban duban = b.build();
        Ledger previous = null;
        if (!month.equals(plan.reporting().from())) {
            List<Assessment> before = duban.replay(plan.reporting().from(), month.minusMonths(1), facts);
            previous = before.get(before.size() - 1).ledger();
        }
        Assessment a;
        try {
            a = duban.assess(month, asOf, facts, previous);
        } catch (IllegalArgumentException e) {
            throw new InputException(source, 0, "month", e.getMessage());
        }
        return new Result(source, name, compare(source, root.path("expect"), a));
    }

    private static Facts facts(String source, JsonNode given, Plan plan) {
        if (given.isMissingNode() || given.isNull()) {
            return Facts.none();
        }
        if (!given.isObject()) {
            throw new InputException(source, 0, "given", "expected the facts by kind: " + String.join(", ", FACT_FILES));
        }
        keys(source, "given.", given, FACT_FILES);
        Map<String, String> lines = new LinkedHashMap<>();
        for (String kind : FACT_FILES) {
            JsonNode list = given.path(kind);
            if (list.isMissingNode()) {
                continue;
            }
            if (!list.isArray()) {
                throw new InputException(source, 0, "given." + kind, "expected a list of facts, one {…} each, fields as in " + kind + ".jsonl");
            }
            StringBuilder sb = new StringBuilder();
            for (JsonNode n : list) {
                try {
                    sb.append(JSON.writeValueAsString(n)).append('\n');
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            lines.put(kind + ".jsonl", sb.toString());
        }
        try {
            return FactsJson.read(lines, plan);
        } catch (InputException e) {
            // FactsJson names "kinds.jsonl" and the item's position; say where that is in the scenario
            throw new InputException(source, 0, "given." + e.file().replace(".jsonl", "") + (e.line() > 0 ? "[" + (e.line() - 1) + "]" : "")
                    + (e.field() != null ? "." + e.field() : ""), e.problem());
        }
    }

    // ------------------------------------------------------------------ expectations

    private static List<String> compare(String source, JsonNode expect, Assessment a) {
        List<String> out = new ArrayList<>();
        if (expect.isMissingNode()) {
            return out;
        }
        keys(source, "expect.", expect, List.of("units", "lights"));
        Iterator<Map.Entry<String, JsonNode>> units = expect.path("units").fields();
        while (units.hasNext()) {
            Map.Entry<String, JsonNode> e = units.next();
            String unit = e.getKey();
            JsonNode want = e.getValue();
            String at = "expect.units." + unit;
            keys(source, at + ".", want, UNIT_KEYS);
            if (want.has("findings")) {
                List<Finding> got = a.findings().stream().filter(f -> f.unit().equals(unit)).toList();
                List<String> expected = new ArrayList<>();
                for (JsonNode f : list(source, at + ".findings", want.get("findings"))) {
                    keys(source, at + ".findings[].", f, List.of("kind", "task", "days"));
                    expected.add(item(text(source, at + ".findings[].kind", f.get("kind")), f.path("task"), "days", f.path("days")));
                }
                List<String> actual = new ArrayList<>();
                for (Finding f : got) {
                    boolean withDays = hasDetail(want.get("findings"), "kind", f.kind().name(), f.task(), "days");
                    actual.add(item(f.kind().name(), f.task() == null ? JSON.missingNode() : JSON.getNodeFactory().numberNode(f.task()),
                            "days", withDays && f.days() != null ? JSON.getNodeFactory().numberNode(f.days()) : JSON.missingNode()));
                }
                same(out, unit + " findings", expected, actual);
            }
            if (want.has("sanctions")) {
                List<Sanction> got = a.sanctions().stream().filter(s -> s.unit().equals(unit)).toList();
                List<String> expected = new ArrayList<>();
                for (JsonNode s : list(source, at + ".sanctions", want.get("sanctions"))) {
                    keys(source, at + ".sanctions[].", s, List.of("level", "task", "rectifyBy"));
                    expected.add(item(text(source, at + ".sanctions[].level", s.get("level")), s.path("task"), "rectifyBy", s.path("rectifyBy")));
                }
                List<String> actual = new ArrayList<>();
                for (Sanction s : got) {
                    boolean withDate = hasDetail(want.get("sanctions"), "level", s.level().name(), s.task(), "rectifyBy");
                    actual.add(item(s.level().name(), s.task() == null ? JSON.missingNode() : JSON.getNodeFactory().numberNode(s.task()),
                            "rectifyBy", withDate && s.rectifyBy() != null ? JSON.getNodeFactory().textNode(s.rectifyBy().toString()) : JSON.missingNode()));
                }
                same(out, unit + " sanctions", expected, actual);
            }
            if (want.has("score") || want.has("rating") || want.has("rank")) {
                UnitScore s = a.scores().stream().filter(x -> x.unit().equals(unit)).findFirst().orElse(null);
                if (s == null) {
                    out.add(unit + ": expected a score, got none (the unit is not scored this month)");
                    continue;
                }
                if (want.has("score")) {
                    JsonNode n = want.get("score");
                    if (!n.isNumber()) {
                        throw new InputException(source, 0, at + ".score", "is " + n + "; expected a number");
                    }
                    if (n.decimalValue().compareTo(s.score()) != 0) {
                        out.add(unit + " score: expected " + plain(n.decimalValue()) + ", got " + plain(s.score()) + lines(s));
                    }
                }
                if (want.has("rating")) {
                    String r = text(source, at + ".rating", want.get("rating"));
                    if (!r.equals(s.rating().name()) && !r.equals(s.rating().chinese())) {
                        out.add(unit + " rating: expected " + r + ", got " + s.rating().name() + " " + s.rating().chinese());
                    }
                }
                if (want.has("rank") && want.get("rank").asInt() != s.rank()) {
                    out.add(unit + " rank: expected " + want.get("rank").asInt() + ", got " + s.rank());
                }
            }
        }
        Iterator<Map.Entry<String, JsonNode>> lights = expect.path("lights").fields();
        while (lights.hasNext()) {
            Map.Entry<String, JsonNode> e = lights.next();
            int task;
            try {
                task = Integer.parseInt(e.getKey());
            } catch (NumberFormatException x) {
                throw new InputException(source, 0, "expect.lights." + e.getKey(), "expected a task number");
            }
            String want = text(source, "expect.lights." + task, e.getValue());
            BoardEntry got = a.board().stream().filter(b -> b.task() == task).findFirst().orElse(null);
            String g = got == null ? "no light" : got.light().name();
            if (!want.equals(g)) {
                out.add("task " + task + " light: expected " + want + ", got " + g);
            }
        }
        return out;
    }

    private static boolean hasDetail(JsonNode list, String kindKey, String kind, Integer task, String detail) {
        for (JsonNode n : list) {
            if (n.path(kindKey).asText().equals(kind) && Objects.equals(n.path("task").isMissingNode() || n.path("task").isNull()
                    ? null : n.path("task").asInt(), task) && n.has(detail)) {
                return true;
            }
        }
        return false;
    }

    private static String item(String kind, JsonNode task, String detail, JsonNode value) {
        StringBuilder sb = new StringBuilder(kind);
        if (!task.isMissingNode() && !task.isNull()) {
            sb.append(" task ").append(task.asText());
        }
        if (!value.isMissingNode() && !value.isNull()) {
            sb.append(' ').append(detail).append(' ').append(value.asText());
        }
        return sb.toString();
    }

    private static void same(List<String> out, String what, List<String> expected, List<String> actual) {
        List<String> e = new ArrayList<>(expected);
        List<String> g = new ArrayList<>(actual);
        e.sort(null);
        g.sort(null);
        if (!e.equals(g)) {
            out.add(what + ": expected " + (e.isEmpty() ? "none" : e) + ", got " + (g.isEmpty() ? "none" : g));
        }
    }

    private static String lines(UnitScore s) {
        if (s.lines().isEmpty()) {
            return " (no lines)";
        }
        StringBuilder sb = new StringBuilder(" (");
        for (int i = 0; i < s.lines().size(); i++) {
            var l = s.lines().get(i);
            sb.append(i > 0 ? ", " : "").append(l.kind()).append(l.task() != null ? " task " + l.task() : "").append(' ')
                    .append(l.points().signum() >= 0 ? "+" : "").append(plain(l.points()));
        }
        return sb.append(')').toString();
    }

    private static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    // ------------------------------------------------------------------ reading

    private static void keys(String source, String prefix, JsonNode n, List<String> allowed) {
        if (!n.isObject()) {
            throw new InputException(source, 0, prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1),
                    "expected a mapping of " + String.join(", ", allowed));
        }
        Iterator<String> it = n.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!allowed.contains(k)) {
                String near = PolicyJson.nearest(k, allowed);
                throw new InputException(source, 0, prefix + k, "is not a scenario key (expected " + String.join(", ", allowed) + ")"
                        + (near != null ? "; did you mean " + prefix + near + "?" : ""));
            }
        }
    }

    private static List<JsonNode> list(String source, String at, JsonNode n) {
        if (!n.isArray()) {
            throw new InputException(source, 0, at, "expected a list ([] for none)");
        }
        List<JsonNode> out = new ArrayList<>();
        n.forEach(out::add);
        return out;
    }

    private static String text(String source, String at, JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode() || n.isContainerNode()) {
            throw new InputException(source, 0, at, "is missing; expected a name");
        }
        return n.asText();
    }

    private static YearMonth month(String source, String at, JsonNode n) {
        try {
            return YearMonth.parse(text(source, at, n));
        } catch (DateTimeParseException e) {
            throw new InputException(source, 0, at, "is " + n.asText() + "; expected a month such as 2021-05");
        }
    }

    private static LocalDate date(String source, String at, JsonNode n) {
        try {
            return LocalDate.parse(text(source, at, n));
        } catch (DateTimeParseException e) {
            throw new InputException(source, 0, at, "is " + n.asText() + "; expected a date such as 2021-05-31");
        }
    }
}

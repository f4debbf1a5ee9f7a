package io.github.duban.json;

import io.github.duban.error.InputException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.duban.model.Band;
import io.github.duban.model.Policy;
import io.github.duban.error.PolicyException;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes a policy file, YAML or JSON (docs/policy.md): settings grouped by what they
 * govern ({@code points.reportLate}, {@code bands[2].lower}, {@code calendar.workingDays}); keys
 * left out keep their defaults. The flat keys of the first policy files ({@code reportLate},
 * {@code excellent} …) are read too. Every mistake is refused with the file, the key path, what
 * was given and what was expected; an unknown key names the nearest known one. Thread-safe.
 */
public final class PolicyJson {

    /** A setting's type. */
    public enum Type {
        /** a whole number */ INT,
        /** a number */ NUMBER,
        /** true or false */ BOOL,
        /** a whole number, or null */ INT_OR_NULL,
        /** a number, or null */ NUMBER_OR_NULL,
        /** a band's name, or null */ BAND_OR_NULL,
        /** a list of whole numbers */ INT_LIST
    }

    /** One setting: its key path, type, and what it means in Chinese and English. */
    public record Key(String path, Type type, String chinese, String english) {
    }

    /** Every scalar setting, in the order a policy file lists them. Bands are a list of {name, chinese, lower}. */
    public static final List<Key> KEYS = List.of(
            new Key("base", Type.NUMBER, "基础分", "the score a unit starts the month with"),
            new Key("bounds.lower", Type.NUMBER, "得分下限", "the lowest score"),
            new Key("bounds.upper", Type.NUMBER, "得分上限", "the highest score (left out: base + bonusCap)"),
            new Key("bonusCap", Type.NUMBER, "加分上限（每月）", "bonuses count up to this much a month"),
            new Key("supportingWeight", Type.NUMBER, "协办单位扣分权重",
                    "weight of points that fall on a unit for a task it does not lead (1 in full, 0.5 half)"),
            new Key("points.reportLate", Type.NUMBER, "迟报（每次）", "per late report"),
            new Key("points.reportMissing", Type.NUMBER, "漏报（每次）", "per missing report"),
            new Key("points.taskOverdue", Type.NUMBER, "任务逾期（每月）", "per overdue task, every month it stays overdue"),
            new Key("points.notice", Type.NUMBER, "提醒", "per notice issued in the month"),
            new Key("points.criticism", Type.NUMBER, "通报批评", "per criticism issued in the month"),
            new Key("points.exposure", Type.NUMBER, "公开曝光", "per exposure issued in the month"),
            new Key("points.completedEarly", Type.NUMBER, "提前完成", "per task completed early, to each lead unit"),
            new Key("points.commended", Type.NUMBER, "表扬", "per commendation"),
            new Key("points.milestoneMissed", Type.NUMBER, "未达到时间节点（每个）", "per milestone missed (counted with the reports where caps are set)"),
            new Key("caps.reports", Type.NUMBER_OR_NULL, "进度报送类扣分上限（每月，扣完为止）",
                    "most the late and missing reports take in a month (null: no cap)"),
            new Key("caps.tasks", Type.NUMBER_OR_NULL, "任务逾期类扣分上限（每月）", "most overdue tasks take in a month (null: no cap)"),
            new Key("caps.sanctions", Type.NUMBER_OR_NULL, "督办问责类扣分上限（每月）", "most sanctions take in a month (null: no cap)"),
            new Key("judging.dueSoonDays", Type.INT, "临近时限天数", "a task is due soon when 0 ≤ deadline − A ≤ this"),
            new Key("judging.dueSoonPercent", Type.INT, "临近时限进度线", "… and a lead's latest percent is below this (or unknown)"),
            new Key("judging.earlyDays", Type.INT, "提前完成天数", "completed at least this many days before the original deadline"),
            new Key("judging.rectifyDays", Type.INT, "整改期限天数", "rectify-by = A + this, when a case first reaches criticism"),
            new Key("board.redBehind", Type.INT, "红灯滞后点数", "RED when behind schedule by more than this"),
            new Key("board.yellowBehind", Type.INT, "黄灯滞后点数", "YELLOW when behind schedule by more than this"),
            new Key("calendar.dueDay", Type.INT_OR_NULL, "报送日（每月）", "overrides the plan's reporting due day (null: the plan's)"),
            new Key("calendar.workingDays", Type.BOOL, "按工作日计", "count days late, overdue and rectify days in working days"),
            new Key("calendar.rollDueDate", Type.BOOL, "报送日顺延", "a due date on a non-working day moves to the next working day"),
            new Key("ratingCeilings.NOTICE", Type.BAND_OR_NULL, "受到提醒的单位等次上限",
                    "the best band a unit issued a notice this month may be rated (null: no ceiling)"),
            new Key("ratingCeilings.CRITICISM", Type.BAND_OR_NULL, "受到通报批评的单位等次上限",
                    "the best band a unit criticised this month may be rated (left out: the second band)"),
            new Key("ratingCeilings.EXPOSURE", Type.BAND_OR_NULL, "受到公开曝光的单位等次上限",
                    "the best band a unit exposed this month may be rated (left out: the third band)"),
            new Key("remind.reportDays", Type.INT_LIST, "报送提醒（报送日前工作日）",
                    "remind a lead unit of its monthly report this many working days before the due date, and on the day"),
            new Key("remind.chaseEvery", Type.INT, "逾期催报间隔（工作日）",
                    "chase an overdue report the first working day after the due date and every this many working days"),
            new Key("remind.deadlineDays", Type.INT_LIST, "完成时限提醒（提前天数）", "remind the lead units this many days before a task's deadline in force"),
            new Key("remind.milestoneDays", Type.INT_LIST, "时间节点提醒（提前天数）", "remind the lead units this many days before a milestone with a percent"),
            new Key("remind.rectifyDays", Type.INT_LIST, "整改时限提醒（提前工作日）", "remind a unit this many working days before its case's rectify-by date"),
            new Key("remind.escalateAfter", Type.INT, "转责任领导督办（逾期工作日）",
                    "a matter still open this many working days after it fell due goes to the unit's 责任领导 as 督办"));

    private static final Map<String, Key> BY_PATH = new LinkedHashMap<>();
    private static final List<String> GROUPS = List.of("bounds", "points", "caps", "judging", "board", "calendar", "ratingCeilings", "remind");
    private static final List<String> BAND_KEYS = List.of("name", "chinese", "lower");
    /** The flat keys of the first policy files, by the key path they now have. */
    private static final Map<String, String> FLAT = new LinkedHashMap<>();

    static {
        KEYS.forEach(k -> BY_PATH.put(k.path(), k));
        for (String k : List.of("reportLate", "reportMissing", "taskOverdue", "notice", "criticism", "exposure",
                "completedEarly", "commended", "milestoneMissed")) {
            FLAT.put(k, "points." + k);
        }
        for (String k : List.of("dueSoonDays", "dueSoonPercent", "earlyDays", "rectifyDays")) {
            FLAT.put(k, "judging." + k);
        }
        FLAT.put("redBehind", "board.redBehind");
        FLAT.put("yellowBehind", "board.yellowBehind");
        FLAT.put("dueDay", "calendar.dueDay");
        FLAT.put("workingDays", "calendar.workingDays");
        FLAT.put("rollDueDate", "calendar.rollDueDate");
        FLAT.put("lowerBound", "bounds.lower");
        FLAT.put("upperBound", "bounds.upper");
        FLAT.put("excellent", "bands.EXCELLENT");
        FLAT.put("good", "bands.GOOD");
        FLAT.put("pass", "bands.PASS");
    }

    // a key written twice is refused (never last-wins), as is anything after the policy
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private static final BigDecimal LIMIT = BigDecimal.valueOf(100_000);

    private PolicyJson() {
    }

    /** Reads a policy file: YAML when it ends in .yaml or .yml, JSON otherwise. */
    public static Policy read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw FactsJson.notUtf8(file, file.toString());
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, null, "cannot read the policy file: " + e.getMessage());
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return read(text, file.toString(), name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    /** Reads a policy given as JSON text; {@code source} names it in errors. */
    public static Policy read(String json, String source) {
        return read(json, source, false);
    }

    /** Reads a policy given as YAML ({@code yaml}) or JSON text; {@code source} names it in errors. */
    public static Policy read(String text, String source, boolean yaml) {
        JsonNode given;
        try {
            given = (yaml ? YAML : JSON).readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (JsonProcessingException e) {
            throw InputException.from(source, e);
        }
        if (given == null || given.isMissingNode() || given.isNull()) {
            return Policy.DEFAULT;
        }
        if (!given.isObject()) {
            throw new InputException(source, 1, null, "is " + describe(given) + "; expected a " + (yaml ? "YAML mapping" : "JSON object")
                    + " of policy settings (see docs/policy.md)");
        }
        return new Reader(source).read((ObjectNode) given);
    }

    /** Collects the settings given over the defaults and builds the policy. */
    private static final class Reader {
        private final String source;
        private final Map<String, Object> values = new LinkedHashMap<>();
        private List<Band> bands;
        private final Map<String, BigDecimal> bandLowers = new LinkedHashMap<>();
        private final java.util.Set<String> ceilingsGiven = new java.util.HashSet<>();

        Reader(String source) {
            this.source = source;
            values.putAll(flatten(Policy.DEFAULT));
            bands = Policy.DEFAULT.bands();
        }

        Policy read(ObjectNode given) {
            Iterator<Map.Entry<String, JsonNode>> it = given.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String k = e.getKey();
                JsonNode v = e.getValue();
                if (k.equals("bands")) {
                    bands(v);
                } else if (GROUPS.contains(k)) {
                    if (!v.isObject()) {
                        throw error(k, "is " + describe(v) + "; expected a group of settings (" + String.join(", ", childrenOf(k)) + ")");
                    }
                    Iterator<Map.Entry<String, JsonNode>> c = v.fields();
                    while (c.hasNext()) {
                        Map.Entry<String, JsonNode> ce = c.next();
                        set(k + "." + ce.getKey(), ce.getValue());
                    }
                } else if (BY_PATH.containsKey(k)) {
                    set(k, v);
                } else if (FLAT.containsKey(k)) {
                    String path = FLAT.get(k);
                    if (path.startsWith("bands.")) {
                        bandLowers.put(path.substring(6), number(k, v));
                    } else {
                        set(path, v);
                    }
                } else {
                    throw unknown(k);
                }
            }
            List<Band> b = new ArrayList<>(bands);
            for (Map.Entry<String, BigDecimal> e : bandLowers.entrySet()) {
                int i = indexOf(b, e.getKey());
                if (i < 0) {
                    throw error(FLAT.entrySet().stream().filter(f -> f.getValue().equals("bands." + e.getKey())).findFirst().orElseThrow().getKey(),
                            "sets the band " + e.getKey() + ", which the bands do not have; expected bands[i].lower");
                }
                b.set(i, new Band(e.getKey(), b.get(i).chinese(), e.getValue()));
            }
            if (!given.has("upperBound") && !(given.has("bounds") && given.get("bounds").has("upper"))) {
                // left out: the highest score is the base plus the bonus cap (DESIGN §6)
                values.put("bounds.upper", ((BigDecimal) values.get("base")).add((BigDecimal) values.get("bonusCap")));
            }
            // a ceiling left out is the one the bands give (DESIGN §6: the second band for a criticism, the third for an exposure)
            Map<String, String> defaults = Policy.defaultCeilings(b);
            for (String level : Policy.LEVELS) {
                if (!ceilingsGiven.contains(level)) {
                    values.put("ratingCeilings." + level, defaults.get(level));
                }
            }
            try {
                return build(values, b);
            } catch (PolicyException e) {
                throw new InputException(source, 0, e.key(), e.problem());
            }
        }

        private void set(String path, JsonNode v) {
            Key key = BY_PATH.get(path);
            if (key == null) {
                throw unknown(path);
            }
            if (path.startsWith("ratingCeilings.")) {
                ceilingsGiven.add(path.substring("ratingCeilings.".length()));
            }
            values.put(path, switch (key.type()) {
                case INT -> integer(path, v);
                case NUMBER -> number(path, v);
                case BOOL -> {
                    if (!v.isBoolean()) {
                        throw error(path, "is " + describe(v) + "; expected true or false");
                    }
                    yield v.booleanValue();
                }
                case INT_OR_NULL -> v.isNull() ? null : integer(path, v);
                case NUMBER_OR_NULL -> v.isNull() ? null : number(path, v);
                case BAND_OR_NULL -> {
                    if (!v.isNull() && (!v.isTextual() || v.asText().isBlank())) {
                        throw error(path, "is " + describe(v) + "; expected the name of a band (such as GOOD), or null for no ceiling");
                    }
                    yield v.isNull() ? null : v.asText();
                }
                case INT_LIST -> {
                    if (!v.isArray()) {
                        throw error(path, "is " + describe(v) + "; expected a list of whole numbers such as [3, 1]");
                    }
                    List<Integer> days = new ArrayList<>();
                    for (int i = 0; i < v.size(); i++) {
                        days.add(integer(path + "[" + i + "]", v.get(i)));
                    }
                    yield List.copyOf(days);
                }
            });
        }

        private void bands(JsonNode v) {
            if (!v.isArray() || v.isEmpty()) {
                throw error("bands", "is " + describe(v) + "; expected a list of rating bands, best first, each {name, chinese, lower}");
            }
            List<Band> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                JsonNode b = v.get(i);
                String at = "bands[" + i + "]";
                if (!b.isObject()) {
                    throw error(at, "is " + describe(b) + "; expected {name, chinese, lower}");
                }
                Iterator<String> names = b.fieldNames();
                while (names.hasNext()) {
                    String n = names.next();
                    if (!BAND_KEYS.contains(n)) {
                        String near = nearest(n, BAND_KEYS);
                        throw error(at + "." + n, "is not a setting of a band; expected name, chinese or lower"
                                + (near != null ? " (did you mean " + at + "." + near + "?)" : ""));
                    }
                }
                for (String n : BAND_KEYS) {
                    if (!b.has(n)) {
                        throw error(at + "." + n, "is missing; a band needs name, chinese and lower");
                    }
                }
                if (!b.get("name").isTextual() || b.get("name").asText().isBlank()) {
                    throw error(at + ".name", "is " + describe(b.get("name")) + "; expected a code name such as EXCELLENT");
                }
                if (!b.get("chinese").isTextual() || b.get("chinese").asText().isBlank()) {
                    throw error(at + ".chinese", "is " + describe(b.get("chinese")) + "; expected a Chinese name such as 优秀");
                }
                out.add(new Band(b.get("name").asText(), b.get("chinese").asText(), number(at + ".lower", b.get("lower"))));
            }
            bands = out;
        }

        private int integer(String path, JsonNode v) {
            if (v.isNumber()) {
                inRange(path, v.decimalValue());
            }
            if (!v.isNumber() || !v.canConvertToExactIntegral() || !v.canConvertToInt()) {
                throw error(path, "is " + describe(v) + "; expected a whole number");
            }
            return v.intValue();
        }

        private BigDecimal number(String path, JsonNode v) {
            if (!v.isNumber()) {
                throw error(path, "is " + describe(v) + "; expected a number");
            }
            return inRange(path, v.decimalValue());
        }

        /** Every number of a policy is a score, a weight or a count of days: within ±100,000 and to at most 4 decimals. */
        private BigDecimal inRange(String path, BigDecimal d) {
            if (d.abs().compareTo(LIMIT) > 0 || d.signum() != 0 && d.stripTrailingZeros().scale() > 4) {
                String shown = d.precision() - d.scale() > 12 || d.scale() > 12 ? d.toString() : d.toPlainString();
                throw error(path, "is " + shown + "; expected a number between -100000 and 100000 with at most 4 decimals");
            }
            return d;
        }

        private InputException unknown(String path) {
            List<String> known = new ArrayList<>(BY_PATH.keySet());
            known.add("bands");
            if (!path.contains(".")) {
                known.addAll(GROUPS);
            }
            String near = nearest(path, known);
            return error(path, "is not a policy setting" + (near != null ? " (did you mean " + near + "?)" : "")
                    + "; the settings are listed in docs/policy.md");
        }

        private InputException error(String path, String problem) {
            return new InputException(source, 0, path, problem);
        }
    }

    private static List<String> childrenOf(String group) {
        return BY_PATH.keySet().stream().filter(p -> p.startsWith(group + ".")).map(p -> p.substring(group.length() + 1)).toList();
    }

    private static int indexOf(List<Band> bands, String name) {
        for (int i = 0; i < bands.size(); i++) {
            if (bands.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The known name closest to what was written (by the whole path or its last part), or null when none is close. */
    public static String nearest(String given, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String g = given.toLowerCase(Locale.ROOT);
        String gLast = g.substring(g.lastIndexOf('.') + 1);
        for (String k : known) {
            String kl = k.toLowerCase(Locale.ROOT);
            String kLast = kl.substring(kl.lastIndexOf('.') + 1);
            int d = Math.min(InputException.editDistance(g, kl), InputException.editDistance(gLast, kLast));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= Math.max(2, gLast.length() / 3) ? best : null;
    }


    private static String describe(JsonNode v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            return "\"" + v.asText() + "\" (text)";
        }
        if (v.isNumber()) {
            return v.decimalValue().toPlainString();
        }
        if (v.isBoolean()) {
            return v.asText();
        }
        if (v.isArray()) {
            return "a list";
        }
        return "a group";
    }

    // ------------------------------------------------------------------ the policy as settings

    /** The policy's scalar settings by key path. */
    public static Map<String, Object> flatten(Policy p) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("base", p.base());
        v.put("bounds.lower", p.lowerBound());
        v.put("bounds.upper", p.upperBound());
        v.put("bonusCap", p.bonusCap());
        v.put("supportingWeight", p.supportingWeight());
        v.put("points.reportLate", p.reportLate());
        v.put("points.reportMissing", p.reportMissing());
        v.put("points.taskOverdue", p.taskOverdue());
        v.put("points.notice", p.notice());
        v.put("points.criticism", p.criticism());
        v.put("points.exposure", p.exposure());
        v.put("points.completedEarly", p.completedEarly());
        v.put("points.commended", p.commended());
        v.put("points.milestoneMissed", p.milestoneMissed());
        for (String c : List.of("reports", "tasks", "sanctions")) {
            v.put("caps." + c, p.caps().get(c));
        }
        v.put("judging.dueSoonDays", p.dueSoonDays());
        v.put("judging.dueSoonPercent", p.dueSoonPercent());
        v.put("judging.earlyDays", p.earlyDays());
        v.put("judging.rectifyDays", p.rectifyDays());
        v.put("board.redBehind", p.redBehind());
        v.put("board.yellowBehind", p.yellowBehind());
        v.put("calendar.dueDay", p.dueDay());
        v.put("calendar.workingDays", p.workingDays());
        v.put("calendar.rollDueDate", p.rollDueDate());
        for (String level : Policy.LEVELS) {
            v.put("ratingCeilings." + level, p.ratingCeilings().get(level));
        }
        Policy.Reminding r = p.remind();
        v.put("remind.reportDays", r.reportDays());
        v.put("remind.chaseEvery", r.chaseEvery());
        v.put("remind.deadlineDays", r.deadlineDays());
        v.put("remind.milestoneDays", r.milestoneDays());
        v.put("remind.rectifyDays", r.rectifyDays());
        v.put("remind.escalateAfter", r.escalateAfter());
        return v;
    }

    /**
     * A policy from its scalar settings by key path (as {@link #flatten} gives them) and its bands.
     *
     * @throws PolicyException naming the key of a setting out of range
     */
    public static Policy fromSettings(Map<String, Object> settings, List<Band> bands) {
        return build(settings, bands);
    }

    private static Policy build(Map<String, Object> v, List<Band> bands) {
        Map<String, BigDecimal> caps = new TreeMap<>();
        for (String c : List.of("reports", "tasks", "sanctions")) {
            if (v.get("caps." + c) != null) {
                caps.put(c, (BigDecimal) v.get("caps." + c));
            }
        }
        return new Policy((Integer) v.get("judging.dueSoonDays"), (Integer) v.get("judging.dueSoonPercent"),
                (Integer) v.get("judging.earlyDays"), (Integer) v.get("judging.rectifyDays"),
                (Integer) v.get("board.redBehind"), (Integer) v.get("board.yellowBehind"),
                (BigDecimal) v.get("points.reportLate"), (BigDecimal) v.get("points.reportMissing"),
                (BigDecimal) v.get("points.taskOverdue"), (BigDecimal) v.get("points.notice"),
                (BigDecimal) v.get("points.criticism"), (BigDecimal) v.get("points.exposure"),
                (BigDecimal) v.get("points.completedEarly"), (BigDecimal) v.get("points.commended"),
                (BigDecimal) v.get("bonusCap"), (Integer) v.get("calendar.dueDay"),
                (Boolean) v.get("calendar.workingDays"), (Boolean) v.get("calendar.rollDueDate"),
                (BigDecimal) v.get("base"), (BigDecimal) v.get("bounds.lower"), (BigDecimal) v.get("bounds.upper"),
                (BigDecimal) v.get("supportingWeight"), bands, caps, (BigDecimal) v.get("points.milestoneMissed"), ceilings(v),
                reminding(v));
    }

    @SuppressWarnings("unchecked")
    private static Policy.Reminding reminding(Map<String, Object> v) {
        Policy.Reminding d = Policy.Reminding.DEFAULT;
        return new Policy.Reminding(
                (List<Integer>) v.getOrDefault("remind.reportDays", d.reportDays()),
                (Integer) v.getOrDefault("remind.chaseEvery", d.chaseEvery()),
                (List<Integer>) v.getOrDefault("remind.deadlineDays", d.deadlineDays()),
                (List<Integer>) v.getOrDefault("remind.milestoneDays", d.milestoneDays()),
                (List<Integer>) v.getOrDefault("remind.rectifyDays", d.rectifyDays()),
                (Integer) v.getOrDefault("remind.escalateAfter", d.escalateAfter()));
    }

    private static Map<String, String> ceilings(Map<String, Object> v) {
        Map<String, String> c = new TreeMap<>();
        for (String level : Policy.LEVELS) {
            Object band = v.get("ratingCeilings." + level);
            if (band != null) {
                c.put(level, (String) band);
            }
        }
        return c;
    }

    /** The policy as a tree in the layout of a policy file. */
    public static ObjectNode tree(Policy p) {
        ObjectNode root = JSON.createObjectNode();
        for (Map.Entry<String, Object> e : flatten(p).entrySet()) {
            String path = e.getKey();
            ObjectNode at = root;
            int dot = path.indexOf('.');
            if (dot > 0) {
                String group = path.substring(0, dot);
                at = root.has(group) ? (ObjectNode) root.get(group) : root.putObject(group);
                path = path.substring(dot + 1);
            }
            put(at, path, e.getValue());
            if (e.getKey().equals("supportingWeight")) {
                ArrayNode bands = root.putArray("bands");
                for (Band b : p.bands()) {
                    ObjectNode n = bands.addObject();
                    n.put("name", b.name());
                    n.put("chinese", b.chinese());
                    n.put("lower", b.lower());
                }
            }
        }
        return root;
    }

    private static void put(ObjectNode n, String k, Object v) {
        if (v instanceof String t) {
            n.put(k, t);
        } else if (v == null) {
            n.putNull(k);
        } else if (v instanceof BigDecimal b) {
            n.put(k, b);
        } else if (v instanceof Integer i) {
            n.put(k, i);
        } else if (v instanceof List<?> list) {
            ArrayNode a = n.putArray(k);
            list.forEach(x -> a.add((Integer) x));
        } else {
            n.put(k, (Boolean) v);
        }
    }

    /** The policy as pretty JSON, in the layout of a policy file. */
    public static String write(Policy policy) {
        try {
            return Mappers.PRETTY.writeValueAsString(tree(policy)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The policy as YAML, every setting with a comment in Chinese and English (docs/policy.md has the detail). */
    public static String writeYaml(Policy policy) {
        StringBuilder sb = new StringBuilder();
        sb.append("# duban policy (考核办法). Keys left out keep their defaults; docs/policy.md explains every key.\n");
        sb.append("# Points are signed: deductions zero or negative, bonuses zero or positive.\n");
        Map<String, Object> v = flatten(policy);
        String group = null;
        for (Key k : KEYS) {
            String path = k.path();
            int dot = path.indexOf('.');
            String g = dot > 0 ? path.substring(0, dot) : null;
            String indent = g == null ? "" : "  ";
            if (g != null && !g.equals(group)) {
                sb.append(g).append(":\n");
            }
            group = g;
            String name = dot > 0 ? path.substring(dot + 1) : path;
            sb.append(indent).append(name).append(": ").append(yamlValue(v.get(path)))
                    .append("   # ").append(k.chinese()).append(" — ").append(k.english()).append('\n');
            if (path.equals("supportingWeight")) {
                sb.append("bands:   # 等次：从高到低，得分不低于 lower 即为该等次 — rating bands, best first; a score takes the first it reaches\n");
                for (Band b : policy.bands()) {
                    sb.append("  - {name: ").append(b.name()).append(", chinese: ").append(b.chinese())
                            .append(", lower: ").append(b.lower().toPlainString()).append("}\n");
                }
            }
        }
        return sb.toString();
    }

    private static String yamlValue(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        if (v instanceof List<?> list) {
            return "[" + String.join(", ", list.stream().map(String::valueOf).toList()) + "]";
        }
        return v.toString();
    }

    /**
     * The policy as canonical JSON: keys sorted at every level, numbers normalised (no trailing
     * zeros, no exponent), no spaces. The settings added after ruleset packages of format 1 are
     * left out where they hold what a policy of that time meant (no rating ceilings; a missed
     * milestone at −1, since no milestone was judged), so a package of that format keeps its
     * fingerprint; any other value is in it.
     */
    public static String canonical(Policy policy) {
        ObjectNode tree = tree(policy);
        if (policy.milestoneMissed().compareTo(BigDecimal.ONE.negate()) == 0) {
            ((ObjectNode) tree.get("points")).remove("milestoneMissed");
        }
        if (policy.ratingCeilings().isEmpty()) {
            tree.remove("ratingCeilings");
        }
        if (policy.remind().equals(Policy.Reminding.DEFAULT)) {
            // the reminder settings came later still: at their defaults they leave the fingerprint as it was
            tree.remove("remind");
        }
        StringBuilder sb = new StringBuilder();
        canonical(tree, sb);
        return sb.toString();
    }

    private static void canonical(JsonNode n, StringBuilder sb) {
        if (n.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            n.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append(JsonNodeFactory.instance.textNode(e.getKey()).toString()).append(':');
                canonical(e.getValue(), sb);
            }
            sb.append('}');
        } else if (n.isArray()) {
            sb.append('[');
            for (int i = 0; i < n.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                canonical(n.get(i), sb);
            }
            sb.append(']');
        } else if (n.isNumber()) {
            BigDecimal s = n.decimalValue().stripTrailingZeros();
            sb.append((s.scale() < 0 ? s.setScale(0) : s).toPlainString());
        } else {
            sb.append(n.toString());
        }
    }
}

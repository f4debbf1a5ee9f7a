package io.github.duban.authoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.duban.engine.Duban;
import io.github.duban.error.InputException;
import io.github.duban.json.PolicyJson;
import io.github.duban.model.Facts;
import io.github.duban.model.Policy;
import io.github.duban.model.Unit;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.Case;
import io.github.duban.outcome.Finding;
import io.github.duban.outcome.Sanction;
import io.github.duban.outcome.ScoreLine;
import io.github.duban.outcome.UnitScore;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code duban explain}: one unit's month, line by line — each score line, the finding or sanction
 * behind it, the rule that made each (with its file and line), the facts they came from (the
 * facts file and line they were written on) and the policy clauses (key paths and values) that
 * gave the points; then each of the unit's cases month by month from the window's start: its
 * level, what raised it and when, and what closed it. Everything comes from the conclusions the
 * rules made; nothing is judged again here. Thread-safe.
 */
public final class Explain {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Explain() {
    }

    /**
     * Explains {@code unit} (an id or alias) in {@code month}, optionally only task {@code task};
     * {@code factsDir} (may be null) is where the facts were read from, for their lines.
     *
     * @throws InputException when the unit is not in the plan or is not scored that month
     */
    public static ObjectNode explain(Duban duban, Path factsDir, Facts facts, YearMonth month, String unit, Integer task) {
        String id = unitId(duban, unit);
        List<Assessment> months = duban.replay(duban.plan().reporting().from(), month, facts);
        Assessment a = months.get(months.size() - 1);
        UnitScore s = a.scores().stream().filter(x -> x.unit().equals(id)).findFirst()
                .orElseThrow(() -> new InputException("--unit", 0, null, id + " is not scored in " + month
                        + " (it leads no task and no finding of the month names it)"));
        FactLocator facts0 = FactLocator.of(factsDir, duban.plan());
        Map<String, String> ruleAt = ruleLocations(duban.rules().sources());
        Map<String, Object> clauses = PolicyJson.flatten(duban.policy());
        Policy p = duban.policy();

        ObjectNode doc = JSON.createObjectNode();
        doc.put("unit", id);
        doc.put("month", a.period().toString());
        doc.put("asOf", a.asOf().toString());
        doc.put("ruleset", a.ruleset());
        if (task != null) {
            doc.put("task", task);
        }
        doc.put("score", s.score());
        doc.put("rating", s.rating().name());
        doc.put("ratingChinese", s.rating().chinese());
        doc.put("rank", s.rank());
        doc.put("of", a.scores().size());
        doc.put("reason", s.reason());
        doc.put("rule", s.rule());
        doc.put("ruleAt", ruleAt.get(s.rule()));
        // as the scoring rules concluded them: nothing is summed or judged again here
        doc.put("deductions", s.deductions());
        doc.put("bonuses", s.bonuses());
        if (s.ceiling() == null) {
            doc.putNull("ceiling");
        } else {
            ObjectNode ceiling = doc.putObject("ceiling");
            ceiling.put("level", s.ceiling().name());
            ceiling.put("key", "ratingCeilings." + s.ceiling().name());
            io.github.duban.model.Band band = p.ceilingOf(s.ceiling().name());
            ceiling.put("band", band == null ? null : band.name());
            ceiling.put("bandChinese", band == null ? null : band.chinese());
        }
        doc.put("formula", "score = clamp(base " + plain(p.base()) + " + deductions " + plain(s.deductions()) + " + bonuses "
                + plain(s.bonuses()) + " (at most bonusCap " + plain(p.bonusCap()) + "), bounds.lower " + plain(p.lowerBound())
                + ", bounds.upper " + plain(p.upperBound()) + ")");
        ArrayNode lines = doc.putArray("lines");
        for (ScoreLine l : s.lines()) {
            if (task != null && !Objects.equals(l.task(), task)) {
                continue;
            }
            ObjectNode n = lines.addObject();
            n.put("points", l.points());
            n.put("kind", l.kind());
            putTask(n, l.task());
            n.put("reason", l.reason());
            n.put("rule", l.rule());
            n.put("ruleAt", ruleAt.get(l.rule()));
            if (l.category() != null) {
                n.put("category", l.category());
            }
            ArrayNode cs = n.putArray("clauses");
            for (String k : l.clauses()) {
                ObjectNode c = cs.addObject();
                c.put("key", k);
                Object v = clauses.get(k);
                if (v instanceof BigDecimal b) {
                    c.put("value", b);
                } else if (v != null) {
                    c.put("value", v.toString());
                }
            }
            if (l.source() instanceof Sanction sanction) {
                n.set("from", sanction(sanction, ruleAt, facts0));
            } else if (l.source() instanceof Finding f) {
                n.set("from", finding(f, ruleAt, facts0));
            }
        }
        ArrayNode cases = doc.putArray("cases");
        Map<String, ArrayNode> byKey = new TreeMap<>();
        for (Assessment m : months) {
            for (Case c : m.cases()) {
                if (!c.unit().equals(id) || (task != null && !Objects.equals(c.task(), task))) {
                    continue;
                }
                String key = c.task() == null ? "-" : String.format("%04d", c.task());
                ArrayNode history = byKey.computeIfAbsent(key, k -> {
                    ObjectNode cn = cases.addObject();
                    putTask(cn, c.task());
                    return cn.putArray("history");
                });
                ObjectNode h = history.addObject();
                h.put("month", m.period().toString());
                h.put("level", c.level().name());
                h.put("open", c.open());
                h.put("openedOn", String.valueOf(c.openedOn()));
                h.put("raisedOn", c.raisedOn().toString());
                ArrayNode rb = h.putArray("raisedBy");
                c.raisedBy().forEach(k -> rb.add(k.name()));
                h.put("rectifyBy", c.rectifyBy() == null ? null : c.rectifyBy().toString());
                h.put("closedOn", c.closedOn() == null ? null : c.closedOn().toString());
                h.put("closedBy", c.closedBy());
                h.put("rule", c.rule());
                h.put("reason", c.reason());
                ArrayNode sn = h.putArray("sanctions");
                for (Sanction x : m.sanctions()) {
                    if (x.key().equals(c.key())) {
                        sn.add(x.level().name() + (x.rectifyBy() != null ? " rectify by " + x.rectifyBy() : ""));
                    }
                }
                ArrayNode fn = h.putArray("findings");
                for (Finding f : m.findings()) {
                    if (f.key().equals(c.key())) {
                        fn.add(f.kind().name() + " " + f.on() + (facts(f, facts0).isEmpty() ? "" : " (" + facts(f, facts0) + ")"));
                    }
                }
            }
        }
        // cases in task order
        List<JsonNode> sorted = new java.util.ArrayList<>();
        cases.forEach(sorted::add);
        sorted.sort(java.util.Comparator.comparing(n -> n.has("task") ? n.get("task").asInt() : -1));
        cases.removeAll();
        cases.addAll(sorted);
        return doc;
    }

    private static ObjectNode sanction(Sanction s, Map<String, String> ruleAt, FactLocator facts) {
        ObjectNode n = JSON.createObjectNode();
        n.put("sanction", s.level().name());
        n.put("issued", s.issued().toString());
        if (s.rectifyBy() != null) {
            n.put("rectifyBy", s.rectifyBy().toString());
        }
        n.put("rule", s.rule());
        n.put("ruleAt", ruleAt.get(s.rule()));
        n.put("reason", s.reason());
        ArrayNode fs = n.putArray("findings");
        for (Finding f : s.findings()) {
            fs.add(finding(f, ruleAt, facts));
        }
        return n;
    }

    private static ObjectNode finding(Finding f, Map<String, String> ruleAt, FactLocator facts) {
        ObjectNode n = JSON.createObjectNode();
        n.put("finding", f.kind().name());
        n.put("on", f.on().toString());
        if (f.days() != null) {
            n.put("days", f.days());
        }
        n.put("rule", f.rule());
        n.put("ruleAt", ruleAt.get(f.rule()));
        n.put("reason", f.reason());
        ArrayNode fs = n.putArray("facts");
        for (Object o : f.facts()) {
            ObjectNode x = fs.addObject();
            FactLocator.Located at = facts.find(o);
            if (at != null) {
                x.put("at", at.toString());
                x.put("text", at.text());
            } else {
                x.put("inferred", o.getClass().getSimpleName());
                x.put("text", inferred(o));
            }
        }
        return n;
    }

    /** What the rules inferred, as an office reads it: its name in Chinese, then its fields as compact JSON. */
    static String inferred(Object o) {
        String name = INFERRED.getOrDefault(o.getClass().getSimpleName(), o.getClass().getSimpleName());
        try {
            return name + " " + COMPACT.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return name + " " + o;
        }
    }

    private static final ObjectMapper COMPACT = new ObjectMapper().registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

    /** The Chinese names of the facts the rules infer and findings cite. */
    private static final Map<String, String> INFERRED = Map.of(
            "PreviousCase", "上月台账中的案件 PreviousCase",
            "OverdueTask", "逾期任务 OverdueTask",
            "CountedCompletion", "计入的完成记录 CountedCompletion",
            "DeadlineInForce", "现行完成时限 DeadlineInForce",
            "TaskProgress", "任务进度 TaskProgress",
            "LowestPercent", "牵头单位最低进度 LowestPercent",
            "LatestPercent", "最新报送进度 LatestPercent",
            "ReportDue", "进度报送截止日 ReportDue",
            "ReportOwed", "应报送的进度 ReportOwed");

    private static String facts(Finding f, FactLocator facts) {
        StringBuilder sb = new StringBuilder();
        for (Object o : f.facts()) {
            FactLocator.Located at = facts.find(o);
            if (at != null) {
                sb.append(sb.length() > 0 ? ", " : "").append(at);
            }
        }
        return sb.toString();
    }

    private static void putTask(ObjectNode n, Integer task) {
        if (task == null) {
            n.putNull("task");
        } else {
            n.put("task", task);
        }
    }

    private static String planName(io.github.duban.model.Plan p) {
        return p.docNumber() != null && !p.docNumber().isBlank() ? p.docNumber() : "«" + p.title() + "»";
    }

    private static String unitId(Duban duban, String unit) {
        for (Unit u : duban.plan().units()) {
            if (u.id().equals(unit) || u.name().equals(unit) || u.aliases().contains(unit)) {
                return u.id();
            }
        }
        throw new InputException("--unit", 0, null, unit + " is not a unit of the plan " + planName(duban.plan()) + " (expected a unit id or an alias the plan lists)");
    }

    /** Where each rule is written, as Drools' parser reads the files: rule name → {@code file:line}. */
    static Map<String, String> ruleLocations(Map<String, String> sources) {
        return DrlOutline.ruleLocations(sources);
    }

    private static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    /** The explanation as JSON. */
    public static String json(ObjectNode doc) {
        try {
            return JSON.writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The explanation as text for a terminal. */
    public static String text(ObjectNode d) {
        StringBuilder sb = new StringBuilder();
        sb.append(d.get("unit").asText()).append(' ').append(d.get("month").asText()).append(" 截至 as of ").append(d.get("asOf").asText())
                .append(d.has("task") ? "，任务 task " + d.get("task").asText() : "").append('\n');
        sb.append("得分 score ").append(num(d.get("score"))).append("，").append(d.get("ratingChinese").asText()).append(' ')
                .append(d.get("rating").asText()).append("，第 rank ").append(d.get("rank").asInt()).append(" / ")
                .append(d.get("of").asInt()).append('\n');
        sb.append("  扣分 deductions ").append(num(d.get("deductions"))).append("，加分 bonuses ").append(num(d.get("bonuses"))).append('\n');
        sb.append("  ").append(d.get("formula").asText()).append('\n');
        if (d.hasNonNull("ceiling")) {
            JsonNode c = d.get("ceiling");
            sb.append("  等次上限 rating ceiling ").append(c.get("level").asText()).append(": ").append(c.get("key").asText()).append(" = ")
                    .append(c.path("bandChinese").asText("")).append(' ').append(c.path("band").asText("null")).append('\n');
        }
        sb.append("  规则 rule \"").append(d.get("rule").asText()).append("\" ").append(d.path("ruleAt").asText("")).append('\n');
        sb.append("  规则集 ruleset ").append(d.get("ruleset").asText()).append("\n\n");
        JsonNode lines = d.get("lines");
        sb.append("加减分 score lines (").append(lines.size()).append(")\n");
        int i = 0;
        for (JsonNode l : lines) {
            i++;
            sb.append(String.format("%2d. %s  %s%s%n", i, signed(l.get("points")), l.get("kind").asText(),
                    l.get("task").isNull() ? "" : " 任务 task " + l.get("task").asText()));
            sb.append("    ").append(l.get("reason").asText()).append('\n');
            sb.append("    规则 rule \"").append(l.get("rule").asText()).append("\" ").append(l.path("ruleAt").asText("")).append('\n');
            StringBuilder cs = new StringBuilder();
            for (JsonNode c : l.get("clauses")) {
                cs.append(cs.length() > 0 ? "; " : "").append(c.get("key").asText()).append(" = ").append(c.path("value").asText("null"));
            }
            sb.append("    条款 policy ").append(cs).append('\n');
            if (l.has("from")) {
                from(sb, l.get("from"), "    ");
            }
        }
        JsonNode cases = d.get("cases");
        sb.append("\n案件经过 case history (").append(cases.size()).append(")\n");
        for (JsonNode c : cases) {
            sb.append("  ").append(c.get("task").isNull() ? "单位事项 unit-wide" : "任务 task " + c.get("task").asText()).append('\n');
            for (JsonNode h : c.get("history")) {
                sb.append("    ").append(h.get("month").asText()).append("  ").append(h.get("level").asText())
                        .append(h.get("open").asBoolean() ? " 未结 open" : " 已结 closed");
                sb.append("，").append(h.get("raisedOn").asText()).append(" 由 raised by ").append(h.get("raisedBy"));
                if (!h.get("rectifyBy").isNull()) {
                    sb.append("，限 rectify by ").append(h.get("rectifyBy").asText());
                }
                if (!h.get("closedOn").isNull()) {
                    sb.append("，").append(h.get("closedOn").asText()).append(" 关闭 closed by ").append(h.get("closedBy").asText());
                }
                sb.append('\n');
                if (!h.get("findings").isEmpty()) {
                    sb.append("      本月发现 findings ").append(join(h.get("findings"))).append('\n');
                }
                if (!h.get("sanctions").isEmpty()) {
                    sb.append("      本月处理 sanctions ").append(join(h.get("sanctions"))).append('\n');
                }
            }
        }
        return sb.toString();
    }

    private static void from(StringBuilder sb, JsonNode f, String indent) {
        if (f.has("sanction")) {
            sb.append(indent).append("← 督办 sanction ").append(f.get("sanction").asText()).append(' ').append(f.get("issued").asText())
                    .append(f.has("rectifyBy") ? " rectify by " + f.get("rectifyBy").asText() : "")
                    .append("  规则 rule \"").append(f.get("rule").asText()).append("\" ").append(f.path("ruleAt").asText("")).append('\n');
            for (JsonNode x : f.get("findings")) {
                from(sb, x, indent + "  ");
            }
            return;
        }
        sb.append(indent).append("← 发现 finding ").append(f.get("finding").asText()).append(' ').append(f.get("on").asText())
                .append(f.has("days") ? " (" + f.get("days").asInt() + " days)" : "")
                .append("  规则 rule \"").append(f.get("rule").asText()).append("\" ").append(f.path("ruleAt").asText("")).append('\n');
        for (JsonNode x : f.get("facts")) {
            if (x.has("at")) {
                sb.append(indent).append("    ← 事实 fact ").append(x.get("at").asText()).append("  ").append(x.get("text").asText()).append('\n');
            } else {
                sb.append(indent).append("    ← 推断 inferred ").append(x.get("text").asText()).append('\n');
            }
        }
    }

    private static String join(JsonNode a) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode x : a) {
            sb.append(sb.length() > 0 ? "; " : "").append(x.asText());
        }
        return sb.toString();
    }

    private static String num(JsonNode n) {
        return plain(n.decimalValue());
    }

    private static String signed(JsonNode n) {
        BigDecimal v = n.decimalValue();
        return (v.signum() >= 0 ? "+" : "") + plain(v);
    }
}

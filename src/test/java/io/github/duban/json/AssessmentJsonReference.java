package io.github.duban.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.BoardEntry;
import io.github.duban.outcome.Case;
import io.github.duban.outcome.Finding;
import io.github.duban.outcome.Ignored;
import io.github.duban.outcome.Sanction;
import io.github.duban.outcome.ScoreLine;
import io.github.duban.outcome.UnitScore;

import java.math.RoundingMode;
import java.util.Collection;

/**
 * assessment.json built as a Jackson tree, node by node, then written: how {@link AssessmentJson}
 * wrote it before it streamed the file. Kept as the reference the streamed bytes are held equal to.
 */
final class AssessmentJsonReference {

    private AssessmentJsonReference() {
    }

    /** The assessment as pretty JSON, ending with a newline, from the tree. */
    static String write(Assessment a) {
        try {
            return Mappers.PRETTY.writeValueAsString(tree(a)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The assessment as a JSON tree. */
    static ObjectNode tree(Assessment a) {
        ObjectNode root = Mappers.MAPPER.createObjectNode();
        root.put("period", a.period().toString());
        root.put("asOf", a.asOf().toString());
        root.put("ruleset", a.ruleset());
        ArrayNode findings = root.putArray("findings");
        a.findings().forEach(f -> findings.add(finding(f)));
        ArrayNode sanctions = root.putArray("sanctions");
        a.sanctions().forEach(s -> sanctions.add(sanction(s)));
        ArrayNode scores = root.putArray("scores");
        a.scores().forEach(s -> scores.add(score(s)));
        ArrayNode board = root.putArray("board");
        a.board().forEach(b -> board.add(board(b)));
        ArrayNode cases = root.putArray("cases");
        a.cases().forEach(c -> cases.add(CaseJson.write(c)));
        ArrayNode ignored = root.putArray("ignored");
        a.ignored().forEach(i -> ignored.add(ignored(i)));
        if (a.summary() != null) {
            root.put("reportsOwed", a.reportsOwed());
            var m = a.summary();
            ObjectNode sm = root.putObject("summary");
            sm.put("reportsDue", m.reportsDue() == null ? null : m.reportsDue().toString());
            sm.put("reportsOwed", m.reportsOwed());
            if (m.reportsOnTime() == null) {
                sm.putNull("reportsOnTime");
            } else {
                sm.put("reportsOnTime", m.reportsOnTime());
            }
            sm.put("reportsLate", m.reportsLate());
            sm.put("reportsMissing", m.reportsMissing());
            sm.put("tasks", m.tasks());
            sm.put("done", m.done());
            sm.put("onTrack", m.onTrack());
            sm.put("lagging", m.lagging());
            sm.put("overdue", m.overdue());
            sm.put("dated", m.dated());
            sm.put("onSchedule", m.onSchedule());
            sm.put("notices", m.notices());
            sm.put("criticisms", m.criticisms());
            sm.put("exposures", m.exposures());
            sm.put("commendations", m.commendations());
            sm.put("earlyCompletions", m.earlyCompletions());
            sm.put("unitsScored", m.unitsScored());
            sm.put("red", m.red());
            sm.put("yellow", m.yellow());
            sm.put("rule", m.rule());
        }
        return root;
    }

    static ObjectNode finding(Finding f) {
        ObjectNode n = Mappers.MAPPER.createObjectNode();
        n.put("kind", f.kind().name());
        n.put("unit", f.unit());
        putInt(n, "task", f.task());
        n.put("on", f.on().toString());
        putInt(n, "days", f.days());
        if (f.person() != null) {
            n.put("person", f.person());
        }
        n.put("rule", f.rule());
        n.put("reason", f.reason());
        n.set("facts", facts(f.facts()));
        return n;
    }

    static ObjectNode sanction(Sanction s) {
        ObjectNode n = Mappers.MAPPER.createObjectNode();
        n.put("level", s.level().name());
        n.put("unit", s.unit());
        putInt(n, "task", s.task());
        n.put("issued", s.issued().toString());
        n.put("rectifyBy", s.rectifyBy() == null ? null : s.rectifyBy().toString());
        ArrayNode persons = n.putArray("persons");
        s.persons().forEach(persons::add);
        n.put("rule", s.rule());
        n.put("reason", s.reason());
        ArrayNode fs = n.putArray("findings");
        s.findings().forEach(f -> fs.add(findingRef("kind", f, false)));
        return n;
    }

    /** A finding named by its kind, date and rule, with the facts behind it if asked. */
    static ObjectNode findingRef(String kindField, Finding f, boolean withFacts) {
        ObjectNode r = Mappers.MAPPER.createObjectNode();
        r.put(kindField, f.kind().name());
        r.put("on", f.on().toString());
        r.put("rule", f.rule());
        if (withFacts) {
            r.set("facts", facts(f.facts()));
        }
        return r;
    }

    static ObjectNode score(UnitScore s) {
        ObjectNode n = Mappers.MAPPER.createObjectNode();
        n.put("unit", s.unit());
        n.put("score", s.score().doubleValue());
        n.put("rating", s.rating().name());
        n.put("rank", s.rank());
        n.put("deductions", s.deductions().doubleValue());
        n.put("bonuses", s.bonuses().doubleValue());
        n.put("ceiling", s.ceiling() == null ? null : s.ceiling().name());
        n.put("reason", s.reason());
        ArrayNode lines = n.putArray("lines");
        for (ScoreLine l : s.lines()) {
            ObjectNode r = Mappers.MAPPER.createObjectNode();
            r.put("kind", l.kind());
            putInt(r, "task", l.task());
            r.put("points", l.points().doubleValue());
            r.put("rule", l.rule());
            r.put("reason", l.reason());
            r.set("source", source(l.source()));
            lines.add(r);
        }
        return n;
    }

    /** What a score line came from: the finding (with its facts) or the sanction (with its findings). */
    static JsonNode source(Object o) {
        if (o instanceof Finding f) {
            return findingRef("finding", f, true);
        }
        if (o instanceof Sanction s) {
            ObjectNode n = Mappers.MAPPER.createObjectNode();
            n.put("sanction", s.level().name());
            n.put("issued", s.issued().toString());
            n.put("rule", s.rule());
            ArrayNode fs = n.putArray("findings");
            s.findings().forEach(f -> fs.add(findingRef("kind", f, true)));
            return n;
        }
        return fact(o);
    }

    static ObjectNode board(BoardEntry b) {
        ObjectNode n = Mappers.MAPPER.createObjectNode();
        n.put("task", b.task());
        n.put("light", b.light().name());
        n.put("status", b.status().name());
        n.put("deadline", b.deadline() == null ? null : b.deadline().toString());
        n.put("ongoing", b.ongoing());
        n.put("percent", b.percent());
        n.put("reportedPercent", b.reportedPercent());
        oneDecimal(n, "schedule", b.schedule());
        oneDecimal(n, "behind", b.behind());
        putInt(n, "daysOverdue", b.daysOverdue());
        if (b.onSchedule() == null) {
            n.putNull("onSchedule");
        } else {
            n.put("onSchedule", b.onSchedule());
        }
        n.put("rule", b.rule());
        ArrayNode reasons = n.putArray("reasons");
        b.reasons().forEach(reasons::add);
        return n;
    }

    static ObjectNode ignored(Ignored i) {
        ObjectNode n = Mappers.MAPPER.createObjectNode();
        n.put("fact", i.fact());
        putInt(n, "task", i.task());
        if (i.unit() != null) {
            n.put("unit", i.unit());
        }
        n.put("on", i.on() == null ? null : i.on().toString());
        n.put("reason", i.reason());
        n.put("rule", i.rule());
        n.set("source", fact(i.source()));
        return n;
    }

    static ArrayNode facts(Collection<Object> facts) {
        ArrayNode out = Mappers.MAPPER.createArrayNode();
        facts.forEach(f -> out.add(fact(f)));
        return out;
    }

    static JsonNode fact(Object f) {
        if (f == null) {
            return Mappers.MAPPER.nullNode();
        }
        ObjectNode n = Mappers.MAPPER.createObjectNode();
        n.put("fact", AssessmentJson.FACT_NAMES.getOrDefault(f.getClass(), f.getClass().getSimpleName()));
        JsonNode body = Mappers.MAPPER.valueToTree(f);
        if (body.isObject()) {
            body.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("rule")) {
                    n.set(e.getKey(), e.getValue());
                }
            });
        }
        return n;
    }

    static void oneDecimal(ObjectNode n, String field, java.math.BigDecimal v) {
        if (v == null) {
            n.putNull(field);
        } else {
            n.put(field, v.setScale(1, RoundingMode.HALF_UP).doubleValue());
        }
    }

    static void putInt(ObjectNode n, String field, Integer v) {
        if (v == null) {
            n.putNull(field);
        } else {
            n.put(field, v.intValue());
        }
    }

}

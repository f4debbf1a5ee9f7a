package io.github.duban.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.BeanSerializer;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import io.github.duban.model.Completion;
import io.github.duban.model.Extension;
import io.github.duban.model.InspectionFinding;
import io.github.duban.model.ProgressReport;
import io.github.duban.model.Rectification;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.BoardEntry;
import io.github.duban.outcome.Case;
import io.github.duban.outcome.DeadlineInForce;
import io.github.duban.outcome.Finding;
import io.github.duban.outcome.Ignored;
import io.github.duban.outcome.MonthSummary;
import io.github.duban.outcome.PreviousCase;
import io.github.duban.outcome.ReportOwed;
import io.github.duban.outcome.Sanction;
import io.github.duban.outcome.ScoreLine;
import io.github.duban.outcome.UnitScore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code assessment.json} (DESIGN §8): one month's findings, sanctions, scores, board,
 * cases and facts set aside, each with the rule that concluded it, a Chinese reason and the facts
 * behind it. Field order is fixed; the same assessment always gives the same bytes. The file is
 * streamed field by field, with each fact's own fields written by Jackson as it writes the fact
 * alone. Thread-safe.
 */
public final class AssessmentJson {

    /** The name a fact goes by in the file; other classes by their simple name. */
    static final Map<Class<?>, String> FACT_NAMES = Map.of(
            ProgressReport.class, "report",
            Completion.class, "completion",
            Extension.class, "extension",
            InspectionFinding.class, "inspection",
            Rectification.class, "rectification",
            ReportOwed.class, "reportOwed",
            DeadlineInForce.class, "deadlineInForce",
            PreviousCase.class, "previousCase");

    /** {@link Mappers#PRETTY} writing bytes: characters beyond the basic plane as their four UTF-8 bytes, as in the text, not escaped. */
    private static final ObjectWriter PRETTY_UTF8 = Mappers.PRETTY.with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8);

    /**
     * Per fact class, its fields as Jackson writes them, but the {@code rule} a conclusion carries.
     * Kept with the class itself, so the classes of a rule author's declared facts can still be unloaded.
     */
    private static final ClassValue<List<PropertyWriter>> FACT_FIELDS = new ClassValue<>() {
        @Override
        protected List<PropertyWriter> computeValue(Class<?> type) {
            try {
                return fieldsOf(type, Mappers.MAPPER.getSerializerProviderInstance());
            } catch (JsonMappingException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    /** In {@link #FACT_FIELDS}: a class Jackson does not write as a bean, field by field. */
    private static final List<PropertyWriter> NOT_A_BEAN = new ArrayList<>(0);

    private AssessmentJson() {
    }

    /** The assessment as pretty JSON, ending with a newline. */
    public static String write(Assessment a) {
        StringWriter out = new StringWriter(64 * 1024);
        try (JsonGenerator g = Mappers.PRETTY.createGenerator(out)) {
            write(g, a);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    /**
     * The assessment as the UTF-8 bytes of {@link #write}: encoded as it is written, not made a
     * string first (an assessment of a 400-task plan is over half a megabyte).
     */
    public static byte[] bytes(Assessment a) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try (JsonGenerator g = PRETTY_UTF8.createGenerator(out)) {
            write(g, a);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /** The assessment as a JSON tree: the file read back. */
    public static ObjectNode tree(Assessment a) {
        try {
            return (ObjectNode) Mappers.MAPPER.readTree(bytes(a));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(JsonGenerator g, Assessment a) throws IOException {
        SerializerProvider p = Mappers.MAPPER.getSerializerProviderInstance();
        g.writeStartObject();
        g.writeStringField("period", a.period().toString());
        g.writeStringField("asOf", a.asOf().toString());
        g.writeStringField("ruleset", a.ruleset());
        g.writeArrayFieldStart("findings");
        for (Finding f : a.findings()) {
            finding(g, p, f);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("sanctions");
        for (Sanction s : a.sanctions()) {
            sanction(g, s);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("scores");
        for (UnitScore s : a.scores()) {
            score(g, p, s);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("board");
        for (BoardEntry b : a.board()) {
            board(g, b);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("cases");
        for (Case c : a.cases()) {
            g.writeTree(CaseJson.write(c));
        }
        g.writeEndArray();
        g.writeArrayFieldStart("ignored");
        for (Ignored i : a.ignored()) {
            ignored(g, p, i);
        }
        g.writeEndArray();
        if (a.summary() != null) {
            g.writeNumberField("reportsOwed", a.reportsOwed());
            summary(g, a.summary());
        }
        g.writeEndObject();
    }

    private static void summary(JsonGenerator g, MonthSummary m) throws IOException {
        g.writeObjectFieldStart("summary");
        g.writeStringField("reportsDue", m.reportsDue() == null ? null : m.reportsDue().toString());
        g.writeNumberField("reportsOwed", m.reportsOwed());
        integer(g, "reportsOnTime", m.reportsOnTime());
        g.writeNumberField("reportsLate", m.reportsLate());
        g.writeNumberField("reportsMissing", m.reportsMissing());
        g.writeNumberField("tasks", m.tasks());
        g.writeNumberField("done", m.done());
        g.writeNumberField("onTrack", m.onTrack());
        g.writeNumberField("lagging", m.lagging());
        g.writeNumberField("overdue", m.overdue());
        g.writeNumberField("dated", m.dated());
        g.writeNumberField("onSchedule", m.onSchedule());
        g.writeNumberField("notices", m.notices());
        g.writeNumberField("criticisms", m.criticisms());
        g.writeNumberField("exposures", m.exposures());
        g.writeNumberField("commendations", m.commendations());
        g.writeNumberField("earlyCompletions", m.earlyCompletions());
        g.writeNumberField("unitsScored", m.unitsScored());
        g.writeNumberField("red", m.red());
        g.writeNumberField("yellow", m.yellow());
        g.writeStringField("rule", m.rule());
        g.writeEndObject();
    }

    private static void finding(JsonGenerator g, SerializerProvider p, Finding f) throws IOException {
        g.writeStartObject();
        g.writeStringField("kind", f.kind().name());
        g.writeStringField("unit", f.unit());
        integer(g, "task", f.task());
        g.writeStringField("on", f.on().toString());
        integer(g, "days", f.days());
        if (f.person() != null) {
            g.writeStringField("person", f.person());
        }
        g.writeStringField("rule", f.rule());
        g.writeStringField("reason", f.reason());
        g.writeFieldName("facts");
        facts(g, p, f.facts());
        g.writeEndObject();
    }

    private static void sanction(JsonGenerator g, Sanction s) throws IOException {
        g.writeStartObject();
        g.writeStringField("level", s.level().name());
        g.writeStringField("unit", s.unit());
        integer(g, "task", s.task());
        g.writeStringField("issued", s.issued().toString());
        g.writeStringField("rectifyBy", s.rectifyBy() == null ? null : s.rectifyBy().toString());
        g.writeArrayFieldStart("persons");
        for (String person : s.persons()) {
            g.writeString(person);
        }
        g.writeEndArray();
        g.writeStringField("rule", s.rule());
        g.writeStringField("reason", s.reason());
        g.writeArrayFieldStart("findings");
        for (Finding f : s.findings()) {
            findingRef(g, null, "kind", f);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** A finding named by its kind, date and rule, with the facts behind it when {@code p} is given. */
    private static void findingRef(JsonGenerator g, SerializerProvider p, String kindField, Finding f) throws IOException {
        g.writeStartObject();
        g.writeStringField(kindField, f.kind().name());
        g.writeStringField("on", f.on().toString());
        g.writeStringField("rule", f.rule());
        if (p != null) {
            g.writeFieldName("facts");
            facts(g, p, f.facts());
        }
        g.writeEndObject();
    }

    private static void score(JsonGenerator g, SerializerProvider p, UnitScore s) throws IOException {
        g.writeStartObject();
        g.writeStringField("unit", s.unit());
        g.writeNumberField("score", s.score().doubleValue());
        g.writeStringField("rating", s.rating().name());
        g.writeNumberField("rank", s.rank());
        g.writeNumberField("deductions", s.deductions().doubleValue());
        g.writeNumberField("bonuses", s.bonuses().doubleValue());
        g.writeStringField("ceiling", s.ceiling() == null ? null : s.ceiling().name());
        g.writeStringField("reason", s.reason());
        g.writeArrayFieldStart("lines");
        for (ScoreLine l : s.lines()) {
            g.writeStartObject();
            g.writeStringField("kind", l.kind());
            integer(g, "task", l.task());
            g.writeNumberField("points", l.points().doubleValue());
            g.writeStringField("rule", l.rule());
            g.writeStringField("reason", l.reason());
            g.writeFieldName("source");
            source(g, p, l.source());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** What a score line came from: the finding (with its facts) or the sanction (with its findings). */
    private static void source(JsonGenerator g, SerializerProvider p, Object o) throws IOException {
        if (o instanceof Finding f) {
            findingRef(g, p, "finding", f);
        } else if (o instanceof Sanction s) {
            g.writeStartObject();
            g.writeStringField("sanction", s.level().name());
            g.writeStringField("issued", s.issued().toString());
            g.writeStringField("rule", s.rule());
            g.writeArrayFieldStart("findings");
            for (Finding f : s.findings()) {
                findingRef(g, p, "kind", f);
            }
            g.writeEndArray();
            g.writeEndObject();
        } else {
            fact(g, p, o);
        }
    }

    private static void board(JsonGenerator g, BoardEntry b) throws IOException {
        g.writeStartObject();
        g.writeNumberField("task", b.task());
        g.writeStringField("light", b.light().name());
        g.writeStringField("status", b.status().name());
        g.writeStringField("deadline", b.deadline() == null ? null : b.deadline().toString());
        g.writeBooleanField("ongoing", b.ongoing());
        g.writeNumberField("percent", b.percent());
        g.writeNumberField("reportedPercent", b.reportedPercent());
        oneDecimal(g, "schedule", b.schedule());
        oneDecimal(g, "behind", b.behind());
        integer(g, "daysOverdue", b.daysOverdue());
        if (b.onSchedule() == null) {
            g.writeNullField("onSchedule");
        } else {
            g.writeBooleanField("onSchedule", b.onSchedule());
        }
        g.writeStringField("rule", b.rule());
        g.writeArrayFieldStart("reasons");
        for (String r : b.reasons()) {
            g.writeString(r);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void ignored(JsonGenerator g, SerializerProvider p, Ignored i) throws IOException {
        g.writeStartObject();
        g.writeStringField("fact", i.fact());
        integer(g, "task", i.task());
        if (i.unit() != null) {
            g.writeStringField("unit", i.unit());
        }
        g.writeStringField("on", i.on() == null ? null : i.on().toString());
        g.writeStringField("reason", i.reason());
        g.writeStringField("rule", i.rule());
        g.writeFieldName("source");
        fact(g, p, i.source());
        g.writeEndObject();
    }

    private static void facts(JsonGenerator g, SerializerProvider p, Collection<Object> facts) throws IOException {
        g.writeStartArray();
        for (Object f : facts) {
            fact(g, p, f);
        }
        g.writeEndArray();
    }

    /** A fact: its name, then its own fields as Jackson writes the fact, but a conclusion's {@code rule}. */
    static void fact(JsonGenerator g, SerializerProvider p, Object f) throws IOException {
        if (f == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("fact", FACT_NAMES.getOrDefault(f.getClass(), f.getClass().getSimpleName()));
        List<PropertyWriter> fields;
        try {
            fields = FACT_FIELDS.get(f.getClass());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (fields != NOT_A_BEAN) {
            for (PropertyWriter w : fields) {
                try {
                    w.serializeAsField(f, g, p);
                } catch (IOException e) {
                    throw e;
                } catch (Exception e) {
                    throw JsonMappingException.from(g, "cannot write " + f.getClass().getSimpleName() + "." + w.getName(), e);
                }
            }
        } else {
            // not a bean Jackson writes field by field: its tree, if it is an object
            JsonNode body = Mappers.MAPPER.valueToTree(f);
            if (body.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!e.getKey().equals("rule")) {
                        g.writeFieldName(e.getKey());
                        g.writeTree(e.getValue());
                    }
                }
            }
        }
        g.writeEndObject();
    }

    private static List<PropertyWriter> fieldsOf(Class<?> type, SerializerProvider p) throws JsonMappingException {
        JsonSerializer<Object> s = p.findValueSerializer(type);
        if (!(s instanceof BeanSerializer bean)) {
            return NOT_A_BEAN;
        }
        List<PropertyWriter> out = new ArrayList<>();
        bean.properties().forEachRemaining(w -> {
            if (!w.getName().equals("rule")) {
                out.add(w);
            }
        });
        return List.copyOf(out);
    }

    /** A number shown to one decimal (schedule progress is concluded to four). */
    private static void oneDecimal(JsonGenerator g, String field, java.math.BigDecimal v) throws IOException {
        if (v == null) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, v.setScale(1, RoundingMode.HALF_UP).doubleValue());
        }
    }

    private static void integer(JsonGenerator g, String field, Integer v) throws IOException {
        if (v == null) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, v.intValue());
        }
    }
}

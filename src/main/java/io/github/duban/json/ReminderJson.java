package io.github.duban.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import io.github.duban.outcome.Reminder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes reminders as {@code reminders.jsonl} (docs/reminders.md): one JSON object a line, in the
 * order given, each with its fields in a fixed order: {@code id, date, kind, level, unit, person,
 * task, month, dueOn, rule, facts, message}; absent values as null. The same reminders always
 * give the same bytes. Thread-safe.
 */
public final class ReminderJson {

    private ReminderJson() {
    }

    /** The reminders as UTF-8 JSON lines, each ending with a newline (no bytes for none). */
    public static byte[] bytes(List<Reminder> reminders) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 * (reminders.size() + 1));
        SerializerProvider p = Mappers.MAPPER.getSerializerProviderInstance();
        try {
            for (Reminder r : reminders) {
                try (JsonGenerator g = Mappers.MAPPER.writer().with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).createGenerator(out)) {
                    g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                    write(g, p, r);
                }
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The reminders as JSON lines text. */
    public static String write(List<Reminder> reminders) {
        return new String(bytes(reminders), StandardCharsets.UTF_8);
    }

    private static void write(JsonGenerator g, SerializerProvider p, Reminder r) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.id());
        g.writeStringField("date", r.date().toString());
        g.writeStringField("kind", r.kind().name());
        g.writeStringField("level", r.level());
        g.writeStringField("unit", r.unit());
        g.writeStringField("person", r.person());
        if (r.task() == null) {
            g.writeNullField("task");
        } else {
            g.writeNumberField("task", r.task().intValue());
        }
        g.writeStringField("month", r.month() == null ? null : r.month().toString());
        g.writeStringField("dueOn", r.dueOn().toString());
        g.writeStringField("rule", r.rule());
        g.writeArrayFieldStart("facts");
        for (Object f : r.facts()) {
            AssessmentJson.fact(g, p, f);
        }
        g.writeEndArray();
        g.writeStringField("message", r.message());
        g.writeEndObject();
    }
}

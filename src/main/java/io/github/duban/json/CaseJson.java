package io.github.duban.json;

import io.github.duban.error.InputException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.duban.outcome.Case;
import io.github.duban.outcome.EscalationLevel;
import io.github.duban.outcome.FindingKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One case as JSON, in assessment.json and ledger.json alike. */
final class CaseJson {
    private CaseJson() {
    }

    static ObjectNode write(Case c) {
        ObjectNode n = Mappers.MAPPER.createObjectNode();
        n.put("unit", c.unit());
        if (c.task() == null) {
            n.putNull("task");
        } else {
            n.put("task", c.task().intValue());
        }
        n.put("level", c.level().name());
        n.put("rectifyBy", str(c.rectifyBy()));
        n.put("open", c.open());
        n.put("raisedOn", str(c.raisedOn()));
        ArrayNode by = n.putArray("raisedBy");
        c.raisedBy().forEach(k -> by.add(k.name()));
        n.put("openedOn", str(c.openedOn()));
        n.put("closedOn", str(c.closedOn()));
        n.put("closedBy", c.closedBy());
        n.put("rule", c.rule());
        n.put("reason", c.reason());
        return n;
    }

    static Case read(JsonNode n, String file, int index) {
        String where = "cases[" + index + "]";
        String unit = text(n, "unit", file, where, true);
        Integer task = n.hasNonNull("task") ? n.get("task").asInt() : null;
        EscalationLevel level;
        try {
            level = EscalationLevel.valueOf(text(n, "level", file, where, true));
        } catch (IllegalArgumentException e) {
            throw new InputException(file, 0, where + ".level", "expected NOTICE, CRITICISM or EXPOSURE");
        }
        List<FindingKind> kinds = new ArrayList<>();
        if (n.has("raisedBy")) {
            for (JsonNode k : n.get("raisedBy")) {
                try {
                    kinds.add(FindingKind.valueOf(k.asText()));
                } catch (IllegalArgumentException e) {
                    throw new InputException(file, 0, where + ".raisedBy", "unknown finding kind " + k.asText());
                }
            }
        }
        return new Case(unit, task, level, date(n, "rectifyBy", file, where, false), !n.has("open") || n.get("open").asBoolean(),
                date(n, "raisedOn", file, where, true), kinds, date(n, "openedOn", file, where, false),
                date(n, "closedOn", file, where, false), n.hasNonNull("closedBy") ? n.get("closedBy").asText() : null,
                n.hasNonNull("rule") ? n.get("rule").asText() : "", n.hasNonNull("reason") ? n.get("reason").asText() : "");
    }

    private static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static String text(JsonNode n, String field, String file, String where, boolean required) {
        if (!n.hasNonNull(field)) {
            if (required) {
                throw new InputException(file, 0, where + "." + field, "is missing");
            }
            return null;
        }
        return n.get(field).asText();
    }

    private static LocalDate date(JsonNode n, String field, String file, String where, boolean required) {
        String s = text(n, field, file, where, required);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InputException(file, 0, where + "." + field, "\"" + s + "\" is not a date like 2021-06-15");
        }
    }
}

package io.github.duban.json;

import io.github.duban.error.InputException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.duban.outcome.Case;
import io.github.duban.outcome.Ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes {@code ledger.json}: {@code {"version": 1, "period": "2021-05",
 * "asOf": "2021-05-31", "ruleset": "…", "cases": [...]}} with the cases left open. Thread-safe.
 */
public final class LedgerJson {
    private LedgerJson() {
    }

    /** The ledger as {@code ledger.json} text, pretty-printed, ending with a newline. */
    public static String write(Ledger ledger) {
        ObjectNode root = Mappers.MAPPER.createObjectNode();
        root.put("version", ledger.version());
        root.put("period", ledger.period().toString());
        root.put("asOf", ledger.asOf().toString());
        root.put("ruleset", ledger.ruleset());
        ArrayNode cases = root.putArray("cases");
        ledger.cases().forEach(c -> cases.add(CaseJson.write(c)));
        try {
            return Mappers.PRETTY.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads the ledger file {@code file} (UTF-8).
     *
     * @throws InputException naming the file, and the field when one is at fault, when it cannot be read or is not
     *     a ledger of a supported version
     */
    public static Ledger read(Path file) {
        try {
            return read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, null, "cannot read the ledger: " + e.getMessage());
        }
    }

    /**
     * Reads a ledger's JSON text; {@code source} names it in errors.
     *
     * @throws InputException naming {@code source} and the field at fault, when the text is not a ledger of a
     *     supported version
     */
    public static Ledger read(String json, String source) {
        JsonNode root;
        try {
            root = Mappers.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw InputException.from(source, e);
        }
        if (root == null || !root.isObject()) {
            throw new InputException(source, 1, null, "expected a ledger object written by duban");
        }
        if (!root.hasNonNull("version") || !root.get("version").canConvertToInt()) {
            throw new InputException(source, 0, "version", "is missing (expected " + Ledger.VERSION + ")");
        }
        int version = root.get("version").asInt();
        if (version != Ledger.VERSION) {
            throw new InputException(source, 0, "version", "ledger version " + version + " is not supported (expected " + Ledger.VERSION + ")");
        }
        YearMonth period;
        LocalDate asOf;
        try {
            period = YearMonth.parse(root.path("period").asText(""));
        } catch (java.time.format.DateTimeParseException e) {
            throw new InputException(source, 0, "period", "expected a month like 2021-05");
        }
        try {
            asOf = LocalDate.parse(root.path("asOf").asText(""));
        } catch (java.time.format.DateTimeParseException e) {
            throw new InputException(source, 0, "asOf", "expected a date like 2021-05-31");
        }
        List<Case> cases = new ArrayList<>();
        int i = 0;
        for (JsonNode c : root.path("cases")) {
            cases.add(CaseJson.read(c, source, i++));
        }
        return new Ledger(version, period, asOf, root.path("ruleset").asText(null), cases);
    }
}

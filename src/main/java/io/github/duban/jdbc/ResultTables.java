package io.github.duban.jdbc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.duban.json.AssessmentJson;
import io.github.duban.error.InputException;
import io.github.duban.json.LedgerJson;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.BoardEntry;
import io.github.duban.outcome.Case;
import io.github.duban.outcome.Finding;
import io.github.duban.outcome.Ignored;
import io.github.duban.outcome.Ledger;
import io.github.duban.outcome.Sanction;
import io.github.duban.outcome.ScoreLine;
import io.github.duban.outcome.UnitScore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Writes one plan-month's assessment into the result tables (replacing what was there) and reads
 * it back: the rows hold every field of assessment.json, so {@link #assessmentJson} rebuilds it
 * byte for byte. Runs inside the caller's transaction. Thread-safe (holds no state).
 */
final class ResultTables {

    static final String ASSESSMENTS = "duban_assessments";
    static final String SCORES = "duban_scores";
    static final String SCORE_LINES = "duban_score_lines";
    static final String FINDINGS = "duban_findings";
    static final String SANCTIONS = "duban_sanctions";
    static final String CASES = "duban_cases";
    static final String BOARD = "duban_board";
    static final String IGNORED = "duban_ignored";
    static final String LEDGERS = "duban_ledgers";

    /** Every result table, in the order they are cleared and written. */
    static final List<String> TABLES = List.of(ASSESSMENTS, SCORES, SCORE_LINES, FINDINGS, SANCTIONS, CASES, BOARD, IGNORED, LEDGERS);

    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.ESCAPE_NON_ASCII);
    private static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private ResultTables() {
    }

    // ------------------------------------------------------------------ writing

    /** Deletes the plan-month from every result table and inserts the assessment and its ledger. */
    static void replace(Connection c, Dialect d, String planId, Assessment a) throws SQLException {
        String period = a.period().toString();
        for (String t : TABLES) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t + " WHERE plan_id = ? AND period = ?")) {
                ps.setString(1, planId);
                ps.setString(2, period);
                ps.executeUpdate();
            }
        }
        ObjectNode tree = AssessmentJson.tree(a);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + ASSESSMENTS + " (plan_id, period, as_of, ruleset, reports_owed) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, planId);
            ps.setString(2, period);
            ps.setObject(3, a.asOf());
            ps.setString(4, a.ruleset());
            ps.setInt(5, a.reportsOwed());
            ps.executeUpdate();
        }
        writeScores(c, d, planId, period, a, tree);
        writeFindings(c, planId, period, a, tree);
        writeSanctions(c, planId, period, a, tree);
        writeCases(c, d, planId, period, a);
        writeBoard(c, planId, period, a);
        writeIgnored(c, planId, period, a, tree);
        Ledger ledger = a.ledger();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + LEDGERS + " (plan_id, period, as_of, ruleset, ledger_json) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, planId);
            ps.setString(2, period);
            ps.setObject(3, ledger.asOf());
            ps.setString(4, ledger.ruleset());
            ps.setString(5, LedgerJson.write(ledger));
            ps.executeUpdate();
        }
    }

    private static void writeScores(Connection c, Dialect d, String planId, String period, Assessment a, ObjectNode tree) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + SCORES + " (plan_id, period, unit, score, rating, rating_cn, "
                + d.quote("rank") + ", ruleset, rule, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement l = c.prepareStatement("INSERT INTO " + SCORE_LINES + " (plan_id, period, unit, line_no, kind, task, points, "
                     + "rule, reason, source_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int lines = 0;
            for (int i = 0; i < a.scores().size(); i++) {
                UnitScore u = a.scores().get(i);
                s.setString(1, planId);
                s.setString(2, period);
                s.setString(3, u.unit());
                s.setBigDecimal(4, u.score());
                s.setString(5, u.rating().name());
                s.setString(6, u.rating().chinese());
                s.setInt(7, u.rank());
                s.setString(8, a.ruleset());
                s.setString(9, u.rule());
                s.setString(10, u.reason());
                s.addBatch();
                JsonNode lineNodes = tree.get("scores").get(i).get("lines");
                for (int j = 0; j < u.lines().size(); j++) {
                    ScoreLine sl = u.lines().get(j);
                    l.setString(1, planId);
                    l.setString(2, period);
                    l.setString(3, u.unit());
                    l.setInt(4, j + 1);
                    l.setString(5, sl.kind());
                    setInt(l, 6, sl.task());
                    l.setBigDecimal(7, sl.points());
                    l.setString(8, sl.rule());
                    l.setString(9, sl.reason());
                    l.setString(10, json(lineNodes.get(j).get("source")));
                    l.addBatch();
                    lines++;
                }
            }
            if (!a.scores().isEmpty()) {
                s.executeBatch();
            }
            if (lines > 0) {
                l.executeBatch();
            }
        }
    }

    private static void writeFindings(Connection c, String planId, String period, Assessment a, ObjectNode tree) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + FINDINGS + " (plan_id, period, seq, kind, unit, task, on_date, days, "
                + "person, rule, reason, facts_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < a.findings().size(); i++) {
                Finding f = a.findings().get(i);
                ps.setString(1, planId);
                ps.setString(2, period);
                ps.setInt(3, i + 1);
                ps.setString(4, f.kind().name());
                ps.setString(5, f.unit());
                setInt(ps, 6, f.task());
                ps.setObject(7, f.on());
                setInt(ps, 8, f.days());
                ps.setString(9, f.person());
                ps.setString(10, f.rule());
                ps.setString(11, f.reason());
                ps.setString(12, json(tree.get("findings").get(i).get("facts")));
                ps.addBatch();
            }
            if (!a.findings().isEmpty()) {
                ps.executeBatch();
            }
        }
    }

    private static void writeSanctions(Connection c, String planId, String period, Assessment a, ObjectNode tree) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + SANCTIONS + " (plan_id, period, seq, level, unit, task, issued, "
                + "rectify_by, persons, rule, reason, findings_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < a.sanctions().size(); i++) {
                Sanction s = a.sanctions().get(i);
                ps.setString(1, planId);
                ps.setString(2, period);
                ps.setInt(3, i + 1);
                ps.setString(4, s.level().name());
                ps.setString(5, s.unit());
                setInt(ps, 6, s.task());
                ps.setString(7, s.issued().toString());
                setDate(ps, 8, s.rectifyBy());
                ps.setString(9, json(tree.get("sanctions").get(i).get("persons")));
                ps.setString(10, s.rule());
                ps.setString(11, s.reason());
                ps.setString(12, json(tree.get("sanctions").get(i).get("findings")));
                ps.addBatch();
            }
            if (!a.sanctions().isEmpty()) {
                ps.executeBatch();
            }
        }
    }

    private static void writeCases(Connection c, Dialect d, String planId, String period, Assessment a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + CASES + " (plan_id, period, seq, unit, task, level, rectify_by, "
                + d.quote("open") + ", raised_on, raised_by, opened_on, closed_on, closed_by, rule, reason) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < a.cases().size(); i++) {
                Case k = a.cases().get(i);
                ps.setString(1, planId);
                ps.setString(2, period);
                ps.setInt(3, i + 1);
                ps.setString(4, k.unit());
                setInt(ps, 5, k.task());
                ps.setString(6, k.level().name());
                setDate(ps, 7, k.rectifyBy());
                ps.setBoolean(8, k.open());
                ps.setObject(9, k.raisedOn());
                ArrayNode by = JSON.createArrayNode();
                k.raisedBy().forEach(x -> by.add(x.name()));
                ps.setString(10, json(by));
                setDate(ps, 11, k.openedOn());
                setDate(ps, 12, k.closedOn());
                ps.setString(13, k.closedBy());
                ps.setString(14, k.rule());
                ps.setString(15, k.reason());
                ps.addBatch();
            }
            if (!a.cases().isEmpty()) {
                ps.executeBatch();
            }
        }
    }

    private static void writeBoard(Connection c, String planId, String period, Assessment a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + BOARD + " (plan_id, period, task, light, deadline, ongoing, percent, "
                + "schedule, rule, reasons) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (BoardEntry b : a.board()) {
                ps.setString(1, planId);
                ps.setString(2, period);
                ps.setInt(3, b.task());
                ps.setString(4, b.light().name());
                setDate(ps, 5, b.deadline());
                ps.setBoolean(6, b.ongoing());
                ps.setInt(7, b.percent());
                if (b.schedule() == null) {
                    ps.setNull(8, Types.DECIMAL);
                } else {
                    ps.setBigDecimal(8, b.schedule().setScale(4, RoundingMode.HALF_UP));
                }
                ps.setString(9, b.rule());
                ArrayNode reasons = JSON.createArrayNode();
                b.reasons().forEach(reasons::add);
                ps.setString(10, json(reasons));
                ps.addBatch();
            }
            if (!a.board().isEmpty()) {
                ps.executeBatch();
            }
        }
    }

    private static void writeIgnored(Connection c, String planId, String period, Assessment a, ObjectNode tree) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + IGNORED + " (plan_id, period, seq, fact, task, unit, on_date, "
                + "reason, rule, source_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < a.ignored().size(); i++) {
                Ignored g = a.ignored().get(i);
                ps.setString(1, planId);
                ps.setString(2, period);
                ps.setInt(3, i + 1);
                ps.setString(4, g.fact());
                setInt(ps, 5, g.task());
                ps.setString(6, g.unit());
                setDate(ps, 7, g.on());
                ps.setString(8, g.reason());
                ps.setString(9, g.rule());
                ps.setString(10, json(tree.get("ignored").get(i).get("source")));
                ps.addBatch();
            }
            if (!a.ignored().isEmpty()) {
                ps.executeBatch();
            }
        }
    }

    // ------------------------------------------------------------------ reading back

    /** The ledger a plan-month left, if it was assessed. */
    static Optional<Ledger> ledger(Connection c, String planId, YearMonth period) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ledger_json FROM " + LEDGERS + " WHERE plan_id = ? AND period = ?")) {
            ps.setString(1, planId);
            ps.setString(2, period.toString());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(LedgerJson.read(rs.getString(1), LEDGERS + "[plan_id=" + planId + ", period=" + period + "].ledger_json"));
            }
        }
    }

    /** assessment.json of a plan-month, rebuilt from the result rows; empty if it was never assessed. */
    static Optional<String> assessmentJson(Connection c, Dialect d, String planId, YearMonth period) throws SQLException {
        ObjectNode root = JSON.createObjectNode();
        int reportsOwed;
        try (PreparedStatement ps = select(c, "SELECT as_of, ruleset, reports_owed FROM " + ASSESSMENTS + " WHERE plan_id = ? AND period = ?", planId, period);
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            root.put("period", period.toString());
            root.put("asOf", date(rs, "as_of"));
            root.put("ruleset", rs.getString("ruleset"));
            reportsOwed = rs.getInt("reports_owed");
        }
        ArrayNode findings = root.putArray("findings");
        try (PreparedStatement ps = select(c, "SELECT * FROM " + FINDINGS + " WHERE plan_id = ? AND period = ? ORDER BY seq", planId, period);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ObjectNode n = findings.addObject();
                n.put("kind", rs.getString("kind"));
                n.put("unit", rs.getString("unit"));
                putInt(n, "task", rs, "task");
                n.put("on", date(rs, "on_date"));
                putInt(n, "days", rs, "days");
                if (rs.getString("person") != null) {
                    n.put("person", rs.getString("person"));
                }
                n.put("rule", rs.getString("rule"));
                n.put("reason", rs.getString("reason"));
                n.set("facts", parse(rs.getString("facts_json")));
            }
        }
        ArrayNode sanctions = root.putArray("sanctions");
        try (PreparedStatement ps = select(c, "SELECT * FROM " + SANCTIONS + " WHERE plan_id = ? AND period = ? ORDER BY seq", planId, period);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ObjectNode n = sanctions.addObject();
                n.put("level", rs.getString("level"));
                n.put("unit", rs.getString("unit"));
                putInt(n, "task", rs, "task");
                n.put("issued", rs.getString("issued"));
                n.put("rectifyBy", date(rs, "rectify_by"));
                n.set("persons", parse(rs.getString("persons")));
                n.put("rule", rs.getString("rule"));
                n.put("reason", rs.getString("reason"));
                n.set("findings", parse(rs.getString("findings_json")));
            }
        }
        ArrayNode scores = root.putArray("scores");
        try (PreparedStatement ps = select(c, "SELECT s.unit, s.score, s.rating, s." + d.quote("rank") + " AS unit_rank, s.reason, "
                + "l.line_no, l.kind, l.task, l.points, l.rule, l.reason AS line_reason, l.source_json "
                + "FROM " + SCORES + " s LEFT JOIN " + SCORE_LINES + " l ON l.plan_id = s.plan_id AND l.period = s.period AND l.unit = s.unit "
                + "WHERE s.plan_id = ? AND s.period = ? ORDER BY s." + d.quote("rank") + ", s.unit, l.line_no", planId, period);
             ResultSet rs = ps.executeQuery()) {
            ObjectNode current = null;
            String unit = null;
            while (rs.next()) {
                if (current == null || !rs.getString("unit").equals(unit)) {
                    unit = rs.getString("unit");
                    current = scores.addObject();
                    current.put("unit", unit);
                    current.put("score", rs.getBigDecimal("score").doubleValue());
                    current.put("rating", rs.getString("rating"));
                    current.put("rank", rs.getInt("unit_rank"));
                    current.put("reason", rs.getString("reason"));
                    current.putArray("lines");
                }
                if (rs.getObject("line_no") != null) {
                    ObjectNode l = ((ArrayNode) current.get("lines")).addObject();
                    l.put("kind", rs.getString("kind"));
                    putInt(l, "task", rs, "task");
                    l.put("points", rs.getBigDecimal("points").doubleValue());
                    l.put("rule", rs.getString("rule"));
                    l.put("reason", rs.getString("line_reason"));
                    l.set("source", parse(rs.getString("source_json")));
                }
            }
        }
        ArrayNode board = root.putArray("board");
        try (PreparedStatement ps = select(c, "SELECT * FROM " + BOARD + " WHERE plan_id = ? AND period = ? ORDER BY task", planId, period);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ObjectNode n = board.addObject();
                n.put("task", rs.getInt("task"));
                n.put("light", rs.getString("light"));
                n.put("deadline", date(rs, "deadline"));
                n.put("ongoing", rs.getBoolean("ongoing"));
                n.put("percent", rs.getInt("percent"));
                BigDecimal schedule = rs.getBigDecimal("schedule");
                if (schedule == null) {
                    n.putNull("schedule");
                } else {
                    n.put("schedule", schedule.setScale(1, RoundingMode.HALF_UP).doubleValue());
                }
                n.put("rule", rs.getString("rule"));
                n.set("reasons", parse(rs.getString("reasons")));
            }
        }
        ArrayNode cases = root.putArray("cases");
        try (PreparedStatement ps = select(c, "SELECT * FROM " + CASES + " WHERE plan_id = ? AND period = ? ORDER BY seq", planId, period);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ObjectNode n = cases.addObject();
                n.put("unit", rs.getString("unit"));
                putInt(n, "task", rs, "task");
                n.put("level", rs.getString("level"));
                n.put("rectifyBy", date(rs, "rectify_by"));
                n.put("open", rs.getBoolean("open"));
                n.put("raisedOn", date(rs, "raised_on"));
                n.set("raisedBy", parse(rs.getString("raised_by")));
                n.put("openedOn", date(rs, "opened_on"));
                n.put("closedOn", date(rs, "closed_on"));
                n.put("closedBy", rs.getString("closed_by"));
                n.put("rule", rs.getString("rule"));
                n.put("reason", rs.getString("reason"));
            }
        }
        ArrayNode ignored = root.putArray("ignored");
        try (PreparedStatement ps = select(c, "SELECT * FROM " + IGNORED + " WHERE plan_id = ? AND period = ? ORDER BY seq", planId, period);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ObjectNode n = ignored.addObject();
                n.put("fact", rs.getString("fact"));
                putInt(n, "task", rs, "task");
                if (rs.getString("unit") != null) {
                    n.put("unit", rs.getString("unit"));
                }
                n.put("on", date(rs, "on_date"));
                n.put("reason", rs.getString("reason"));
                n.put("rule", rs.getString("rule"));
                n.set("source", parse(rs.getString("source_json")));
            }
        }
        if (reportsOwed >= 0) {
            root.put("reportsOwed", reportsOwed);
        }
        try {
            return Optional.of(PRETTY.writeValueAsString(root) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static PreparedStatement select(Connection c, String sql, String planId, YearMonth period) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setString(1, planId);
        ps.setString(2, period.toString());
        return ps;
    }

    private static String date(ResultSet rs, String column) throws SQLException {
        LocalDate d = rs.getObject(column, LocalDate.class);
        return d == null ? null : d.toString();
    }

    private static void putInt(ObjectNode n, String field, ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        if (rs.wasNull()) {
            n.putNull(field);
        } else {
            n.put(field, v);
        }
    }

    private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    private static void setDate(PreparedStatement ps, int i, LocalDate d) throws SQLException {
        if (d == null) {
            ps.setNull(i, Types.DATE);
        } else {
            ps.setObject(i, d);
        }
    }

    private static String json(JsonNode n) {
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InputException("result tables", 0, null, "a JSON column holds no JSON: " + e.getOriginalMessage());
        }
    }
}

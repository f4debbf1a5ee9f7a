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
import io.github.duban.outcome.MonthSummary;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes one plan-month's assessment into the result tables (replacing what was there) and reads
 * it back: the rows hold every field of assessment.json, so {@link #assessmentJson} rebuilds it
 * byte for byte (rows written at schema version 1 read back with null in the fields version 2
 * added, and no summary). The rows are built by pure functions ({@link #scoreRow}, {@link #boardRow},
 * {@link #assessmentRow}) that format the conclusions' fields and never add up or decide. Runs
 * inside the caller's transaction. Thread-safe (holds no state).
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
    static final String REMINDERS = "duban_reminders";

    static final List<String> TABLES = List.of(ASSESSMENTS, SCORES, SCORE_LINES, FINDINGS, SANCTIONS, CASES, BOARD, IGNORED, LEDGERS);

    /** assessment.json's summary field → duban_assessments column, for the counts after reportsOnTime, in order. */
    private static final String[][] SUMMARY_COUNTS = {
        {"reportsLate", "reports_late"}, {"reportsMissing", "reports_missing"}, {"tasks", "tasks"}, {"done", "done"},
        {"onTrack", "on_track"}, {"lagging", "lagging"}, {"overdue", "overdue"}, {"dated", "dated"},
        {"onSchedule", "on_schedule"}, {"notices", "notices"}, {"criticisms", "criticisms"}, {"exposures", "exposures"},
        {"commendations", "commendations"}, {"earlyCompletions", "early_completions"}, {"unitsScored", "units_scored"},
        {"red", "red"}, {"yellow", "yellow"},
    };

    /** Columns named like a keyword of one of the dialects, quoted in statements. */
    private static final Set<String> KEYWORDS = Set.of("rank", "open");

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
        insert(c, d, ASSESSMENTS, List.of(assessmentRow(planId, a)));
        writeScores(c, d, planId, period, a, tree);
        writeFindings(c, planId, period, a, tree);
        writeSanctions(c, planId, period, a, tree);
        writeCases(c, d, planId, period, a);
        insert(c, d, BOARD, a.board().stream().map(b -> boardRow(planId, period, b)).toList());
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
        insert(c, d, SCORES, a.scores().stream().map(u -> scoreRow(planId, period, a.ruleset(), u)).toList());
        try (PreparedStatement l = c.prepareStatement("INSERT INTO " + SCORE_LINES + " (plan_id, period, unit, line_no, kind, task, points, "
                + "rule, reason, source_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int lines = 0;
            for (int i = 0; i < a.scores().size(); i++) {
                UnitScore u = a.scores().get(i);
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
            if (lines > 0) {
                l.executeBatch();
            }
        }
    }

    // ------------------------------------------------------------------ rows (pure: they format, never add up or decide)

    /**
     * The {@code duban_assessments} row of an assessment: column → value in column order. The
     * month's figures come from {@link Assessment#summary()} as the rules concluded them; all null
     * (and {@code reports_owed} −1) when the rules in force conclude none.
     */
    static Map<String, Object> assessmentRow(String planId, Assessment a) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("plan_id", planId);
        r.put("period", a.period().toString());
        r.put("as_of", a.asOf());
        r.put("ruleset", a.ruleset());
        r.put("reports_owed", a.reportsOwed());
        MonthSummary m = a.summary();
        r.put("reports_due", m == null ? null : m.reportsDue());
        r.put("reports_on_time", m == null ? null : m.reportsOnTime());
        r.put("reports_late", m == null ? null : m.reportsLate());
        r.put("reports_missing", m == null ? null : m.reportsMissing());
        r.put("tasks", m == null ? null : m.tasks());
        r.put("done", m == null ? null : m.done());
        r.put("on_track", m == null ? null : m.onTrack());
        r.put("lagging", m == null ? null : m.lagging());
        r.put("overdue", m == null ? null : m.overdue());
        r.put("dated", m == null ? null : m.dated());
        r.put("on_schedule", m == null ? null : m.onSchedule());
        r.put("notices", m == null ? null : m.notices());
        r.put("criticisms", m == null ? null : m.criticisms());
        r.put("exposures", m == null ? null : m.exposures());
        r.put("commendations", m == null ? null : m.commendations());
        r.put("early_completions", m == null ? null : m.earlyCompletions());
        r.put("units_scored", m == null ? null : m.unitsScored());
        r.put("red", m == null ? null : m.red());
        r.put("yellow", m == null ? null : m.yellow());
        r.put("summary_rule", m == null ? null : m.rule());
        return r;
    }

    /**
     * The {@code duban_scores} row of a unit's score: column → value in column order, every number
     * and the ceiling exactly the fields of {@code u} the rules concluded.
     */
    static Map<String, Object> scoreRow(String planId, String period, String ruleset, UnitScore u) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("plan_id", planId);
        r.put("period", period);
        r.put("unit", u.unit());
        r.put("score", u.score());
        r.put("rating", u.rating().name());
        r.put("rating_cn", u.rating().chinese());
        r.put("rank", u.rank());
        r.put("ruleset", ruleset);
        r.put("rule", u.rule());
        r.put("reason", u.reason());
        r.put("deductions", u.deductions());
        r.put("bonuses", u.bonuses());
        r.put("ceiling", u.ceiling() == null ? null : u.ceiling().name());
        return r;
    }

    /**
     * The {@code duban_board} row of a board entry: column → value in column order, the fields of
     * {@code b} as concluded ({@code schedule} and {@code behind} to the column's four decimals).
     */
    static Map<String, Object> boardRow(String planId, String period, BoardEntry b) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("plan_id", planId);
        r.put("period", period);
        r.put("task", b.task());
        r.put("light", b.light().name());
        r.put("status", b.status().name());
        r.put("status_cn", b.status().chinese());
        r.put("deadline", b.deadline());
        r.put("ongoing", b.ongoing());
        r.put("percent", b.percent());
        r.put("reported_percent", b.reportedPercent());
        r.put("schedule", b.schedule() == null ? null : b.schedule().setScale(4, RoundingMode.HALF_UP));
        r.put("behind", b.behind() == null ? null : b.behind().setScale(4, RoundingMode.HALF_UP));
        r.put("days_overdue", b.daysOverdue());
        r.put("on_schedule", b.onSchedule());
        r.put("rule", b.rule());
        ArrayNode reasons = JSON.createArrayNode();
        b.reasons().forEach(reasons::add);
        r.put("reasons", json(reasons));
        return r;
    }

    /** Inserts rows made by the row functions above (all of one table, the same columns) in one batch. */
    private static void insert(Connection c, Dialect d, String table, List<Map<String, Object>> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<String> columns = List.copyOf(rows.get(0).keySet());
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (");
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            String col = columns.get(i);
            sql.append(i == 0 ? "" : ", ").append(KEYWORDS.contains(col) ? d.quote(col) : col);
            marks.append(i == 0 ? "?" : ", ?");
        }
        sql.append(") VALUES (").append(marks).append(')');
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (Map<String, Object> row : rows) {
                int i = 1;
                for (Object v : row.values()) {
                    bind(ps, i++, v);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void bind(PreparedStatement ps, int i, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.NULL);
        } else if (v instanceof String s) {
            ps.setString(i, s);
        } else if (v instanceof Integer n) {
            ps.setInt(i, n);
        } else if (v instanceof BigDecimal n) {
            ps.setBigDecimal(i, n);
        } else if (v instanceof Boolean b) {
            ps.setBoolean(i, b);
        } else if (v instanceof LocalDate date) {
            ps.setObject(i, date);
        } else {
            throw new IllegalArgumentException("no column type for " + v.getClass().getName());
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
    /** Replaces the reminders of {@code planId} on {@code date} with {@code reminders}, in their order; the caller commits. */
    static void replaceReminders(Connection c, String planId, LocalDate date, List<io.github.duban.outcome.Reminder> reminders,
                                 String ruleset) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + REMINDERS + " WHERE plan_id = ? AND remind_date = ?")) {
            ps.setString(1, planId);
            ps.setObject(2, date);
            ps.executeUpdate();
        }
        if (reminders.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + REMINDERS + " (plan_id, remind_date, seq, id, kind, kind_cn, "
                + "level, unit, person, task, report_month, due_on, rule, facts_json, message, ruleset) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int seq = 1;
            for (io.github.duban.outcome.Reminder r : reminders) {
                JsonNode line = parse(io.github.duban.json.ReminderJson.write(List.of(r)));
                ps.setString(1, planId);
                ps.setObject(2, date);
                ps.setInt(3, seq++);
                ps.setString(4, r.id());
                ps.setString(5, r.kind().name());
                ps.setString(6, r.kind().chinese());
                ps.setString(7, r.level());
                ps.setString(8, r.unit());
                ps.setString(9, r.person());
                setInt(ps, 10, r.task());
                ps.setString(11, r.month() == null ? null : r.month().toString());
                ps.setObject(12, r.dueOn());
                ps.setString(13, r.rule() == null ? "" : r.rule());
                ps.setString(14, json(line.get("facts")));
                ps.setString(15, r.message());
                ps.setString(16, ruleset);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

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
        ObjectNode summary = null;
        try (PreparedStatement ps = select(c, "SELECT * FROM " + ASSESSMENTS + " WHERE plan_id = ? AND period = ?", planId, period);
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            root.put("period", period.toString());
            root.put("asOf", date(rs, "as_of"));
            root.put("ruleset", rs.getString("ruleset"));
            reportsOwed = rs.getInt("reports_owed");
            rs.getInt("tasks");
            if (!rs.wasNull()) {
                // the month's figures, when the rules concluded them (rows written before version 2 have none)
                summary = JSON.createObjectNode();
                summary.put("reportsDue", date(rs, "reports_due"));
                summary.put("reportsOwed", reportsOwed);
                putInt(summary, "reportsOnTime", rs, "reports_on_time");
                for (String[] f : SUMMARY_COUNTS) {
                    putInt(summary, f[0], rs, f[1]);
                }
                summary.put("rule", rs.getString("summary_rule"));
            }
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
        try (PreparedStatement ps = select(c, "SELECT s.unit, s.score, s.rating, s." + d.quote("rank") + " AS unit_rank, s.deductions, s.bonuses, s.ceiling, s.reason, "
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
                    putNumber(current, "deductions", rs.getBigDecimal("deductions"));
                    putNumber(current, "bonuses", rs.getBigDecimal("bonuses"));
                    current.put("ceiling", rs.getString("ceiling"));
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
                n.put("status", rs.getString("status"));
                n.put("deadline", date(rs, "deadline"));
                n.put("ongoing", rs.getBoolean("ongoing"));
                n.put("percent", rs.getInt("percent"));
                putInt(n, "reportedPercent", rs, "reported_percent");
                putOneDecimal(n, "schedule", rs.getBigDecimal("schedule"));
                putOneDecimal(n, "behind", rs.getBigDecimal("behind"));
                putInt(n, "daysOverdue", rs, "days_overdue");
                boolean onSchedule = rs.getBoolean("on_schedule");
                if (rs.wasNull()) {
                    n.putNull("onSchedule");
                } else {
                    n.put("onSchedule", onSchedule);
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
        if (summary != null) {
            root.set("summary", summary);
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

    private static void putNumber(ObjectNode n, String field, BigDecimal v) {
        if (v == null) {
            n.putNull(field);
        } else {
            n.put(field, v.doubleValue());
        }
    }

    /** A number as assessment.json shows it, to one decimal. */
    private static void putOneDecimal(ObjectNode n, String field, BigDecimal v) {
        putNumber(n, field, v == null ? null : v.setScale(1, RoundingMode.HALF_UP));
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

package io.github.duban.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads the embedded plan and its sample year of facts files into the fact tables, as an OA system would hold them. */
public final class SampleTables {

    public static final String PLAN_ID = "lengshuitan-2021";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** JSON field → column, per facts file and table. */
    private static final Map<String, Map<String, String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("reports", ordered("task", "task", "unit", "unit", "month", "month", "submittedOn", "submitted_on",
                "percent", "percent", "text", "text", "value", "value"));
        COLUMNS.put("completions", ordered("task", "task", "completedOn", "completed_on", "acceptedOn", "accepted_on"));
        COLUMNS.put("inspections", ordered("unit", "unit", "task", "task", "kind", "kind", "on", "on_date", "person", "person",
                "note", "note"));
        COLUMNS.put("rectifications", ordered("unit", "unit", "task", "task", "on", "on_date"));
        COLUMNS.put("extensions", ordered("task", "task", "requestedOn", "requested_on", "approvedOn", "approved_on",
                "newDeadline", "new_deadline", "reason", "reason"));
    }

    private SampleTables() {
    }

    public static String resource(String path) {
        try (InputStream in = SampleTables.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The embedded plan under {@code planId} and every line of the sample year's facts files. */
    public static void load(DataSource ds, String planId) throws SQLException {
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO duban_plans (plan_id, plan_json) VALUES (?, ?)")) {
                ps.setString(1, planId);
                ps.setString(2, resource("/plan/lengshuitan-2021-3.json"));
                ps.executeUpdate();
            }
            for (String file : COLUMNS.keySet()) {
                for (String line : resource("/sample/2021/" + file + ".jsonl").split("\n")) {
                    if (!line.isBlank()) {
                        insert(c, "duban_" + file, planId, file, line);
                    }
                }
            }
        }
    }

    /** Inserts one facts-file line (JSON) into a fact table. */
    static void insert(Connection c, String table, String planId, String file, String jsonLine) throws SQLException {
        JsonNode n;
        try {
            n = JSON.readTree(jsonLine);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> columns = COLUMNS.get(file);
        StringBuilder cols = new StringBuilder("plan_id");
        StringBuilder marks = new StringBuilder("?");
        List<Map.Entry<String, String>> used = columns.entrySet().stream().filter(e -> n.has(e.getKey())).toList();
        for (Map.Entry<String, String> e : used) {
            cols.append(", ").append(e.getValue());
            marks.append(", ?");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + cols + ") VALUES (" + marks + ")")) {
            ps.setString(1, planId);
            int i = 2;
            for (Map.Entry<String, String> e : used) {
                JsonNode v = n.get(e.getKey());
                if (v.isNull()) {
                    ps.setObject(i++, null);
                } else if (v.isInt()) {
                    ps.setInt(i++, v.asInt());
                } else if (v.isNumber()) {
                    ps.setBigDecimal(i++, v.decimalValue());
                } else if (e.getValue().endsWith("_on") || e.getValue().equals("on_date") || e.getValue().equals("new_deadline")) {
                    ps.setObject(i++, LocalDate.parse(v.asText()));
                } else {
                    ps.setString(i++, v.asText());
                }
            }
            ps.executeUpdate();
        }
    }

    /** Rows per result table for one plan-month, e.g. {duban_scores=20, …}. */
    public static Map<String, Integer> counts(DataSource ds, String planId, String period) throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        try (Connection c = ds.getConnection()) {
            for (String t : ResultTables.TABLES) {
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + t + " WHERE plan_id = ? AND period = ?")) {
                    ps.setString(1, planId);
                    ps.setString(2, period);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        out.put(t, rs.getInt(1));
                    }
                }
            }
        }
        return out;
    }

    public static void execute(DataSource ds, String... sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}

package io.github.duban.jdbc;

import io.github.duban.engine.FactCheck;
import io.github.duban.error.InputException;
import io.github.duban.json.PlanJson;
import io.github.duban.model.Completion;
import io.github.duban.model.Extension;
import io.github.duban.model.Facts;
import io.github.duban.model.InspectionFinding;
import io.github.duban.model.InspectionKind;
import io.github.duban.model.Plan;
import io.github.duban.model.ProgressReport;
import io.github.duban.model.Rectification;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads a plan and its facts from the fact tables (or views) of the SQL contract, streaming each
 * table once through a forward-only result set, and checks every row as a facts file line is
 * checked: a bad row throws an {@link InputException} naming the table, the row's key, the
 * column, what was given and what was expected. The plan's tasks (with their parent, label,
 * persons, target and milestones) come whole from {@code duban_plans.plan_json}; a report's
 * {@code value} against a target from the optional column of that name. Thread-safe (holds no state).
 */
final class FactTables {

    static final String PLANS = "duban_plans";
    static final String REPORTS = "duban_reports";
    static final String COMPLETIONS = "duban_completions";
    static final String INSPECTIONS = "duban_inspections";
    static final String RECTIFICATIONS = "duban_rectifications";
    static final String EXTENSIONS = "duban_extensions";

    private static final int FETCH = 500;
    private static final java.time.ZoneId SHANGHAI = java.time.ZoneId.of("Asia/Shanghai");
    private static final java.util.regex.Pattern DATE_TIME = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T].*");

    private FactTables() {
    }

    /**
     * Reads the plan of {@code planId} and locks its row until the transaction ends, so that two
     * runs of one plan never interleave.
     */
    static Plan lockPlan(Connection c, String planId) throws SQLException {
        return readPlan(c, planId, true);
    }

    /** Reads the plan of {@code planId}; {@code lock}: and locks its row until the transaction ends. */
    static Plan readPlan(Connection c, String planId, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT plan_json FROM " + PLANS + " WHERE plan_id = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, planId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new InputException(PLANS, 0, "plan_id", "no plan with plan_id \"" + planId + "\"");
                }
                String where = PLANS + "[plan_id=" + planId + "]";
                String json = rs.getString(1);
                if (json == null || json.isBlank()) {
                    throw new InputException(where, 0, "plan_json", "is null (expected the plan as plan.json)");
                }
                try {
                    return PlanJson.read(json, where + ".plan_json");
                } catch (InputException e) {
                    throw e;
                } catch (IllegalArgumentException e) {
                    throw new InputException(where, 0, "plan_json", e.getMessage());
                }
            }
        }
    }

    /** Puts the plan into duban_plans under {@code planId}, replacing the row of that id (locked first). */
    static void putPlan(Connection c, String planId, Plan plan) throws SQLException {
        String json = PlanJson.write(plan);
        try (PreparedStatement lock = c.prepareStatement("SELECT plan_id FROM " + PLANS + " WHERE plan_id = ? FOR UPDATE")) {
            lock.setString(1, planId);
            lock.executeQuery().close();
        }
        try (PreparedStatement up = c.prepareStatement("UPDATE " + PLANS + " SET plan_json = ? WHERE plan_id = ?")) {
            up.setString(1, json);
            up.setString(2, planId);
            if (up.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement in = c.prepareStatement("INSERT INTO " + PLANS + " (plan_id, plan_json) VALUES (?, ?)")) {
            in.setString(1, planId);
            in.setString(2, json);
            in.executeUpdate();
        }
    }

    /** Deletes the plan's rows from every fact table and inserts {@code facts} in their place. */
    static DubanJdbc.Loaded replaceFacts(Connection c, String planId, Facts facts) throws SQLException {
        for (String t : List.of(REPORTS, COMPLETIONS, EXTENSIONS, INSPECTIONS, RECTIFICATIONS)) {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM " + t + " WHERE plan_id = ?")) {
                del.setString(1, planId);
                del.executeUpdate();
            }
        }
        int reports = insert(c, "INSERT INTO " + REPORTS + " (plan_id, task, unit, month, submitted_on, percent, text, value)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", planId, facts.reports(), (ps, r) -> {
            ps.setInt(2, r.task());
            ps.setString(3, r.unit());
            ps.setString(4, r.month().toString());
            ps.setObject(5, r.submittedOn());
            setInteger(ps, 6, r.percent());
            ps.setString(7, r.text());
            ps.setBigDecimal(8, r.value());
        });
        int completions = insert(c, "INSERT INTO " + COMPLETIONS + " (plan_id, task, completed_on, accepted_on) VALUES (?, ?, ?, ?)",
                planId, facts.completions(), (ps, r) -> {
                    ps.setInt(2, r.task());
                    ps.setObject(3, r.completedOn());
                    setDate(ps, 4, r.acceptedOn());
                });
        int extensions = insert(c, "INSERT INTO " + EXTENSIONS + " (plan_id, task, requested_on, approved_on, new_deadline, reason)"
                + " VALUES (?, ?, ?, ?, ?, ?)", planId, facts.extensions(), (ps, r) -> {
            ps.setInt(2, r.task());
            ps.setObject(3, r.requestedOn());
            ps.setObject(4, r.approvedOn());
            ps.setObject(5, r.newDeadline());
            ps.setString(6, r.reason());
        });
        int inspections = insert(c, "INSERT INTO " + INSPECTIONS + " (plan_id, unit, task, kind, on_date, person, note)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", planId, facts.inspections(), (ps, r) -> {
            ps.setString(2, r.unit());
            setInteger(ps, 3, r.task());
            ps.setString(4, r.kind().name());
            ps.setObject(5, r.on());
            ps.setString(6, r.person());
            ps.setString(7, r.note());
        });
        int rectifications = insert(c, "INSERT INTO " + RECTIFICATIONS + " (plan_id, unit, task, on_date) VALUES (?, ?, ?, ?)",
                planId, facts.rectifications(), (ps, r) -> {
                    ps.setString(2, r.unit());
                    setInteger(ps, 3, r.task());
                    ps.setObject(4, r.on());
                });
        return new DubanJdbc.Loaded(planId, reports, completions, extensions, inspections, rectifications);
    }

    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

    private static <T> int insert(Connection c, String sql, String planId, List<T> rows, Binder<T> binder) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int pending = 0;
            for (T r : rows) {
                ps.setString(1, planId);
                binder.bind(ps, r);
                ps.addBatch();
                if (++pending == FETCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
        return rows.size();
    }

    private static void setInteger(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, java.sql.Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    private static void setDate(PreparedStatement ps, int i, LocalDate v) throws SQLException {
        if (v == null) {
            ps.setNull(i, java.sql.Types.DATE);
        } else {
            ps.setObject(i, v);
        }
    }

    /** Every plan id in duban_plans, in Unicode order. */
    static List<String> planIds(Connection c) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT plan_id FROM " + PLANS);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        ids.sort(null);
        return ids;
    }

    /** The facts of {@code planId}, every row read and checked against {@code plan}. */
    static Facts read(Connection c, String planId, Plan plan) throws SQLException {
        List<ProgressReport> every = new ArrayList<>();
        Consumer<ProgressReport> reports = every::add;
        scan(c, REPORTS, planId, List.of("task", "unit", "month", "submitted_on"), row -> {
            Integer task = row.integer("task", true, "a task number");
            String unit = row.text("unit", true, "a unit id or alias");
            YearMonth month = row.month("month");
            LocalDate submitted = row.date("submitted_on", true, "a date like 2021-04-23");
            Integer percent = row.integer("percent", false, "a percent 0..100");
            if (percent != null && (percent < 0 || percent > 100)) {
                throw row.error("percent", "percent " + percent + " is outside 0..100");
            }
            String text = row.text("text", false, null);
            BigDecimal value = row.decimal("value", "the value reached against the task's target (目标值), 0 or more");
            if (value != null && value.signum() < 0) {
                throw row.error("value", "value " + value.toPlainString() + " is negative (expected the value reached against the task's target)");
            }
            reports.accept(row.check(() -> FactCheck.report(plan, new ProgressReport(task, unit, month, submitted, percent, text, value))));
        });
        List<Completion> completions = new ArrayList<>();
        scan(c, COMPLETIONS, planId, List.of("task", "completed_on"), row -> {
            Integer task = row.integer("task", true, "a task number");
            LocalDate done = row.date("completed_on", true, "a date like 2021-06-05");
            LocalDate accepted = row.date("accepted_on", false, "a date like 2021-06-20");
            if (accepted != null && accepted.isBefore(done)) {
                throw row.error("accepted_on", "accepted_on " + accepted + " is before completed_on " + done);
            }
            completions.add(row.check(() -> FactCheck.completion(plan, new Completion(task, done, accepted))));
        });
        List<InspectionFinding> inspections = new ArrayList<>();
        scan(c, INSPECTIONS, planId, List.of("unit", "task", "kind", "on_date"), row -> {
            String unit = row.text("unit", true, "a unit id or alias (one unit, not a group)");
            Integer task = row.integer("task", false, "a task number, or null for a unit-wide matter");
            InspectionKind kind = row.kind("kind");
            LocalDate on = row.date("on_date", true, "a date like 2021-05-20");
            String person = row.text("person", false, null);
            String note = row.text("note", false, null);
            inspections.add(row.check(() -> FactCheck.inspection(plan, new InspectionFinding(unit, task, kind, on,
                    person == null || person.isBlank() ? null : person, note))));
        });
        List<Rectification> rectifications = new ArrayList<>();
        scan(c, RECTIFICATIONS, planId, List.of("unit", "task", "on_date"), row -> {
            String unit = row.text("unit", true, "a unit id or alias (one unit, not a group)");
            Integer task = row.integer("task", false, "a task number, or null for a unit-wide matter");
            LocalDate on = row.date("on_date", true, "a date like 2021-06-10");
            rectifications.add(row.check(() -> FactCheck.rectification(plan, new Rectification(unit, task, on))));
        });
        List<Extension> extensions = new ArrayList<>();
        scan(c, EXTENSIONS, planId, List.of("task", "requested_on", "approved_on", "new_deadline"), row -> {
            Integer task = row.integer("task", true, "a task number");
            LocalDate requested = row.date("requested_on", true, "a date like 2021-04-20");
            LocalDate approved = row.date("approved_on", true, "a date like 2021-04-25");
            LocalDate deadline = row.date("new_deadline", true, "a date like 2021-05-31");
            String reason = row.text("reason", false, null);
            extensions.add(row.check(() -> FactCheck.extension(plan, new Extension(task, requested, approved, deadline, reason))));
        });
        return new Facts(every, completions, extensions, inspections, rectifications);
    }

    @FunctionalInterface
    private interface RowReader {
        void read(Row row) throws SQLException;
    }

    /**
     * Streams the rows of one table for the plan. The {@code key} columns must exist (other columns
     * are optional) and name a row in errors, after {@code id} when the table or view has one.
     */
    private static void scan(Connection c, String table, String planId, List<String> key, RowReader reader)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE plan_id = ?",
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(FETCH);
            ps.setString(1, planId);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                Map<String, Integer> columns = new HashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.putIfAbsent(md.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
                }
                for (String k : key) {
                    if (!columns.containsKey(k)) {
                        throw new InputException(table, 0, k, "the column is missing (expected the columns of docs/database.md)");
                    }
                }
                Row row = new Row(table, planId, rs, columns, key);
                while (rs.next()) {
                    reader.read(row);
                }
            }
        }
    }

    /** The current row of a fact table, read column by column with the checks a file line gets. */
    private static final class Row {
        private final String table;
        private final String planId;
        private final ResultSet rs;
        private final Map<String, Integer> columns;
        private final List<String> key;

        Row(String table, String planId, ResultSet rs, Map<String, Integer> columns, List<String> key) {
            this.table = table;
            this.planId = planId;
            this.rs = rs;
            this.columns = columns;
            this.key = key;
        }

        /** table[plan_id=…, id=…, key columns…]. */
        String where() {
            StringBuilder sb = new StringBuilder(table).append("[plan_id=").append(planId);
            List<String> shown = new ArrayList<>();
            if (columns.containsKey("id")) {
                shown.add("id");
            }
            shown.addAll(key);
            for (String k : shown) {
                Integer i = columns.get(k);
                if (i == null) {
                    continue;
                }
                String v;
                try {
                    v = rs.getString(i);
                } catch (SQLException e) {
                    v = "?";
                }
                sb.append(", ").append(k).append('=').append(v);
            }
            return sb.append(']').toString();
        }

        InputException error(String column, String problem) {
            return new InputException(where(), 0, column, problem);
        }

        private Object raw(String column, boolean required, String expected) throws SQLException {
            Integer i = columns.get(column);
            Object v = i == null ? null : rs.getObject(i);
            if (v == null && required) {
                throw error(column, (i == null ? "the column is missing" : "is null") + " (expected " + expected + ")");
            }
            return v;
        }

        Integer integer(String column, boolean required, String expected) throws SQLException {
            Object v = raw(column, required, expected);
            if (v == null) {
                return null;
            }
            try {
                BigDecimal d = v instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(v.toString().strip());
                return d.intValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw error(column, "\"" + v + "\" is not a whole number (expected " + expected + ")");
            }
        }

        /** An optional decimal column (null when the column is missing or the value is null). */
        BigDecimal decimal(String column, String expected) throws SQLException {
            Object v = raw(column, false, expected);
            if (v == null) {
                return null;
            }
            try {
                return v instanceof BigDecimal d ? d : new BigDecimal(v.toString().strip());
            } catch (NumberFormatException e) {
                throw error(column, "\"" + v + "\" is not a number (expected " + expected + ")");
            }
        }

        String text(String column, boolean required, String expected) throws SQLException {
            Object v = raw(column, required, expected);
            if (v == null) {
                return null;
            }
            String s = rs.getString(columns.get(column));
            if (required && s.isBlank()) {
                throw error(column, "is blank (expected " + expected + ")");
            }
            return s;
        }

        LocalDate date(String column, boolean required, String expected) throws SQLException {
            Object v = raw(column, required, expected);
            if (v == null) {
                return null;
            }
            // a date-and-time column (an OA's DATETIME or TIMESTAMP) is read by its date part
            if (v instanceof java.sql.Date d) {
                return d.toLocalDate();
            }
            if (v instanceof java.sql.Timestamp t) {
                return t.toLocalDateTime().toLocalDate();
            }
            if (v instanceof LocalDate d) {
                return d;
            }
            if (v instanceof java.time.LocalDateTime t) {
                return t.toLocalDate();
            }
            if (v instanceof java.time.OffsetDateTime t) {
                return t.atZoneSameInstant(SHANGHAI).toLocalDate();
            }
            String s = v.toString().strip();
            try {
                return LocalDate.parse(DATE_TIME.matcher(s).matches() ? s.substring(0, 10) : s);
            } catch (DateTimeParseException e) {
                throw error(column, "\"" + v + "\" is not a date (expected " + expected + ")");
            }
        }

        YearMonth month(String column) throws SQLException {
            String s = text(column, true, "a month like 2021-04");
            try {
                return YearMonth.parse(s.strip());
            } catch (DateTimeParseException e) {
                throw error(column, "\"" + s + "\" is not a month (expected a month like 2021-04)");
            }
        }

        InspectionKind kind(String column) throws SQLException {
            String expected = "one of " + Arrays.toString(InspectionKind.values());
            String s = text(column, true, expected);
            try {
                return InspectionKind.valueOf(s.strip());
            } catch (IllegalArgumentException e) {
                throw error(column, "\"" + s + "\" is not an inspection kind (expected " + expected + ")");
            }
        }

        /** Runs the plan checks of {@link FactCheck}, naming the column a problem is in. */
        <T> T check(Supplier<T> make) {
            try {
                return make.get();
            } catch (FactCheck.Problem p) {
                String field = p.field();
                throw error("on".equals(field) ? "on_date" : field, p.problem());
            } catch (IllegalArgumentException | NullPointerException e) {
                throw error(null, e.getMessage());
            }
        }
    }
}

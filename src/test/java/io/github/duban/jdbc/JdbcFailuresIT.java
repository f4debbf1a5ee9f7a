package io.github.duban.jdbc;

import io.github.duban.error.JdbcException;

import io.github.duban.error.InputException;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.duban.jdbc.JdbcMonthEndIT.ENGINE;
import static io.github.duban.jdbc.JdbcMonthEndIT.FROM_FILES;
import static io.github.duban.jdbc.SampleTables.PLAN_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcFailuresIT {

    static final YearMonth MAY = YearMonth.of(2021, 5);
    static final String P = "plan_id=" + PLAN_ID;

    /** A bad row per fact table: the SQL that inserts it, and the row, column and problem the error must name. */
    record BadRow(String insert, String where, String field, String problem) {
    }

    /** Asserts an {@link InputException} naming {@code where} (the table and row key), the column and the problem. */
    static void assertInput(Throwable t, String where, String field, String problem) {
        assertThat(t).isInstanceOf(InputException.class);
        InputException e = (InputException) t;
        assertThat(e.file()).isEqualTo(where);
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.problem()).isEqualTo(problem);
    }

    static final List<BadRow> BAD_ROWS = List.of(
            new BadRow("INSERT INTO duban_reports (plan_id, task, unit, month, submitted_on, percent) VALUES ('" + PLAN_ID
                    + "', 9, '区住建局', '2021-05', DATE '2021-05-20', 130)",
                    "duban_reports[" + P + ", task=9, unit=区住建局, month=2021-05, submitted_on=2021-05-20]", "percent",
                    "percent 130 is outside 0..100"),
            new BadRow("INSERT INTO duban_reports (plan_id, task, unit, month, submitted_on, percent) VALUES ('" + PLAN_ID
                    + "', 9, '区住建局', '2021-13', DATE '2021-05-20', 10)",
                    "duban_reports[" + P + ", task=9, unit=区住建局, month=2021-13, submitted_on=2021-05-20]", "month",
                    "\"2021-13\" is not a month (expected a month like 2021-04)"),
            new BadRow("INSERT INTO duban_completions (plan_id, task, completed_on) VALUES ('" + PLAN_ID + "', 99, DATE '2021-05-02')",
                    "duban_completions[" + P + ", task=99, completed_on=2021-05-02]", "task",
                    "task 99 is not in the plan 冷优组发〔2021〕3号 "
                            + "(it has tasks 1..19)"),
            new BadRow("INSERT INTO duban_inspections (plan_id, unit, task, kind, on_date) VALUES ('" + PLAN_ID
                    + "', '区不存在局', 9, 'LAGGING', DATE '2021-05-20')",
                    "duban_inspections[" + P + ", unit=区不存在局, task=9, kind=LAGGING, on_date=2021-05-20]", "unit",
                    "unit 区不存在局 is not in the plan 冷优组发〔2021〕3号 (expected a unit id or an alias the plan lists)"),
            new BadRow("INSERT INTO duban_inspections (plan_id, unit, task, kind, on_date) VALUES ('" + PLAN_ID
                    + "', '区住建局', 9, 'LATE', DATE '2021-05-20')",
                    "duban_inspections[" + P + ", unit=区住建局, task=9, kind=LATE, on_date=2021-05-20]", "kind",
                    "\"LATE\" is not an inspection kind (expected one of [WEAK_LEADERSHIP, HOLLOW_MEASURES, LAGGING, "
                            + "PERFUNCTORY, BUCK_PASSING, COMMENDED])"),
            new BadRow("INSERT INTO duban_rectifications (plan_id, unit, task, on_date) VALUES ('" + PLAN_ID
                    + "', '各乡镇', 9, DATE '2021-05-21')",
                    "duban_rectifications[" + P + ", unit=各乡镇, task=9, on_date=2021-05-21]", "unit",
                    "各乡镇 is a group of units; a rectification must name one unit"),
            new BadRow("INSERT INTO duban_extensions (plan_id, task, requested_on, approved_on, new_deadline) VALUES ('" + PLAN_ID
                    + "', 20, DATE '2021-05-01', DATE '2021-05-02', DATE '2021-06-30')",
                    "duban_extensions[" + P + ", task=20, requested_on=2021-05-01, approved_on=2021-05-02, new_deadline=2021-06-30]", "task",
                    "task 20 is not in the plan 冷优组发〔2021〕3号 (it has tasks 1..19)"));

    @Test
    void aBadRowInEachFactTable_namesTableKeyColumnAndExpectation_andNothingIsWritten() throws SQLException {
        for (TestDatabases.Server server : TestDatabases.both()) {
            DataSource ds = JdbcMonthEndIT.sampleDatabase(server);
            DubanJdbc db = DubanJdbc.of(ds, ENGINE);
            db.assess(PLAN_ID, MAY);
            Map<String, Integer> before = SampleTables.counts(ds, PLAN_ID, "2021-05");
            for (BadRow bad : BAD_ROWS) {
                String table = bad.insert().split(" ")[2];
                SampleTables.execute(ds, bad.insert());
                assertThatThrownBy(() -> db.assess(PLAN_ID, MAY)).as("%s %s", server.dialect(), table)
                        .satisfies(t -> assertInput(t, bad.where(), bad.field(), bad.problem()));
                assertThat(db.assessmentJson(PLAN_ID, MAY)).as("the previous results stay whole").hasValue(FROM_FILES.get(3));
                assertThat(SampleTables.counts(ds, PLAN_ID, "2021-05")).isEqualTo(before);
                SampleTables.execute(ds, "DELETE FROM " + table + " WHERE plan_id = '" + PLAN_ID + "' AND (task IN (20, 99) OR "
                        + (table.equals("duban_reports") ? "percent = 130 OR month = '2021-13')"
                        : table.equals("duban_inspections") ? "unit = '区不存在局' OR kind = 'LATE')"
                        : table.equals("duban_rectifications") ? "unit = '各乡镇')" : "1 = 0)"));
            }
            assertThat(AssessmentJsonOf(db.assess(PLAN_ID, MAY))).as("the bad rows gone, the month runs again").isEqualTo(FROM_FILES.get(3));
        }
    }

    static String AssessmentJsonOf(DubanJdbc.MonthEnd m) {
        return io.github.duban.json.AssessmentJson.write(m.assessment());
    }

    @Test
    void viewsOverTheOasOwnTables_areReadLikeTables_andANullDateInThemIsRefused() throws SQLException {
        for (TestDatabases.Server server : TestDatabases.both()) {
            DataSource ds = JdbcMonthEndIT.sampleDatabase(server);
            // the OA keeps its 办结 records in a table of its own, with an id and nullable dates
            SampleTables.execute(ds,
                    "CREATE TABLE oa_banjie (id INTEGER PRIMARY KEY, plan VARCHAR(200), renwu INTEGER, banjie_riqi DATE)",
                    "INSERT INTO oa_banjie SELECT ROW_NUMBER() OVER (ORDER BY task, completed_on), plan_id, task, completed_on FROM duban_completions",
                    "DROP TABLE duban_completions",
                    "CREATE VIEW duban_completions AS SELECT id, plan AS plan_id, renwu AS task, banjie_riqi AS completed_on FROM oa_banjie");
            DubanJdbc db = DubanJdbc.of(ds, ENGINE);
            assertThat(AssessmentJsonOf(db.assess(PLAN_ID, MAY))).isEqualTo(FROM_FILES.get(3));
            SampleTables.execute(ds, "INSERT INTO oa_banjie VALUES (1000, '" + PLAN_ID + "', 9, NULL)");
            assertThatThrownBy(() -> db.assess(PLAN_ID, MAY)).as(server.dialect().name())
                    .satisfies(t -> assertInput(t, "duban_completions[" + P + ", id=1000, task=9, completed_on=null]", "completed_on",
                            "is null (expected a date like 2021-06-05)"));
            assertThat(db.assessmentJson(PLAN_ID, MAY)).hasValue(FROM_FILES.get(3));
            SampleTables.execute(ds, "DELETE FROM oa_banjie WHERE id = 1000");
            // the OA keeps rectifications with a time of day: read by the date part, late in the evening too
            boolean pg = server.dialect() == Dialect.POSTGRESQL;
            SampleTables.execute(ds,
                    "CREATE TABLE oa_zhenggai (plan VARCHAR(200), danwei VARCHAR(200), renwu INTEGER, riqi " + (pg ? "TIMESTAMP" : "DATETIME") + ")",
                    "INSERT INTO oa_zhenggai SELECT plan_id, unit, task, " + (pg ? "on_date + TIME '23:30'" : "ADDTIME(CAST(on_date AS DATETIME), '23:30:00')")
                            + " FROM duban_rectifications",
                    "DROP TABLE duban_rectifications",
                    "CREATE VIEW duban_rectifications AS SELECT plan AS plan_id, danwei AS unit, renwu AS task, riqi AS on_date FROM oa_zhenggai");
            assertThat(AssessmentJsonOf(db.assess(PLAN_ID, MAY))).isEqualTo(FROM_FILES.get(3));
            // a view that leaves out a required column
            SampleTables.execute(ds, "DROP VIEW duban_rectifications",
                    "CREATE VIEW duban_rectifications AS SELECT plan AS plan_id, danwei AS unit, renwu AS task FROM oa_zhenggai");
            assertThatThrownBy(() -> db.assess(PLAN_ID, MAY))
                    .satisfies(t -> assertInput(t, "duban_rectifications", "on_date",
                            "the column is missing (expected the columns of docs/database.md)"));
        }
    }

    @Test
    void twoRunsOfOnePlanMonthAtOnce_waitForEachOther_andLeaveOneCopy() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (TestDatabases.Server server : TestDatabases.both()) {
                DataSource ds = JdbcMonthEndIT.sampleDatabase(server);
                DubanJdbc db = DubanJdbc.of(ds, ENGINE);
                db.assess(PLAN_ID, MAY.minusMonths(1));
                // a first run holds the plan's lock: a second one must wait for it, not write beside it
                try (Connection holder = ds.getConnection()) {
                    holder.setAutoCommit(false);
                    try (PreparedStatement ps = holder.prepareStatement("SELECT plan_id FROM duban_plans WHERE plan_id = ? FOR UPDATE")) {
                        ps.setString(1, PLAN_ID);
                        ps.executeQuery().close();
                    }
                    Future<DubanJdbc.MonthEnd> waiting = pool.submit(() -> db.assess(PLAN_ID, MAY));
                    awaitLockWait(ds, server.dialect());
                    assertThat(waiting).isNotDone();
                    assertThat(SampleTables.counts(ds, PLAN_ID, "2021-05").values()).as("nothing written while it waits").containsOnly(0);
                    holder.rollback();
                    assertThat(AssessmentJsonOf(waiting.get(60, TimeUnit.SECONDS))).isEqualTo(FROM_FILES.get(3));
                }
                Map<String, Integer> once = SampleTables.counts(ds, PLAN_ID, "2021-05");
                // and two at once, with nobody holding the lock
                Future<DubanJdbc.MonthEnd> a = pool.submit(() -> db.assess(PLAN_ID, MAY));
                Future<DubanJdbc.MonthEnd> b = pool.submit(() -> db.assess(PLAN_ID, MAY));
                assertThat(AssessmentJsonOf(a.get(60, TimeUnit.SECONDS))).isEqualTo(FROM_FILES.get(3));
                assertThat(AssessmentJsonOf(b.get(60, TimeUnit.SECONDS))).isEqualTo(FROM_FILES.get(3));
                assertThat(SampleTables.counts(ds, PLAN_ID, "2021-05")).isEqualTo(once);
                assertThat(db.assessmentJson(PLAN_ID, MAY)).hasValue(FROM_FILES.get(3));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits until some transaction of the database waits for a row lock. */
    static void awaitLockWait(DataSource ds, Dialect d) throws SQLException, InterruptedException {
        String sql = d == Dialect.POSTGRESQL
                ? "SELECT COUNT(*) FROM pg_locks WHERE NOT granted"
                : "SELECT COUNT(*) FROM information_schema.innodb_trx WHERE trx_state = 'LOCK WAIT'";
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            while (true) {
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                if (System.nanoTime() > until) {
                    throw new AssertionError("the second run never waited for the plan's lock");
                }
                Thread.sleep(150); // InnoDB refreshes innodb_trx only when it was last read over 0.1 s ago
            }
        }
    }

    @Test
    void aConnectionLostWhileWritingResults_leavesThePreviousResultsWhole() throws SQLException {
        for (TestDatabases.Server server : TestDatabases.both()) {
            DataSource ds = JdbcMonthEndIT.sampleDatabase(server);
            DubanJdbc.of(ds, ENGINE).assess(PLAN_ID, MAY);
            Map<String, Integer> before = SampleTables.counts(ds, PLAN_ID, "2021-05");
            // a new finding changes May; the run that would write it loses its connection half-way through writing
            SampleTables.execute(ds, "INSERT INTO duban_inspections (plan_id, unit, task, kind, on_date) VALUES ('" + PLAN_ID
                    + "', '区住建局', 9, 'LAGGING', DATE '2021-05-20')");
            for (int n : new int[]{3, 12, 14}) {
                KillingDataSource killing = new KillingDataSource(ds, server.dialect(), n);
                assertThatThrownBy(() -> DubanJdbc.of(killing, ENGINE).assess(PLAN_ID, MAY)).as("%s killed at write %d", server.dialect(), n)
                        .isInstanceOfSatisfying(JdbcException.class, e -> {
                            assertThat(e.planId()).isEqualTo(PLAN_ID);
                            assertThat(e.month()).isEqualTo(MAY);
                            assertThat(e.step()).isEqualTo("writing the results");
                            assertThat(e.getCause()).isInstanceOf(SQLException.class);
                        });
                assertThat(killing.writes.get()).isEqualTo(n);
                DubanJdbc db = DubanJdbc.of(ds, ENGINE);
                assertThat(db.assessmentJson(PLAN_ID, MAY)).hasValue(FROM_FILES.get(3));
                assertThat(SampleTables.counts(ds, PLAN_ID, "2021-05")).isEqualTo(before);
            }
            String after = AssessmentJsonOf(DubanJdbc.of(ds, ENGINE).assess(PLAN_ID, MAY));
            assertThat(after).isNotEqualTo(FROM_FILES.get(3)).contains("工作推进滞后");
        }
    }

    /**
     * A DataSource whose connections are killed by the database server (pg_terminate_backend, KILL)
     * from a second connection just before their n-th writing statement.
     */
    static final class KillingDataSource extends DelegatingDataSource {
        final DataSource real;
        final Dialect dialect;
        final int killAt;
        final AtomicInteger writes = new AtomicInteger();

        KillingDataSource(DataSource real, Dialect dialect, int killAt) {
            super(real);
            this.real = real;
            this.dialect = dialect;
            this.killAt = killAt;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection c = real.getConnection();
            long id;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(dialect == Dialect.POSTGRESQL ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()")) {
                rs.next();
                id = rs.getLong(1);
            }
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class}, (proxy, m, args) -> {
                Object r = invoke(c, m, args);
                if (r instanceof PreparedStatement ps) {
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{PreparedStatement.class}, (p2, m2, a2) -> {
                        String name = m2.getName();
                        if (name.equals("executeUpdate") || name.equals("executeBatch")) {
                            if (writes.incrementAndGet() == killAt) {
                                kill(id);
                            }
                        }
                        return invoke(ps, m2, a2);
                    });
                }
                return r;
            });
        }

        private void kill(long id) throws SQLException {
            try (Connection k = real.getConnection(); Statement s = k.createStatement()) {
                if (dialect == Dialect.POSTGRESQL) {
                    try (ResultSet rs = s.executeQuery("SELECT pg_terminate_backend(" + id + ")")) {
                        rs.next();
                    }
                    // wait until the backend is gone
                    for (int i = 0; i < 500; i++) {
                        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = " + id)) {
                            rs.next();
                            if (rs.getInt(1) == 0) {
                                break;
                            }
                        }
                        Thread.sleep(10);
                    }
                } else {
                    s.execute("KILL CONNECTION " + id);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
            try {
                return m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    /** A DataSource that hands out another's connections; subclasses wrap them. */
    abstract static class DelegatingDataSource implements DataSource {
        private final DataSource target;

        DelegatingDataSource(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection(String user, String password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.io.PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return java.util.logging.Logger.getLogger("duban.test");
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return target.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return target.isWrapperFor(iface);
        }
    }
}

package io.github.duban.jdbc;

import io.github.duban.error.JdbcException;

import io.github.duban.engine.Duban;
import io.github.duban.model.Facts;
import io.github.duban.model.Plan;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.Ledger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Month-end over an OA system's database (docs/database.md): reads one plan-month's facts from the
 * fact tables (or views), assesses it with the ledger the month before left in
 * {@code duban_ledgers}, and writes every part of the assessment into the result tables in one
 * transaction that replaces that plan-month whole. The tables must be at schema version
 * {@link Dialect#VERSION}: a database at an older version is refused with a
 * {@link io.github.duban.error.SchemaVersionException} naming the command that prints its upgrade.
 * The plan's row in {@code duban_plans} is locked ({@code SELECT … FOR UPDATE}) for the whole
 * transaction, so two runs of one plan wait for each
 * other instead of interleaving. Every value is a bound parameter. JDBC only; the driver and the
 * {@link DataSource} are the application's. Thread-safe.
 *
 * <pre>{@code
 * DubanJdbc db = DubanJdbc.of(dataSource, Duban.builder().plan(PlanJson.embedded()).build());   // the policy and rules; plans come from duban_plans
 * Assessment may = db.assess("lengshuitan-2021", YearMonth.of(2021, 5)).assessment();
 * }</pre>
 */
public final class DubanJdbc {

    private static final Logger LOG = LoggerFactory.getLogger(DubanJdbc.class);

    private final DataSource dataSource;
    private final Supplier<Duban> engine;

    private DubanJdbc(DataSource dataSource, Supplier<Duban> engine) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /**
     * Runs on {@code engine}'s policy, rules and calendar; each plan comes from {@code duban_plans}.
     * Pass {@code runtime::current} of a {@link io.github.duban.engine.DubanRuntime} to follow hot swaps:
     * each run takes the engine in force when it starts.
     */
    public static DubanJdbc of(DataSource dataSource, Supplier<Duban> engine) {
        return new DubanJdbc(dataSource, engine);
    }

    /** As {@link #of(DataSource, Supplier)} with one fixed engine. */
    public static DubanJdbc of(DataSource dataSource, Duban engine) {
        Objects.requireNonNull(engine, "engine");
        return new DubanJdbc(dataSource, () -> engine);
    }

    /**
     * One plan-month done: the assessment written, and the month the ledger was replayed from when
     * {@code duban_ledgers} held none for the month before (null when it was read from there).
     * Immutable and thread-safe.
     */
    public record MonthEnd(String planId, Assessment assessment, YearMonth replayedFrom) {
        /** Checks that the plan id and the assessment are given. */
        public MonthEnd {
            Objects.requireNonNull(planId, "planId");
            Objects.requireNonNull(assessment, "assessment");
        }
    }

    /**
     * One plan of {@link #assessAll}: done, or the one-line reason it failed and whether that was
     * bad input (a bad row, an unknown plan, a month outside its window) rather than the database.
     * Immutable and thread-safe.
     */
    public record PlanRun(String planId, MonthEnd done, String error, boolean badInput) {
        /**
         * Checks that the plan id is given and that the run is either done or failed, never both.
         *
         * @throws IllegalArgumentException when {@code done} and {@code error} are both given or both null
         */
        public PlanRun {
            Objects.requireNonNull(planId, "planId");
            if ((done == null) == (error == null)) {
                throw new IllegalArgumentException("a plan run is either done or failed");
            }
        }

        /** True when the plan-month was assessed and written; false when {@link #error()} says why not. */
        public boolean ok() {
            return done != null;
        }
    }

    /** Assesses {@code month} of {@code planId} as of the month's last day and writes the results. */
    public MonthEnd assess(String planId, YearMonth month) {
        return assess(planId, month, null);
    }

    /**
     * Assesses {@code month} of {@code planId} as of {@code asOf} (null: the month's last day) and
     * replaces that plan-month in the result tables, in one transaction.
     *
     * @throws io.github.duban.error.InputException for an unknown plan, a bad row (table, row key, column,
     *         what was expected), or a month or date that does not fit the plan; nothing is written
     * @throws JdbcException when the database fails; nothing is written
     * @throws io.github.duban.error.SchemaVersionException when the duban tables are at another schema
     *         version (which one, and the command that prints the upgrade); nothing is read or written
     */
    public MonthEnd assess(String planId, YearMonth month, LocalDate asOf) {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(month, "month");
        return inPlanTransaction(planId, month, (c, dialect, plan, duban, step) -> {
            Ledger previous = null;
            YearMonth replayedFrom = null;
            YearMonth first = plan.reporting().from();
            boolean afterFirst = month.isAfter(first) && plan.reporting().covers(month);
            if (afterFirst) {
                step[0] = "reading the ledger of " + month.minusMonths(1);
                previous = ResultTables.ledger(c, planId, month.minusMonths(1)).orElse(null);
            }
            step[0] = "reading the facts";
            Facts facts = FactTables.read(c, planId, plan);
            if (afterFirst && previous == null) {
                List<Assessment> before = duban.replay(first, month.minusMonths(1), facts);
                previous = before.get(before.size() - 1).ledger();
                replayedFrom = first;
                LOG.info("{} {}: no ledger of {} in duban_ledgers; replayed {}..{} to make it", planId, month,
                        month.minusMonths(1), first, month.minusMonths(1));
            }
            Assessment a = duban.assess(month, asOf, facts, previous);
            step[0] = "writing the results";
            ResultTables.replace(c, dialect, planId, a);
            return new MonthEnd(planId, a, replayedFrom);
        }, r -> LOG.info("{} {} as of {}: {} findings, {} sanctions, {} units scored, written", planId, r.assessment().period(),
                r.assessment().asOf(), r.assessment().findings().size(), r.assessment().sanctions().size(), r.assessment().scores().size()));
    }

    /**
     * Assesses {@code month} of every plan in {@code duban_plans}, {@code threads} at a time, each
     * in its own transaction; a plan that fails is reported and the others go on. In plan id order.
     */
    public List<PlanRun> assessAll(YearMonth month, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads + " is below 1");
        }
        List<String> ids = planIds();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, ids.size())));
        try {
            List<Future<MonthEnd>> futures = new ArrayList<>();
            for (String id : ids) {
                futures.add(pool.submit(() -> assess(id, month)));
            }
            List<PlanRun> out = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                try {
                    out.add(new PlanRun(ids.get(i), futures.get(i).get(), null, false));
                } catch (ExecutionException e) {
                    Throwable t = e.getCause();
                    LOG.warn("{} {} failed: {}", ids.get(i), month, t.getMessage());
                    out.add(new PlanRun(ids.get(i), null, t.getMessage() == null ? t.toString() : t.getMessage(),
                            t instanceof IllegalArgumentException || t instanceof io.github.duban.error.InputException));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while assessing " + ids.get(i), e);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One plan's reminders of a day (催办), written: the plan, the date and the reminders
     * {@link Duban#reminders(LocalDate, Facts, Ledger)} concluded, or the one-line reason the plan
     * failed and whether that was bad input rather than the database. Immutable and thread-safe.
     */
    public record Reminded(String planId, LocalDate date, List<io.github.duban.outcome.Reminder> reminders, String error,
                           boolean badInput) {
        /**
         * Checks that the plan id and the date are given and that the reminders were either drawn or failed, never
         * both; copies the reminders.
         *
         * @throws IllegalArgumentException when {@code reminders} and {@code error} are both given or both null
         */
        public Reminded {
            Objects.requireNonNull(planId, "planId");
            Objects.requireNonNull(date, "date");
            if ((reminders == null) == (error == null)) {
                throw new IllegalArgumentException("a plan's reminders are either drawn or failed");
            }
            reminders = reminders == null ? null : List.copyOf(reminders);
        }

        /** True when the reminders were drawn and written; false when {@link #error()} says why not. */
        public boolean ok() {
            return error == null;
        }
    }

    /**
     * Draws the reminders of {@code date} for {@code planId} from its fact tables and the ledger the
     * month before left in {@code duban_ledgers} (replayed from the window's first month when there
     * is none), and replaces that plan-date's rows of {@code duban_reminders} with them in one
     * transaction: a rerun leaves one copy. The plan's row is locked as {@link #assess} locks it.
     *
     * @return the reminders written, in their fixed order
     * @throws io.github.duban.error.InputException for an unknown plan, a bad row, or a date outside the plan's window; nothing is written
     * @throws JdbcException when the database fails; nothing is written
     * @throws io.github.duban.error.SchemaVersionException when the duban tables are at another schema version
     */
    public List<io.github.duban.outcome.Reminder> remind(String planId, LocalDate date) {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(date, "date");
        YearMonth month = YearMonth.from(date);
        return inPlanTransaction(planId, month, (c, dialect, plan, duban, step) -> {
            YearMonth first = plan.reporting().from();
            boolean afterFirst = month.isAfter(first) && plan.reporting().covers(month);
            Ledger previous = null;
            if (afterFirst) {
                step[0] = "reading the ledger of " + month.minusMonths(1);
                previous = ResultTables.ledger(c, planId, month.minusMonths(1)).orElse(null);
            }
            step[0] = "reading the facts";
            Facts facts = FactTables.read(c, planId, plan);
            List<io.github.duban.outcome.Reminder> reminders = previous != null || !afterFirst
                    ? duban.reminders(date, facts, previous) : duban.reminders(date, facts);
            step[0] = "writing the reminders";
            ResultTables.replaceReminders(c, planId, date, reminders, duban.fingerprint());
            return reminders;
        }, r -> LOG.info("{} {}: {} reminders written", planId, date, r.size()));
    }

    /** A plan's work inside its transaction; {@code step[0]} names what it is doing, for the error if the database fails. */
    private interface PlanWork<T> {
        T run(Connection c, Dialect dialect, Plan plan, Duban duban, String[] step) throws SQLException;
    }

    /**
     * Runs {@code work} on {@code planId} in one READ COMMITTED transaction of a connection of its
     * own: the schema version checked, the plan's row locked and read, an engine for the plan built;
     * committed when the work returns (then {@code done} is told), rolled back on any failure, the
     * connection's auto-commit restored.
     */
    private <T> T inPlanTransaction(String planId, YearMonth month, PlanWork<T> work, java.util.function.Consumer<T> done) {
        Duban template = engine.get();
        String[] step = {"connecting"};
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                Dialect dialect = Dialect.of(c);
                step[0] = "reading the schema version";
                dialect.requireCurrent(c);
                step[0] = "locking the plan";
                Plan plan = FactTables.lockPlan(c, planId);
                Duban duban = template.toBuilder().plan(plan).build();
                T result = work.run(c, dialect, plan, duban, step);
                c.commit();
                done.accept(result);
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            } finally {
                restore(c, autoCommit);
            }
        } catch (SQLException e) {
            throw new JdbcException(planId, month, step[0], e);
        }
    }

    /**
     * The reminders of {@code date} for every plan in {@code duban_plans}, each plan in its own
     * transaction as {@link #remind(String, LocalDate)}, as many plans at once as there are cores;
     * a plan that fails is reported and the others go on. In plan id order. Made to be called from
     * a scheduled job each working day.
     */
    public List<Reminded> remind(LocalDate date) {
        return remind(date, Runtime.getRuntime().availableProcessors());
    }

    /** As {@link #remind(LocalDate)}, {@code threads} plans at a time. */
    public List<Reminded> remind(LocalDate date, int threads) {
        Objects.requireNonNull(date, "date");
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads + " is below 1");
        }
        List<String> ids = planIds();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, ids.size())));
        try {
            List<Future<List<io.github.duban.outcome.Reminder>>> futures = new ArrayList<>();
            for (String id : ids) {
                futures.add(pool.submit(() -> remind(id, date)));
            }
            List<Reminded> out = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                try {
                    out.add(new Reminded(ids.get(i), date, futures.get(i).get(), null, false));
                } catch (ExecutionException e) {
                    Throwable t = e.getCause();
                    LOG.warn("{} {} reminders failed: {}", ids.get(i), date, t.getMessage());
                    out.add(new Reminded(ids.get(i), date, null, t.getMessage() == null ? t.toString() : t.getMessage(),
                            t instanceof IllegalArgumentException || t instanceof io.github.duban.error.InputException));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while drawing the reminders of " + ids.get(i), e);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** What {@link #load} wrote: the plan id and the rows put into each fact table. */
    public record Loaded(String planId, int reports, int completions, int extensions, int inspections, int rectifications) {
    }

    /**
     * Puts {@code plan} into {@code duban_plans} under {@code planId} (replacing the plan of that id)
     * and, when {@code facts} is not null, replaces the plan's rows in the fact tables with them, all
     * in one transaction: loading twice leaves one copy of every row. With {@code facts} null the
     * plan's fact rows are left as they are.
     *
     * @throws JdbcException when the database fails; nothing is written
     * @throws io.github.duban.error.SchemaVersionException when the duban tables are at another schema version
     */
    public Loaded load(String planId, Plan plan, Facts facts) {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(plan, "plan");
        if (planId.isBlank()) {
            throw new IllegalArgumentException("the plan id is blank");
        }
        String step = "connecting";
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                Dialect dialect = Dialect.of(c);
                step = "reading the schema version";
                dialect.requireCurrent(c);
                step = "writing the plan";
                FactTables.putPlan(c, planId, plan);
                Loaded loaded = new Loaded(planId, 0, 0, 0, 0, 0);
                if (facts != null) {
                    step = "writing the facts";
                    loaded = FactTables.replaceFacts(c, planId, facts);
                }
                c.commit();
                LOG.info("{}: plan loaded{}", planId, facts == null ? "" : " with " + loaded);
                return loaded;
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            } finally {
                restore(c, autoCommit);
            }
        } catch (SQLException e) {
            throw new JdbcException("plan " + planId + ": " + step + " failed: " + e.getMessage(), e);
        }
    }

    /** A plan as {@code duban_plans} holds it and its facts as the fact tables hold them, read in one transaction. */
    public record PlanFacts(String planId, Plan plan, Facts facts) {
    }

    /**
     * Reads the plan {@code planId} and its facts, without locking or writing anything.
     *
     * @throws io.github.duban.error.InputException for an unknown plan or a bad row
     * @throws JdbcException when the database fails
     */
    public PlanFacts read(String planId) {
        Objects.requireNonNull(planId, "planId");
        try (Connection c = dataSource.getConnection()) {
            Dialect.of(c).requireCurrent(c);
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                Plan plan = FactTables.readPlan(c, planId, false);
                Facts facts = FactTables.read(c, planId, plan);
                c.commit();
                return new PlanFacts(planId, plan, facts);
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            } finally {
                restore(c, autoCommit);
            }
        } catch (SQLException e) {
            throw new JdbcException("plan " + planId + ": reading the plan and its facts failed: " + e.getMessage(), e);
        }
    }

    /** Every plan id in {@code duban_plans}, in Unicode order. */
    public List<String> planIds() {
        try (Connection c = dataSource.getConnection()) {
            Dialect.of(c).requireCurrent(c);
            return FactTables.planIds(c);
        } catch (SQLException e) {
            throw new JdbcException("reading duban_plans failed: " + e.getMessage(), e);
        }
    }

    /** assessment.json of a plan-month as the result tables hold it (rebuilt from their rows); empty if never assessed. */
    public Optional<String> assessmentJson(String planId, YearMonth period) {
        try (Connection c = dataSource.getConnection()) {
            Dialect d = Dialect.of(c);
            d.requireCurrent(c);
            return ResultTables.assessmentJson(c, d, planId, period);
        } catch (SQLException e) {
            throw new JdbcException(planId, period, "reading the results", e);
        }
    }

    /** The ledger a plan-month left in {@code duban_ledgers}, if it was assessed. */
    public Optional<Ledger> ledger(String planId, YearMonth period) {
        try (Connection c = dataSource.getConnection()) {
            Dialect.of(c).requireCurrent(c);
            return ResultTables.ledger(c, planId, period);
        } catch (SQLException e) {
            throw new JdbcException(planId, period, "reading the ledger", e);
        }
    }

    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException r) {
            cause.addSuppressed(r);
        }
    }

    private static void restore(Connection c, boolean autoCommit) {
        try {
            if (!c.isClosed()) {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            LOG.debug("could not restore auto-commit: {}", e.getMessage());
        }
    }
}

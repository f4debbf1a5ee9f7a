package io.github.duban.cli;

import io.github.duban.engine.Duban;
import io.github.duban.jdbc.DubanJdbc;
import io.github.duban.error.JdbcException;
import io.github.duban.error.SchemaVersionException;
import io.github.duban.json.PlanJson;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * The database mode of {@code duban assess}: {@code --jdbc URL [--user U --password-env VAR]
 * --plan-id ID | --all-plans}. Facts come from the fact tables, results go to the result tables
 * (docs/database.md). The password is taken only from the environment variable named, and is
 * never printed.
 */
final class JdbcAssess extends JdbcTarget {

    @Option(names = "--all-plans", description = "every plan in duban_plans, each in its own transaction (with --jdbc)")
    boolean allPlans;

    boolean active() {
        return url != null || planId != null || allPlans || password != null || user != null || passwordEnv != null;
    }

    int call(CommandSpec spec, Inputs inputs, YearMonth month, LocalDate asOf, Path ledger, Path out, int threadsAsked) {
        int threads = threadsAsked == 0 ? Runtime.getRuntime().availableProcessors() : threadsAsked;
        PrintWriter err = spec.commandLine().getErr();
        if (password != null) {
            throw new IllegalArgumentException("--password is not accepted on the command line: put the password in an "
                    + "environment variable and name it with --password-env");
        }
        if (url == null) {
            throw new IllegalArgumentException("--plan-id, --all-plans, --user and --password-env need --jdbc URL");
        }
        if (inputs.facts != null || inputs.plan != null || ledger != null || out != null) {
            throw new IllegalArgumentException("--jdbc reads facts, plans and ledgers from the database and writes results there: "
                    + "drop --facts, --plan, --ledger and --out");
        }
        if ((planId == null) == !allPlans) {
            throw new IllegalArgumentException("--jdbc needs exactly one of --plan-id ID and --all-plans");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads " + threads + " is below 1");
        }
        String secret = password();
        Duban engine = inputs.engine(PlanJson.embedded());
        DubanJdbc db = DubanJdbc.of(new DriverDataSource(url, user, secret), engine);
        try {
            if (planId != null) {
                DubanJdbc.MonthEnd done = asOf == null ? db.assess(planId, month) : db.assess(planId, month, asOf);
                err.println(line(done));
                return 0;
            }
            if (asOf != null) {
                throw new IllegalArgumentException("--as-of goes with --plan-id; --all-plans assesses each plan as of the month's last day");
            }
            List<DubanJdbc.PlanRun> runs = db.assessAll(month, threads);
            int failed = 0;
            boolean onlyBadInput = true;
            for (DubanJdbc.PlanRun r : runs) {
                if (r.ok()) {
                    err.println(line(r.done()));
                } else {
                    failed++;
                    onlyBadInput &= r.badInput();
                    err.println("duban: plan " + r.planId() + " " + month + " failed: " + masked(String.valueOf(r.error())));
                }
            }
            err.println("duban: " + month + ": " + (runs.size() - failed) + " of " + runs.size() + " plans assessed"
                    + (failed > 0 ? ", " + failed + " failed" : ""));
            return failed == 0 ? 0 : onlyBadInput ? 2 : 1;
        } catch (JdbcException | SchemaVersionException e) {
            err.println("duban: " + masked(e.getMessage()));
            return 1;
        }
    }

    /**
     * The database mode of {@code duban remind}: the reminders of {@code date} of one plan or of
     * every plan, written to {@code duban_reminders} (a rerun replaces the plan-date's rows).
     */
    int remind(CommandSpec spec, Inputs inputs, LocalDate date, Path ledger, Path out, Path plans, int threadsAsked) {
        int threads = threadsAsked == 0 ? Runtime.getRuntime().availableProcessors() : threadsAsked;
        PrintWriter err = spec.commandLine().getErr();
        if (password != null) {
            throw new IllegalArgumentException("--password is not accepted on the command line: put the password in an "
                    + "environment variable and name it with --password-env");
        }
        if (url == null) {
            throw new IllegalArgumentException("--plan-id, --all-plans, --user and --password-env need --jdbc URL");
        }
        if (inputs.facts != null || inputs.plan != null || ledger != null || out != null || plans != null) {
            throw new IllegalArgumentException("--jdbc reads facts, plans and ledgers from the database and writes the reminders there: "
                    + "drop --facts, --plan, --plans, --ledger and --out");
        }
        if ((planId == null) == !allPlans) {
            throw new IllegalArgumentException("--jdbc needs exactly one of --plan-id ID and --all-plans");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads " + threads + " is below 1");
        }
        String secret = password();
        DubanJdbc db = DubanJdbc.of(new DriverDataSource(url, user, secret), inputs.engine(PlanJson.embedded()));
        try {
            if (planId != null) {
                err.println(remindLine(planId, date, db.remind(planId, date)));
                return 0;
            }
            List<DubanJdbc.Reminded> runs = db.remind(date, threads);
            int failed = 0;
            boolean onlyBadInput = true;
            for (DubanJdbc.Reminded r : runs) {
                if (r.ok()) {
                    err.println(remindLine(r.planId(), date, r.reminders()));
                } else {
                    failed++;
                    onlyBadInput &= r.badInput();
                    err.println("duban: plan " + r.planId() + " " + date + " failed: " + r.error());
                }
            }
            err.println("duban: " + date + ": reminders of " + (runs.size() - failed) + " of " + runs.size() + " plans written"
                    + (failed > 0 ? ", " + failed + " failed" : ""));
            return failed == 0 ? 0 : onlyBadInput ? 2 : 1;
        } catch (JdbcException | SchemaVersionException e) {
            err.println("duban: " + e.getMessage());
            return 1;
        }
    }

    private static String remindLine(String planId, LocalDate date, List<io.github.duban.outcome.Reminder> rs) {
        return "duban: plan " + planId + " " + date + ": " + rs.size() + (rs.size() == 1 ? " reminder (" : " reminders (")
                + rs.stream().filter(r -> io.github.duban.outcome.Reminder.PRESS.equals(r.level())).count()
                + " to responsible leaders) → duban_reminders";
    }

    private static String line(DubanJdbc.MonthEnd m) {
        var a = m.assessment();
        return "duban: plan " + m.planId() + " " + a.period() + " as of " + a.asOf() + ": " + a.findings().size() + " findings, "
                + a.sanctions().size() + " sanctions, " + a.scores().size() + " units scored → result tables"
                + (m.replayedFrom() != null ? " (no ledger of " + a.period().minusMonths(1) + " in duban_ledgers: replayed from "
                + m.replayedFrom() + ")" : "");
    }

    /** The URL with any password in it shown as {@code ***}. */
    static String masked(String url) {
        if (url == null) {
            return null;
        }
        String s = SECRET_PARAMETER.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(s).replaceAll("$1***@");
    }

    /** {@code password=…}, {@code pwd=…} and the like, up to the next {@code & ; ,} or space. */
    private static final java.util.regex.Pattern SECRET_PARAMETER = java.util.regex.Pattern.compile(
            "(?i)((?:password|passwd|pwd|secret|token)\\s*=\\s*)[^&;,\\s)]*");

    /** {@code //user:secret@host}. */
    private static final java.util.regex.Pattern USER_INFO = java.util.regex.Pattern.compile("(//[^/:@\\s]*:)[^/@\\s]*@");

    /** Connections straight from the JDBC driver of the URL. */
    static final class DriverDataSource implements DataSource {
        private final String url;
        private final Properties properties = new Properties();

        DriverDataSource(String url, String user, String password) {
            this.url = url;
            if (user != null) {
                properties.setProperty("user", user);
            }
            if (password != null) {
                properties.setProperty("password", password);
            }
        }

        @Override
        public Connection getConnection() throws SQLException {
            try {
                return DriverManager.getConnection(url, properties);
            } catch (SQLException e) {
                // drivers (and DriverManager's "No suitable driver found for URL") echo the URL: never its password
                SQLException shown = new SQLException(masked(e.getMessage()), e.getSQLState(), e.getErrorCode());
                shown.setStackTrace(e.getStackTrace());
                throw shown;
            }
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException("the user is given with --user");
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
            DriverManager.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() {
            return DriverManager.getLoginTimeout();
        }

        @Override
        public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}

package io.github.duban.cli;

import picocli.CommandLine.Option;

import javax.sql.DataSource;
import java.util.function.UnaryOperator;

/**
 * The options that name a database and one plan in it: {@code --jdbc URL [--user U]
 * [--password-env VAR] --plan-id ID}. The password is taken only from the environment variable
 * named, and is never printed. {@code duban sql load} takes these; {@code assess} and
 * {@code remind} add {@code --all-plans} ({@link JdbcAssess}).
 */
class JdbcTarget {

    /** Reads an environment variable; replaced in tests. */
    static UnaryOperator<String> environment = System::getenv;

    @Option(names = "--jdbc", paramLabel = "URL", description = {"read from and write into a database (docs/database.md), e.g.",
            "jdbc:postgresql://host:5432/oa or jdbc:mariadb://host:3306/oa"})
    String url;

    @Option(names = "--user", paramLabel = "U", description = "the database user (with --jdbc)")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", description = "the environment variable holding the database password (with --jdbc)")
    String passwordEnv;

    @Option(names = "--password", hidden = true, paramLabel = "P")
    String password;

    @Option(names = "--plan-id", paramLabel = "ID", description = "the plan_id of the plan in duban_plans (with --jdbc)")
    String planId;

    /** The password from the variable --password-env names; null without --password-env. */
    String password() {
        return passwordFrom(passwordEnv);
    }

    /**
     * The value of the environment variable {@code variable} (null: no variable named, no password).
     *
     * @throws IllegalArgumentException when the variable named is not set
     */
    static String passwordFrom(String variable) {
        if (variable == null) {
            return null;
        }
        String secret = environment.apply(variable);
        if (secret == null) {
            throw new IllegalArgumentException("the environment variable " + variable + " named by --password-env is not set");
        }
        return secret;
    }

    /**
     * The database of {@code --jdbc} for {@code duban sql load}: --plan-id is required; the
     * password only from the variable named by --password-env.
     */
    DataSource loadTarget() {
        if (password != null) {
            throw new IllegalArgumentException("--password is not accepted on the command line: put the password in an "
                    + "environment variable and name it with --password-env");
        }
        if (url == null) {
            throw new IllegalArgumentException("sql load needs --jdbc URL");
        }
        if (planId == null) {
            throw new IllegalArgumentException("sql load needs --plan-id ID (the plan_id to load the plan under)");
        }
        String secret = password();
        return new JdbcAssess.DriverDataSource(url, user, secret);
    }
}

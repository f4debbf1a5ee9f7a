package io.github.duban.cli;

import io.github.duban.jdbc.Dialect;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/**
 * {@code duban sql schema --dialect postgresql|mysql}: the DDL of the SQL contract;
 * {@code duban sql schema --from 1 --dialect …}: the statements that upgrade a database at that schema version.
 */
@Command(name = "sql", mixinStandardHelpOptions = true, description = "The SQL contract (docs/database.md).",
        subcommands = {SqlCommand.Schema.class})
final class SqlCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** {@code duban sql} alone names no command: a usage error (exit 2). */
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "no sql command given; the commands are listed below");
    }

    @Command(name = "schema", mixinStandardHelpOptions = true,
            description = {"Print the DDL of the facts and results tables, at schema version " + Dialect.VERSION
                    + " (a new database is recorded at it in duban_schema_version).",
                "With --from VERSION: print instead the ALTER/CREATE statements that bring a database at that schema "
                    + "version to version " + Dialect.VERSION + " (a database made before versions were recorded is at 1). "
                    + "duban refuses to run on a database at an older version until they have been applied.",
                "Examples:",
                "  duban sql schema --dialect postgresql > duban.sql",
                "  duban sql schema --from 1 --dialect mysql > duban-upgrade.sql"})
    static final class Schema implements Callable<Integer> {
        @Option(names = "--dialect", required = true, paramLabel = "postgresql|mysql",
                description = "postgresql (also KingbaseES, openGauss) or mysql (also MariaDB)")
        String dialect;

        @Option(names = "--from", paramLabel = "VERSION",
                description = "the schema version the database is at (see duban_schema_version; 1 when that table is missing)")
        Integer from;

        @Override
        public Integer call() {
            Dialect d = Dialect.named(dialect);
            if (from != null && from == Dialect.VERSION) {
                CliJson.print(System.out, "-- schema version " + from + " is the current version: nothing to upgrade\n");
            } else {
                CliJson.print(System.out, from == null ? d.schema() : d.upgrade(from));
            }
            return 0;
        }
    }
}

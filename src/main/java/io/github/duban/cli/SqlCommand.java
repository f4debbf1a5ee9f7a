package io.github.duban.cli;

import io.github.duban.jdbc.Dialect;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.github.duban.jdbc.DubanJdbc;
import io.github.duban.json.FactsJson;
import io.github.duban.json.PlanJson;
import io.github.duban.model.Facts;
import io.github.duban.model.Plan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code duban sql schema --dialect postgresql|mysql}: the DDL of the SQL contract;
 * {@code duban sql schema --from 1 --dialect …}: the statements that upgrade a database at that schema version;
 * {@code duban sql load --jdbc URL --plan FILE --plan-id ID [--facts DIR]}: a plan and its facts files into the fact tables.
 */
@Command(name = "sql", mixinStandardHelpOptions = true, description = "The SQL contract (docs/database.md).",
        subcommands = {SqlCommand.Schema.class, SqlCommand.Load.class})
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

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = {"Put a plan file into duban_plans under --plan-id and, with --facts, the facts files of a directory "
                    + "into the fact tables (duban_reports, duban_completions, duban_extensions, duban_inspections, "
                    + "duban_rectifications), in one transaction. The plan's row is replaced and, with --facts, its fact rows are "
                    + "deleted before the files' rows go in: loading twice leaves one copy of every row. The files are read and "
                    + "checked as assess --facts reads them; nothing is written when one is wrong.",
                "Examples:",
                "  duban sql load --jdbc jdbc:postgresql://db:5432/oa --user duban --password-env DUBAN_DB_PASSWORD \\",
                "      --plan plan.json --plan-id lengshuitan-2021 --facts facts/2021"})
    static final class Load implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        JdbcTarget jdbc = new JdbcTarget();

        @Option(names = "--plan", required = true, paramLabel = "FILE", description = "the plan JSON to put into duban_plans")
        Path plan;

        @Option(names = "--facts", paramLabel = "DIR",
                description = "the facts directory (*.jsonl) whose rows replace the plan's rows in the fact tables")
        Path facts;

        @Override
        public Integer call() {
            javax.sql.DataSource ds = jdbc.loadTarget();
            Plan p = PlanJson.read(plan);
            if (facts != null && !Files.isDirectory(facts)) {
                throw new io.github.duban.error.InputException(facts.toString(), 0, null, "is not a directory (expected the facts files, *.jsonl)");
            }
            Facts f = facts == null ? null : FactsJson.read(facts, p);
            DubanJdbc.Loaded done = DubanJdbc.of(ds, () -> io.github.duban.engine.Duban.builder().plan(p).build()).load(jdbc.planId, p, f);
            spec.commandLine().getErr().println("duban: plan " + done.planId() + " → duban_plans"
                    + (f == null ? "" : "; " + done.reports() + " reports, " + done.completions() + " completions, "
                    + done.extensions() + " extensions, " + done.inspections() + " inspections, " + done.rectifications()
                    + " rectifications → fact tables (the plan's earlier rows replaced)"));
            return 0;
        }
    }
}

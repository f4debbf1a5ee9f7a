package io.github.duban.cli;

import io.github.duban.jdbc.Dialect;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code duban sql schema --dialect postgresql|mysql}: the DDL of the SQL contract. */
@Command(name = "sql", mixinStandardHelpOptions = true, description = "The SQL contract (docs/database.md).",
        subcommands = {SqlCommand.Schema.class})
final class SqlCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "schema", mixinStandardHelpOptions = true, description = "Print the DDL of the facts and results tables.")
    static final class Schema implements Callable<Integer> {
        @Option(names = "--dialect", required = true, paramLabel = "postgresql|mysql",
                description = "postgresql (also KingbaseES, openGauss) or mysql (also MariaDB)")
        String dialect;

        @Override
        public Integer call() {
            CliJson.print(System.out, Dialect.named(dialect).schema());
            return 0;
        }
    }
}

package io.github.duban.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** {@code duban}: the command line. Exit codes: 0 done, 2 bad input (nothing written), 1 anything else. */
@Command(name = "duban", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "督办: assess a supervision plan's month, escalate and score its units, and remind them of what they owe.",
        subcommands = {PlanCommand.class, PolicyCommand.class, AssessCommand.class, RemindCommand.class, ReplayCommand.class, DemoCommand.class, ExplainCommand.class, ServeCommand.class,
                RulesCommand.class, ImportCommand.class, DeadlineCommand.class, SqlCommand.class, GenerateCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String... args) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        Logging.quiet();
        if (args.length > 0 && RULES_COMMANDS.contains(args[0])) {
            // the built-in rules load on a second core while the command reads its plan and facts
            io.github.duban.engine.Ruleset.preloadBuiltIn();
        }
        CommandLine cli = command();
        return cli.execute(args);
    }

    /** The commands that assess, and so need the built-in rules. */
    private static final java.util.Set<String> RULES_COMMANDS = java.util.Set.of("assess", "remind", "replay", "demo", "explain");

    static CommandLine command() {
        CommandLine cli = new CommandLine(new Main());
        cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(new Version()));
        // --facts is required unless --plans or --jdbc is given; the commands without those say less
        for (CommandLine sub : cli.getSubcommands().values()) {
            CommandLine.Model.CommandSpec s = sub.getCommandSpec();
            CommandLine.Model.OptionSpec facts = s.findOption("--facts");
            if (facts != null && s.findOption("--plans") == null && s.findOption("--jdbc") == null) {
                s.remove(facts);
                s.addOption(facts.toBuilder().description("the facts directory (*.jsonl, optional plan.json)").build());
            }
        }
        cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cli.setExecutionExceptionHandler(new Failures());
        cli.registerConverter(java.time.YearMonth.class, Main::month);
        cli.registerConverter(java.time.LocalDate.class, Main::date);
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("duban: " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return 2;
        });
        return cli;
    }

    /** A month as YYYY-MM, said in plain words when it is not one (never java.time's message). */
    static java.time.YearMonth month(String text) {
        String t = text.strip();
        if (t.matches("\\d{4}-\\d{2}")) {
            int m = Integer.parseInt(t.substring(5));
            if (m >= 1 && m <= 12) {
                return java.time.YearMonth.of(Integer.parseInt(t.substring(0, 4)), m);
            }
            throw new CommandLine.TypeConversionException("'" + text + "' has no month " + t.substring(5)
                    + ": expected YYYY-MM, a month 01..12 (such as 2021-02)");
        }
        throw new CommandLine.TypeConversionException("'" + text + "' is not a month: expected YYYY-MM, a four-digit year and a month 01..12 (such as 2021-02)");
    }

    /** A date as YYYY-MM-DD, said in plain words when it is not one. */
    static java.time.LocalDate date(String text) {
        String t = text.strip();
        if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return java.time.LocalDate.parse(t);
            } catch (java.time.DateTimeException e) {
                throw new CommandLine.TypeConversionException("'" + text + "' is no day of the calendar: expected YYYY-MM-DD, a month 01..12 "
                        + "and a day that month has (such as 2021-02-28)");
            }
        }
        throw new CommandLine.TypeConversionException("'" + text + "' is not a date: expected YYYY-MM-DD (such as 2021-02-28)");
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The project's version, as the build wrote it into io/github/duban/version.properties. */
    static String version() {
        try (java.io.InputStream in = Main.class.getResourceAsStream("/io/github/duban/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** {@code --version}: "duban " and the project's version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"duban " + version()};
        }
    }

    /** {@code duban} alone names no command: a usage error (exit 2), with the list of commands. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "no command given; the commands are listed below");
    }
}

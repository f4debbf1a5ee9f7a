package io.github.duban.cli;

import io.github.duban.authoring.RulesCheck;
import io.github.duban.engine.Ruleset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "rules", mixinStandardHelpOptions = true, description = {"Work on the rules: list, check, test, diff, pack.",
        "Lists, checks and tests the rules, compares a month under proposed rules, packs a ruleset.",
        "Without a subcommand: compile the rules and list them (as `rules list`)."},
        subcommands = {RulesCommand.ListCommand.class, RulesCommand.CheckCommand.class, RulesCommand.TestCommand.class, RulesCommand.DiffCommand.class, RulesCommand.PackCommand.class})
final class RulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rules", paramLabel = "DIR", description = "a folder of .drl files: same names replace the built-in ones, others are added")
    Path rules;

    @Override
    public Integer call() {
        return list(spec, rules);
    }

    /** A --rules folder that does not exist is one clear line, not a stack trace. */
    static void requireRulesFolder(Path rules) {
        if (rules != null && !java.nio.file.Files.isDirectory(rules)) {
            throw new io.github.duban.error.InputException(rules.toString(), 0, null, "--rules names no folder (expected a folder of .drl files)");
        }
    }

    /** The rules, policy and scoring sheet a subcommand compiles, checks or packs. */
    static final class RulesetOptions {
        @Option(names = "--rules", paramLabel = "DIR", description = "a folder of .drl files: same names replace the built-in ones, others are added")
        Path rules;

        @Option(names = "--policy", paramLabel = "FILE", description = "a policy file, YAML or JSON")
        Path policy;

        @Option(names = "--scoring", paramLabel = "FILE.csv", description = "a scoring sheet (考核细则) read into the policy")
        Path scoring;
    }

    static int list(CommandSpec spec, Path rules) {
        requireRulesFolder(rules);
        Ruleset r = rules == null ? Ruleset.builtIn() : Ruleset.withFolder(rules);
        var out = spec.commandLine().getOut();
        out.println(r.sources().keySet().size() + " files, " + r.ruleNames().size() + " rules, all compile:");
        r.ruleNames().forEach(n -> out.println("  " + n));
        out.flush();
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Compile the rules and list them by name.")
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--rules", paramLabel = "DIR", description = "a folder of .drl files: same names replace the built-in ones, others are added")
        Path rules;

        @Override
        public Integer call() {
            return list(spec, rules);
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = {"Check the rules and the policy without running them (unless --run).",
            "Reads the built-in and your rules with Drools' parser, compiles them and reads the policy;",
            "prints every problem as FILE:LINE:COLUMN: error|warning|note: message.",
            "Exit 0 clean (notes only), 1 problems, 2 bad usage."})
    static final class CheckCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RulesetOptions given = new RulesetOptions();

        @Option(names = "--run", description = "also run the rules once on the embedded sample year, to catch an action that fails")
        boolean run;

        @Override
        public Integer call() {
            RulesCheck.Report r = RulesCheck.check(given.rules, given.policy, given.scoring, run);
            var out = spec.commandLine().getOut();
            r.problems().forEach(out::println);
            long errors = r.problems().stream().filter(p -> p.level() == RulesCheck.Level.ERROR).count();
            long warnings = r.problems().stream().filter(p -> p.level() == RulesCheck.Level.WARNING).count();
            out.println(r.sources().size() + " files, " + r.rules() + " rules" + (given.policy != null ? ", policy " + given.policy : ", default policy")
                    + ": " + (r.clean() ? "clean" : count(errors, "error") + ", " + count(warnings, "warning")));
            out.flush();
            return r.clean() ? 0 : 1;
        }

        /** "1 warning", "2 warnings", "0 errors". */
        private static String count(long n, String noun) {
            return n + " " + noun + (n == 1 ? "" : "s");
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true, description = {"Run every scenario (*.yaml) of DIR and print the differences, expected against got, per unit.",
            "A scenario without a policy: of its own runs under --policy (and --scoring) when given; YAML files of DIR that are policies are left out, with a note.",
            "Exit 0 all passed, 1 some failed, 2 bad usage. The format is in docs/rules.md."})
    static final class TestCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Parameters(paramLabel = "DIR", description = "a folder of scenario files")
        Path dir;

        @Option(names = "--rules", paramLabel = "DIR", description = "a folder of .drl files to test instead of the built-in ones alone")
        Path rules;

        @Option(names = "--policy", paramLabel = "FILE", description = "the policy for every scenario that names none of its own (default: the embedded policy)")
        Path policy;

        @Option(names = "--scoring", paramLabel = "FILE.csv", description = "a scoring sheet read into that policy")
        Path scoring;

        @Override
        public Integer call() {
            Ruleset r = null;
            if (rules != null) {
                requireRulesFolder(rules);
                r = Ruleset.withFolder(rules);
            }
            io.github.duban.model.Policy p = null;
            if (policy != null) {
                Inputs.requireFile(policy, "--policy");
                p = io.github.duban.json.PolicyJson.read(policy);
            }
            if (scoring != null) {
                Inputs.requireFile(scoring, "--scoring");
                p = io.github.duban.authoring.ScoringSheets.read(scoring, p != null ? p : io.github.duban.model.Policy.DEFAULT);
            }
            var out = spec.commandLine().getOut();
            var err = spec.commandLine().getErr();
            if (java.nio.file.Files.isDirectory(dir)) {
                for (Path f : io.github.duban.authoring.Scenarios.policiesIn(dir)) {
                    boolean given = policy != null && f.toAbsolutePath().normalize().equals(policy.toAbsolutePath().normalize());
                    if (!given) {
                        err.println("duban: " + f + " is a policy, not a scenario: left out (give it with --policy, or name it in a scenario's policy:)");
                    }
                }
            }
            int failed = 0;
            var results = io.github.duban.authoring.Scenarios.runAll(dir, r, p);
            for (var res : results) {
                out.println((res.passed() ? "PASS " : "FAIL ") + res.file() + " — " + res.name());
                res.differences().forEach(d -> out.println("  " + d));
                if (!res.passed()) {
                    failed++;
                }
            }
            out.println(results.size() + " scenarios: " + (results.size() - failed) + " passed, " + failed + " failed");
            out.flush();
            return failed == 0 ? 0 : 1;
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true, description = {"What-if: compare a month under the rules in force and under proposed rules or policy.",
            "Shows what would change unit by unit: findings, sanctions, score lines with their rule and policy clause, scores, ratings, ranks."})
    static final class DiffCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--facts", required = true, paramLabel = "DIR", description = "the facts directory")
        Path facts;

        @Option(names = "--plan", paramLabel = "FILE", description = "the plan JSON (default: FACTS/plan.json if present, else the embedded plan)")
        Path plan;

        @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "the month to compare (as of its last day)")
        java.time.YearMonth month;

        @Option(names = "--policy", paramLabel = "FILE", description = "the proposed policy (default: the policy in force)")
        Path policy;

        @Option(names = "--rules", paramLabel = "DIR", description = "the proposed rules folder (default: the rules in force)")
        Path rules;

        @Option(names = "--scoring", paramLabel = "FILE.csv", description = "the proposed scoring sheet, read into the proposed policy")
        Path scoring;

        @Option(names = "--current-policy", paramLabel = "FILE", description = "the policy in force (default: the embedded one)")
        Path currentPolicy;

        @Option(names = "--current-rules", paramLabel = "DIR", description = "the rules folder in force (default: the built-in rules)")
        Path currentRules;

        @Option(names = "--html", paramLabel = "FILE", description = "also write the comparison as a page")
        Path html;

        @Override
        public Integer call() throws java.io.IOException {
            Inputs current = new Inputs();
            current.facts = facts;
            current.plan = plan;
            current.policy = currentPolicy;
            current.rules = currentRules;
            Inputs.Loaded in = current.load();
            Inputs next = new Inputs();
            next.facts = facts;
            next.plan = plan;
            next.policy = policy != null ? policy : currentPolicy;
            next.rules = rules != null ? rules : currentRules;
            next.scoring = scoring;
            var proposed = next.engine(in.plan());
            var d = io.github.duban.authoring.RulesDiff.diff(in.duban(), proposed, in.facts(), month);
            var out = spec.commandLine().getOut();
            out.print(io.github.duban.authoring.RulesDiff.text(d));
            out.flush();
            if (html != null) {
                Path parent = html.toAbsolutePath().getParent();
                java.nio.file.Files.createDirectories(parent);
                Path tmp = io.github.duban.batch.SafeOutput.tempFile(parent, ".diff", ".html");
                java.nio.file.Files.writeString(tmp, io.github.duban.authoring.RulesDiff.html(d), java.nio.charset.StandardCharsets.UTF_8);
                java.nio.file.Files.move(tmp, html, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return 0;
        }
    }

    @Command(name = "pack", mixinStandardHelpOptions = true, description = {"Bundle the rules, policy and working-day calendar in force, with their fingerprint, into one zip.",
            "assess --ruleset FILE.zip then uses exactly that package (a package changed after packing is refused)."})
    static final class PackCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RulesetOptions given = new RulesetOptions();

        @Option(names = "--out", required = true, paramLabel = "FILE.zip", description = "the package to write")
        Path out;

        @Override
        public Integer call() throws java.io.IOException {
            Inputs in = new Inputs();
            in.policy = given.policy;
            in.rules = given.rules;
            in.scoring = given.scoring;
            var duban = in.engine(io.github.duban.json.PlanJson.embedded());
            io.github.duban.authoring.RulesetPackage.write(duban, out);
            spec.commandLine().getOut().println(out + ": " + duban.rules().sources().size() + " rule files, policy, scoring sheet, calendar; fingerprint "
                    + duban.fingerprint());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}

package io.github.duban.cli;

import io.github.duban.engine.Duban;
import io.github.duban.engine.Ruleset;
import io.github.duban.json.FactsJson;
import io.github.duban.error.InputException;
import io.github.duban.json.PlanJson;
import io.github.duban.json.PolicyJson;
import io.github.duban.model.Facts;
import io.github.duban.model.Plan;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;

/** The options that say which facts, plan, policy and rules to use, for the commands that assess. */
final class Inputs {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--facts", paramLabel = "DIR", description = "the facts directory (*.jsonl, optional plan.json); required unless --plans or --jdbc is given")
    Path facts;

    @Option(names = "--plan", paramLabel = "FILE", description = "the plan JSON (default: FACTS/plan.json if present, else the embedded plan)")
    Path plan;

    @Option(names = "--policy", paramLabel = "FILE", description = "a policy file, YAML or JSON (see duban policy, docs/policy.md); keys left out keep the defaults")
    Path policy;

    @Option(names = "--rules", paramLabel = "DIR", description = "a folder of .drl files: same names replace the built-in ones, others are added")
    Path rules;

    @Option(names = "--scoring", paramLabel = "FILE.csv", description = "a scoring sheet (考核细则: CSV or XLSX with columns item,kind,fallsOn,points,cap) read into the policy")
    Path scoring;

    @Option(names = "--ruleset", paramLabel = "FILE.zip", description = "a ruleset package made by `duban rules pack`: assess with exactly its rules, policy and calendar (not with --policy or --rules)")
    Path ruleset;

    @Option(names = "--calendar", paramLabel = "FILE", description = "a working-day calendar (one date a line: 2027-02-11 off, 2027-02-07 work; 'years 2027 2027'), for years the embedded State Council schedule (2020-2026) lacks")
    Path calendar;

    @Option(names = "--max-firings", paramLabel = "N", description = "stop a plan-month whose rules fire more than N times (default 5000000): a rule that loops")
    Long maxFirings;

    @Option(names = "--max-seconds", paramLabel = "S", description = "stop a plan-month whose rules fire longer than S seconds (default 60); a rule whose own action never ends stops the process")
    Integer maxSeconds;

    /** The limits the options set, else the defaults. */
    io.github.duban.engine.Limits limits() {
        io.github.duban.engine.Limits d = io.github.duban.engine.Limits.DEFAULT;
        try {
            return new io.github.duban.engine.Limits(maxFirings == null ? d.firings() : maxFirings, maxSeconds == null ? d.seconds() : maxSeconds);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), (maxFirings != null && maxFirings < 1 ? "--max-firings " : "--max-seconds ") + e.getMessage());
        }
    }

    /** What an assessment needs, read and checked: the plan, the engine for it, the facts. */
    record Loaded(Plan plan, Duban duban, Facts facts) {
    }

    Loaded load() {
        if (facts == null) {
            throw new ParameterException(mixee.commandLine(), "Missing required option: '--facts=DIR'");
        }
        if (!Files.isDirectory(facts)) {
            throw new InputException(facts.toString(), 0, null, "--facts names no folder");
        }
        Plan p = plan(facts);
        Duban d = engine(p);
        Loaded loaded = new Loaded(p, d, FactsJson.read(facts, p));
        if (plan == null && !Files.isRegularFile(facts.resolve("plan.json"))) {
            // said once the inputs are read, so a usage error stays the one line it is
            err().println(fallbackNote(facts, p));
        }
        return loaded;
    }

    /** What stderr says when neither --plan nor FACTS/plan.json names the plan. */
    static String fallbackNote(Path facts, Plan p) {
        return "duban: no --plan and no plan.json in " + facts + ": using the embedded sample plan " + planName(p);
    }

    /** A plan as messages name it: its 文号, else its title. */
    static String planName(Plan p) {
        return p.docNumber() != null && !p.docNumber().isBlank() ? p.docNumber() : "«" + p.title() + "»";
    }

    private java.io.PrintWriter err() {
        return mixee != null ? mixee.commandLine().getErr()
                : new java.io.PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true);
    }

    Plan plan(Path factsDir) {
        if (plan != null) {
            requireFile(plan, "--plan");
            return PlanJson.read(plan);
        }
        if (factsDir != null && Files.isRegularFile(factsDir.resolve("plan.json"))) {
            return PlanJson.read(factsDir.resolve("plan.json"));
        }
        return PlanJson.embedded();
    }

    Duban engine(Plan p) {
        if (ruleset != null) {
            if (policy != null || rules != null || scoring != null || calendar != null) {
                throw new InputException(ruleset.toString(), 0, null, "--ruleset brings its own rules, policy and calendar; leave out --policy, --scoring, --rules and --calendar");
            }
            return io.github.duban.authoring.RulesetPackage.read(ruleset).builder().plan(p).limits(limits()).build();
        }
        Duban.Builder b = Duban.builder().plan(p).limits(limits());
        Watchdog.start(limits().seconds());
        if (policy != null) {
            requireFile(policy, "--policy");
            b.policy(PolicyJson.read(policy));
        }
        if (scoring != null) {
            requireFile(scoring, "--scoring");
            b.policy(io.github.duban.authoring.ScoringSheets.read(scoring, policy != null ? PolicyJson.read(policy) : io.github.duban.model.Policy.DEFAULT));
        }
        if (rules != null) {
            if (!Files.isDirectory(rules)) {
                throw new InputException(rules.toString(), 0, null, "--rules must name a folder of .drl files");
            }
            b.rules(Ruleset.withFolder(rules));
        }
        if (calendar != null) {
            requireFile(calendar, "--calendar");
            try {
                b.calendar(io.github.duban.engine.WorkCalendar.parse(Files.readString(calendar, java.nio.charset.StandardCharsets.UTF_8), calendar.toString()));
            } catch (java.io.IOException e) {
                throw new InputException(calendar.toString(), 0, null, "cannot read the calendar: " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new InputException(calendar.toString(), 0, null, e.getMessage());
            }
        }
        return b.build();
    }

    static void requireFile(Path f, String option) {
        if (!Files.isRegularFile(f)) {
            throw new InputException(f.toString(), 0, null, option + " names no readable file");
        }
    }
}

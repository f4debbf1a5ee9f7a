package io.github.duban.cli;

import io.github.duban.engine.Ruleset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "rules", mixinStandardHelpOptions = true, description = {"Compile the rules and list them, or show every problem with file and line.",
        "Use it before deploying edited .drl files."})
final class RulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rules", paramLabel = "DIR", description = "a folder of .drl files: same names replace the built-in ones, others are added")
    Path rules;

    @Override
    public Integer call() {
        if (rules != null && !java.nio.file.Files.isDirectory(rules)) {
            throw new io.github.duban.json.InputException(rules.toString(), 0, null, "--rules must name a folder of .drl files");
        }
        Ruleset r = rules == null ? Ruleset.builtIn() : Ruleset.withFolder(rules);
        var out = spec.commandLine().getOut();
        out.println(r.sources().keySet().size() + " files, " + r.ruleNames().size() + " rules, all compile:");
        r.ruleNames().forEach(n -> out.println("  " + n));
        out.flush();
        return 0;
    }
}

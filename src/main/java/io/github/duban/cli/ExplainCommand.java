package io.github.duban.cli;

import io.github.duban.authoring.Explain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.time.YearMonth;
import java.util.concurrent.Callable;

@Command(name = "explain", mixinStandardHelpOptions = true, description = {"Explain one unit's month line by line.",
        "Each score line with the finding or sanction behind it, the rule (file:line), the facts (file:line)",
        "and the policy clause that gave the points; then each case month by month."})
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Inputs inputs = new Inputs();

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "the month to explain (as of its last day)")
    YearMonth month;

    @Option(names = "--unit", required = true, paramLabel = "UNIT", description = "the unit, by id or alias")
    String unit;

    @Option(names = "--task", paramLabel = "N", description = "only this task's lines and case")
    Integer task;

    @Option(names = "--json", description = "print JSON instead of text")
    boolean json;

    @Override
    public Integer call() {
        Inputs.Loaded in = inputs.load();
        var doc = Explain.explain(in.duban(), inputs.facts, in.facts(), month, unit, task);
        var out = spec.commandLine().getOut();
        out.print(json ? Explain.json(doc) : Explain.text(doc));
        out.flush();
        return 0;
    }
}

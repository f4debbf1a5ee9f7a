package io.github.duban.cli;

import io.github.duban.json.PlanJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "plan", mixinStandardHelpOptions = true, description = "Print the plan as JSON (default: the embedded plan 冷优组发〔2021〕3号).")
final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--plan", paramLabel = "FILE", description = "a plan JSON file to check and print")
    Path plan;

    @Override
    public Integer call() {
        var p = plan == null ? PlanJson.embedded() : PlanJson.read(plan);
        spec.commandLine().getOut().print(PlanJson.write(p));
        spec.commandLine().getOut().flush();
        return 0;
    }
}

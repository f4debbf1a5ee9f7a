package io.github.duban.cli;

import io.github.duban.json.PolicyJson;
import io.github.duban.model.Policy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "policy", mixinStandardHelpOptions = true, description = {"Print the policy in force as YAML (default: the embedded policy), every key commented.",
        "Copy it, change what your county's 考核办法 says, and pass it to assess, replay or rules check with --policy FILE."})
final class PolicyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--policy", paramLabel = "FILE", description = "a policy file (YAML or JSON) to check and print with the defaults filled in")
    Path policy;

    @Option(names = "--json", description = "print JSON instead of YAML")
    boolean json;

    @Option(names = "--scoring", paramLabel = "FILE.csv", description = "a scoring sheet (考核细则) to read into the policy")
    Path scoring;

    @Option(names = "--sheet", description = "print the policy's scoring as a sheet (CSV) instead: copy it, edit it in Excel or WPS, pass it with --scoring")
    boolean sheet;

    @Override
    public Integer call() {
        Policy p = Policy.DEFAULT;
        if (policy != null) {
            Inputs.requireFile(policy, "--policy");
            p = PolicyJson.read(policy);
        }
        if (scoring != null) {
            Inputs.requireFile(scoring, "--scoring");
            p = io.github.duban.authoring.ScoringSheets.read(scoring, p);
        }
        var out = spec.commandLine().getOut();
        out.print(sheet ? io.github.duban.json.ScoringSheet.write(p) : json ? PolicyJson.write(p) : PolicyJson.writeYaml(p));
        out.flush();
        return 0;
    }
}

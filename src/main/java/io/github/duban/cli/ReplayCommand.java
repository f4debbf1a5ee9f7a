package io.github.duban.cli;

import io.github.duban.engine.Duban;
import io.github.duban.model.Facts;
import io.github.duban.model.Plan;
import io.github.duban.outcome.Assessment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replay months from the window's start, carrying the ledger.",
        "Writes one folder per month asked for: OUT/2021-05/assessment.json, ledger.json, scores.csv, bulletin.md, .html, .docx."})
final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Inputs inputs = new Inputs();

    @Option(names = "--from", paramLabel = "YYYY-MM", description = "the first month to write (default: the window's first)")
    YearMonth from;

    @Option(names = "--to", paramLabel = "YYYY-MM", description = "the last month to write (default: the window's last)")
    YearMonth to;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "where to write the month folders")
    Path out;

    @Mixin
    BulletinOptions bulletin = new BulletinOptions();

    @Override
    public Integer call() {
        var settings = bulletin.load();
        Inputs.Loaded in = inputs.load();
        Plan plan = in.plan();
        Duban duban = in.duban();
        Facts f = in.facts();
        YearMonth a = from != null ? from : plan.reporting().from();
        YearMonth b = to != null ? to : plan.reporting().to();
        List<Assessment> months = duban.replay(a, b, f);
        Map<Path, Map<String, byte[]>> all = new LinkedHashMap<>();
        for (Assessment m : months) {
            all.put(out.resolve(m.period().toString()), Outputs.all(duban, m, settings));
        }
        for (Map.Entry<Path, Map<String, byte[]>> e : all.entrySet()) {
            Outputs.writeAll(e.getKey(), e.getValue());
            spec.commandLine().getErr().println("duban: wrote " + e.getKey());
        }
        return 0;
    }
}

package io.github.duban.cli;

import io.github.duban.engine.Duban;
import io.github.duban.json.FactsJson;
import io.github.duban.model.Facts;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.UnitScore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true, description = {"Replay the embedded plan's sample year and print the last month's ranking.",
        "The sample year (Feb–Jun 2021) exercises every finding, ladder step and light."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "also write every month's files (bulletins included) here, one folder per month")
    Path out;

    @Mixin
    BulletinOptions bulletin = new BulletinOptions();

    @Override
    public Integer call() {
        Duban duban = Duban.builder().plan(io.github.duban.json.PlanJson.embedded()).build();
        Facts facts = FactsJson.sampleYear(duban.plan());
        List<Assessment> months = duban.replay(duban.plan().reporting().from(), duban.plan().reporting().to(), facts);
        if (out != null) {
            var settings = bulletin.load();
            for (Assessment m : months) {
                Outputs.writeAll(out.resolve(m.period().toString()), Outputs.all(duban, m, settings));
            }
        }
        PrintWriter p = spec.commandLine().getOut();
        p.println(duban.plan().title());
        p.println(duban.plan().docNumber());
        p.println();
        for (Assessment m : months) {
            p.printf("%s: %d findings, %d sanctions, %d open cases%n", m.period(), m.findings().size(), m.sanctions().size(),
                    m.cases().stream().filter(c -> c.open()).count());
        }
        Assessment last = months.get(months.size() - 1);
        p.println();
        p.println(last.period() + " 考核得分 (as of " + last.asOf() + ")");
        p.println(Table.row(new String[] {"排名", "单位", "得分", "等次"}, new int[] {4, 20, 7, 10}));
        for (UnitScore s : last.scores()) {
            p.println(Table.row(new String[] {String.valueOf(s.rank()), s.unit(), s.score().toPlainString(),
                    s.rating().chinese() + " " + s.rating().name()}, new int[] {4, 20, 7, 10}));
        }
        p.flush();
        return 0;
    }
}

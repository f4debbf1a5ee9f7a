package io.github.duban.cli;

import io.github.duban.generate.PlanFolders;
import io.github.duban.generate.Spec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code duban generate}: synthetic plan folders in the {@code --plans} layout, for benchmarks and trials. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes synthetic plans with a reporting window of facts, one folder per plan (DIR/<plan-id>/plan.json, "
                + "reports.jsonl, completions.jsonl, extensions.jsonl, inspections.jsonl, rectifications.jsonl). "
                + "The same options and seed always give the same bytes, on any number of threads. "
                + "--shape nested writes plans as offices write them: group tasks over leaves (一、goal, (一) group, 1. leaf), "
                + "leaves taking their group's units and deadline, persons per task and unit, milestones with percents "
                + "and numeric targets that reports give values against; facts name leaves only.")
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--plans", paramLabel = "P", defaultValue = "10", description = "Number of plans (default ${DEFAULT-VALUE}).")
    int plans;

    @Option(names = "--tasks", paramLabel = "T", defaultValue = "19",
            description = "Tasks per plan (default ${DEFAULT-VALUE}); in a nested plan the leaves (the judged tasks), its group tasks come on top.")
    int tasks;

    @Option(names = "--units", paramLabel = "U", defaultValue = "10", description = "Lead units per plan (default ${DEFAULT-VALUE}).")
    int units;

    @Option(names = "--months", paramLabel = "N", defaultValue = "5", description = "Months in the reporting window, from 2021-02 (default ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "2021", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "K", defaultValue = "1", description = "Threads writing plans (default ${DEFAULT-VALUE}); the bytes do not depend on it.")
    int threads;

    @Option(names = "--shape", paramLabel = "flat|nested", defaultValue = "flat",
            description = "Layout of the tasks (default ${DEFAULT-VALUE}): flat, T tasks none grouping others (the plans of earlier "
                    + "versions, byte for byte); nested, T leaves, about a third under group tasks, 20 %% with a milestone, "
                    + "10 %% with a numeric target, most with persons.")
    String shape;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write the plan folders into.")
    Path out;

    @Override
    public Integer call() {
        Spec spec;
        try {
            spec = Spec.of(plans, tasks, units, months, seed, Spec.Shape.parse(shape));
        } catch (IllegalArgumentException e) {
            System.err.println("generate: " + e.getMessage());
            return 2;
        }
        if (threads < 1) {
            System.err.println("generate: --threads " + threads + " is not positive");
            return 2;
        }
        long t0 = System.nanoTime();
        PlanFolders.Written w = PlanFolders.write(out, spec, threads);
        String tasksText = w.tasks() == w.leaves() ? w.tasks() + " tasks"
                : w.tasks() + " tasks (" + w.leaves() + " judged, " + (w.tasks() - w.leaves()) + " groups)";
        System.err.printf("generate: %d %s plans, %s, %d facts written to %s in %d ms%n", w.plans(), spec.shape().lower(), tasksText,
                w.facts(), out, (System.nanoTime() - t0) / 1_000_000);
        return 0;
    }
}

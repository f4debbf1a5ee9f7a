package io.github.duban.cli;

import io.github.duban.bulletin.BulletinSettings;
import io.github.duban.engine.Duban;
import io.github.duban.error.InputException;
import io.github.duban.error.LedgerException;
import io.github.duban.json.LedgerJson;
import io.github.duban.model.Facts;
import io.github.duban.model.Plan;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.Ledger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "assess", mixinStandardHelpOptions = true,
        description = {"Assess one month and write assessment.json, ledger.json, scores.csv and the bulletin (bulletin.md, .html, .docx).",
        "Without --ledger, the months before are replayed from the same facts to make it.",
        "With --plans DIR instead of --facts: every plan folder of DIR, in parallel (the month-end run)."})
final class AssessCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Inputs inputs = new Inputs();

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "the month to assess")
    YearMonth month;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "assess as of this date (default: the month's last day)")
    LocalDate asOf;

    @Option(names = "--ledger", paramLabel = "FILE", description = "the ledger.json of the month before")
    Path ledger;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write the files; required unless --jdbc")
    Path out;

    @Mixin
JdbcAssess jdbc = new JdbcAssess();

    @Mixin
    BulletinOptions bulletin = new BulletinOptions();

    @Option(names = "--plans", paramLabel = "DIR",
            description = {"assess every plan folder in DIR (plan.json, facts files, optional ledger.json of the month before);",
                    "OUT gets one folder per plan, summary.csv and index.html. Exit 3 when some plans were refused."})
    Path plans;

    @Option(names = "--threads", paramLabel = "N", description = "with --plans or --all-plans: plans assessed at once (default: all cores)")
    int threads;

    @Option(names = "--progress", description = "with --plans: show progress on stderr even when it is not a terminal")
    boolean progress;

    @Override
    public Integer call() {
        if (jdbc.active()) {
            return jdbc.call(spec, inputs, month, asOf, ledger, out, threads);
        }
        if (out == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--out=DIR'");
        }
        refuseOutInside(out, inputs.facts, "--facts");
        refuseOutInside(out, plans, "--plans");
        if (ledger != null && out.toAbsolutePath().normalize().equals(ledger.toAbsolutePath().normalize().getParent())) {
            // the month's own ledger.json would replace the one it is read from
            refuseOutInside(out, ledger.toAbsolutePath().getParent(), "--ledger's folder");
        }
        BulletinSettings settings = bulletin.load();
        if (plans != null) {
            return PlansRun.run(spec, inputs, plans, month, asOf, ledger, out, threads, progress, settings);
        }
        if (ledger != null) {
            Inputs.requireFile(ledger, "--ledger");
        }
        Inputs.Loaded in = inputs.load();
        Plan plan = in.plan();
        Duban duban = in.duban();
        Facts f = in.facts();
        Ledger previous = null;
        if (ledger != null) {
            previous = LedgerJson.read(ledger);
        } else if (!month.equals(plan.reporting().from()) && plan.reporting().covers(month)) {
            spec.commandLine().getErr().println("duban: no --ledger given; replaying " + plan.reporting().from() + ".." + month.minusMonths(1) + " to make it");
            List<Assessment> before = duban.replay(plan.reporting().from(), month.minusMonths(1), f);
            previous = before.get(before.size() - 1).ledger();
        }
        Assessment a;
        try {
            a = duban.assess(month, asOf, f, previous);
        } catch (LedgerException e) {
            throw ledger != null ? e.in(ledger.toString()) : e;
        }
        Outputs.replaceMonth(out, Outputs.all(duban, a, settings));
        spec.commandLine().getErr().println("duban: " + a.period() + " as of " + a.asOf() + ": " + a.findings().size() + " findings, "
                + a.sanctions().size() + " sanctions, " + a.scores().size() + " units scored → " + out);
        return 0;
    }

    /** An --out that is, or lies inside, an input folder would overwrite the inputs: refused before anything is read. */
    static void refuseOutInside(Path out, Path input, String option) {
        if (out == null || input == null) {
            return;
        }
        Path o = out.toAbsolutePath().normalize();
        Path i = input.toAbsolutePath().normalize();
        try {
            if (java.nio.file.Files.exists(o)) {
                o = o.toRealPath();
            }
            if (java.nio.file.Files.exists(i)) {
                i = i.toRealPath();
            }
        } catch (java.io.IOException e) {
            // compared as written
        }
        if (o.startsWith(i)) {
            throw new io.github.duban.error.InputException(out.toString(), 0, "--out",
                    "is " + (o.equals(i) ? "" : "inside ") + option + " " + input + "; the outputs would overwrite the inputs",
                    out.toString(), "a folder outside " + option);
        }
    }
}

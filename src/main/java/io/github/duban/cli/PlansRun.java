package io.github.duban.cli;

import io.github.duban.batch.MonthEnd;
import io.github.duban.batch.Progress;
import io.github.duban.bulletin.BulletinSettings;
import io.github.duban.error.InputException;
import io.github.duban.json.PlanJson;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;

/** {@code duban assess --plans DIR}: the command-line side of {@link MonthEnd}. */
final class PlansRun {
    private PlansRun() {
    }

    static int run(CommandSpec spec, Inputs inputs, Path plans, YearMonth month, LocalDate asOf, Path ledger, Path out,
                   int threads, boolean progress, BulletinSettings settings) {
        if (inputs.facts != null || inputs.plan != null || ledger != null) {
            throw new ParameterException(spec.commandLine(),
                    "--plans takes each plan's facts, plan.json and ledger.json from its own folder; drop --facts, --plan and --ledger");
        }
        if (threads < 0) {
            throw new ParameterException(spec.commandLine(), "--threads " + threads + " is negative");
        }
        if (!java.nio.file.Files.isDirectory(plans)) {
            throw new InputException(plans.toString(), 0, null, "--plans names no folder of plans");
        }
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = System.console() != null;
        Progress p = progress || terminal ? new Progress(err, terminal, System::nanoTime) : null;
        MonthEnd.Options options = new MonthEnd.Options(inputs.engine(PlanJson.embedded()), asOf, threads, settings, p);
        MonthEnd.Result r = MonthEnd.run(plans, month, out, options);
        for (MonthEnd.PlanResult pr : r.plans()) {
            if (!pr.ok()) {
                err.println("duban: plan " + pr.plan() + " refused: " + pr.problem());
            }
        }
        err.println("duban: " + month + ": " + (r.plans().size() - r.failed()) + " of " + r.plans().size() + " plans assessed → "
                + out.resolve("index.html"));
        err.flush();
        return r.allOk() ? 0 : 3;
    }
}

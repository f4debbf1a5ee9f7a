package io.github.duban.cli;

import io.github.duban.importer.ImportException;
import io.github.duban.importer.ImportProblem;
import io.github.duban.importer.ImportResult;
import io.github.duban.importer.PlanImporter;
import io.github.duban.json.PlanJson;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code duban import --text FILE | --csv FILE [--year Y] [--out FILE] [--strict]}: a published plan
 * or a 责任分解表 as plan JSON (DESIGN §8) on stdout, the import report on stderr.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Turns a published plan (web page or Word text) or a 责任分解表 exported from Excel as CSV into plan JSON. "
                + "The plan goes to stdout (or --out); everything that could not be read, with line numbers, and every body/appendix "
                + "disagreement goes to stderr.")
public final class ImportCommand implements Callable<Integer> {

    static final class Source {
        @Option(names = "--text", paramLabel = "FILE", required = true, description = "Plan text (UTF-8 or GBK).")
        Path text;

        @Option(names = "--csv", paramLabel = "FILE", required = true, description = "责任分解表 as CSV (UTF-8 or GBK; comma, tab or semicolon).")
        Path csv;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--year", paramLabel = "Y",
            description = "Year of dates that name none. Default: the year of the document's date (落款 such as 2021年2月1日).")
    Integer year;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the plan JSON here instead of stdout.")
    Path out;

    @Option(names = "--strict", description = "Exit 2 when anything was reported as a problem (disagreements alone do not count).")
    boolean strict;

    @Override
    public Integer call() {
        Path file = source.text != null ? source.text : source.csv;
        if (year != null && (year < 1990 || year > 2100)) {
            CliJson.print(System.err, "import: --year " + year + " is outside 1990..2100\n");
            return 2;
        }
        if (!Files.isRegularFile(file)) {
            CliJson.print(System.err, file + ": no such file; expected a plan text (--text) or a CSV 责任分解表 (--csv)\n");
            return 2;
        }
        ImportResult result;
        try {
            result = source.text != null
                    ? PlanImporter.importText(PlanImporter.readText(file), file.toString(), year)
                    : PlanImporter.importCsv(file, year);
        } catch (ImportException e) {
            CliJson.print(System.err, e.getMessage() + "\n");
            return 2;
        }
        StringBuilder report = new StringBuilder();
        for (ImportProblem p : result.problems()) {
            report.append(p.format(file.toString())).append('\n');
        }
        for (String d : result.disagreements()) {
            report.append(file).append(": disagreement: ").append(d).append('\n');
        }
        var plan = result.plan();
        report.append(file).append(": ").append(plan.tasks().size()).append(" tasks, ").append(plan.goals().size()).append(" goals, ")
                .append(plan.units().size()).append(" units, ").append(plan.stages().size()).append(" stages; ")
                .append(result.problems().size()).append(" problems, ").append(result.disagreements().size()).append(" disagreements\n");
        CliJson.print(System.err, report.toString());
        String json = PlanJson.write(plan);
        if (out != null) {
            try {
                Files.writeString(out, json, StandardCharsets.UTF_8);
            } catch (IOException e) {
                CliJson.print(System.err, out + ": cannot write: " + e.getMessage() + "\n");
                return 2;
            }
        } else {
            CliJson.print(System.out, json);
        }
        return strict && !result.problems().isEmpty() ? 2 : 0;
    }
}

package io.github.duban.cli;

import io.github.duban.importer.ImportException;
import io.github.duban.importer.ImportOptions;
import io.github.duban.importer.ImportProblem;
import io.github.duban.importer.ImportResult;
import io.github.duban.importer.PlanImporter;
import io.github.duban.json.PlanJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.concurrent.Callable;

/**
 * {@code duban import FILE [--year Y] [--window FROM..TO] [--due-day D] [--sheet NAME] [--out FILE]}:
 * a published plan (.txt, .html, .docx) or a 责任分解表 (.xlsx, .csv) as plan JSON (DESIGN §8) on
 * stdout or in a file, the import report on stderr. Exit 0 read cleanly, 3 read with problems to
 * review (the plan is still written), 2 nothing could be read.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Turns a published plan (a web page, a Word file or its text) or a 责任分解表 (Excel or CSV) into plan JSON. "
                + "The reader is chosen by the file's content and extension. The plan goes to stdout (or --out); every gap, "
                + "with its line, every default taken and every body/appendix disagreement go to stderr. "
                + "Exit 0 read cleanly, 3 read with problems to review (the plan is still written), 2 nothing could be read.")
public final class ImportCommand implements Callable<Integer> {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = ".txt, .html/.htm, .docx, .xlsx/.xls or .csv (UTF-8 or GBK text).")
    Path file;

    @Option(names = "--text", paramLabel = "FILE", description = "Read FILE as plan text whatever its name (UTF-8 or GBK).")
    Path text;

    @Option(names = "--csv", paramLabel = "FILE", description = "Read FILE as a CSV 责任分解表 whatever its name.")
    Path csv;

    @Option(names = "--year", paramLabel = "Y",
            description = "Year of dates that name none. Default: the year of the document's date (落款 such as 2021年2月1日).")
    Integer year;

    @Option(names = "--window", paramLabel = "FROM..TO",
            description = "Reporting window, such as 2023-01..2023-12. Default: from the document's date, stages and deadlines.")
    String window;

    @Option(names = "--due-day", paramLabel = "D", description = "Day of the month reports are due. Default: the document's 每月N日, else 25.")
    Integer dueDay;

    @Option(names = "--sheet", paramLabel = "NAME", description = "The sheet of a workbook to read. Default: the first.")
    String sheet;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the plan JSON here instead of stdout.")
    Path out;

    @Option(names = "--strict", description = "Exit 2 and write nothing when anything was reported as a problem.")
    boolean strict;

    @Override
    public Integer call() {
        // POI logs what it finds wrong in a damaged file (with a stack trace) before it throws; the import's own
        // line says it, once, with the file
        if (System.getProperty("org.slf4j.simpleLogger.log.org.apache.poi") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.org.apache.poi", "off");
        }
        int given = (file != null ? 1 : 0) + (text != null ? 1 : 0) + (csv != null ? 1 : 0);
        if (given != 1) {
            CliJson.print(System.err, "import: give one FILE (or --text FILE, or --csv FILE)\n");
            return 2;
        }
        Path f = file != null ? file : text != null ? text : csv;
        ImportOptions options;
        try {
            YearMonth[] w = window == null ? null : ImportOptions.parseWindow(window);
            options = new ImportOptions(year, w == null ? null : w[0], w == null ? null : w[1], dueDay, sheet, LocalDate.now(ZONE));
        } catch (IllegalArgumentException e) {
            CliJson.print(System.err, "import: " + e.getMessage() + "\n");
            return 2;
        }
        if (!Files.isRegularFile(f)) {
            CliJson.print(System.err, f + ": no such file; expected a plan (.txt .html .docx) or a 责任分解表 (.xlsx .csv)\n");
            return 2;
        }
        ImportResult result;
        try {
            if (text != null) {
                result = PlanImporter.importText(PlanImporter.readText(f), f.toString(), options);
            } else if (csv != null) {
                result = PlanImporter.importCsv(f, options);
            } else {
                result = PlanImporter.importFile(f, options);
            }
        } catch (ImportException e) {
            CliJson.print(System.err, oneLine(e.getMessage()) + "\n");
            return 2;
        }
        StringBuilder report = new StringBuilder();
        for (ImportProblem p : result.problems()) {
            report.append(p.format(f.toString())).append('\n');
        }
        for (String d : result.defaults()) {
            report.append(f).append(": default: ").append(d).append('\n');
        }
        for (String d : result.disagreements()) {
            report.append(f).append(": disagreement: ").append(d).append('\n');
        }
        var plan = result.plan();
        long unaccountable = plan.leaves().stream().filter(t -> !t.accountable()).count();
        report.append(f).append(": ").append(plan.tasks().size()).append(" tasks");
        if (plan.nested()) {
            report.append(" (").append(plan.groups().size()).append(" grouping ").append(plan.leaves().size()).append(" judged)");
        }
        if (unaccountable > 0) {
            report.append(" (").append(unaccountable).append(" without an accountable unit)");
        }
        report.append(", ").append(plan.goals().size()).append(" goals, ")
                .append(plan.units().size()).append(" units, ").append(plan.stages().size()).append(" stages; ")
                .append(result.problems().size()).append(" problems, ").append(result.defaults().size()).append(" defaults, ")
                .append(result.disagreements().size()).append(" disagreements\n");
        CliJson.print(System.err, report.toString());
        if (strict && !result.problems().isEmpty()) {
            return 2;
        }
        String json = PlanJson.write(plan);
        if (out != null) {
            try {
                write(out, json);
            } catch (IOException e) {
                CliJson.print(System.err, out + ": cannot write: " + e.getMessage() + "\n");
                return 2;
            }
        } else {
            CliJson.print(System.out, json);
        }
        return result.clean() ? 0 : 3;
    }

    private static String oneLine(String s) {
        String m = s == null ? "cannot be read" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        return m.length() <= 400 ? m : m.substring(0, 400) + "…";
    }

    /**
     * Writes through a temporary file in the same folder, then renames it over the target: the target is
     * whole or untouched. The temporary file is created as any new file is (the umask gives its mode, not
     * the owner-only mode of {@link Files#createTempFile}); an existing target keeps its own mode.
     */
    private static void write(Path target, String json) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = null;
        for (int attempt = 0; tmp == null; attempt++) {
            Path candidate = dir.resolve("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + attempt + ".tmp");
            try {
                Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                tmp = candidate;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
        try {
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            if (Files.exists(target) && tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}

package io.github.duban.cli;

import io.github.duban.batch.MonthFiles;
import io.github.duban.batch.SafeOutput;
import io.github.duban.bulletin.BulletinSettings;
import io.github.duban.engine.Duban;
import io.github.duban.json.AssessmentJson;
import io.github.duban.json.LedgerJson;
import io.github.duban.json.ScoresCsv;
import io.github.duban.outcome.Assessment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a month's files into a folder, each through a file beside it and a rename, so none is ever
 * half-written; files get the mode the umask gives.
 */
final class Outputs {
    private Outputs() {
    }

    static Map<String, String> files(Assessment a) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("assessment.json", AssessmentJson.write(a));
        files.put("ledger.json", LedgerJson.write(a.ledger()));
        files.put("scores.csv", ScoresCsv.write(a));
        return files;
    }

    /** Every file of a month: the three above and the bulletin (md, html, docx). */
    static Map<String, byte[]> all(Duban duban, Assessment a, BulletinSettings settings) {
        return MonthFiles.of(duban, a, settings);
    }

    static void write(Path dir, Map<String, String> files) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
        writeAll(dir, bytes);
    }

    static void writeAll(Path dir, Map<String, byte[]> files) {
        SafeOutput.writeFiles(dir, files);
    }

    /**
     * A month's files into {@code dir}, swapped in whole (the old month's files never stand beside
     * the new): a {@code dir} that holds anything but files of a month is refused, so that nobody's
     * folder is replaced by mistake.
     */
    static void replaceMonth(Path dir, Map<String, byte[]> files) {
        if (java.nio.file.Files.isDirectory(dir)) {
            try (var list = java.nio.file.Files.list(dir)) {
                List<String> foreign = list.map(p -> p.getFileName().toString())
                        .filter(n -> !MONTH_FILES.contains(n)).sorted().toList();
                if (!foreign.isEmpty()) {
                    throw new io.github.duban.error.InputException(dir.toString(), 0, "--out", "holds files duban did not write ("
                            + String.join(", ", foreign.subList(0, Math.min(5, foreign.size()))) + (foreign.size() > 5 ? ", …" : "")
                            + "); give an empty folder, a new one, or one an earlier assess wrote");
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read " + dir, e);
            }
        } else if (java.nio.file.Files.exists(dir)) {
            throw new io.github.duban.error.InputException(dir.toString(), 0, "--out", "is a file; expected a folder");
        }
        SafeOutput.replaceFolder(dir, files);
    }

    /** The files a month's assessment writes. */
    static final java.util.Set<String> MONTH_FILES = java.util.Set.of("assessment.json", "ledger.json", "scores.csv",
            "bulletin.md", "bulletin.html", "bulletin.docx");
}

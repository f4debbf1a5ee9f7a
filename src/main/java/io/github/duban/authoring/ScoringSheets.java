package io.github.duban.authoring;

import io.github.duban.error.InputException;
import io.github.duban.json.ScoringSheet;
import io.github.duban.model.Policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Reads a scoring sheet file into a policy: CSV, or XLSX through Apache POI (optional, loaded only for .xlsx). Thread-safe. */
public final class ScoringSheets {

    private ScoringSheets() {
    }

    /**
     * Reads the scoring sheet {@code file} (CSV, or XLSX by its name's ending) into {@code policy}: each row sets
     * the policy key it names, and items the sheet leaves out keep the policy's numbers.
     *
     * @throws InputException naming the file, the row and the column of the first mistake, or saying why the file
     *     cannot be read
     */
    public static Policy read(Path file, Policy policy) {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            return ScoringSheet.read(io.github.duban.authoring.xlsx.XlsxTable.csv(file), file.toString(), policy);
        }
        try {
            return ScoringSheet.read(Files.readString(file, StandardCharsets.UTF_8), file.toString(), policy);
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, null, "cannot read the scoring sheet: " + e.getMessage());
        }
    }
}

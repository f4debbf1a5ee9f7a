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

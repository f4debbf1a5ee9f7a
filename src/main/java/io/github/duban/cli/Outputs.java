package io.github.duban.cli;

import io.github.duban.json.AssessmentJson;
import io.github.duban.json.LedgerJson;
import io.github.duban.json.ScoresCsv;
import io.github.duban.outcome.Assessment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a month's files into a folder, each through a temporary file and a rename, so none is ever half-written. */
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

    static void write(Path dir, Map<String, String> files) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path tmp = Files.createTempFile(dir, "." + f.getKey(), ".tmp");
                try {
                    Files.writeString(tmp, f.getValue(), StandardCharsets.UTF_8);
                    Files.move(tmp, dir.resolve(f.getKey()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + dir, e);
        }
    }
}

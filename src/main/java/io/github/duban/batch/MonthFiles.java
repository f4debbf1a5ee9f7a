package io.github.duban.batch;

import io.github.duban.bulletin.BulletinSettings;
import io.github.duban.bulletin.Bulletins;
import io.github.duban.engine.Duban;
import io.github.duban.json.AssessmentJson;
import io.github.duban.json.LedgerJson;
import io.github.duban.json.ScoresCsv;
import io.github.duban.outcome.Assessment;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files one assessed month gives, by name, in a fixed order: assessment.json, ledger.json,
 * scores.csv, bulletin.md, bulletin.html, bulletin.docx. Thread-safe.
 */
public final class MonthFiles {
    private MonthFiles() {
    }

    /**
     * The files of month {@code a} assessed by {@code duban}, by file name in the order listed above, each as the
     * bytes to write; {@code settings} shape the bulletins (null: the defaults).
     */
    public static Map<String, byte[]> of(Duban duban, Assessment a, BulletinSettings settings) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("assessment.json", AssessmentJson.bytes(a));
        files.put("ledger.json", LedgerJson.write(a.ledger()).getBytes(StandardCharsets.UTF_8));
        files.put("scores.csv", ScoresCsv.write(a).getBytes(StandardCharsets.UTF_8));
        files.putAll(Bulletins.files(duban, a, settings));
        return files;
    }
}

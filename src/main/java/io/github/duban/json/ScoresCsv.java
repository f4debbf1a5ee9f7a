package io.github.duban.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.UnitScore;

import java.math.BigDecimal;
import java.util.List;

/**
 * Writes {@code scores.csv}: one row per scored unit, in rank order, with the header
 * {@code period,unit,score,rating,rating_cn,rank,deductions,bonuses}, each number the rules'
 * conclusion (deductions ≤ 0 and bonuses ≥ 0 as the unit's score carries them). UTF-8 with a byte order mark,
 * so spreadsheet programs read the Chinese names. Thread-safe.
 */
public final class ScoresCsv {

    record Row(String period, String unit, String score, String rating, String rating_cn, int rank,
               String deductions, String bonuses) {
    }

    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema SCHEMA = CSV.schemaFor(Row.class).withHeader()
            .sortedBy("period", "unit", "score", "rating", "rating_cn", "rank", "deductions", "bonuses");

    private ScoresCsv() {
    }

    /**
     * The scores of {@code a} as {@code scores.csv} text, byte order mark first; numbers without trailing zeros,
     * text cells made safe ({@link CsvText}).
     */
    public static String write(Assessment a) {
        List<Row> rows = a.scores().stream().map(s -> row(a, s)).toList();
        try {
            return "\uFEFF" + CSV.writer(SCHEMA).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Row row(Assessment a, UnitScore s) {
        return new Row(a.period().toString(), CsvText.safe(s.unit()), plain(s.score()), CsvText.safe(s.rating().name()), CsvText.safe(s.rating().chinese()), s.rank(),
                plain(s.deductions()), plain(s.bonuses()));
    }

    private static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}

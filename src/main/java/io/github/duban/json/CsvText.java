package io.github.duban.json;

/**
 * Text cells of the CSV files duban writes, made safe for spreadsheet programs: a cell that starts
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be taken for a
 * formula (a unit named {@code =HYPERLINK(…)}), so it is written after a single quote, as
 * spreadsheet-safe CSV writers do. Numbers ({@code -4}, {@code +1.5}) are left as they are.
 */
public final class CsvText {
    private CsvText() {
    }

    /**
     * {@code s} as a safe cell: after a single quote when a spreadsheet would take it for a formula, else unchanged
     * (null and "" too).
     */
    public static String safe(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        char c = s.charAt(0);
        if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') {
            return s;
        }
        if ((c == '-' || c == '+') && s.length() > 1 && s.substring(1).matches("\\d+(\\.\\d+)?")) {
            return s;
        }
        return "'" + s;
    }
}

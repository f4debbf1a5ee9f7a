package io.github.duban.importer;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What the user settles that a document may leave open: the {@code year} of dates that name none,
 * the reporting {@code window} ({@code windowFrom..windowTo}), the reporting {@code dueDay}, the
 * {@code sheet} of a workbook to read, and {@code today}, the date that gives a year when the
 * document names none and nothing else does (the command line passes the system date; null: never).
 * Every field may be null. Immutable and thread-safe.
 */
public record ImportOptions(Integer year, YearMonth windowFrom, YearMonth windowTo, Integer dueDay, String sheet,
                            LocalDate today) {

    /**
     * Checks the settled values: a year within 1990..2100, a window with both months given and in order, a due day
     * within 1..31.
     *
     * @throws IllegalArgumentException when one is out of range
     */
    public ImportOptions {
        if (year != null && (year < 1990 || year > 2100)) {
            throw new IllegalArgumentException("year " + year + " is outside 1990..2100");
        }
        if ((windowFrom == null) != (windowTo == null)) {
            throw new IllegalArgumentException("a window needs both its first and its last month");
        }
        if (windowFrom != null && windowTo.isBefore(windowFrom)) {
            throw new IllegalArgumentException("window " + windowFrom + ".." + windowTo + " ends before it starts");
        }
        if (dueDay != null && (dueDay < 1 || dueDay > 31)) {
            throw new IllegalArgumentException("due day " + dueDay + " is outside 1..31");
        }
    }

    /** Nothing settled: everything comes from the document. */
    public static ImportOptions none() {
        return new ImportOptions(null, null, null, null, null, null);
    }

    /** Only the year of dates that name none settled (null: none). */
    public static ImportOptions ofYear(Integer year) {
        return new ImportOptions(year, null, null, null, null, null);
    }

    /** These options with the year of dates that name none set to {@code y} (null: from the document). */
    public ImportOptions withYear(Integer y) {
        return new ImportOptions(y, windowFrom, windowTo, dueDay, sheet, today);
    }

    /** These options with the reporting window set to {@code from..to} (both null: from the document). */
    public ImportOptions withWindow(YearMonth from, YearMonth to) {
        return new ImportOptions(year, from, to, dueDay, sheet, today);
    }

    /**
     * These options with the reporting due day set to {@code d}, a day of the month 1..31 (null: from the
     * document).
     */
    public ImportOptions withDueDay(Integer d) {
        return new ImportOptions(year, windowFrom, windowTo, d, sheet, today);
    }

    /**
     * These options with the workbook sheet to read set to {@code s} by name (null: the first visible sheet
     * holding a 责任分解表 header).
     */
    public ImportOptions withSheet(String s) {
        return new ImportOptions(year, windowFrom, windowTo, dueDay, s, today);
    }

    /** These options with today's date set to {@code t} (null: never used to give a year). */
    public ImportOptions withToday(LocalDate t) {
        return new ImportOptions(year, windowFrom, windowTo, dueDay, sheet, t);
    }

    /** Parses {@code 2023-01..2023-12}; the message names what was given and what was expected. */
    public static YearMonth[] parseWindow(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("\\.\\.", -1);
        try {
            if (parts.length == 2) {
                return new YearMonth[]{YearMonth.parse(parts[0].strip()), YearMonth.parse(parts[1].strip())};
            }
        } catch (java.time.format.DateTimeParseException e) {
            // fall through
        }
        throw new IllegalArgumentException("window «" + text + "» is not FROM..TO months such as 2023-01..2023-12");
    }
}

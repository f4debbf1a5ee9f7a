package io.github.duban.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines a Word file or a web page gives the text reader: paragraphs in order, tables as rows
 * of tab-separated cells (task tables moved after the text, as an appendix), each line with the
 * place it came from.
 */
final class DocLines {

    private final List<String> lines = new ArrayList<>();
    private final List<Locator.Place> places = new ArrayList<>();
    private final List<String> deferred = new ArrayList<>();
    private final List<Locator.Place> deferredPlaces = new ArrayList<>();

    /** A paragraph (its line breaks make several lines, all at the same place). */
    void add(String text, int line, String where) {
        for (String l : text.split("\\R")) {
            String s = l.replace('\t', ' ').strip();
            if (!s.isEmpty()) {
                lines.add(s);
                places.add(new Locator.Place(line, where));
            }
        }
    }

    /** A table: rows of cells after merges are resolved; a table of tasks goes after the text. */
    void table(List<String[]> rows, List<Locator.Place> rowPlaces) {
        boolean tasks = TextReader.isTaskHeader(rows.subList(0, Math.min(4, rows.size())));
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder sb = new StringBuilder();
            boolean any = false;
            for (int c = 0; c < rows.get(r).length; c++) {
                String v = rows.get(r)[c] == null ? "" : rows.get(r)[c].replaceAll("[\\t\\r\\n]+", " ").strip();
                any |= !v.isEmpty() && !v.startsWith(TextReader.SPANNED) && !v.startsWith(TextReader.MERGED);
                sb.append(c == 0 ? "" : "\t").append(v);
            }
            if (!any) {
                continue;
            }
            (tasks ? deferred : lines).add(sb.toString());
            (tasks ? deferredPlaces : places).add(rowPlaces.get(r));
        }
    }

    boolean isEmpty() {
        return lines.isEmpty() && deferred.isEmpty();
    }

    String text() {
        List<String> all = new ArrayList<>(lines);
        all.addAll(deferred);
        return String.join("\n", all);
    }

    Locator locator() {
        List<Locator.Place> all = new ArrayList<>(places);
        all.addAll(deferredPlaces);
        return Locator.of(all);
    }

    /** Resolves merges: a cell a merge above continues opens with MERGED, one a merge on the left spans with SPANNED. */
    static String merged(String above) {
        return TextReader.MERGED + strip(above);
    }

    static String spanned(String left) {
        return TextReader.SPANNED + strip(left);
    }

    static String strip(String v) {
        return v == null ? "" : v.replace(TextReader.MERGED, "").replace(TextReader.SPANNED, "");
    }
}

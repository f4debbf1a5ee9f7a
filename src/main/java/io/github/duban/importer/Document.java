package io.github.duban.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * A document as any format gives it, before it is read as a plan: paragraphs in order and tables of
 * cells (merges resolved), each with the place it came from (a Word paragraph or table row, a web
 * page's source line, a sheet row), which problems are reported at. A Word file, a saved web page and
 * text build the same model, and the one plan builder ({@link TextReader}) reads it: a table in a Word
 * file, an HTML table and the same table pasted as text give the same plan.
 *
 * <p>The builder reads lines: {@link #text()} gives a paragraph's lines, then a table's rows as cells
 * split by tabs, a table of tasks after everything else (an appendix, wherever it stood), and
 * {@link #locator()} maps each line back to its place.
 */
final class Document {

    /** Something the document holds, and where. */
    sealed interface Element permits Paragraph, Table {
    }

    /** A paragraph (a heading is a paragraph whose text starts with its number: 一、 （一） 1.). */
    record Paragraph(String text, Locator.Place place) implements Element {
    }

    /** A table: rows of cells, a cell a merge continues opening with MERGED, one a merge spans with SPANNED. */
    record Table(List<String[]> rows, List<Locator.Place> places) implements Element {
        Table {
            rows = List.copyOf(rows);
            places = List.copyOf(places);
        }

        /** True when its first rows (up to four) name a task column and a unit column: a 责任分解表. */
        boolean ofTasks() {
            return TextReader.isTaskHeader(rows.subList(0, Math.min(4, rows.size())));
        }
    }

    private final List<Element> elements = new ArrayList<>();

    /** A paragraph (its line breaks make several lines, all at the same place). */
    void add(String text, int line, String where) {
        if (text != null && !text.isBlank()) {
            elements.add(new Paragraph(text, new Locator.Place(line, where)));
        }
    }

    /** A table: rows of cells after merges are resolved. */
    void table(List<String[]> rows, List<Locator.Place> rowPlaces) {
        if (!rows.isEmpty()) {
            elements.add(new Table(rows, rowPlaces));
        }
    }

    List<Element> elements() {
        return List.copyOf(elements);
    }

    boolean isEmpty() {
        return render().lines.isEmpty();
    }

    String text() {
        return String.join("\n", render().lines);
    }

    Locator locator() {
        return Locator.of(render().places);
    }

    private record Rendered(List<String> lines, List<Locator.Place> places) {
    }

    private Rendered render() {
        List<String> lines = new ArrayList<>();
        List<Locator.Place> places = new ArrayList<>();
        List<String> deferred = new ArrayList<>();
        List<Locator.Place> deferredPlaces = new ArrayList<>();
        for (Element e : elements) {
            if (e instanceof Paragraph p) {
                for (String l : p.text().split("\\R")) {
                    String s = l.replace('\t', ' ').strip();
                    if (!s.isEmpty()) {
                        lines.add(s);
                        places.add(p.place());
                    }
                }
            } else if (e instanceof Table t) {
                boolean tasks = t.ofTasks();
                for (int r = 0; r < t.rows().size(); r++) {
                    StringBuilder sb = new StringBuilder();
                    boolean any = false;
                    String[] row = t.rows().get(r);
                    for (int c = 0; c < row.length; c++) {
                        String v = row[c] == null ? "" : row[c].replaceAll("[\\t\\r\\n]+", " ").strip();
                        any |= !v.isEmpty() && !v.startsWith(TextReader.SPANNED) && !v.startsWith(TextReader.MERGED);
                        sb.append(c == 0 ? "" : "\t").append(v);
                    }
                    if (any) {
                        (tasks ? deferred : lines).add(sb.toString());
                        (tasks ? deferredPlaces : places).add(t.places().get(r));
                    }
                }
            }
        }
        lines.addAll(deferred);
        places.addAll(deferredPlaces);
        return new Rendered(lines, places);
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

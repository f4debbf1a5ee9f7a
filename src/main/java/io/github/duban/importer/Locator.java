package io.github.duban.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the lines the text reader saw are in the original document: a Word file's paragraph or
 * table row, a web page's source line, a sheet's row. Problems are reported at those places.
 */
interface Locator {

    /** The lines are the document's own lines. */
    Locator LINES = problems -> problems;

    List<ImportProblem> locate(List<ImportProblem> problems);

    /** One place a line: {@code places.get(i)} is where line {@code i + 1} came from. */
    record Place(int line, String where) {
    }

    static Locator of(List<Place> places) {
        List<Place> copy = List.copyOf(places);
        return problems -> {
            List<ImportProblem> out = new ArrayList<>(problems.size());
            for (ImportProblem p : problems) {
                if (p.line() < 1 || p.line() > copy.size()) {
                    out.add(p);
                    continue;
                }
                Place at = copy.get(p.line() - 1);
                String where = at.where() == null ? p.where() : p.where() == null ? at.where() : at.where() + ", " + p.where();
                out.add(new ImportProblem(at.line(), where, p.message()));
            }
            return out;
        };
    }
}

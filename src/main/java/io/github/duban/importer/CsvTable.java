package io.github.duban.importer;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A 责任分解表 exported from Excel: rows above the header (title), the header's roles, and the rows under it. */
final class CsvTable {

    record Row(int line, List<String> cells, String goalHeading) {
    }

    final List<String> titleLines = new ArrayList<>();
    String title;
    List<Role> roles;
    List<String> headers;
    int headerLine;
    final List<Row> rows = new ArrayList<>();

    static CsvTable read(String text, String source, List<ImportProblem> problems) {
        char sep = separator(text);
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(sep);
        List<Row> all = new ArrayList<>();
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).with(schema).readValues(text)) {
            int line = 1;
            int rows = 0;
            long cellCount = 0;
            while (it.hasNextValue()) {
                String[] cells = it.nextValue();
                rows++;
                cellCount += cells.length;
                if (rows > XlsxReader.MAX_ROWS || cellCount > XlsxReader.MAX_CELLS) {
                    throw new ImportException(source, line, "the CSV file has more than " + (rows > XlsxReader.MAX_ROWS
                            ? XlsxReader.MAX_ROWS + " rows" : XlsxReader.MAX_CELLS + " cells") + ", far more than a 责任分解表 has; refused at this line, unread beyond it");
                }
                List<String> cs = new ArrayList<>();
                int breaks = 0;
                for (String c : cells) {
                    String cell = c == null ? "" : c;
                    breaks += (int) cell.chars().filter(ch -> ch == '\n').count();
                    cs.add(TextReader.clean(cell.replace('\n', ' '), line, problems));
                }
                all.add(new Row(line, cs, null));
                line += 1 + breaks;
            }
        } catch (ImportException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImportException(source, 0, "not a readable CSV file: " + Formats.firstMessage(e).replaceAll("\\s*[\\r\\n]+\\s*", " "));
        }
        return of(all, source, problems);
    }

    /** A table from its rows (CSV lines or a sheet's rows): title rows, the header (one or two rows), the rows under it. */
    static CsvTable of(List<Row> all, String source, List<ImportProblem> problems) {
        CsvTable t = new CsvTable();
        int h = -1;
        for (int i = 0; i < all.size(); i++) {
            List<Role> roles = all.get(i).cells.stream().map(Role::ofHeader).toList();
            long known = roles.stream().filter(r -> r != null).count();
            if (known >= 3 && roles.contains(Role.MEASURE)
                    && (roles.contains(Role.LEAD) || roles.contains(Role.RESPONSIBLE) || roles.contains(Role.SUPPORT))) {
                h = i;
                t.roles = new ArrayList<>(roles);
                t.headers = TextReader.headerNames(all.get(i).cells.toArray(String[]::new));
                t.headerLine = all.get(i).line;
                // a header spanning two rows: 责任单位 above 牵头单位 | 配合单位
                if (i + 1 < all.size() && TextReader.headerContinues(all.get(i + 1).cells.toArray(String[]::new))) {
                    List<String> below = all.get(i + 1).cells;
                    for (int c = 0; c < below.size() && c < t.roles.size(); c++) {
                        String b = Document.strip(below.get(c)).strip();
                        if (!b.isEmpty() && !below.get(c).startsWith(TextReader.MERGED) && !below.get(c).startsWith(TextReader.SPANNED)) {
                            t.roles.set(c, Role.ofHeader(b));
                            t.headers.set(c, TextReader.headerNames(new String[]{b}).get(0));
                        }
                    }
                    h = i + 1;
                }
                Role.settle(t.roles);
                break;
            }
            List<String> own = all.get(i).cells.stream()
                    .filter(c -> !c.isBlank() && !c.startsWith(TextReader.SPANNED) && !c.startsWith(TextReader.MERGED)).toList();
            String joined = String.join(" ", own).strip();
            if (!joined.isEmpty()) {
                t.titleLines.add(joined);
                if (t.title == null && own.size() == 1 && !joined.matches("附件\\s*\\d*[:：]?")
                        && !TextReader.FIRST_LISTED_LEADS.matcher(joined).find() && joined.length() <= 80) {
                    t.title = joined;
                }
            }
        }
        if (h < 0) {
            throw new ImportException(source, 0, "no header row found: expected columns such as 序号, 工作任务/工作措施, 牵头单位, 责任单位, 完成时限");
        }
        if (!t.roles.contains(Role.DEADLINE)) {
            problems.add(new ImportProblem(t.headerLine, "the header has no 完成时限 column"));
        }
        for (int c = 0; c < t.roles.size(); c++) {
            if (t.roles.get(c) == null && c < t.headers.size() && !t.headers.get(c).isBlank()) {
                problems.add(new ImportProblem(t.headerLine, "column «" + t.headers.get(c) + "» is not one the importer reads; ignored"));
            }
        }
        for (int i = h + 1; i < all.size(); i++) {
            Row r = all.get(i);
            List<String> filled = r.cells.stream().filter(c -> !c.isBlank() && !c.startsWith(TextReader.SPANNED)).toList();
            if (filled.isEmpty()) {
                continue;
            }
            long headerLike = r.cells.stream().filter(c -> !c.isBlank() && Role.ofHeader(c) != null).count();
            if (headerLike == filled.size() && filled.size() >= 2) {
                continue; // a repeated or second header row
            }
            int measureCol = t.roles.indexOf(Role.MEASURE);
            boolean noMeasure = measureCol < 0 || measureCol >= r.cells.size() || r.cells.get(measureCol).isBlank()
                    || r.cells.get(measureCol).startsWith(TextReader.SPANNED);
            if (filled.size() == 1 && noMeasure) {
                rows(t).add(new Row(r.line, r.cells, TextReader.headingTitle(Document.strip(filled.get(0)).replaceFirst(
                        "^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）])\\s*", ""))));
                continue;
            }
            t.rows.add(r);
        }
        return t;
    }

    private static List<Row> rows(CsvTable t) {
        return t.rows;
    }

    private static char separator(String text) {
        String first = text.lines().filter(l -> !l.isBlank()).limit(5).reduce("", (a, b) -> a + b);
        long commas = first.chars().filter(c -> c == ',').count();
        long tabs = first.chars().filter(c -> c == '\t').count();
        long semis = first.chars().filter(c -> c == ';').count();
        if (tabs > commas && tabs >= semis) {
            return '\t';
        }
        if (semis > commas) {
            return ';';
        }
        return ',';
    }
}

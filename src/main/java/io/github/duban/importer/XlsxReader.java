package io.github.duban.importer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A 责任分解表 in an Excel workbook (.xlsx, or the old .xls): the first visible sheet or the one
 * named, merged cells resolved, dates written as 2021年6月30日. Problems name the sheet's row and
 * the column. Loaded only when a workbook is imported (POI is an optional dependency).
 */
final class XlsxReader {

    /** A responsibility table has tens or hundreds of rows; more than this is not a plan. */
    static final int MAX_ROWS = 20_000;
    static final int MAX_COLUMNS = 60;
    /** Cells of a 责任分解表: a few thousand; more than this is not a plan. */
    static final long MAX_CELLS = 400_000;

    private XlsxReader() {
    }

    static ImportResult read(Path file, ImportOptions options) {
        String source = file.toString();
        Ooxml.secure();
        if (isZip(file)) {
            checkSize(file, source);
        }
        List<ImportProblem> problems = new ArrayList<>();
        List<CsvTable.Row> rows = new ArrayList<>();
        String sheetName;
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            Sheet sheet = sheet(wb, options == null ? null : options.sheet(), source);
            sheetName = sheet.getSheetName();
            String firstName = wb.getSheetName(wb.getFirstVisibleTab());
            if ((options == null || options.sheet() == null) && !firstName.equals(sheetName)) {
                problems.add(new ImportProblem(0, "the first sheet «" + firstName + "» holds no 责任分解表 header; sheet «"
                        + sheetName + "» is read (--sheet to choose)"));
            }
            int last = sheet.getLastRowNum();
            if (last >= MAX_ROWS) {
                throw new ImportException(source, 0, "sheet «" + sheetName + "» has " + (last + 1) + " rows, more than "
                        + MAX_ROWS + " for a 责任分解表; refused");
            }
            int width = 0;
            for (Row row : sheet) {
                width = Math.max(width, Math.min(MAX_COLUMNS, row.getLastCellNum()));
            }
            String[][] grid = new String[last + 1][width];
            DataFormatter fmt = new DataFormatter(Locale.CHINA);
            for (Row row : sheet) {
                for (int c = 0; c < width; c++) {
                    Cell cell = row.getCell(c);
                    grid[row.getRowNum()][c] = cell == null ? "" : value(cell, fmt);
                }
            }
            for (CellRangeAddress m : sheet.getMergedRegions()) {
                int r0 = m.getFirstRow();
                int c0 = m.getFirstColumn();
                if (r0 > last || c0 >= width) {
                    continue;
                }
                String v = grid[r0][c0] == null ? "" : grid[r0][c0];
                for (int r = r0; r <= Math.min(m.getLastRow(), last); r++) {
                    for (int c = c0; c <= Math.min(m.getLastColumn(), width - 1); c++) {
                        if (r == r0 && c == c0) {
                            continue;
                        }
                        grid[r][c] = r > r0 ? Document.merged(v) : Document.spanned(v);
                    }
                }
            }
            for (int r = 0; r <= last; r++) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    String v = grid[r][c] == null ? "" : grid[r][c];
                    String mark = v.startsWith(TextReader.MERGED) ? TextReader.MERGED : v.startsWith(TextReader.SPANNED) ? TextReader.SPANNED : "";
                    cells.add(mark + TextReader.clean(Document.strip(v).replace('\n', ' '), r + 1, problems));
                }
                rows.add(new CsvTable.Row(r + 1, cells, null));
            }
        } catch (ImportException e) {
            throw e;
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            throw Ooxml.failure(source, "an Excel workbook", e);
        }
        CsvTable table = CsvTable.of(rows, source, problems);
        for (int c = 0; c < table.headers.size(); c++) {
            table.headers.set(c, table.headers.get(c) + " (" + CellReference.convertNumToColString(c) + ")");
        }
        StringBuilder all = new StringBuilder();
        List<Locator.Place> places = new ArrayList<>();
        for (CsvTable.Row r : rows) {
            all.append(String.join(" ", r.cells())).append('\n');
            places.add(new Locator.Place(r.line(), "sheet «" + sheetName + "»"));
        }
        String title = file.getFileName().toString().replaceAll("\\.[^.]+$", "");
        return PlanImporter.importTable(table, source, title, options, problems, Locator.of(places), all.toString());
    }

    private static boolean isZip(Path file) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] b = in.readNBytes(4);
            return b.length == 4 && b[0] == 0x50 && b[1] == 0x4B && b[2] == 0x03 && b[3] == 0x04;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * Counts the rows and cells of every sheet as it streams past, before POI builds the workbook in
     * memory, and refuses a sheet over {@link #MAX_ROWS} rows or {@link #MAX_CELLS} cells at once (its
     * declared dimension is believed when it is already too big). Anything it cannot read is left to POI.
     */
    static void checkSize(Path file, String source) {
        javax.xml.stream.XMLInputFactory xif = javax.xml.stream.XMLInputFactory.newFactory();
        xif.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);
        xif.setProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            for (java.util.Enumeration<? extends java.util.zip.ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                java.util.zip.ZipEntry e = en.nextElement();
                if (!e.getName().matches("xl/worksheets/[^/]+\\.xml")) {
                    continue;
                }
                long rows = 0;
                long cells = 0;
                try (java.io.InputStream in = zip.getInputStream(e)) {
                    javax.xml.stream.XMLStreamReader x = xif.createXMLStreamReader(in);
                    while (x.hasNext()) {
                        if (x.next() != javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
                            continue;
                        }
                        String local = x.getLocalName();
                        if (local.equals("dimension")) {
                            java.util.regex.Matcher m = java.util.regex.Pattern.compile("[A-Z]+(\\d+)$").matcher(String.valueOf(x.getAttributeValue(null, "ref")));
                            if (m.find() && m.group(1).length() < 10 && Long.parseLong(m.group(1)) > MAX_ROWS) {
                                throw tooBig(source, e.getName(), m.group(1) + " rows (its declared size)");
                            }
                        } else if (local.equals("row") && ++rows > MAX_ROWS) {
                            throw tooBig(source, e.getName(), "more than " + MAX_ROWS + " rows");
                        } else if (local.equals("c") && ++cells > MAX_CELLS) {
                            throw tooBig(source, e.getName(), "more than " + MAX_CELLS + " cells");
                        }
                    }
                }
            }
        } catch (ImportException e) {
            throw e;
        } catch (Exception e) {
            // not readable here: POI says why, with its own limits
        }
    }

    private static ImportException tooBig(String source, String part, String what) {
        return new ImportException(source, 0, "a sheet (" + part + ") has " + what + ", far more than a 责任分解表 (at most "
                + MAX_ROWS + " rows); refused before reading it");
    }

    private static Sheet sheet(Workbook wb, String name, String source) {
        if (name != null) {
            Sheet s = wb.getSheet(name);
            if (s == null) {
                List<String> names = new ArrayList<>();
                wb.forEach(x -> names.add(x.getSheetName()));
                throw new ImportException(source, 0, "no sheet named «" + name + "»; the workbook has " + String.join(", ", names));
            }
            return s;
        }
        Sheet first = null;
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            if (wb.isSheetHidden(i) || wb.isSheetVeryHidden(i)) {
                continue;
            }
            Sheet s = wb.getSheetAt(i);
            first = first == null ? s : first;
            if (hasHeader(s)) {
                return s; // the first sheet that holds a 责任分解表 (a cover or notes sheet may come first)
            }
        }
        if (first == null) {
            throw new ImportException(source, 0, "the workbook has no visible sheet");
        }
        return first;
    }

    private static boolean hasHeader(Sheet s) {
        DataFormatter fmt = new DataFormatter(Locale.CHINA);
        int seen = 0;
        for (Row row : s) {
            if (++seen > 30) {
                break;
            }
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < Math.min(MAX_COLUMNS, Math.max(0, row.getLastCellNum())); c++) {
                Cell cell = row.getCell(c);
                cells.add(cell == null ? "" : fmt.formatCellValue(cell));
            }
            if (TextReader.isTaskHeader(List.<String[]>of(cells.toArray(String[]::new)))) {
                return true;
            }
        }
        return false;
    }

    private static String value(Cell cell, DataFormatter fmt) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            LocalDate d = cell.getLocalDateTimeCellValue().toLocalDate();
            return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
        }
        if (type == CellType.STRING) {
            return cell.getCellType() == CellType.FORMULA ? cell.getStringCellValue() : cell.getRichStringCellValue().getString();
        }
        return fmt.formatCellValue(cell);
    }
}

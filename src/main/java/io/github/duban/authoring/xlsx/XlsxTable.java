package io.github.duban.authoring.xlsx;

import io.github.duban.error.InputException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The first sheet of an XLSX workbook as CSV text, one line per spreadsheet row (empty rows as
 * empty lines), so that a CSV reader's line numbers are the rows an author sees in Excel or WPS.
 * Cells read as displayed. Needs Apache POI (an optional dependency: only loaded when an XLSX is
 * given). Thread-safe.
 */
public final class XlsxTable {

    private XlsxTable() {
    }

    /**
     * The first sheet of the workbook {@code file} as CSV text, line N holding row N; rows with no text are empty
     * lines.
     *
     * @throws InputException when the file is not a readable XLSX workbook or has no sheet
     */
    public static String csv(Path file) {
        DataFormatter format = new DataFormatter();
        try (InputStream in = Files.newInputStream(file); Workbook book = WorkbookFactory.create(in)) {
            if (book.getNumberOfSheets() == 0) {
                throw new InputException(file.toString(), 0, null, "has no sheet");
            }
            Sheet sheet = book.getSheetAt(0);
            StringBuilder sb = new StringBuilder();
            int width = 0;
            Row header = sheet.getRow(sheet.getFirstRowNum());
            if (header != null) {
                width = Math.max(header.getLastCellNum(), 0);
            }
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row != null && row.getLastCellNum() > 0) {
                    int cells = Math.max(width, row.getLastCellNum());
                    boolean any = false;
                    StringBuilder line = new StringBuilder();
                    for (int c = 0; c < cells; c++) {
                        Cell cell = row.getCell(c);
                        String v = cell == null ? "" : format.formatCellValue(cell).strip();
                        any |= !v.isEmpty();
                        if (c > 0) {
                            line.append(',');
                        }
                        line.append(quote(v));
                    }
                    if (any) {
                        sb.append(line);
                    }
                }
                sb.append('\n');
            }
            return sb.toString();
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputException ie) {
                throw ie;
            }
            throw new InputException(file.toString(), 0, null, "is not a readable XLSX workbook: " + e.getMessage());
        }
    }

    private static String quote(String v) {
        if (v.contains(",") || v.contains("\"") || v.contains("\n")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}

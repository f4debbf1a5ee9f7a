package io.github.duban.importer;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Word .docx plan: body paragraphs in order (with the numbers Word's automatic numbering shows),
 * and real Word tables, merged cells resolved (a vertical merge continues the cell above, a
 * horizontal one spans the cell on its left). Problems name the paragraph or the table row.
 * Loaded only when a .docx is imported (POI is an optional dependency).
 */
final class DocxReader {

    private DocxReader() {
    }

    static ImportResult read(Path file, ImportOptions options) {
        String source = file.toString();
        Ooxml.secure();
        Document out = new Document();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ); XWPFDocument doc = new XWPFDocument(pkg)) {
            int[] counters = {0, 0};
            Numbering numbering = new Numbering();
            for (IBodyElement e : doc.getBodyElements()) {
                read(e, out, counters, numbering);
            }
        } catch (ImportException e) {
            throw e;
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            throw Ooxml.failure(source, "a Word .docx file", e);
        }
        if (out.isEmpty()) {
            throw new ImportException(source, 0, "the Word file holds no text");
        }
        return PlanImporter.importLines(out.text(), source, options, out.locator());
    }

    private static void read(IBodyElement e, Document out, int[] counters, Numbering numbering) {
        if (e instanceof XWPFParagraph p) {
            counters[0]++;
            out.add(numbering.prefix(p) + p.getText(), 0, "paragraph " + counters[0]);
        } else if (e instanceof XWPFTable t) {
            counters[1]++;
            table(t, counters[1], out);
        } else if (e instanceof XWPFSDT sdt) {
            counters[0]++;
            out.add(sdt.getContent().getText(), 0, "paragraph " + counters[0]);
        }
    }

    private static void table(XWPFTable t, int tableNo, Document out) {
        List<String[]> rows = new ArrayList<>();
        List<Locator.Place> places = new ArrayList<>();
        String[] above = new String[0];
        int r = 0;
        for (XWPFTableRow row : t.getRows()) {
            r++;
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                CTTcPr pr = cell.getCTTc().getTcPr();
                int span = 1;
                boolean continues = false;
                if (pr != null) {
                    if (pr.isSetGridSpan() && pr.getGridSpan().getVal() != null) {
                        span = Math.max(1, Math.min(64, ((BigInteger) pr.getGridSpan().getVal()).intValue()));
                    }
                    if (pr.isSetVMerge()) {
                        continues = pr.getVMerge().getVal() == null || pr.getVMerge().getVal() == STMerge.CONTINUE;
                    }
                }
                int col = cells.size();
                String v = continues ? Document.merged(col < above.length ? above[col] : "") : text(cell);
                cells.add(v);
                for (int k = 1; k < span; k++) {
                    cells.add(continues ? v : Document.spanned(v));
                }
            }
            above = cells.toArray(String[]::new);
            rows.add(above);
            places.add(new Locator.Place(0, "table " + tableNo + ", row " + r));
        }
        out.table(rows, places);
    }

    private static String text(XWPFTableCell cell) {
        StringBuilder sb = new StringBuilder();
        for (XWPFParagraph p : cell.getParagraphs()) {
            String s = p.getText().strip();
            if (!s.isEmpty()) {
                sb.append(sb.isEmpty() ? "" : " ").append(s);
            }
        }
        for (XWPFTable inner : cell.getTables()) {
            for (XWPFTableRow row : inner.getRows()) {
                for (XWPFTableCell c : row.getTableCells()) {
                    sb.append(' ').append(c.getText().strip());
                }
            }
        }
        return sb.toString().strip();
    }

    /** The numbers Word's automatic numbering puts before a paragraph (1. （一） 一、 ①), counted per list and level. */
    private static final class Numbering {
        private final Map<BigInteger, int[]> counts = new HashMap<>();

        String prefix(XWPFParagraph p) {
            BigInteger id = p.getNumID();
            if (id == null || BigInteger.ZERO.equals(id)) {
                return "";
            }
            int level = p.getNumIlvl() == null ? 0 : Math.max(0, Math.min(8, p.getNumIlvl().intValue()));
            int[] c = counts.computeIfAbsent(id, k -> new int[9]);
            c[level]++;
            for (int l = level + 1; l < 9; l++) {
                c[l] = 0;
            }
            String text = p.getNumLevelText();
            String fmt = p.getNumFmt();
            if (text == null || fmt == null || fmt.equals("bullet") || fmt.equals("none")) {
                return "";
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch == '%' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1))) {
                    int l = text.charAt(++i) - '1';
                    sb.append(format(l >= 0 && l < 9 ? Math.max(1, c[l]) : 1, fmt));
                } else {
                    sb.append(ch);
                }
            }
            return sb.toString();
        }

        private static String format(int n, String fmt) {
            if (fmt.startsWith("decimalEnclosedCircle") && n >= 1 && n <= 20) {
                return String.valueOf((char) ('①' + n - 1));
            }
            if (fmt.startsWith("chinese") || fmt.startsWith("ideograph") || fmt.startsWith("japanese") || fmt.startsWith("taiwanese")) {
                return chinese(n);
            }
            return Integer.toString(n);
        }

        private static String chinese(int n) {
            String d = "〇一二三四五六七八九";
            if (n < 10) {
                return String.valueOf(d.charAt(n));
            }
            if (n < 100) {
                return (n / 10 == 1 ? "" : String.valueOf(d.charAt(n / 10))) + "十" + (n % 10 == 0 ? "" : String.valueOf(d.charAt(n % 10)));
            }
            return Integer.toString(n);
        }
    }
}

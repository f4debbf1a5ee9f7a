package io.github.duban.importer;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The test corpus of real published plans (src/test/resources/import/real/NAME): each holds the
 * text as published ({@code plan.txt}), where it was found ({@code SOURCE.txt}), the hand-checked
 * expectations ({@code expected.json}) and, for a plan that is a table, the table as the page's
 * table holds it ({@code table.tsv}: {@code P} lines are the paragraphs above it, {@code R} lines its
 * rows, cells split by tabs, {@code \n} a line break inside a cell). From these it builds the forms an
 * office's own conversion makes: a Word file (paragraphs, and a real Word table for a table), a saved
 * web page (site chrome around the article, a real {@code <table>} for a table) and, for a table, an
 * Excel 分解表. Deterministic: the same files give the same forms.
 */
final class RealPlans {

    static final Path ROOT = Path.of("src/test/resources/import/real");

    enum Form { TEXT, DOCX, HTML, XLSX }

    private RealPlans() {
    }

    /** Every plan of the corpus that has expectations, by name in order. */
    static List<Path> plans() {
        try (Stream<Path> s = Files.list(ROOT)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("expected.json"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean tabular(Path plan) {
        return Files.isRegularFile(plan.resolve("table.tsv"));
    }

    /** The forms of a plan: text, Word and web page always; Excel for a plan that is a table. */
    static List<Form> forms(Path plan) {
        return tabular(plan) ? List.of(Form.TEXT, Form.DOCX, Form.HTML, Form.XLSX) : List.of(Form.TEXT, Form.DOCX, Form.HTML);
    }

    /** Writes the plan in {@code form} into {@code dir} and returns the file. */
    static Path write(Path plan, Form form, Path dir) throws IOException {
        String name = plan.getFileName().toString();
        return switch (form) {
            case TEXT -> Files.copy(plan.resolve("plan.txt"), dir.resolve(name + ".txt"));
            case DOCX -> docx(plan, dir.resolve(name + ".docx"));
            case HTML -> html(plan, dir.resolve(name + ".html"));
            case XLSX -> xlsx(plan, dir.resolve(name + ".xlsx"));
        };
    }

    record Layout(List<String> paragraphs, List<String[]> table) {
    }

    /** The paragraphs and the table of a tabular plan, or the text's lines as paragraphs. */
    static Layout layout(Path plan) throws IOException {
        List<String> paragraphs = new ArrayList<>();
        List<String[]> table = new ArrayList<>();
        if (tabular(plan)) {
            for (String l : Files.readAllLines(plan.resolve("table.tsv"), StandardCharsets.UTF_8)) {
                if (l.startsWith("P\t")) {
                    paragraphs.add(l.substring(2));
                } else if (l.startsWith("R\t")) {
                    String[] cells = l.substring(2).split("\t", -1);
                    for (int i = 0; i < cells.length; i++) {
                        cells[i] = cells[i].replace("\\n", "\n");
                    }
                    table.add(cells);
                }
            }
        } else {
            for (String l : Files.readAllLines(plan.resolve("plan.txt"), StandardCharsets.UTF_8)) {
                if (!l.isBlank()) {
                    paragraphs.add(l.strip());
                }
            }
        }
        return new Layout(paragraphs, table);
    }

    static Path docx(Path plan, Path file) throws IOException {
        Layout l = layout(plan);
        return Documents.docx(file, l.paragraphs(), l.table().isEmpty() ? List.of() : List.of(l.table()), List.of());
    }

    static Path html(Path plan, Path file) throws IOException {
        Layout l = layout(plan);
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(Documents.escape(l.paragraphs().get(0))).append("</title>\n")
                .append("<script>var share = '分享到';</script><style>p{margin:0}</style></head>\n<body>\n")
                .append("<div class=\"top-nav\"><a href=\"/\">首页</a> | <a href=\"/zwgk\">政务公开</a> | <a href=\"/bsfw\">办事服务</a></div>\n")
                .append("<div class=\"position\">您现在所在的位置：首页 &gt; 政务公开 &gt; 政府文件</div>\n")
                .append("<div class=\"bdsharebuttonbox\"><a class=\"bds_weixin\">分享到微信</a></div>\n")
                .append("<div class=\"article\">\n<div class=\"content\">\n");
        for (String p : l.paragraphs()) {
            h.append("<p>").append(Documents.escape(p)).append("</p>\n");
        }
        if (!l.table().isEmpty()) {
            h.append(Documents.htmlTable(l.table(), "border=\"1\" cellspacing=\"0\""));
        }
        h.append("</div></div>\n<div class=\"footer\"><p>主办：人民政府办公室</p><p>版权所有</p></div>\n</body></html>\n");
        return Files.writeString(file, h.toString(), StandardCharsets.UTF_8);
    }

    static Path xlsx(Path plan, Path file) throws IOException {
        Layout l = layout(plan);
        int width = l.table().get(0).length;
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("分解表");
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            int r = 0;
            for (String p : l.paragraphs()) {
                s.createRow(r).createCell(0).setCellValue(p);
                if (width > 1) {
                    s.addMergedRegion(new CellRangeAddress(r, r, 0, width - 1));
                }
                r++;
            }
            for (String[] cells : l.table()) {
                Row row = s.createRow(r++);
                for (int c = 0; c < cells.length; c++) {
                    var cell = row.createCell(c);
                    if (c == 0 && cells[c].matches("\\d+")) {
                        cell.setCellValue(Integer.parseInt(cells[c]));
                    } else {
                        cell.setCellValue(cells[c]);
                    }
                    cell.setCellStyle(wrap);
                }
            }
            wb.write(out);
        }
        return file;
    }
}

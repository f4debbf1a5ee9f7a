package io.github.duban.importer;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Documents written by the tests: Word files through POI, web pages as text, and the seed turned
 * into both (its body as paragraphs, its appendix as a real table with merged goal cells).
 */
final class Documents {

    /** A cell continuing the merged cell above it. */
    static final String UP = "\u0000up";
    /** A cell the cell on its left spans into. */
    static final String LEFT = "\u0000left";

    private Documents() {
    }

    /** A Word file: paragraphs, then the tables (rows of cells; UP and LEFT merge), then more paragraphs. */
    static Path docx(Path file, List<String> before, List<List<String[]>> tables, List<String> after) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            for (String p : before) {
                doc.createParagraph().createRun().setText(p);
            }
            for (List<String[]> rows : tables) {
                table(doc, rows);
            }
            for (String p : after) {
                doc.createParagraph().createRun().setText(p);
            }
            doc.write(out);
        }
        return file;
    }

    private static void table(XWPFDocument doc, List<String[]> rows) {
        XWPFTable t = doc.createTable();
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = r == 0 ? t.getRow(0) : t.createRow();
            while (row.getTableCells().size() > 0 && r > 0) {
                row.removeCell(0);
            }
            String[] cells = rows.get(r);
            int written = 0;
            for (int c = 0; c < cells.length; c++) {
                if (LEFT.equals(cells[c])) {
                    continue; // spanned by the cell on its left
                }
                XWPFTableCell cell = r == 0 && written == 0 ? row.getCell(0) : row.addNewTableCell();
                written++;
                CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
                int span = 1;
                while (c + span < cells.length && LEFT.equals(cells[c + span])) {
                    span++;
                }
                if (span > 1) {
                    pr.addNewGridSpan().setVal(BigInteger.valueOf(span));
                }
                if (UP.equals(cells[c])) {
                    pr.addNewVMerge().setVal(STMerge.CONTINUE);
                    continue;
                }
                if (r + 1 < rows.size() && c < rows.get(r + 1).length && UP.equals(rows.get(r + 1)[c])) {
                    pr.addNewVMerge().setVal(STMerge.RESTART);
                }
                XWPFParagraph p = cell.getParagraphs().isEmpty() ? cell.addParagraph() : cell.getParagraphs().get(0);
                String[] paras = cells[c].split("\n");
                p.createRun().setText(paras[0]);
                for (int k = 1; k < paras.length; k++) {
                    cell.addParagraph().createRun().setText(paras[k]);
                }
            }
        }
    }

    /** A table as HTML rows: UP cells are covered by a rowspan from above, LEFT by a colspan. */
    static String htmlTable(List<String[]> rows, String attrs) {
        StringBuilder sb = new StringBuilder("<table " + attrs + ">\n");
        for (int r = 0; r < rows.size(); r++) {
            sb.append("<tr>");
            String[] cells = rows.get(r);
            for (int c = 0; c < cells.length; c++) {
                if (UP.equals(cells[c]) || LEFT.equals(cells[c])) {
                    continue;
                }
                int rowspan = 1;
                while (r + rowspan < rows.size() && c < rows.get(r + rowspan).length && UP.equals(rows.get(r + rowspan)[c])) {
                    rowspan++;
                }
                int colspan = 1;
                while (c + colspan < cells.length && LEFT.equals(cells[c + colspan])) {
                    colspan++;
                }
                sb.append("<td").append(rowspan > 1 ? " rowspan=\"" + rowspan + "\"" : "").append(colspan > 1 ? " colspan=\"" + colspan + "\"" : "")
                        .append("><p>").append(escape(cells[c]).replace("\n", "</p><p>")).append("</p></td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</table>\n").toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    // ---- the seed ----

    /** The seed's lines, its body (everything before the appendix table) and its appendix as rows. */
    record Seed(List<String> body, List<String[]> table, List<String> after) {
    }

    static Seed seed() throws IOException {
        List<String> lines = Files.readAllLines(SeedImportTest.SEED, StandardCharsets.UTF_8).stream()
                .map(l -> l.replace('\u00a0', ' ').replace('\u3000', ' ')).toList();
        List<String> body = new ArrayList<>();
        int i = 0;
        for (; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("序号")) {
                break;
            }
            if (!lines.get(i).isBlank()) {
                body.add(lines.get(i).strip());
            }
        }
        List<String> cells = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith("扫一扫")) {
                after.add(lines.get(i).strip()); // the page's footer, below the table
            } else if (!lines.get(i).isBlank()) {
                cells.add(lines.get(i).strip());
            }
        }
        List<String[]> table = new ArrayList<>();
        table.add(cells.subList(0, 5).toArray(String[]::new));
        int k = 5;
        int no = 1;
        while (k < cells.size()) {
            int end = k + 1;
            while (end < cells.size() && !cells.get(end).equals(String.valueOf(no + 1))) {
                end++;
            }
            List<String> row = new ArrayList<>(cells.subList(k, end));
            if (row.size() == 4) {
                row.add(1, UP); // the goal cell merged with the row above, as the page shows it
            }
            table.add(row.toArray(String[]::new));
            k = end;
            no++;
        }
        return new Seed(body, table, after);
    }

    /** The seed as a Word file: its body as paragraphs, the appendix as a real Word table. */
    static Path seedDocx(Path file) throws IOException {
        Seed s = seed();
        return docx(file, s.body(), List.of(s.table()), s.after());
    }

    /** The seed as a saved government page: navigation, share buttons, the metadata box, the article, a footer. */
    static Path seedHtml(Path file) throws IOException {
        Seed s = seed();
        List<String> body = s.body();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(escape(body.get(6))).append("</title>\n")
                .append("<script>var share = '分享到';</script><style>p{margin:0}</style></head>\n<body>\n")
                .append("<div class=\"top-nav\"><a href=\"/\">首页</a> | <a href=\"/xxgk\">信息公开</a> | <a href=\"/hd\">政民互动</a></div>\n")
                .append("<nav><ul><li>首页</li><li>政务公开</li><li>办事服务</li></ul></nav>\n")
                .append("<div class=\"position\">").append(escape(body.get(0))).append("</div>\n")
                .append("<div class=\"bdsharebuttonbox\"><a class=\"bds_weixin\">分享到微信</a><a class=\"bds_tsina\">微博</a></div>\n")
                .append("<table class=\"xxgk-meta\">\n")
                .append("<tr><td>索引号:</td><td>4311030021/2021-04400</td><td>分类:</td><td></td></tr>\n")
                .append("<tr><td>发文机关:</td><td>冷水滩区人民政府</td><td>发文日期:</td><td>2021-02-08</td></tr>\n")
                .append("<tr><td>名称:</td><td colspan=\"3\">").append(escape(body.get(4).replaceFirst("^名称:\\s*", ""))).append("</td></tr>\n")
                .append("<tr><td>文号:</td><td colspan=\"3\">冷优组发〔2021〕3号</td></tr>\n")
                .append("</table>\n<div class=\"article\">\n<h1>").append(escape(body.get(6))).append("</h1>\n")
                .append("<div class=\"info\">").append(escape(body.get(7))).append("</div>\n<div class=\"content\">\n");
        for (String p : body.subList(8, body.size())) {
            h.append("<p>").append(escape(p)).append("</p>\n");
        }
        h.append(htmlTable(s.table(), "border=\"1\""));
        h.append("</div></div>\n<div class=\"footer\"><p>主办：冷水滩区人民政府办公室</p><p>版权所有 湘ICP备00000000号</p><p>")
                .append(escape(String.join(" ", s.after()))).append("</p></div>\n")
                .append("<div class=\"share\">分享到：微信 微博</div>\n</body></html>\n");
        return Files.writeString(file, h.toString(), StandardCharsets.UTF_8);
    }
}

package io.github.duban.bulletin;

import java.util.List;
import java.util.Map;

/**
 * Writes the bulletin as a Word document: A4 with the 公文 margins, 仿宋_GB2312 body text (the
 * font table names 仿宋 and 宋体 as its substitutes), 黑体/楷体 headings, real Word tables with
 * repeated header rows, the score chart as a PNG.
 *
 * <p>The main part, {@code word/document.xml}, is written here as text in one pass, the same
 * markup POI's paragraph, table and run calls give (see the reference writer in the tests),
 * because building a 400-row board through XmlBeans cursors costs about a second; the package
 * around it ({@link DocxPackage}) is written as text too, the parts POI would make. No POI class
 * is used. The package's dates are the bulletin's date and every zip entry carries one fixed
 * time, so the same bulletin gives the same bytes.
 */
final class DocxBulletin {
    static final String BODY = "仿宋_GB2312";
    static final String TITLE = "方正小标宋简体";
    static final String HEADING = "黑体";
    static final String SUBHEADING = "楷体_GB2312";
    static final String LATIN = "Times New Roman";
    /** The East Asian font of the document defaults (styles.xml), for text that names none. */
    static final String DEFAULT_EAST_ASIA = "宋体";
    /** word/styles.xml: the document defaults' fonts, as POI's {@code XWPFStyles.setDefaultFonts} writes them. */
    static final String STYLES = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:docDefaults><w:rPrDefault><w:rPr>"
            + "<w:rFonts w:ascii=\"" + LATIN + "\" w:hAnsi=\"" + LATIN + "\" w:eastAsia=\"" + DEFAULT_EAST_ASIA + "\" w:cs=\"" + LATIN + "\"/>"
            + "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr/></w:pPrDefault></w:docDefaults></w:styles>";
    /** word/fontTable.xml: a font table that tells Word which installed font stands in for each named one. */
    static final String FONT_TABLE = fontTable();

    private static final byte[] PROLOG = WordXml.utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
            + " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
            + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>");
    private static final byte[] SECTION = WordXml.utf8("<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
            + "<w:pgMar w:top=\"2098\" w:bottom=\"1984\" w:left=\"1588\" w:right=\"1474\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>"
            + "</w:sectPr></w:body></w:document>");
    private static final byte[] TABLE_PR_END = WordXml.utf8("\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>"
            + "<w:top w:val=\"single\"/><w:left w:val=\"single\"/><w:bottom w:val=\"single\"/><w:right w:val=\"single\"/>"
            + "<w:insideH w:val=\"single\"/><w:insideV w:val=\"single\"/></w:tblBorders></w:tblPr>");
    private static final byte[] HEADER_ROW = WordXml.utf8("<w:tr><w:trPr><w:tblHeader w:val=\"on\"/></w:trPr>");
    private static final byte[] BODY_ROW = WordXml.utf8("<w:tr><w:trPr><w:cantSplit w:val=\"on\"/></w:trPr>");
    private static final byte[] CELL_START = WordXml.utf8("<w:tc><w:tcPr><w:tcW w:w=\"");
    private static final byte[] CELL_WIDTH_END = WordXml.utf8("\" w:type=\"dxa\"/>");
    private static final byte[] CELL_FILL = WordXml.utf8("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"");
    private static final byte[] CELL_PARA_CENTER = WordXml.utf8("<w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:pPr>"
            + "<w:spacing w:before=\"0\" w:after=\"0\"/><w:jc w:val=\"center\"/></w:pPr><w:r>");
    private static final byte[] CELL_PARA_LEFT = WordXml.utf8("<w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:pPr>"
            + "<w:spacing w:before=\"0\" w:after=\"0\"/><w:jc w:val=\"left\"/></w:pPr><w:r>");
    private static final byte[] HEADER_CELL_RPR = WordXml.utf8("<w:rPr>" + rFonts(HEADING) + "<w:sz w:val=\"22\"/></w:rPr>");
    private static final byte[] BODY_CELL_RPR = WordXml.utf8("<w:rPr>" + rFonts(BODY) + "<w:sz w:val=\"21\"/></w:rPr>");
    private static final byte[] CELL_END = WordXml.utf8("</w:r></w:p></w:tc>");
    private static final byte[] T_OPEN = WordXml.utf8("<w:t>");
    private static final byte[] T_PRESERVE = WordXml.utf8("<w:t xml:space=\"preserve\">");
    private static final byte[] T_END = WordXml.utf8("</w:t>");
    private static final byte[] T_EMPTY = WordXml.utf8("<w:t/>");

    private DocxBulletin() {
    }

    static byte[] write(Bulletin b) {
        byte[] png = ChartPng.png(b.chart());
        String picture = DocxPackage.PICTURE_ID;
        WordXml x = new WordXml(64 * 1024 + 3600 * (b.board().size() + b.ranking().size()));
        x.raw(PROLOG);
        para(x, "center", 0, 0).run(b.series(), TITLE, 36, true, "C8161D").end();
        para(x, "center", 0, 60).run("第" + b.issue() + "期", BODY, 16, false, null).end();
        x.raw("<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"18\" w:space=\"4\" w:color=\"C8161D\"/></w:pBdr>"
                + "<w:tabs><w:tab w:pos=\"8844\" w:val=\"right\"/></w:tabs><w:spacing w:before=\"0\" w:after=\"0\"/><w:jc w:val=\"both\"/></w:pPr>");
        new Para(x).run(b.office(), BODY, 15, false, null).tab().run(b.dateText(), BODY, 15, false, null).end();
        para(x, "center", 360, 240).run(b.title(), TITLE, 22, false, null).end();
        para(x, "left", 0, 0).run(b.recipients() + "：", BODY, 16, false, null).end();
        body(x, b.opening());

        heading(x, "一、总体情况");
        b.overview().paragraphs().forEach(p -> body(x, p));

        for (Bulletin.Section sec : b.sections()) {
            heading(x, sec.heading());
            if (sec.parts().isEmpty()) {
                body(x, sec.none());
            }
            for (Bulletin.Part part : sec.parts()) {
                if (!part.intro().isEmpty()) {
                    subheading(x, part.heading());
                    body(x, part.intro());
                    numbered(x, part.items().stream().map(Bulletin.Item::text).toList());
                } else {
                    numbered(x, part.heading(), part.items().stream().map(Bulletin.Item::text).toList());
                }
            }
        }

        heading(x, "四、考核得分与排名");
        int[] rw = {800, 3000, 1100, 1100, 1100, 1100, 1000};
        table(x, List.of("序号", "单位", "得分", "等次", "扣分", "加分", "排名"), rw);
        for (Bulletin.RankRow r : b.ranking()) {
            row(x, rw, null, String.valueOf(r.no()), r.unit(), r.score(), r.rating(), r.deductions(), r.bonuses(), String.valueOf(r.rank()));
        }
        x.raw("</w:tbl>");
        if (!b.rankingNote().isEmpty()) {
            body(x, b.rankingNote());
        }
        chart(x, b, picture);

        heading(x, "五、下一步工作要求");
        b.requirements().forEach(p -> body(x, p));
        if (b.closing() != null) {
            body(x, b.closing());
        }
        para(x, "left", 320, 0).run("附件：" + b.attachment(), BODY, 16, false, null).end();
        para(x, "right", 480, 0).run(b.office(), BODY, 16, false, null).end();
        para(x, "right", 0, 0).run(b.dateText(), BODY, 16, false, null).end();
        x.raw("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
        para(x, "left", 0, 0).run("附件", HEADING, 16, false, null).end();
        para(x, "center", 240, 240).run(b.attachment(), TITLE, 18, false, null).end();
        int[] bw = {700, 1000, 2700, 2100, 1500, 800, 1000};
        table(x, List.of("任务", "灯", "任务名称", "牵头单位", "完成时限", "进度", "序时进度"), bw);
        for (Bulletin.BoardCell c : b.board()) {
            row(x, bw, LIGHT_FILL.get(c.css()), String.valueOf(c.task()), c.lightText(), c.title(), c.leads(), c.deadline(),
                    c.percent() + "%", c.schedule());
        }
        x.raw("</w:tbl>");

        if (b.copyTo() != null) {
            para(x, "left", 360, 0).run("抄送：" + b.copyTo(), BODY, 14, false, null).end();
        }
        para(x, "left", b.copyTo() == null ? 360 : 0, 0).run(b.printer() + "　　" + b.printDateText() + "印发", BODY, 14, false, null).end();
        x.raw(SECTION);
        return DocxPackage.write(x, png, b);
    }

    static final Map<String, String> LIGHT_FILL = Map.of(
            "red", "F8D0D0", "yellow", "FFF0B3", "green", "D5ECD6", "done", "DDE1F3");

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "—" : s;
    }

    // the font table

    private static String fontTable() {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
        font(x, BODY, "仿宋", "modern", "fixed");
        font(x, "仿宋", "FangSong", "modern", "fixed");
        font(x, SUBHEADING, "楷体", "modern", "fixed");
        font(x, HEADING, "SimHei", "modern", "fixed");
        font(x, TITLE, DEFAULT_EAST_ASIA, "roman", "variable");
        font(x, DEFAULT_EAST_ASIA, "SimSun", "auto", "variable");
        x.append("<w:font w:name=\"").append(LATIN).append("\"><w:charset w:val=\"00\"/><w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font>");
        return x.append("</w:fonts>").toString();
    }

    private static void font(StringBuilder x, String name, String alt, String family, String pitch) {
        x.append("<w:font w:name=\"").append(name).append("\"><w:altName w:val=\"").append(alt)
                .append("\"/><w:charset w:val=\"86\"/><w:family w:val=\"").append(family).append("\"/><w:pitch w:val=\"")
                .append(pitch).append("\"/></w:font>");
    }

    // paragraphs and runs

    private static String rFonts(String eastAsia) {
        return "<w:rFonts w:ascii=\"" + LATIN + "\" w:hAnsi=\"" + LATIN + "\" w:eastAsia=\"" + eastAsia + "\" w:cs=\"" + LATIN
                + "\" w:hint=\"eastAsia\"/>";
    }

    /** A paragraph whose properties are written: its runs, then its end. */
    private record Para(WordXml x) {
        Para run(String text, String font, int points, boolean bold, String colour) {
            x.raw("<w:r><w:rPr>").raw(rFonts(font)).raw("<w:sz w:val=\"").raw(points * 2).raw(bold ? "\"/><w:b w:val=\"on\"/>" : "\"/><w:b w:val=\"off\"/>");
            if (colour != null) {
                x.raw("<w:color w:val=\"").raw(colour).raw("\"/>");
            }
            x.raw("</w:rPr>");
            text(x, text);
            x.raw("</w:r>");
            return this;
        }

        Para tab() {
            x.raw("<w:r><w:tab/></w:r>");
            return this;
        }

        void end() {
            x.raw("</w:p>");
        }
    }

    /** A {@code w:t} as POI's {@code XWPFRun.setText} gives it: space kept when the text starts or ends with white space. */
    private static void text(WordXml x, String text) {
        if (text.isEmpty()) {
            x.raw(T_EMPTY);
            return;
        }
        boolean keep = Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1));
        x.raw(keep ? T_PRESERVE : T_OPEN).text(text).raw(T_END);
    }

    private static Para para(WordXml x, String align, int before, int after) {
        x.raw("<w:p><w:pPr><w:spacing w:before=\"").raw(before).raw("\" w:after=\"").raw(after)
                .raw("\"/><w:jc w:val=\"").raw(align).raw("\"/></w:pPr>");
        return new Para(x);
    }

    private static void body(WordXml x, String text) {
        x.raw("<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"560\" w:lineRule=\"exact\"/><w:ind w:firstLine=\"640\"/>"
                + "<w:jc w:val=\"both\"/></w:pPr>");
        new Para(x).run(text, BODY, 16, false, null).end();
    }

    private static void heading(WordXml x, String text) {
        x.raw("<w:p><w:pPr><w:keepNext w:val=\"on\"/><w:spacing w:before=\"120\" w:after=\"60\"/><w:ind w:firstLine=\"640\"/>"
                + "<w:jc w:val=\"left\"/></w:pPr>");
        new Para(x).run(text, HEADING, 16, false, null).end();
    }

    private static void subheading(WordXml x, String text) {
        x.raw("<w:p><w:pPr><w:keepNext w:val=\"on\"/><w:spacing w:before=\"60\" w:after=\"0\"/><w:ind w:firstLine=\"640\"/>"
                + "<w:jc w:val=\"left\"/></w:pPr>");
        new Para(x).run(text, SUBHEADING, 16, true, null).end();
    }

    /** Under a subheading, the numbered items; nothing at all when there are none. */
    private static void numbered(WordXml x, String subheading, List<String> items) {
        if (!items.isEmpty()) {
            subheading(x, subheading);
            numbered(x, items);
        }
    }

    private static void numbered(WordXml x, List<String> items) {
        int i = 1;
        for (String s : items) {
            body(x, (i++) + ". " + s);
        }
    }

    // tables

    /** Opens a table (centred, single borders, the widths' sum wide) and writes its repeated header row. */
    private static void table(WordXml x, List<String> header, int[] widths) {
        int sum = 0;
        for (int w : widths) {
            sum += w;
        }
        x.raw("<w:tbl><w:tblPr><w:tblW w:w=\"").raw(sum).raw(TABLE_PR_END).raw(HEADER_ROW);
        for (int i = 0; i < header.size(); i++) {
            cell(x, header.get(i), widths[i], true, "EFEBE3");
        }
        x.raw("</w:tr>");
    }

    private static void row(WordXml x, int[] widths, String fill, String... values) {
        x.raw(BODY_ROW);
        for (int i = 0; i < values.length; i++) {
            cell(x, values[i], widths[i], false, i == 1 ? fill : null);
        }
        x.raw("</w:tr>");
    }

    private static void cell(WordXml x, String text, int width, boolean header, String fill) {
        x.raw(CELL_START).raw(width).raw(CELL_WIDTH_END);
        if (fill != null) {
            x.raw(CELL_FILL).raw(fill).raw("\"/>");
        }
        x.raw(header || text.length() <= 6 ? CELL_PARA_CENTER : CELL_PARA_LEFT);
        x.raw(header ? HEADER_CELL_RPR : BODY_CELL_RPR);
        text(x, text);
        x.raw(CELL_END);
    }

    /** The score chart as an inline picture, 430 pt wide at most, and its caption. */
    private static void chart(WordXml x, Bulletin b, String picture) {
        double widthPt = Math.min(430.0, b.chart().width() * 0.68);
        double heightPt = widthPt * b.chart().height() / b.chart().width();
        int cx = emu(widthPt);
        int cy = emu(heightPt);
        x.raw("<w:p><w:pPr><w:spacing w:before=\"120\"/><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing>"
                + "<wp:inline distT=\"0\" distR=\"0\" distB=\"0\" distL=\"0\"><wp:extent cx=\"").raw(cx).raw("\" cy=\"").raw(cy)
                .raw("\"/><wp:docPr id=\"0\" name=\"Drawing 0\" descr=\"scores.png\"/>"
                        + "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">"
                        + "<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
                        + "<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
                        + "<pic:nvPicPr><pic:cNvPr id=\"0\" name=\"Picture 0\" descr=\"scores.png\"/>"
                        + "<pic:cNvPicPr><a:picLocks noChangeAspect=\"true\"/></pic:cNvPicPr></pic:nvPicPr>"
                        + "<pic:blipFill><a:blip r:embed=\"").raw(picture)
                .raw("\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
                        + "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"").raw(cx).raw("\" cy=\"").raw(cy)
                .raw("\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>"
                        + "</wp:inline></w:drawing></w:r></w:p>");
        para(x, "center", 0, 120).run("图：" + b.periodText() + "各单位考核得分", BODY, 12, false, null).end();
    }

    /** Points in English Metric Units, rounded as POI's {@code Units.toEMU} rounds them. */
    private static int emu(double points) {
        return (int) Math.rint(12700 * points);
    }
}

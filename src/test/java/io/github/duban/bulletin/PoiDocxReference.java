package io.github.duban.bulletin;

import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static io.github.duban.bulletin.DocxBulletin.BODY;
import static io.github.duban.bulletin.DocxBulletin.HEADING;
import static io.github.duban.bulletin.DocxBulletin.LATIN;
import static io.github.duban.bulletin.DocxBulletin.SUBHEADING;
import static io.github.duban.bulletin.DocxBulletin.TITLE;

/**
 * The Word bulletin built the straightforward way, one POI call per paragraph, row and cell: the
 * reference the fast {@link DocxBulletin} is checked against (the same {@code word/document.xml})
 * and timed against. Slow on large boards (the table grows by XmlBeans cursor moves).
 */
public final class PoiDocxReference {
    private PoiDocxReference() {
    }

    public static byte[] write(Bulletin b) {
        try (XWPFDocument doc = new XWPFDocument()) {
            page(doc);
            defaults(doc);
            fontTable(doc);
            coreProperties(doc, b.office(), b.title(), b.ruleset(), b.date());

            para(doc, ParagraphAlignment.CENTER, 0, 0).run(b.series(), TITLE, 36, true, "C8161D");
            para(doc, ParagraphAlignment.CENTER, 0, 60).run("第" + b.issue() + "期", BODY, 16, false, null);
            Para meta = para(doc, ParagraphAlignment.BOTH, 0, 0);
            meta.run(b.office(), BODY, 15, false, null);
            meta.tab();
            meta.run(b.dateText(), BODY, 15, false, null);
            var tab = meta.p.getCTP().getPPr().addNewTabs().addNewTab();
            tab.setPos(BigInteger.valueOf(8844));
            tab.setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc.RIGHT);
            redRule(meta.p);
            para(doc, ParagraphAlignment.CENTER, 360, 240).run(b.title(), TITLE, 22, false, null);
            para(doc, ParagraphAlignment.LEFT, 0, 0).run(b.recipients() + "：", BODY, 16, false, null);
            body(doc, b.opening());

            heading(doc, "一、总体情况");
            b.overview().paragraphs().forEach(p -> body(doc, p));

            for (Bulletin.Section sec : b.sections()) {
                heading(doc, sec.heading());
                if (sec.parts().isEmpty()) {
                    body(doc, sec.none());
                }
                for (Bulletin.Part part : sec.parts()) {
                    if (!part.intro().isEmpty()) {
                        subheading(doc, part.heading());
                        body(doc, part.intro());
                        numbered(doc, part.items().stream().map(Bulletin.Item::text).toList());
                    } else {
                        numbered(doc, part.heading(), part.items().stream().map(Bulletin.Item::text).toList());
                    }
                }
            }

            heading(doc, "四、考核得分与排名");
            int[] rw = {800, 3000, 1100, 1100, 1100, 1100, 1000};
            XWPFTable rank = table(doc, List.of("序号", "单位", "得分", "等次", "扣分", "加分", "排名"), rw);
            for (Bulletin.RankRow r : b.ranking()) {
                row(rank, rw, null, String.valueOf(r.no()), r.unit(), r.score(), r.rating(), r.deductions(), r.bonuses(), String.valueOf(r.rank()));
            }
            if (!b.rankingNote().isEmpty()) {
                body(doc, b.rankingNote());
            }
            chart(doc, b);

            heading(doc, "五、下一步工作要求");
            b.requirements().forEach(p -> body(doc, p));
            if (b.closing() != null) {
                body(doc, b.closing());
            }
            para(doc, ParagraphAlignment.LEFT, 320, 0).run("附件：" + b.attachment(), BODY, 16, false, null);
            para(doc, ParagraphAlignment.RIGHT, 480, 0).run(b.office(), BODY, 16, false, null);
            para(doc, ParagraphAlignment.RIGHT, 0, 0).run(b.dateText(), BODY, 16, false, null);
            doc.createParagraph().createRun().addBreak(org.apache.poi.xwpf.usermodel.BreakType.PAGE);
            para(doc, ParagraphAlignment.LEFT, 0, 0).run("附件", HEADING, 16, false, null);
            para(doc, ParagraphAlignment.CENTER, 240, 240).run(b.attachment(), TITLE, 18, false, null);
            int[] bw = {700, 1000, 2700, 2100, 1500, 800, 1000};
            XWPFTable board = table(doc, List.of("任务", "灯", "任务名称", "牵头单位", "完成时限", "进度", "序时进度"), bw);
            for (Bulletin.BoardCell c : b.board()) {
                row(board, bw, DocxBulletin.LIGHT_FILL.get(c.css()), String.valueOf(c.task()), c.lightText(), c.title(), c.leads(), c.deadline(),
                        c.percent() + "%", c.schedule());
            }

            if (b.copyTo() != null) {
                para(doc, ParagraphAlignment.LEFT, 360, 0).run("抄送：" + b.copyTo(), BODY, 14, false, null);
            }
            para(doc, ParagraphAlignment.LEFT, b.copyTo() == null ? 360 : 0, 0).run(b.printer() + "　　" + b.printDateText() + "印发", BODY, 14, false, null);

            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            doc.write(raw);
            return fixedTimes(raw.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** docProps/core.xml as POI writes it for these properties, in a document of nothing else. */
    static byte[] coreXml(String creator, String title, String identifier, LocalDate date) {
        XWPFDocument doc = new XWPFDocument();
        try {
            coreProperties(doc, creator, title, identifier, date);
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            doc.write(raw);
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(raw.toByteArray()))) {
                ZipEntry e;
                while ((e = in.getNextEntry()) != null) {
                    if (e.getName().equals("docProps/core.xml")) {
                        return in.readAllBytes();
                    }
                }
            }
            throw new AssertionError("POI wrote no docProps/core.xml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            doc.getPackage().revert();
        }
    }

    private static void coreProperties(XWPFDocument doc, String creator, String title, String identifier, LocalDate date) {
        var core = doc.getProperties().getCoreProperties();
        Date at = Date.from(date.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
        core.setCreated(Optional.of(at));
        core.setModified(Optional.of(at));
        core.setCreator(creator);
        core.setTitle(title);
        core.setIdentifier(identifier);
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "—" : s;
    }

    // the page, fonts and font table

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar m = sect.addNewPgMar();
        m.setTop(BigInteger.valueOf(2098));
        m.setBottom(BigInteger.valueOf(1984));
        m.setLeft(BigInteger.valueOf(1588));
        m.setRight(BigInteger.valueOf(1474));
        m.setHeader(BigInteger.valueOf(851));
        m.setFooter(BigInteger.valueOf(992));
        m.setGutter(BigInteger.ZERO);
    }

    /** The document defaults' fonts, set through POI (DocxBulletin writes the same styles.xml as text). */
    private static void defaults(XWPFDocument doc) {
        CTFonts f = CTFonts.Factory.newInstance();
        f.setAscii(LATIN);
        f.setHAnsi(LATIN);
        f.setEastAsia(DocxBulletin.DEFAULT_EAST_ASIA);
        f.setCs(LATIN);
        doc.createStyles().setDefaultFonts(f);
    }

    /** DocxBulletin's font table added as a part of its own, related to the main part as DocxBulletin relates it. */
    private static void fontTable(XWPFDocument doc) throws IOException {
        try {
            PackagePartName name = PackagingURIHelper.createPartName(DocxPackage.FONT_TABLE_NAME);
            PackagePart part = doc.getPackage().createPart(name, DocxPackage.FONT_TABLE_TYPE);
            try (OutputStream out = part.getOutputStream()) {
                out.write(DocxBulletin.FONT_TABLE.getBytes(StandardCharsets.UTF_8));
            }
            doc.getPackagePart().addRelationship(name, TargetMode.INTERNAL, DocxPackage.FONT_TABLE_REL, DocxPackage.FONT_TABLE_ID);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
    }

    // paragraphs

    private record Para(XWPFParagraph p) {
        XWPFRun run(String text, String font, int points, boolean bold, String colour) {
            XWPFRun r = p.createRun();
            r.setText(text);
            fonts(r, font);
            r.setFontSize(points);
            r.setBold(bold);
            if (colour != null) {
                r.setColor(colour);
            }
            return r;
        }

        void tab() {
            p.createRun().addTab();
        }
    }

    private static void fonts(XWPFRun r, String eastAsia) {
        CTRPr pr = r.getCTR().isSetRPr() ? r.getCTR().getRPr() : r.getCTR().addNewRPr();
        CTFonts f = pr.sizeOfRFontsArray() > 0 ? pr.getRFontsArray(0) : pr.addNewRFonts();
        f.setAscii(LATIN);
        f.setHAnsi(LATIN);
        f.setEastAsia(eastAsia);
        f.setCs(LATIN);
        f.setHint(STHint.EAST_ASIA);
    }

    private static Para para(XWPFDocument doc, ParagraphAlignment align, int before, int after) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        p.setSpacingBefore(before);
        p.setSpacingAfter(after);
        return new Para(p);
    }

    private static void body(XWPFDocument doc, String text) {
        Para p = para(doc, ParagraphAlignment.BOTH, 0, 0);
        p.p.setIndentationFirstLine(640);
        p.p.setSpacingBetween(28, org.apache.poi.xwpf.usermodel.LineSpacingRule.EXACT);
        p.run(text, BODY, 16, false, null);
    }

    private static void heading(XWPFDocument doc, String text) {
        Para p = para(doc, ParagraphAlignment.LEFT, 120, 60);
        p.p.setIndentationFirstLine(640);
        p.p.setKeepNext(true);
        p.run(text, HEADING, 16, false, null);
    }

    private static void subheading(XWPFDocument doc, String text) {
        Para p = para(doc, ParagraphAlignment.LEFT, 60, 0);
        p.p.setIndentationFirstLine(640);
        p.p.setKeepNext(true);
        p.run(text, SUBHEADING, 16, true, null);
    }

    /** Under a subheading, the numbered items; nothing at all when there are none. */
    private static void numbered(XWPFDocument doc, String subheading, List<String> items) {
        if (!items.isEmpty()) {
            subheading(doc, subheading);
            numbered(doc, items);
        }
    }

    private static void numbered(XWPFDocument doc, List<String> items) {
        int i = 1;
        for (String s : items) {
            body(doc, (i++) + ". " + s);
        }
    }

    private static void redRule(XWPFParagraph p) {
        var border = p.getCTP().getPPr().addNewPBdr().addNewBottom();
        border.setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder.SINGLE);
        border.setSz(BigInteger.valueOf(18));
        border.setSpace(BigInteger.valueOf(4));
        border.setColor("C8161D");
    }

    // tables

    private static XWPFTable table(XWPFDocument doc, List<String> header, int[] widths) {
        XWPFTable t = doc.createTable(1, header.size());
        t.setTableAlignment(TableRowAlign.CENTER);
        CTTblWidth w = t.getCTTbl().getTblPr().isSetTblW() ? t.getCTTbl().getTblPr().getTblW() : t.getCTTbl().getTblPr().addNewTblW();
        w.setType(STTblWidth.DXA);
        w.setW(BigInteger.valueOf(java.util.Arrays.stream(widths).sum()));
        XWPFTableRow row = t.getRow(0);
        row.setRepeatHeader(true);
        for (int i = 0; i < header.size(); i++) {
            cell(row.getCell(i), header.get(i), widths[i], true, "EFEBE3");
        }
        return t;
    }

    private static void row(XWPFTable t, int[] widths, String fill, String... values) {
        XWPFTableRow row = t.createRow();
        row.setCantSplitRow(true);
        for (int i = 0; i < values.length; i++) {
            cell(row.getCell(i), values[i], widths[i], false, i == 1 ? fill : null);
        }
    }

    private static void cell(XWPFTableCell c, String text, int width, boolean header, String fill) {
        c.setWidth(String.valueOf(width));
        c.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
        if (fill != null) {
            CTShd shd = c.getCTTc().getTcPr().isSetShd() ? c.getCTTc().getTcPr().getShd() : c.getCTTc().getTcPr().addNewShd();
            shd.setVal(STShd.CLEAR);
            shd.setColor("auto");
            shd.setFill(fill);
        }
        XWPFParagraph p = c.getParagraphs().get(0);
        p.setAlignment(header || text.length() <= 6 ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
        p.setSpacingBefore(0);
        p.setSpacingAfter(0);
        XWPFRun r = p.createRun();
        r.setText(text);
        fonts(r, header ? HEADING : BODY);
        r.setFontSize(header ? 11 : 10.5);
    }

    private static void chart(XWPFDocument doc, Bulletin b) throws IOException {
        byte[] png = ChartPng.png(b.chart());
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingBefore(120);
        XWPFRun r = p.createRun();
        double widthPt = Math.min(430.0, b.chart().width() * 0.68);
        double heightPt = widthPt * b.chart().height() / b.chart().width();
        try {
            r.addPicture(new ByteArrayInputStream(png), Document.PICTURE_TYPE_PNG, "scores.png",
                    Units.toEMU(widthPt), Units.toEMU(heightPt));
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
        Para cap = para(doc, ParagraphAlignment.CENTER, 0, 120);
        cap.run("图：" + b.periodText() + "各单位考核得分", BODY, 12, false, null);
    }

    /** The chart as the bulletin's Word file now embeds it. */
    public static byte[] png(Bulletin b) {
        return ChartPng.png(b.chart());
    }

    /** The chart drawn and encoded as it was before: RGB, ImageIO's default PNG settings. */
    public static byte[] pngAsBefore(Bulletin.Chart c) {
        int w = c.width() * ChartPng.SCALE;
        int h = c.height() * ChartPng.SCALE;
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(java.awt.RenderingHints.KEY_FRACTIONALMETRICS, java.awt.RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
            g.setRenderingHint(java.awt.RenderingHints.KEY_RENDERING, java.awt.RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.scale(ChartPng.SCALE, ChartPng.SCALE);
            java.awt.Font small = new java.awt.Font(ChartPng.family(), java.awt.Font.PLAIN, 11);
            java.awt.Font label = new java.awt.Font(ChartPng.family(), java.awt.Font.PLAIN, 12);
            g.setStroke(new java.awt.BasicStroke(1f));
            for (Bulletin.Tick t : c.ticks()) {
                g.setColor(new java.awt.Color(0xe0e0e0));
                g.drawLine(t.x(), 4, t.x(), c.height() - 20);
                g.setColor(new java.awt.Color(0x666666));
                g.setFont(small);
                String v = String.valueOf(t.value());
                java.awt.FontMetrics fm = g.getFontMetrics();
                g.drawString(v, t.x() - fm.stringWidth(v) / 2, c.height() - 6);
            }
            g.setColor(new java.awt.Color(0x888888));
            g.drawLine(c.left(), 4, c.left(), c.height() - 20);
            g.setFont(label);
            java.awt.FontMetrics fm = g.getFontMetrics();
            for (Bulletin.Bar b : c.bars()) {
                g.setColor(new java.awt.Color(0x222222));
                g.drawString(b.unit(), c.left() - 8 - fm.stringWidth(b.unit()), b.y() + 13);
                g.setColor(java.awt.Color.decode(b.colour()));
                g.fillRect(c.left(), b.y(), b.length(), 18);
                g.setColor(new java.awt.Color(0x222222));
                g.drawString(b.score(), c.left() + b.length() + 5, b.y() + 13);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }


    /** The same zip with every entry dated {@link DocxPackage#ZIP_TIME}, entries in the order written. */
    static byte[] fixedTimes(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length + 1024);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(DocxPackage.ZIP_TIME);
                z.putNextEntry(copy);
                in.transferTo(z);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}

package io.github.duban.bulletin;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * Writes the bulletin as a Word document laid out after GB/T 9704-2012 (党政机关公文格式): A4,
 * margins 37/35/28/26 mm (a 156 × 225 mm text block), 2号 方正小标宋简体 titles, 3号 仿宋_GB2312
 * body text on 22 lines a page, 黑体 and 楷体_GB2312 headings, page numbers "— 1 —" in 4号 宋体
 * at the outer corner, the 附件 on a page of its own and the 版记 at the foot of the last page.
 *
 * <p>The main part, {@code word/document.xml}, is the FreeMarker template
 * {@code bulletin.docx.ftlx} (XML auto-escaped; an office may replace it like the other
 * templates); the styles, font table, settings and footers are fixed parts under
 * {@code /bulletin/docx/}. The ruleset fingerprint goes into the document properties (core
 * identifier and a custom property {@code ruleset}), never into the printed text. Every zip
 * entry is dated {@link #ZIP_TIME} and the properties carry the bulletin's date, so the same
 * bulletin gives the same bytes. The chart's PNG, deflated already, is stored as it is. Stateless;
 * thread-safe.
 */
final class DocxBulletin {
    /** The main part's template, in the built-in templates or an office's folder. */
    static final String TEMPLATE = "bulletin.docx.ftlx";
    /** The text block's width in twips (156 mm): no table is wider. */
    static final int TEXT_WIDTH = 8844;
    /** The date of every zip entry, local time as zip dates are (1980-01-01 is the earliest a zip holds). */
    static final LocalDateTime ZIP_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    /** One character of 3号 text (16 pt) in twips. */
    private static final int CHAR = 320;

    private static final ZoneId BULLETIN_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter W3CDTF = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    private static final String RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private static final String TYPE = "application/vnd.openxmlformats-officedocument.";

    private static final byte[] CONTENT_TYPES = utf8(XML
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"png\" ContentType=\"image/png\"/>"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"" + TYPE + "wordprocessingml.document.main+xml\"/>"
            + "<Override PartName=\"/word/styles.xml\" ContentType=\"" + TYPE + "wordprocessingml.styles+xml\"/>"
            + "<Override PartName=\"/word/settings.xml\" ContentType=\"" + TYPE + "wordprocessingml.settings+xml\"/>"
            + "<Override PartName=\"/word/fontTable.xml\" ContentType=\"" + TYPE + "wordprocessingml.fontTable+xml\"/>"
            + "<Override PartName=\"/word/footer1.xml\" ContentType=\"" + TYPE + "wordprocessingml.footer+xml\"/>"
            + "<Override PartName=\"/word/footer2.xml\" ContentType=\"" + TYPE + "wordprocessingml.footer+xml\"/>"
            + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
            + "<Override PartName=\"/docProps/app.xml\" ContentType=\"" + TYPE + "extended-properties+xml\"/>"
            + "<Override PartName=\"/docProps/custom.xml\" ContentType=\"" + TYPE + "custom-properties+xml\"/>"
            + "</Types>");
    private static final byte[] PACKAGE_RELS = utf8(XML
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"" + RELS + "officeDocument\" Target=\"word/document.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\""
            + " Target=\"docProps/core.xml\"/>"
            + "<Relationship Id=\"rId3\" Type=\"" + RELS + "extended-properties\" Target=\"docProps/app.xml\"/>"
            + "<Relationship Id=\"rId4\" Type=\"" + RELS + "custom-properties\" Target=\"docProps/custom.xml\"/>"
            + "</Relationships>");
    private static final byte[] DOCUMENT_RELS = utf8(XML
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rIdStyles\" Type=\"" + RELS + "styles\" Target=\"styles.xml\"/>"
            + "<Relationship Id=\"rIdSettings\" Type=\"" + RELS + "settings\" Target=\"settings.xml\"/>"
            + "<Relationship Id=\"rIdFonts\" Type=\"" + RELS + "fontTable\" Target=\"fontTable.xml\"/>"
            + "<Relationship Id=\"rIdFooterOdd\" Type=\"" + RELS + "footer\" Target=\"footer1.xml\"/>"
            + "<Relationship Id=\"rIdFooterEven\" Type=\"" + RELS + "footer\" Target=\"footer2.xml\"/>"
            + "<Relationship Id=\"rIdChart\" Type=\"" + RELS + "image\" Target=\"media/scores.png\"/>"
            + "</Relationships>");
    /** The main part's relationships of a document without the chart. */
    private static final byte[] DOCUMENT_RELS_TEXT = utf8(XML
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rIdStyles\" Type=\"" + RELS + "styles\" Target=\"styles.xml\"/>"
            + "<Relationship Id=\"rIdSettings\" Type=\"" + RELS + "settings\" Target=\"settings.xml\"/>"
            + "<Relationship Id=\"rIdFonts\" Type=\"" + RELS + "fontTable\" Target=\"fontTable.xml\"/>"
            + "<Relationship Id=\"rIdFooterOdd\" Type=\"" + RELS + "footer\" Target=\"footer1.xml\"/>"
            + "<Relationship Id=\"rIdFooterEven\" Type=\"" + RELS + "footer\" Target=\"footer2.xml\"/>"
            + "</Relationships>");
    private static final byte[] APP = utf8(XML
            + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
            + "<Application>duban</Application></Properties>");
    private static final byte[] STYLES = resource("styles.xml");
    private static final byte[] SETTINGS = resource("settings.xml");
    private static final byte[] FONT_TABLE = resource("fontTable.xml");
    private static final byte[] FOOTER_ODD = resource("footer-odd.xml");
    private static final byte[] FOOTER_EVEN = resource("footer-even.xml");

    private DocxBulletin() {
    }

    /** The .docx file of {@code b}, its main part from {@code templates/bulletin.docx.ftlx} if given, else the built-in one. */
    static byte[] write(Bulletin b, Path templates) {
        byte[] png = ChartPng.png(b.chart());
        byte[] document = utf8(xmlSafe(Bulletins.render(TEMPLATE, model(b), templates)));
        return pack(document, coreXml(b), customXml(b), png);
    }

    /**
     * A Word package around {@code document} (word/document.xml) with the fixed styles, settings,
     * font table and footers, the given core and custom properties and, when {@code png} is not
     * null, the chart image {@code media/scores.png} (relationship {@code rIdChart}). Every entry
     * dated {@link #ZIP_TIME}: the same parts, the same bytes.
     */
    static byte[] pack(byte[] document, byte[] core, byte[] custom, byte[] png) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(document.length / 8 + (png == null ? 0 : png.length) + 16 * 1024);
        long time = ZIP_TIME.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            zip.setLevel(Deflater.BEST_SPEED);
            part(zip, time, "[Content_Types].xml", CONTENT_TYPES);
            part(zip, time, "_rels/.rels", PACKAGE_RELS);
            part(zip, time, "docProps/core.xml", core);
            part(zip, time, "docProps/app.xml", APP);
            part(zip, time, "docProps/custom.xml", custom);
            part(zip, time, "word/document.xml", document);
            part(zip, time, "word/_rels/document.xml.rels", png == null ? DOCUMENT_RELS_TEXT : DOCUMENT_RELS);
            part(zip, time, "word/styles.xml", STYLES);
            part(zip, time, "word/settings.xml", SETTINGS);
            part(zip, time, "word/fontTable.xml", FONT_TABLE);
            part(zip, time, "word/footer1.xml", FOOTER_ODD);
            part(zip, time, "word/footer2.xml", FOOTER_EVEN);
            if (png != null) {
                stored(zip, time, "word/media/scores.png", png);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** docProps/core.xml of a document titled {@code title}, by {@code creator}, created and modified on {@code date}. */
    static byte[] coreXml(String title, String creator, String identifier, String description, java.time.LocalDate date) {
        String at = W3CDTF.format(date.atStartOfDay(BULLETIN_ZONE).toInstant());
        StringBuilder x = new StringBuilder(1024).append(XML)
                .append("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
                        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">");
        element(x, "dc:title", title);
        element(x, "dc:creator", creator);
        element(x, "dc:identifier", identifier);
        element(x, "dc:description", description);
        x.append("<dcterms:created xsi:type=\"dcterms:W3CDTF\">").append(at).append("</dcterms:created>");
        x.append("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">").append(at).append("</dcterms:modified>");
        return utf8(xmlSafe(x.append("</cp:coreProperties>").toString()));
    }

    /** docProps/custom.xml holding {@code properties} (文件 → 属性 → 自定义), by name. */
    static byte[] customXml(Map<String, String> properties) {
        StringBuilder x = new StringBuilder(512).append(XML)
                .append("<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\""
                        + " xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">");
        int pid = 2;
        for (Map.Entry<String, String> p : properties.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            x.append("<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"").append(pid++).append("\" name=\"")
                    .append(p.getKey()).append("\">");
            element(x, "vt:lpwstr", p.getValue());
            x.append("</property>");
        }
        return utf8(xmlSafe(x.append("</Properties>").toString()));
    }

    /**
     * The template's model: the bulletin, the chart's size in EMU (at most 430 pt wide, well inside
     * the text block) and the right indents of the signature and its date: the signature two
     * characters in from the right margin, the date's first character two to the right of the
     * signature's; a date longer than that stays two characters in and moves the signature left.
     */
    static Map<String, Object> model(Bulletin b) {
        double widthPt = Math.min(430.0, b.chart().width() * 0.68);
        double heightPt = widthPt * b.chart().height() / b.chart().width();
        int signature = halfWidths(b.office());
        int date = halfWidths(b.dateText());
        int dateIndent = Math.max(4, signature - date);
        int signatureIndent = dateIndent + date + 4 - signature;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", b);
        m.put("chartCx", Math.round(widthPt * 12700));
        m.put("chartCy", Math.round(heightPt * 12700));
        m.put("signatureIndent", signatureIndent * CHAR / 2);
        m.put("dateIndent", dateIndent * CHAR / 2);
        return m;
    }

    /** The width of {@code s} in half characters: 1 for ASCII, 2 for the rest. */
    static int halfWidths(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            n += s.charAt(i) < 0x80 ? 1 : 2;
        }
        return n;
    }

    /** docProps/core.xml: the office as creator, the title, the fingerprint as identifier, created and modified on the bulletin's date. */
    static byte[] coreXml(Bulletin b) {
        return coreXml(b.title(), b.office(), b.ruleset(),
                b.ruleset() == null ? null : "规则指纹 " + b.ruleset() + "；" + b.periodText() + "，截至" + b.asOf(), b.date());
    }

    /** docProps/custom.xml: the fingerprint and the period as custom properties (文件 → 属性 → 自定义). */
    static byte[] customXml(Bulletin b) {
        return customXml(Map.of("ruleset", b.ruleset() == null ? "" : b.ruleset(), "period", b.period()));
    }

    private static void element(StringBuilder x, String name, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        x.append('<').append(name).append('>');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> x.append("&amp;");
                case '<' -> x.append("&lt;");
                case '>' -> x.append("&gt;");
                default -> x.append(c);
            }
        }
        x.append("</").append(name).append('>');
    }

    /**
     * XML text as every reader takes it: a character XML 1.0 cannot hold (a control character
     * other than tab and line feed, U+FFFE, U+FFFF, half a surrogate pair) becomes {@code ?}, a
     * carriage return {@code &#13;}. The markup around the text holds none of them.
     */
    static String xmlSafe(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && fine(s, i)) {
            i += Character.isHighSurrogate(s.charAt(i)) ? 2 : 1;
        }
        if (i >= n) {
            return s;
        }
        StringBuilder b = new StringBuilder(n + 16).append(s, 0, i);
        while (i < n) {
            char c = s.charAt(i);
            if (fine(s, i)) {
                if (Character.isHighSurrogate(c)) {
                    b.append(c).append(s.charAt(++i));
                } else {
                    b.append(c);
                }
            } else {
                b.append(c == '\r' ? "&#13;" : "?");
            }
            i++;
        }
        return b.toString();
    }

    private static boolean fine(String s, int i) {
        char c = s.charAt(i);
        if (c >= 0x20 && c < 0xD800) {
            return true;
        }
        if (c == '\t' || c == '\n') {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return c >= 0xE000 && c != '\uFFFE' && c != '\uFFFF';
    }

    private static void part(ZipArchiveOutputStream zip, long time, String name, byte[] bytes) throws IOException {
        ZipArchiveEntry e = new ZipArchiveEntry(name);
        e.setTime(time);
        zip.putArchiveEntry(e);
        zip.write(bytes);
        zip.closeArchiveEntry();
    }

    /** An entry stored as it is: the PNG is deflated already. */
    private static void stored(ZipArchiveOutputStream zip, long time, String name, byte[] bytes) throws IOException {
        ZipArchiveEntry e = new ZipArchiveEntry(name);
        e.setTime(time);
        e.setMethod(ZipArchiveEntry.STORED);
        e.setSize(bytes.length);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes);
        e.setCrc(crc.getValue());
        zip.putArchiveEntry(e);
        zip.write(bytes);
        zip.closeArchiveEntry();
    }

    private static byte[] resource(String name) {
        try (InputStream in = DocxBulletin.class.getResourceAsStream("/bulletin/docx/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource /bulletin/docx/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

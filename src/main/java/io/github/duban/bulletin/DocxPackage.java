package io.github.duban.bulletin;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.zip.Deflater;

/**
 * The Word bulletin's package written straight into its zip: the content types, the
 * relationships, the core and application properties, settings, styles, font table and picture
 * around {@code word/document.xml}, as text and bytes, with the names, the order and the bytes
 * Apache POI gives a new {@code XWPFDocument} with one PNG added (the reference writer in the
 * tests checks every part against POI). Every entry is dated {@link #ZIP_TIME} and deflated at
 * the fastest level, so the same bulletin gives the same bytes. Stateless; thread-safe.
 */
final class DocxPackage {
    /** The relationship id of the one picture, as POI numbers it after settings and styles. */
    static final String PICTURE_ID = "rId3";
    /** The date of every zip entry, local time as zip dates are (1980-01-01 is the earliest a zip holds). */
    static final LocalDateTime ZIP_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    static final String FONT_TABLE_NAME = "/word/fontTable.xml";
    static final String FONT_TABLE_ID = "rIdFontTable";
    static final String FONT_TABLE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable";
    static final String FONT_TABLE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml";

    private static final ZoneId BULLETIN_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter W3CDTF = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final String STANDALONE = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
    private static final String PLAIN = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final String OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private static final String OFFICE_TYPE = "application/vnd.openxmlformats-officedocument.";

    private static final byte[] CONTENT_TYPES = WordXml.utf8(STANDALONE
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default ContentType=\"image/png\" Extension=\"png\"/>"
            + "<Default ContentType=\"application/vnd.openxmlformats-package.relationships+xml\" Extension=\"rels\"/>"
            + "<Default ContentType=\"application/xml\" Extension=\"xml\"/>"
            + "<Override ContentType=\"" + OFFICE_TYPE + "extended-properties+xml\" PartName=\"/docProps/app.xml\"/>"
            + "<Override ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\" PartName=\"/docProps/core.xml\"/>"
            + "<Override ContentType=\"" + OFFICE_TYPE + "wordprocessingml.document.main+xml\" PartName=\"/word/document.xml\"/>"
            + "<Override ContentType=\"" + FONT_TABLE_TYPE + "\" PartName=\"" + FONT_TABLE_NAME + "\"/>"
            + "<Override ContentType=\"" + OFFICE_TYPE + "wordprocessingml.settings+xml\" PartName=\"/word/settings.xml\"/>"
            + "<Override ContentType=\"" + OFFICE_TYPE + "wordprocessingml.styles+xml\" PartName=\"/word/styles.xml\"/>"
            + "</Types>");
    private static final byte[] PACKAGE_RELS = WordXml.utf8(STANDALONE
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Target=\"word/document.xml\" Type=\"" + OFFICE_RELS + "officeDocument\"/>"
            + "<Relationship Id=\"rId2\" Target=\"docProps/app.xml\" Type=\"" + OFFICE_RELS + "extended-properties\"/>"
            + "<Relationship Id=\"rId3\" Target=\"docProps/core.xml\""
            + " Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\"/>"
            + "</Relationships>");
    private static final byte[] APP = WordXml.utf8(PLAIN
            + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
            + "<Application>Apache POI</Application></Properties>");
    private static final byte[] DOCUMENT_RELS = WordXml.utf8(STANDALONE
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Target=\"settings.xml\" Type=\"" + OFFICE_RELS + "settings\"/>"
            + "<Relationship Id=\"rId2\" Target=\"styles.xml\" Type=\"" + OFFICE_RELS + "styles\"/>"
            + "<Relationship Id=\"" + PICTURE_ID + "\" Target=\"media/image1.png\" Type=\"" + OFFICE_RELS + "image\"/>"
            + "<Relationship Id=\"" + FONT_TABLE_ID + "\" Target=\"" + FONT_TABLE_NAME.substring("/word/".length())
            + "\" Type=\"" + FONT_TABLE_REL + "\"/>"
            + "</Relationships>");
    private static final byte[] SETTINGS = WordXml.utf8(PLAIN
            + "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>");
    private static final byte[] FONT_TABLE = WordXml.utf8(DocxBulletin.FONT_TABLE);
    private static final byte[] STYLES = WordXml.utf8(DocxBulletin.STYLES);

    private DocxPackage() {
    }

    /**
     * The .docx file: {@code document} as its main part, {@code png} as its one picture, the
     * bulletin's office, title and ruleset fingerprint as creator, title and identifier, and its
     * date (midnight in Beijing) as created and modified.
     */
    static byte[] write(WordXml document, byte[] png, Bulletin b) {
        byte[] core = coreXml(b.office(), b.title(), b.ruleset(), b.date());
        ByteArrayOutputStream out = new ByteArrayOutputStream(document.size() / 16 + png.length + 16 * 1024);
        long time = ZIP_TIME.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            zip.setLevel(Deflater.BEST_SPEED);
            part(zip, time, "[Content_Types].xml", CONTENT_TYPES);
            part(zip, time, "_rels/.rels", PACKAGE_RELS);
            part(zip, time, "docProps/app.xml", APP);
            part(zip, time, "docProps/core.xml", core);
            document.writeTo(entry(zip, time, "word/document.xml"));
            zip.closeArchiveEntry();
            part(zip, time, "word/_rels/document.xml.rels", DOCUMENT_RELS);
            part(zip, time, "word/fontTable.xml", FONT_TABLE);
            part(zip, time, "word/media/image1.png", png);
            part(zip, time, "word/settings.xml", SETTINGS);
            part(zip, time, "word/styles.xml", STYLES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void part(ZipArchiveOutputStream zip, long time, String name, byte[] bytes) throws IOException {
        entry(zip, time, name).write(bytes);
        zip.closeArchiveEntry();
    }

    private static ZipArchiveOutputStream entry(ZipArchiveOutputStream zip, long time, String name) throws IOException {
        ZipArchiveEntry e = new ZipArchiveEntry(name);
        e.setTime(time);
        zip.putArchiveEntry(e);
        return zip;
    }

    /**
     * {@code docProps/core.xml} as POI writes it: the properties in its order, an empty or missing
     * one left out, the text escaped as its DOM serialiser escapes it (see {@link #text}).
     */
    static byte[] coreXml(String creator, String title, String identifier, LocalDate date) {
        String at = W3CDTF.format(date.atStartOfDay(BULLETIN_ZONE).toInstant());
        StringBuilder x = new StringBuilder(1024).append(STANDALONE)
                .append("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
                        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">")
                .append("<dcterms:created xsi:type=\"dcterms:W3CDTF\">").append(at).append("</dcterms:created>");
        property(x, "dc:creator", creator);
        property(x, "dc:identifier", identifier);
        x.append("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">").append(at).append("</dcterms:modified>");
        property(x, "dc:title", title);
        x.append("</cp:coreProperties>");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void property(StringBuilder x, String element, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        x.append('<').append(element).append('>');
        text(x, value);
        x.append("</").append(element).append('>');
    }

    /**
     * Element text escaped as the JDK's DOM serialiser writes it for POI: {@code &amp;},
     * {@code &lt;}, {@code &gt;} (every one), {@code &#13;} for a carriage return, a numeric
     * reference for U+007F–U+009F and for a character beyond the BMP, the rest as it is. A
     * character XML 1.0 cannot hold (a control character other than tab, line feed and carriage
     * return, U+FFFE, U+FFFF, half a surrogate pair) becomes {@code ?}, as in
     * {@code word/document.xml}; POI wrote such a one as a reference no reader accepts, or
     * failed.
     */
    static void text(StringBuilder x, String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> x.append("&amp;");
                case '<' -> x.append("&lt;");
                case '>' -> x.append("&gt;");
                case '\r' -> x.append("&#13;");
                case '\t', '\n' -> x.append(c);
                default -> {
                    if (c < 0x20 || c == '\uFFFE' || c == '\uFFFF') {
                        x.append('?');
                    } else if (c >= 0x7F && c <= 0x9F) {
                        x.append("&#").append((int) c).append(';');
                    } else if (Character.isSurrogate(c)) {
                        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                            x.append("&#").append(Character.toCodePoint(c, s.charAt(++i))).append(';');
                        } else {
                            x.append('?');
                        }
                    } else {
                        x.append(c);
                    }
                }
            }
        }
    }
}

package io.github.duban.bulletin;

import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.Sanction;
import io.github.duban.outcome.UnitScore;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Word bulletin read back with POI: title, ranking table, sanctions, board; the page, fonts,
 * styles and page numbers of GB/T 9704-2012; the 附件 line, signature and 版记 in order; the
 * fingerprint in the properties only; the same bytes twice.
 */
class BulletinDocxTest {
    static final Assessment MAY = SampleYear.month(5);
    static final Bulletin BULLETIN = SampleYear.bulletin(5);

    @Test
    void theTitleRankingTableAndSanctionsReadBack() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(Bulletins.docx(BULLETIN)))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs).contains("督查通报", "第4期", "关于2021年5月份后疫情时代优化营商环境工作推进情况的通报", "四、考核得分与排名");

            XWPFTable ranking = table(doc, "得分");
            assertThat(ranking.getRows()).hasSize(MAY.scores().size() + 1);
            for (int i = 0; i < MAY.scores().size(); i++) {
                UnitScore s = MAY.scores().get(i);
                XWPFTableRow r = ranking.getRow(i + 1);
                assertThat(r.getCell(1).getText()).isEqualTo(s.unit());
                assertThat(r.getCell(2).getText()).isEqualTo(Bulletin.number(s.score()));
                assertThat(r.getCell(3).getText()).isEqualTo(s.rating().chinese());
                assertThat(r.getCell(6).getText()).isEqualTo(String.valueOf(s.rank()));
            }

            String text = doc.getParagraphs().stream().map(p -> p.getText()).reduce("", String::concat);
            for (Sanction s : MAY.sanctions()) {
                assertThat(text).contains(s.reason());
            }
            assertThat(text).contains("2021年6月15日", "李四", "附件：2021年5月份重点任务推进情况表");

            XWPFTable board = table(doc, "序时进度");
            assertThat(board.getRows()).hasSize(MAY.board().size() + 1);
            assertThat(board.getRow(9).getCell(1).getText()).isEqualTo("红灯");   // task 9

            assertThat(doc.getAllPictures()).hasSize(1);
            assertThat(doc.getAllPictures().get(0).getData()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        }
    }

    @Test
    void thePageIsA4WithTheMarginsOfGbt9704_andPageNumbersAtTheOuterCorners() throws IOException {
        byte[] bytes = Bulletins.docx(BULLETIN);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            var sect = doc.getDocument().getBody().getSectPr();
            assertThat(sect.getPgSz().getW()).hasToString("11906");
            assertThat(sect.getPgSz().getH()).hasToString("16838");
            var m = sect.getPgMar();
            // 37, 35, 28 and 26 mm: a text block of 156 x 225 mm (8 844 x 12 756 twips)
            assertThat(List.of(m.getTop(), m.getBottom(), m.getLeft(), m.getRight())).extracting(Object::toString)
                    .containsExactly("2098", "1984", "1588", "1474");
            assertThat(sect.getFooterReferenceList()).extracting(r -> r.getType().toString()).containsExactly("default", "even");
            assertThat(doc.getFooterList()).hasSize(2).allSatisfy(f -> assertThat(f.getText()).startsWith("— ").contains(" —"));
        }
        assertThat(entry(bytes, "word/settings.xml")).contains("<w:evenAndOddHeaders/>");
        String odd = entry(bytes, "word/footer1.xml");
        assertThat(odd).contains("FooterOdd", "<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>");
        assertThat(entry(bytes, "word/styles.xml")).contains(
                "<w:style w:type=\"paragraph\" w:styleId=\"FooterOdd\"><w:name w:val=\"Footer Odd\"/><w:basedOn w:val=\"Footer\"/><w:pPr><w:ind w:right=\"280\"/><w:jc w:val=\"right\"/>",
                "<w:style w:type=\"paragraph\" w:styleId=\"FooterEven\"><w:name w:val=\"Footer Even\"/><w:basedOn w:val=\"Footer\"/><w:pPr><w:ind w:left=\"280\"/><w:jc w:val=\"left\"/>");
    }

    @Test
    void theStylesNameTheOfficialFontsAndSizes_withFallbacksAndChineseAsTheLanguage() throws IOException {
        byte[] bytes = Bulletins.docx(BULLETIN);
        String styles = entry(bytes, "word/styles.xml");
        assertThat(styles).contains("w:eastAsia=\"仿宋_GB2312\"", "<w:sz w:val=\"32\"/>", "w:eastAsia=\"zh-CN\"",
                "w:line=\"579\" w:lineRule=\"exact\"");
        assertThat(style(styles, "Title")).contains("w:eastAsia=\"方正小标宋简体\"", "<w:sz w:val=\"44\"/>", "<w:jc w:val=\"center\"/>");
        assertThat(style(styles, "Heading1")).contains("w:eastAsia=\"黑体\"", "<w:keepNext/>");
        assertThat(style(styles, "Heading2")).contains("w:eastAsia=\"楷体_GB2312\"", "<w:keepNext/>");
        assertThat(style(styles, "Caption")).contains("<w:keepNext/>");
        assertThat(style(styles, "AttachmentLabel")).contains("<w:pageBreakBefore/>", "w:eastAsia=\"黑体\"");
        assertThat(style(styles, "Footer")).contains("w:eastAsia=\"宋体\"", "<w:sz w:val=\"28\"/>");
        String fontTable = entry(bytes, "word/fontTable.xml");
        assertThat(fontTable).contains("w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"", "w:name=\"楷体_GB2312\"><w:altName w:val=\"楷体\"",
                "w:name=\"方正小标宋简体\"><w:altName w:val=\"宋体\"", "w:name=\"黑体\"><w:altName w:val=\"SimHei\"");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            Map<String, String> styleOf = new java.util.LinkedHashMap<>();
            doc.getParagraphs().forEach(p -> styleOf.putIfAbsent(p.getText(), p.getStyle()));
            assertThat(styleOf).containsEntry(BULLETIN.title(), "Title").containsEntry("一、总体情况", "Heading1")
                    .containsEntry("（一）任务推进滞后、逾期", "Heading2").containsEntry("附件", "AttachmentLabel")
                    .containsEntry(BULLETIN.opening(), "Normal").containsEntry("图：2021年5月各单位考核得分", "Caption");
            List<XWPFParagraph> ps = doc.getParagraphs();
            int caption = ps.stream().map(XWPFParagraph::getText).toList().indexOf("图：2021年5月各单位考核得分");
            assertThat(ps.get(caption + 1).getRuns().get(0).getEmbeddedPictures()).as("the chart right under its caption").hasSize(1);
        }
    }

    @Test
    void theAttachmentLineComesBeforeTheSignature_andThe版记LastWithItsPrinterAndDate() throws IOException {
        BulletinSettings s = new BulletinSettings(null, null, null, null, null, null, null, null, "区委办、区政府办", null, 4,
                "冷水滩区人民政府办公室", java.time.LocalDate.of(2021, 6, 1));
        Bulletin b = Bulletin.of(SampleYear.DUBAN, MAY, s);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(Bulletins.docx(b)))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            int attachmentLine = paragraphs.indexOf("附件：" + b.attachment());
            assertThat(paragraphs.subList(attachmentLine + 1, attachmentLine + 3)).containsExactly(b.office(), b.dateText());
            assertThat(paragraphs.indexOf("附件")).isGreaterThan(attachmentLine + 2);
            List<XWPFParagraph> ps = doc.getParagraphs();
            assertThat(List.of(ps.get(attachmentLine - 1), ps.get(attachmentLine), ps.get(attachmentLine + 1)))
                    .as("the text's last paragraph, the 附件 line and the signature kept with the date")
                    .allMatch(p -> p.getCTP().getPPr().isSetKeepNext() || "Signature".equals(p.getStyle()));
            XWPFTable imprint = doc.getTables().get(doc.getTables().size() - 1);
            assertThat(imprint.getRows()).extracting(r -> r.getCell(0).getText())
                    .containsExactly("抄送：区委办、区政府办。", "冷水滩区人民政府办公室\t2021年6月1日印发");
            assertThat(doc.getBodyElements().indexOf(imprint)).isGreaterThan(doc.getBodyElements().indexOf(table(doc, "序时进度")));
        }
    }

    @Test
    void theFingerprintIsInTheDocumentPropertiesAndNowhereInThePrintedText() throws IOException {
        String ruleset = BULLETIN.ruleset();
        assertThat(ruleset).hasSizeGreaterThan(12);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(Bulletins.docx(BULLETIN)))) {
            @SuppressWarnings("resource") // closing the extractor would close the document
            String all = new XWPFWordExtractor(doc).getText();
            assertThat(all).doesNotContain(BULLETIN.rulesetShort()).contains(BULLETIN.title());
            assertThat(doc.getProperties().getCoreProperties().getIdentifier()).isEqualTo(ruleset);
            assertThat(doc.getProperties().getCoreProperties().getDescription()).contains(ruleset);
            assertThat(doc.getProperties().getCustomProperties().getProperty("ruleset").getLpwstr()).isEqualTo(ruleset);
            assertThat(doc.getProperties().getExtendedProperties().getApplication()).isEqualTo("duban");
        }
    }

    @Test
    void anOfficesDocumentTemplateReplacesTheBuiltInOne_itsTextEscaped(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tpl)
            throws IOException {
        java.nio.file.Files.writeString(tpl.resolve(Bulletins.DOCX_TEMPLATE), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + "<w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t>${b.series} 第${b.issue}期 ${b.office}</w:t></w:r></w:p>"
                + "<w:sectPr/></w:body></w:document>", java.nio.charset.StandardCharsets.UTF_8);
        BulletinSettings s = new BulletinSettings(null, "督查室<A&B>", null, null, null, null, null, null, null, tpl);
        Bulletin b = Bulletin.of(SampleYear.DUBAN, MAY, s);
        byte[] file = Bulletins.files(SampleYear.DUBAN, MAY, s).get("bulletin.docx");
        assertThat(file).isEqualTo(Bulletins.docx(b, tpl));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(file))) {
            assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText).containsExactly("督查通报 第4期 督查室<A&B>");
            assertThat(doc.getAllPictures()).hasSize(1);
        }
    }

    private static String style(String styles, String id) {
        int at = styles.indexOf("w:styleId=\"" + id + "\"");
        assertThat(at).as("style " + id).isPositive();
        return styles.substring(at, styles.indexOf("</w:style>", at));
    }

    @Test
    void writingTwiceGivesTheSameBytes_withFixedDatesInside() throws IOException {
        byte[] first = Bulletins.docx(SampleYear.bulletin(5));
        byte[] second = Bulletins.docx(SampleYear.bulletin(5));
        assertThat(second).isEqualTo(first);
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(first))) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                assertThat(e.getTimeLocal()).as(e.getName()).isEqualTo(LocalDateTime.of(1980, 1, 1, 0, 0));
            }
        }
        assertThat(entry(first, "docProps/core.xml")).contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2021-05-30T16:00:00Z");
    }

    private static XWPFTable table(XWPFDocument doc, String header) {
        return doc.getTables().stream().filter(t -> t.getRow(0).getTableCells().stream().anyMatch(c -> c.getText().equals(header)))
                .findFirst().orElseThrow(() -> new AssertionError("no table with the column " + header));
    }

    private static String entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                if (e.getName().equals(name)) {
                    return new String(z.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no " + name);
    }
}

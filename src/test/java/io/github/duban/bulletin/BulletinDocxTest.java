package io.github.duban.bulletin;

import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.Sanction;
import io.github.duban.outcome.UnitScore;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Word bulletin read back with POI: title, ranking table, sanctions, board, A4, fonts, and the same bytes twice. */
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
    void thePageIsA4AndTheTextNamesChineseOfficialFonts() throws IOException {
        byte[] bytes = Bulletins.docx(BULLETIN);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            var size = doc.getDocument().getBody().getSectPr().getPgSz();
            assertThat(size.getW()).hasToString("11906");
            assertThat(size.getH()).hasToString("16838");
            String body = doc.getParagraphs().stream().filter(p -> p.getText().startsWith("为推动")).findFirst().orElseThrow()
                    .getRuns().get(0).getFontFamily(org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange.eastAsia);
            assertThat(body).isEqualTo("仿宋_GB2312");
        }
        String fontTable = entry(bytes, "word/fontTable.xml");
        assertThat(fontTable).contains("w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"", "w:name=\"宋体\"");
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

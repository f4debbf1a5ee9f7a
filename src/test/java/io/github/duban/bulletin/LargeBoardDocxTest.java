package io.github.duban.bulletin;

import io.github.duban.engine.Duban;
import io.github.duban.generate.PlanGenerator;
import io.github.duban.generate.Spec;
import io.github.duban.outcome.Assessment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Word bulletin of a generated 400-task, 18-unit plan: every board row and cell reads back
 * with POI, and every part of the package, word/document.xml included, is the one the
 * cell-by-cell POI writer ({@link PoiDocxReference}) makes.
 */
class LargeBoardDocxTest {
    static final Bulletin LARGE = large();

    static Bulletin large() {
        PlanGenerator.Generated g = new PlanGenerator(Spec.of(1, 400, 18, 1, 2021)).plan(0);
        Duban duban = Duban.builder().plan(g.plan()).build();
        Assessment a = duban.assess(PlanGenerator.FIRST_MONTH, null, g.facts(), null);
        return Bulletin.of(duban, a, BulletinSettings.DEFAULT);
    }

    @Test
    void everyBoardRowAndCellOfAFourHundredTaskPlanReadsBack() throws IOException {
        assertThat(LARGE.board()).hasSize(400);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(Bulletins.docx(LARGE)))) {
            XWPFTable board = table(doc, "序时进度");
            assertThat(board.getRows()).hasSize(401);
            assertThat(board.getRow(0).getTableCells()).extracting(XWPFTableCell::getText)
                    .containsExactly("任务", "灯", "任务名称", "牵头单位", "完成时限", "进度", "序时进度");
            assertThat(board.getRow(0).isRepeatHeader()).isTrue();
            for (int i = 0; i < 400; i++) {
                Bulletin.BoardCell c = LARGE.board().get(i);
                XWPFTableRow r = board.getRow(i + 1);
                assertThat(r.getTableCells()).as("board row %d", i + 1).extracting(XWPFTableCell::getText)
                        .containsExactly(String.valueOf(c.task()), c.lightText(), c.title(), c.leads(), c.deadline(),
                                c.percent() + "%", c.schedule());
                assertThat(r.isCantSplitRow()).isTrue();
                assertThat(r.getCell(1).getColor()).isNotNull();
            }
            XWPFTable ranking = table(doc, "得分");
            assertThat(ranking.getRows()).hasSize(LARGE.ranking().size() + 1);
            assertThat(LARGE.ranking()).hasSize(18);
            assertThat(doc.getAllPictures()).hasSize(1);
        }
    }

    @Test
    void everyPartOfTheLargeBulletinIsTheOnePoiBuildsCellByCell() throws IOException {
        assertSameParts(LARGE);
    }

    @Test
    void everyPartOfEachSampleMonthIsTheOnePoiBuildsCellByCell() throws IOException {
        for (int m = 2; m <= 6; m++) {
            assertSameParts(SampleYear.bulletin(m));
        }
    }

    @Test
    void textXmlMustEscapeIsWrittenAsPoiWritesItAndReadsBackUnchanged() throws IOException {
        String office = " 督查室 <A&B> ]]> \"q\" 'x'\tcr\r 😀 ";
        BulletinSettings s = new BulletinSettings(null, office, "各单位 & <部门>\u0001", null, null,
                List.of("第一条 ]]>", "  "), "结束 ", null, "抄送 <某局>", null);
        Bulletin b = Bulletin.of(SampleYear.DUBAN, SampleYear.month(5), s);
        assertSameParts(b);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(Bulletins.docx(b)))) {
            assertThat(doc.getParagraphs()).extracting(p -> p.getText()).contains("各单位 & <部门>?：", "第一条 ]]>", "抄送：抄送 <某局>");
            assertThat(doc.getProperties().getCoreProperties().getCreator()).isEqualTo(b.office());
        }
    }

    // (a control character in the core properties is a POI limitation: its DOM writer emits &#1;, which no reader accepts)

    private static void assertSameParts(Bulletin b) throws IOException {
        Map<String, byte[]> fast = parts(Bulletins.docx(b));
        Map<String, byte[]> reference = parts(PoiDocxReference.write(b));
        assertThat(fast.keySet()).containsExactlyElementsOf(reference.keySet());
        for (String name : reference.keySet()) {
            assertThat(new String(fast.get(name), java.nio.charset.StandardCharsets.UTF_8)).as(name)
                    .isEqualTo(new String(reference.get(name), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(fast.get(name)).as(name).isEqualTo(reference.get(name));
        }
    }

    private static XWPFTable table(XWPFDocument doc, String header) {
        return doc.getTables().stream().filter(t -> t.getRow(0).getTableCells().stream().anyMatch(c -> c.getText().equals(header)))
                .findFirst().orElseThrow(() -> new AssertionError("no table with the column " + header));
    }

    private static Map<String, byte[]> parts(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                out.put(e.getName(), z.readAllBytes());
            }
        }
        return out;
    }
}

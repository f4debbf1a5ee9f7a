package io.github.duban.bulletin;

import io.github.duban.engine.Duban;
import io.github.duban.generate.PlanGenerator;
import io.github.duban.generate.Spec;
import io.github.duban.outcome.Assessment;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Word bulletin of a generated 400-task, 18-unit plan: every board row and cell reads back
 * with POI; every table of it and of each sample month fits the text block; text XML must escape,
 * or cannot hold, reads back.
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
    void everyTableOfTheLargeBulletinAndOfEachSampleMonthFitsTheTextBlock() throws IOException {
        assertTablesFit(LARGE);
        for (int m = 2; m <= 6; m++) {
            assertTablesFit(SampleYear.bulletin(m));
        }
    }

    @Test
    void textXmlMustEscapeReadsBackUnchanged() throws IOException {
        String office = " 督查室 <A&B> ]]> \"q\" 'x'\tcr\r 😀 ";
        BulletinSettings s = new BulletinSettings(null, office, "各单位 & <部门>\u0001", null, null,
                List.of("第一条 ]]>", "  "), "结束 ", null, "抄送 <某局>", null);
        Bulletin b = Bulletin.of(SampleYear.DUBAN, SampleYear.month(5), s);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(Bulletins.docx(b)))) {
            assertThat(doc.getParagraphs()).extracting(p -> p.getText()).contains("各单位 & <部门>?：", "第一条 ]]>", "结束");
            @SuppressWarnings("resource") // closing the extractor would close the document
            String all = new XWPFWordExtractor(doc).getText();
            assertThat(all).contains("抄送：抄送 <某局>。", "督查室 <A&B> ]]> \"q\" 'x'");
            assertThat(doc.getProperties().getCoreProperties().getCreator()).isEqualTo(b.office());
        }
    }

    @Test
    void aCharacterXmlCannotHoldBecomesAQuestionMarkAndTheFileReadsBack() throws IOException {
        String office = "督查\u0001室\u001f\uFFFE\uDC00办\uD800";
        BulletinSettings s = new BulletinSettings(null, office, null, null, null, null, null, null, null, null);
        Bulletin b = Bulletin.of(SampleYear.DUBAN, SampleYear.month(5), s);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(Bulletins.docx(b)))) {
            assertThat(doc.getProperties().getCoreProperties().getCreator()).isEqualTo("督查?室???办?");
            assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText).contains("督查?室???办?");
        }
    }

    /**
     * Every table: fixed layout, its grid inside the 8 844-twip text block (156 mm), its width the
     * grid's, and every cell as wide as its grid column.
     */
    static void assertTablesFit(Bulletin b) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(Bulletins.docx(b)))) {
            assertThat(doc.getTables()).hasSizeGreaterThanOrEqualTo(3);
            for (XWPFTable t : doc.getTables()) {
                CTTbl ct = t.getCTTbl();
                int[] grid = ct.getTblGrid().getGridColList().stream().mapToInt(c -> ((java.math.BigInteger) c.getW()).intValue()).toArray();
                int sum = java.util.Arrays.stream(grid).sum();
                assertThat(sum).as("grid of the table starting %s", t.getText().lines().findFirst().orElse("")).isLessThanOrEqualTo(8844);
                assertThat(ct.getTblPr().getTblLayout().getType()).isEqualTo(STTblLayoutType.FIXED);
                assertThat(((java.math.BigInteger) ct.getTblPr().getTblW().getW()).intValue()).isEqualTo(sum);
                for (XWPFTableRow r : t.getRows()) {
                    for (int i = 0; i < r.getTableCells().size(); i++) {
                        assertThat(r.getCell(i).getWidth()).isEqualTo(grid[i]);
                    }
                }
            }
        }
    }

    private static XWPFTable table(XWPFDocument doc, String header) {
        return doc.getTables().stream().filter(t -> t.getRow(0).getTableCells().stream().anyMatch(c -> c.getText().equals(header)))
                .findFirst().orElseThrow(() -> new AssertionError("no table with the column " + header));
    }
}

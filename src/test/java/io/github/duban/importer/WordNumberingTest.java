package io.github.duban.importer;

import io.github.duban.model.Task;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Word's automatic numbering: the numbers are not in the text, yet the plan's headings and tasks are numbered. */
class WordNumberingTest {

    @TempDir
    Path dir;

    @Test
    void automaticNumbers_areReadAsTheDocumentShowsThem() throws Exception {
        Path f = dir.resolve("auto.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(f)) {
            CTAbstractNum abs = CTAbstractNum.Factory.newInstance();
            abs.setAbstractNumId(BigInteger.ONE);
            level(abs, 0, STNumberFormat.CHINESE_COUNTING, "%1、");
            level(abs, 1, STNumberFormat.CHINESE_COUNTING, "（%2）");
            level(abs, 2, STNumberFormat.DECIMAL, "%3.");
            XWPFNumbering numbering = doc.createNumbering();
            BigInteger absId = numbering.addAbstractNum(new XWPFAbstractNum(abs, numbering));
            BigInteger numId = numbering.addNum(absId);
            doc.createParagraph().createRun().setText("某区2023年优化营商环境工作方案");
            doc.createParagraph().createRun().setText("2023年2月10日");
            para(doc, numId, 0, "重点任务");
            para(doc, numId, 1, "政务服务");
            para(doc, numId, 2, "推行一网通办。（牵头单位：区政务服务中心；完成时限：2023年6月底前）");
            para(doc, numId, 2, "推行容缺受理。（牵头单位：区行政审批局；完成时限：2023年9月底前）");
            para(doc, numId, 1, "要素保障");
            para(doc, numId, 2, "保障用地需求。（牵头单位：区自然资源局；完成时限：2023年12月底前）");
            doc.write(out);
        }
        ImportResult r = PlanImporter.importFile(f, ImportOptions.none());
        assertThat(r.plan().tasks()).extracting(Task::title).containsExactly("推行一网通办", "推行容缺受理", "保障用地需求");
        assertThat(r.plan().goals()).extracting(g -> g.title()).containsExactly("政务服务", "要素保障");
        assertThat(r.plan().tasks()).extracting(Task::goal).containsExactly(1, 1, 2);
        // the third level restarts under each second-level heading, as Word shows it: 1. 2. then 1.
        assertThat(r.problems()).anyMatch(x -> x.message().contains("(1,2,1)"));
    }

    private static void level(CTAbstractNum abs, int ilvl, STNumberFormat.Enum fmt, String text) {
        CTLvl lvl = abs.addNewLvl();
        lvl.setIlvl(BigInteger.valueOf(ilvl));
        lvl.addNewStart().setVal(BigInteger.ONE);
        lvl.addNewNumFmt().setVal(fmt);
        lvl.addNewLvlText().setVal(text);
    }

    private static void para(XWPFDocument doc, BigInteger numId, int ilvl, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setNumID(numId);
        p.setNumILvl(BigInteger.valueOf(ilvl));
        p.createRun().setText(text);
    }
}

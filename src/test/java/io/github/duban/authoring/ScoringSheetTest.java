package io.github.duban.authoring;

import io.github.duban.error.InputException;
import io.github.duban.json.ScoringSheet;
import io.github.duban.model.Policy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The 考核细则 as a CSV sheet, read into the policy: the shipped default is the default policy; mistakes name row and column. */
class ScoringSheetTest {

    static final String HEAD = "item,kind,fallsOn,points,cap\n";

    static InputException refused(String rows) {
        try {
            ScoringSheet.read(HEAD + rows, "county.csv", Policy.DEFAULT);
        } catch (InputException e) {
            assertThat(e.file()).isEqualTo("county.csv");
            return e;
        }
        throw new AssertionError("accepted: " + rows);
    }

    @Test
    void theShippedSheet_isTheDefaultPolicy_andWritingReadsBack() {
        assertThat(ScoringSheet.read(ScoringSheet.defaultSheet(), "default.csv", Policy.DEFAULT)).isEqualTo(Policy.DEFAULT);
        assertThat(ScoringSheet.write(Policy.DEFAULT)).isEqualTo(ScoringSheet.defaultSheet());
    }

    @Test
    void aCountySheet_setsPointsTheSupportingWeightAndACap() {
        Policy p = ScoringSheet.read(HEAD + """
                迟报,REPORT_LATE,any,-0.1,-1
                漏报,REPORT_MISSING,any,-0.5,-1
                通报批评（主办）,CRITICISM,lead,-1,-4
                通报批评（协办）,CRITICISM,supporting,-0.5,-4
                """, "county.csv", Policy.DEFAULT);
        assertThat(p.reportLate()).isEqualByComparingTo("-0.1");
        assertThat(p.reportMissing()).isEqualByComparingTo("-0.5");
        assertThat(p.criticism()).isEqualByComparingTo("-1");
        assertThat(p.supportingWeight()).isEqualByComparingTo("0.5");
        assertThat(p.caps()).containsEntry("reports", new java.math.BigDecimal("-1")).containsEntry("sanctions", new java.math.BigDecimal("-4"));
        assertThat(p.notice()).as("an item left out keeps the policy's number").isEqualByComparingTo("-0.5");
        assertThat(ScoringSheet.read(ScoringSheet.write(p), "again.csv", Policy.DEFAULT)).isEqualTo(p);
    }

    @Test
    void mistakes_nameTheRowAndTheColumn() {
        InputException kind = refused("迟报,REPORT_LAT,any,-1,\n");
        assertThat(kind.line()).isEqualTo(2);
        assertThat(kind.field()).isEqualTo("kind");
        assertThat(kind.getMessage()).contains("county.csv:2: field kind: is REPORT_LAT", "did you mean REPORT_LATE?");
        InputException points = refused("迟报,REPORT_LATE,any,-1,\n漏报,REPORT_MISSING,any,两分,\n");
        assertThat(points.line()).isEqualTo(3);
        assertThat(points.getMessage()).contains("field points: is \"两分\"; expected a number");
        assertThat(refused("迟报,REPORT_LATE,any,1,\n").field()).isEqualTo("points.reportLate");
        assertThat(refused("提醒,NOTICE,everyone,-1,\n").getMessage()).contains("field fallsOn: is everyone; expected any, lead or supporting");
        assertThat(refused("表扬,COMMENDED,any,3,5\n").getMessage()).contains("field cap: a bonus has no monthly cap");
        InputException twoCaps = refused("迟报,REPORT_LATE,any,-1,-2\n漏报,REPORT_MISSING,any,-2,-3\n");
        assertThat(twoCaps.line()).isEqualTo(3);
        assertThat(twoCaps.getMessage()).contains("row 2 caps the reports category at -2");
        InputException weights = refused("""
                通报批评,CRITICISM,lead,-2,
                通报批评,CRITICISM,supporting,-1,
                曝光,EXPOSURE,lead,-10,
                曝光,EXPOSURE,supporting,-2,
                """);
        assertThat(weights.line()).isEqualTo(5);
        assertThat(weights.getMessage()).contains("gives supporting units 0.2 of the lead's points, but row 3 gives 0.5");
        assertThat(refused("a,b\n").getMessage()).contains("has 2 columns; expected 5");
    }

    @Test
    void anXlsxSheet_readsLikeTheCsv_andAMistakeNamesTheExcelRow(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path good = xlsx(tmp.resolve("county.xlsx"), new Object[][] {
                {"item", "kind", "fallsOn", "points", "cap"},
                {"迟报", "REPORT_LATE", "any", -0.1, null},
                {"通报批评（主办）", "CRITICISM", "lead", -1, -4},
                {"通报批评（协办）", "CRITICISM", "supporting", -0.5, -4}});
        Policy p = ScoringSheets.read(good, Policy.DEFAULT);
        assertThat(p.reportLate()).isEqualByComparingTo("-0.1");
        assertThat(p.supportingWeight()).isEqualByComparingTo("0.5");
        assertThat(p.caps()).containsEntry("sanctions", new java.math.BigDecimal("-4"));
        java.nio.file.Path bad = xlsx(tmp.resolve("bad.xlsx"), new Object[][] {
                {"item", "kind", "fallsOn", "points", "cap"},
                {"迟报", "REPORT_LATE", "any", -0.1, null},
                {"漏报", "REPORT_MISSING", "any", "两分", null}});
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScoringSheets.read(bad, Policy.DEFAULT))
                .hasMessageContaining("bad.xlsx:3: field points: is \"两分\"; expected a number");
    }

    static java.nio.file.Path xlsx(java.nio.file.Path file, Object[][] rows) throws Exception {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            var sheet = book.createSheet("考核细则");
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            try (var out = java.nio.file.Files.newOutputStream(file)) {
                book.write(out);
            }
        }
        return file;
    }

    @Test
    void theSheetShowsTheMilestonePointsAndTheRatingCeilings_andReadsThemBack() {
        String sheet = ScoringSheet.write(Policy.DEFAULT);
        assertThat(sheet).contains("未达到时间节点,MILESTONE_MISSED,any,-1,", "CEILING_CRITICISM,any,GOOD,", "CEILING_EXPOSURE,any,PASS,");
        Policy tighter = ScoringSheet.read("item,kind,fallsOn,points,cap\n受到通报批评的单位等次上限,CEILING_CRITICISM,any,PASS,\n"
                + "未达到时间节点,MILESTONE_MISSED,any,-2,\n", "s.csv", Policy.DEFAULT);
        assertThat(tighter.ratingCeilings()).containsEntry("CRITICISM", "PASS");
        assertThat(tighter.milestoneMissed()).isEqualByComparingTo("-2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScoringSheet.read("item,kind,fallsOn,points,cap\nx,CEILING_EXPOSURE,any,GOOD2,\n",
                "s.csv", Policy.DEFAULT)).isInstanceOf(InputException.class).hasMessageContaining("ratingCeilings.EXPOSURE");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScoringSheet.read("item,kind,fallsOn,points,cap\nx,CEILING_CRITICISN,any,GOOD,\n",
                "s.csv", Policy.DEFAULT)).isInstanceOf(InputException.class).hasMessageContaining("did you mean CEILING_CRITICISM");
    }
}

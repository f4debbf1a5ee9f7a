package io.github.duban.bulletin;

import io.github.duban.outcome.BoardEntry;
import io.github.duban.outcome.Finding;
import io.github.duban.outcome.FindingKind;
import io.github.duban.outcome.LatestPercent;
import io.github.duban.outcome.RemindDay;
import io.github.duban.outcome.Reminder;
import io.github.duban.outcome.ReportOwed;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The month's dispatch sheet (调度表): read back with POI, its rows are the rules' conclusions of the day. */
class DispatchSheetTest {

    @ParameterizedTest
    @ValueSource(strings = {"2021-03-22", "2021-05-12", "2021-05-28"})
    void dispatch_rowsAreTheDaysConclusions(String d) throws IOException {
        LocalDate date = LocalDate.parse(d);
        RemindDay day = SampleYear.DUBAN.remindDay(date, SampleYear.FACTS);
        // the same reminders as Duban.reminders, and the assessment as of the day
        assertThat(day.reminders()).isEqualTo(SampleYear.DUBAN.reminders(date, SampleYear.FACTS));
        assertThat(day.assessment().asOf()).isEqualTo(date);
        assertThat(day.owed()).isNotEmpty().allSatisfy(o -> assertThat(o.month()).isEqualTo(day.assessment().period()));

        byte[] xlsx = DispatchSheet.xlsx(SampleYear.DUBAN.plan(), day);
        assertThat(DispatchSheet.xlsx(SampleYear.DUBAN.plan(), SampleYear.DUBAN.remindDay(date, SampleYear.FACTS)))
                .as("the same day gives the same bytes").isEqualTo(xlsx);
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).contains("工作调度表", "截至" + date.getYear() + "年");
            List<String> header = new ArrayList<>();
            s.getRow(1).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).isEqualTo(DispatchSheet.HEADER);
            for (int i = 2; i <= s.getLastRowNum(); i++) {
                Row r = s.getRow(i);
                assertThat(r.getCell(0).getNumericCellValue()).isEqualTo(i - 1);
                List<String> cells = new ArrayList<>();
                for (int c = 1; c < DispatchSheet.HEADER.size(); c++) {
                    Cell cell = r.getCell(c);
                    cells.add(cell.getCellType() == CellType.NUMERIC ? String.valueOf((int) cell.getNumericCellValue()) : cell.getStringCellValue());
                }
                rows.add(cells);
            }
        }
        List<DispatchSheet.Line> lines = DispatchSheet.lines(SampleYear.DUBAN.plan(), day);
        assertThat(rows).isEqualTo(lines.stream().map(DispatchSheet.Line::cells).toList());

        // every report owed has its row, with its due date, the board's light and the latest percent the rules concluded
        for (ReportOwed o : day.owed()) {
            DispatchSheet.Line l = line(lines, o.unit(), o.task());
            assertThat(l.due()).contains(o.due().getYear() + "年" + o.due().getMonthValue() + "月" + o.due().getDayOfMonth() + "日");
            BoardEntry b = day.assessment().board().stream().filter(e -> e.task() == o.task()).findFirst().orElseThrow();
            assertThat(l.light()).isEqualTo(b.light().chinese());
            LatestPercent lp = day.latest().stream().filter(p -> p.task() == o.task() && p.unit().equals(o.unit())).findFirst().orElse(null);
            assertThat(l.percent()).isEqualTo(lp == null ? "" : lp.percent() + "%");
            assertThat(l.leader()).isEqualTo(nz(SampleYear.DUBAN.plan().personsOf(o.task(), o.unit()).leader()));
            assertThat(l.person()).isEqualTo(nz(SampleYear.DUBAN.plan().personsOf(o.task(), o.unit()).person()));
        }
        // a late or missing report is on its row, as the rules found it
        for (Finding f : day.assessment().findings()) {
            if (f.kind() == FindingKind.REPORT_LATE || f.kind() == FindingKind.REPORT_MISSING) {
                assertThat(line(lines, f.unit(), f.task()).problems()).contains(f.kind().chinese());
            }
        }
        // and every reminder of the day on its unit's row
        for (Reminder r : day.reminders()) {
            assertThat(line(lines, r.unit(), r.task()).reminders()).contains(r.level() + "·" + r.kind().chinese());
        }
    }

    private static DispatchSheet.Line line(List<DispatchSheet.Line> lines, String unit, Integer task) {
        return lines.stream().filter(l -> l.unit().equals(unit) && java.util.Objects.equals(l.task(), task)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + unit + " on task " + task));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

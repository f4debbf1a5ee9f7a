package io.github.duban.importer;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A plan of 400 tasks imports in well under a few seconds in every format. */
class LargePlanSpeedTest {

    static final int TASKS = 400;
    static final long LIMIT_MS = 4_000;

    @TempDir
    Path dir;

    static List<String[]> table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"序号", "工作任务", "牵头单位", "责任单位", "责任领导", "完成时限"});
        for (int i = 1; i <= TASKS; i++) {
            rows.add(new String[]{String.valueOf(i), "推进第" + i + "项重点工作。细化措施，明确节点，按月调度，确保完成年度目标。",
                    "区局" + (i % 37) + "局", "区直" + (i % 11) + "办、各街道", "张" + (i % 9) + "明", "2024年" + (1 + i % 12) + "月底前"});
        }
        return rows;
    }

    @Test
    void fourHundredTasks_importFast_inEveryFormat() throws Exception {
        List<String> nested = new ArrayList<>(List.of("某区2024年重点工作实施方案", "2024年1月10日", "一、重点任务"));
        for (int g = 1; g <= TASKS / 10; g++) {
            nested.add("（" + Numerals.of(g) + "）第" + g + "组工作");
            for (int i = 1; i <= 9; i++) {
                nested.add(i + ".推进第" + g + "组第" + i + "项工作。细化措施，按月调度。");
            }
            nested.add("（牵头单位：区局" + g + "局；配合单位：各街道；完成时限：2024年" + (1 + g % 12) + "月底前）");
        }
        Path text = Files.writeString(dir.resolve("nested.txt"), String.join("\n", nested));
        List<String[]> rows = table();
        StringBuilder pasted = new StringBuilder("某区2024年重点工作责任分解表\n");
        for (String[] r : rows) {
            for (String c : r) {
                pasted.append(c).append(" |\n");
            }
        }
        Path pastedTable = Files.writeString(dir.resolve("pasted.txt"), pasted);
        Path docx = Documents.docx(dir.resolve("table.docx"), List.of("某区2024年重点工作责任分解表", "2024年1月10日"), List.of(rows), List.of());
        Path html = Files.writeString(dir.resolve("table.html"), "<html><body><p>某区2024年重点工作责任分解表</p><p>2024年1月10日</p>"
                + Documents.htmlTable(rows, "border=\"1\"") + "</body></html>");
        Path xlsx = dir.resolve("table.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            Sheet s = wb.createSheet("分解表");
            s.createRow(0).createCell(0).setCellValue("某区2024年重点工作责任分解表");
            for (int r = 0; r < rows.size(); r++) {
                Row row = s.createRow(r + 1);
                for (int c = 0; c < rows.get(r).length; c++) {
                    row.createCell(c).setCellValue(rows.get(r)[c]);
                }
            }
            wb.write(out);
        }
        PlanImporter.importFile(docx, ImportOptions.ofYear(2024)); // class loading and JIT once, not timed
        Map<String, Long> took = new LinkedHashMap<>();
        for (Path f : List.of(text, pastedTable, docx, html, xlsx)) {
            long t0 = System.nanoTime();
            ImportResult r = PlanImporter.importFile(f, ImportOptions.ofYear(2024));
            took.put(f.getFileName().toString(), (System.nanoTime() - t0) / 1_000_000);
            assertThat(r.plan().leaves()).as(f.toString()).hasSize(f == text ? TASKS - TASKS / 10 : TASKS);
        }
        System.out.println("400-task plan import times (ms): " + took);
        assertThat(took.values()).allMatch(ms -> ms < LIMIT_MS);
    }

    /** Chinese numerals for the （一） headings. */
    static final class Numerals {
        static String of(int n) {
            String d = "〇一二三四五六七八九";
            if (n < 10) {
                return String.valueOf(d.charAt(n));
            }
            return (n / 10 == 1 ? "" : String.valueOf(d.charAt(n / 10))) + "十" + (n % 10 == 0 ? "" : String.valueOf(d.charAt(n % 10)));
        }
    }
}

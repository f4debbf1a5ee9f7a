package io.github.duban.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code duban remind}: reminders.jsonl and reminders.md for a date, from one facts folder or every plan folder. */
class RemindCommandTest extends ConsoleCapture {

    static final Path SAMPLE = Path.of("src/main/resources/sample/2021");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void remind_writesOneReminderALineAndTheListByUnit() throws IOException {
        Path out = tmp.resolve("r26");
        // When the sample year's reminders of 2021-05-26 are drawn
        assertThat(Main.run("remind", "--facts", SAMPLE.toString(), "--date", "2021-05-26", "--out", out.toString())).isEqualTo(0);
        // Then reminders.jsonl has one object a line, its fields in the documented order
        List<String> lines = Files.readAllLines(out.resolve("reminders.jsonl"), StandardCharsets.UTF_8);
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            JsonNode r = JSON.readTree(line);
            assertThat(r.fieldNames()).toIterable().containsExactly("id", "date", "kind", "level", "unit", "person", "task", "month",
                    "dueOn", "rule", "facts", "message");
            assertThat(r.get("date").asText()).isEqualTo("2021-05-26");
        }
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"kind\":\"REPORT_OVERDUE\"", "\"unit\":\"区科工信局\"", "\"task\":12"));
        // and reminders.md lists them by unit
        String md = Files.readString(out.resolve("reminders.md"), StandardCharsets.UTF_8);
        assertThat(md).startsWith("# 催办提醒（2021年5月26日）").contains("## 区科工信局", "冷优组发〔2021〕3号", "【提醒·逾期催报】");
        assertThat(err()).contains("2021-05-26", "1 reminder (");
        // and the one reminded unit has its 督办通知, as HTML and as a Word file
        try (var notices = Files.list(out.resolve("notices"))) {
            assertThat(notices.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("区科工信局.docx", "区科工信局.html");
        }
        assertThat(Files.readString(out.resolve("notices/区科工信局.html"), StandardCharsets.UTF_8)).contains("督办通知", "区科工信局：");
        // and the month's dispatch sheet opens
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(out.resolve("dispatch.xlsx").toFile())) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("2021年5月工作调度表（截至2021年5月26日）");
            assertThat(wb.getSheetAt(0).getLastRowNum()).isGreaterThan(2);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void remind_rerunForAnotherDate_leavesOnlyThatDatesNotices() throws IOException {
        Path out = tmp.resolve("again");
        assertThat(Main.run("remind", "--facts", SAMPLE.toString(), "--date", "2021-03-22", "--out", out.toString())).isEqualTo(0);
        List<String> units = Files.readAllLines(out.resolve("reminders.jsonl"), StandardCharsets.UTF_8).stream()
                .map(l -> { try { return JSON.readTree(l).get("unit").asText(); } catch (IOException e) { throw new java.io.UncheckedIOException(e); } })
                .distinct().toList();
        try (var notices = Files.list(out.resolve("notices"))) {
            assertThat(notices.count()).isEqualTo(2L * units.size());
        }
        assertThat(Main.run("remind", "--facts", SAMPLE.toString(), "--date", "2021-05-26", "--out", out.toString())).isEqualTo(0);
        try (var notices = Files.list(out.resolve("notices"))) {
            assertThat(notices.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("区科工信局.docx", "区科工信局.html");
        }
    }

    @Test
    void remind_withTheLedgerOfTheMonthBefore_writesTheSameBytesAsReplaying() throws IOException {
        Path april = tmp.resolve("april");
        assertThat(Main.run("assess", "--facts", SAMPLE.toString(), "--month", "2021-04", "--out", april.toString())).isEqualTo(0);
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertThat(Main.run("remind", "--facts", SAMPLE.toString(), "--date", "2021-05-12", "--out", a.toString())).isEqualTo(0);
        assertThat(Main.run("remind", "--facts", SAMPLE.toString(), "--date", "2021-05-12", "--ledger", april.resolve("ledger.json").toString(),
                "--out", b.toString())).isEqualTo(0);
        assertThat(Files.readAllBytes(b.resolve("reminders.jsonl"))).isEqualTo(Files.readAllBytes(a.resolve("reminders.jsonl")))
                .isNotEmpty();
        assertThat(Files.readString(a.resolve("reminders.jsonl"), StandardCharsets.UTF_8)).contains("RECTIFICATION_DUE");
    }

    @Test
    void remind_aDateOutsideTheCalendar_isRefused() {
        assertThat(Main.run("remind", "--facts", SAMPLE.toString(), "--date", "2031-05-26", "--out", tmp.resolve("x").toString())).isEqualTo(2);
        assertThat(err()).contains("2031-05-26", "calendar");
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    @Test
    void remind_everyPlanFolder_eachIntoItsOwnFolder_aBrokenOneRefusedAlone() throws IOException {
        Path plans = Files.createDirectories(tmp.resolve("plans"));
        for (String name : List.of("甲", "乙")) {
            Path dir = Files.createDirectories(plans.resolve(name));
            try (var files = Files.list(SAMPLE)) {
                for (Path f : files.toList()) {
                    Files.copy(f, dir.resolve(f.getFileName().toString()));
                }
            }
            try (InputStream in = getClass().getResourceAsStream("/plan/lengshuitan-2021-3.json")) {
                Files.copy(in, dir.resolve("plan.json"));
            }
        }
        Files.createDirectories(plans.resolve("丙"));
        Path out = tmp.resolve("out");
        assertThat(Main.run("remind", "--plans", plans.toString(), "--date", "2021-05-26", "--out", out.toString())).isEqualTo(3);
        assertThat(Files.readAllBytes(out.resolve("甲").resolve("reminders.jsonl"))).isEqualTo(Files.readAllBytes(out.resolve("乙").resolve("reminders.jsonl")));
        assertThat(out.resolve("甲").resolve("reminders.md")).exists();
        assertThat(out.resolve("丙")).doesNotExist();
        assertThat(err()).contains("plan 丙 refused", "plan.json", "2 of 3 plans");
    }
}

package io.github.duban.json;

import io.github.duban.error.InputException;

import io.github.duban.model.Facts;
import io.github.duban.model.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FactsJsonTest {

    static final Plan PLAN = PlanJson.embedded();

    @TempDir
    Path dir;

    void write(String file, String... lines) throws IOException {
        Files.writeString(dir.resolve(file), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    InputException refused() {
        try {
            FactsJson.read(dir, PLAN);
        } catch (InputException e) {
            return e;
        }
        throw new AssertionError("the facts were accepted");
    }

    static final String GOOD = "{\"task\": 9, \"unit\": \"区住建局\", \"month\": \"2021-04\", \"submittedOn\": \"2021-04-23\", \"percent\": 90, \"text\": \"…\"}";

    @Test
    void everyFileIsOptional_andBlankLinesAreSkipped() throws IOException {
        write("reports.jsonl", GOOD, "", GOOD.replace("2021-04-23", "2021-04-24"));
        Facts f = FactsJson.read(dir, PLAN);
        assertThat(f.reports()).hasSize(2);
        assertThat(f.completions()).isEmpty();
    }

    @Test
    void aMalformedLine_namesFileAndLine() throws IOException {
        write("reports.jsonl", GOOD, "{\"task\": 9, \"unit\": ");
        InputException e = refused();
        assertThat(e.file()).endsWith("reports.jsonl");
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void anUnknownUnit_namesTheField() throws IOException {
        write("reports.jsonl", GOOD.replace("区住建局", "区不存在局"));
        InputException e = refused();
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.field()).isEqualTo("unit");
        assertThat(e.getMessage()).contains("区不存在局", "not in the plan 冷优组发〔2021〕3号");
    }

    @Test
    void anUnknownTask_namesTheField() throws IOException {
        write("completions.jsonl", "{\"task\": 20, \"completedOn\": \"2021-06-05\"}");
        InputException e = refused();
        assertThat(e.file()).endsWith("completions.jsonl");
        assertThat(e.field()).isEqualTo("task");
        assertThat(e.getMessage()).contains("task 20 is not in the plan 冷优组发〔2021〕3号");
    }

    @Test
    void anInspectionNamingAGroup_isRefused() throws IOException {
        write("inspections.jsonl", "{\"unit\": \"相关区直单位\", \"task\": 9, \"kind\": \"LAGGING\", \"on\": \"2021-05-20\"}");
        InputException e = refused();
        assertThat(e.field()).isEqualTo("unit");
        assertThat(e.getMessage()).contains("group");
    }

    @Test
    void aPercentOutside0To100_isRefused() throws IOException {
        write("reports.jsonl", GOOD.replace("\"percent\": 90", "\"percent\": 120"));
        InputException e = refused();
        assertThat(e.field()).isEqualTo("percent");
        assertThat(e.getMessage()).contains("120", "0..100");
    }

    @Test
    void aMonthOutsideTheWindow_isRefused() throws IOException {
        write("reports.jsonl", GOOD.replace("\"month\": \"2021-04\"", "\"month\": \"2021-08\""));
        InputException e = refused();
        assertThat(e.field()).isEqualTo("month");
        assertThat(e.getMessage()).contains("outside the reporting window");
    }

    @Test
    void aDateThatIsNotADate_namesTheField() throws IOException {
        write("rectifications.jsonl", "{\"unit\": \"区住建局\", \"task\": 9, \"on\": \"2021-06-31\"}");
        InputException e = refused();
        assertThat(e.field()).isEqualTo("on");
        assertThat(e.line()).isEqualTo(1);
    }

    @Test
    void anUnknownFieldOrKind_isRefused() throws IOException {
        write("inspections.jsonl", "{\"unit\": \"区住建局\", \"task\": 9, \"kind\": \"SLOPPY\", \"on\": \"2021-05-20\"}");
        assertThat(refused().field()).isEqualTo("kind");
        write("inspections.jsonl", "{\"unit\": \"区住建局\", \"task\": 9, \"kind\": \"LAGGING\", \"on\": \"2021-05-20\", \"sevirity\": 3}");
        assertThat(refused().getMessage()).contains("sevirity");
    }

    @Test
    void aMissingRequiredField_saysWhatWasExpected() throws IOException {
        write("extensions.jsonl", "{\"task\": 9, \"requestedOn\": \"2021-04-20\", \"newDeadline\": \"2021-05-31\"}");
        InputException e = refused();
        assertThat(e.field()).isEqualTo("approvedOn");
        assertThat(e.getMessage()).contains("missing", "a date like");
    }

    @Test
    void factsMayComeAsTexts_keyedByFileName() {
        Facts f = FactsJson.read(java.util.Map.of("reports.jsonl", GOOD, "completions.jsonl", "{\"task\": 9, \"completedOn\": \"2021-06-05\"}"), PLAN);
        assertThat(f.reports()).hasSize(1);
        assertThat(f.completions()).hasSize(1);
        assertThatThrownBy(() -> FactsJson.read(java.util.Map.of("report.jsonl", GOOD), PLAN))
                .isInstanceOf(InputException.class).hasMessageContaining("not a facts file");
    }

    @Test
    void aDirectoryThatIsNotThere_isRefused() {
        assertThatThrownBy(() -> FactsJson.read(dir.resolve("nope"), PLAN)).isInstanceOf(InputException.class)
                .hasMessageContaining("not a directory");
    }
}

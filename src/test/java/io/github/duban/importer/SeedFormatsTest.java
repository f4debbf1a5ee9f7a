package io.github.duban.importer;

import io.github.duban.json.PlanJson;
import io.github.duban.model.Plan;
import io.github.duban.model.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed as a Word file and as a saved web page gives the plan and the disagreements its text gives. */
class SeedFormatsTest {

    @TempDir
    static Path dir;

    static ImportResult text;
    static ImportResult docx;
    static ImportResult html;
    static Plan embedded;

    @BeforeAll
    static void importAll() throws Exception {
        text = PlanImporter.importFile(SeedImportTest.SEED, ImportOptions.none());
        docx = PlanImporter.importFile(Documents.seedDocx(dir.resolve("seed.docx")), ImportOptions.none());
        html = PlanImporter.importFile(Documents.seedHtml(dir.resolve("seed.html")), ImportOptions.none());
        embedded = PlanJson.embedded();
    }

    static void equalsEmbedded(Plan p) {
        assertThat(p.title()).isEqualTo(embedded.title());
        assertThat(p.docNumber()).isEqualTo(embedded.docNumber());
        assertThat(p.issuedOn()).isEqualTo(embedded.issuedOn());
        assertThat(p.reporting()).isEqualTo(embedded.reporting());
        assertThat(p.stages()).isEqualTo(embedded.stages());
        assertThat(p.goals()).isEqualTo(embedded.goals());
        assertThat(p.units()).extracting(u -> u.id() + ":" + u.group())
                .isEqualTo(embedded.units().stream().map(u -> u.id() + ":" + u.group()).toList());
        assertThat(p.tasks()).hasSameSizeAs(embedded.tasks());
        for (Task want : embedded.tasks()) {
            Task got = p.task(want.no()).orElseThrow();
            assertThat(got.goal()).as("goal of task %d", want.no()).isEqualTo(want.goal());
            assertThat(got.title()).as("title of task %d", want.no()).isEqualTo(want.title());
            assertThat(got.measure()).as("measure of task %d", want.no()).isEqualTo(want.measure());
            assertThat(got.leads()).as("leads of task %d", want.no()).isEqualTo(want.leads());
            assertThat(got.supporting()).as("supporting of task %d", want.no()).isEqualTo(want.supporting());
            assertThat(got.deadline()).as("deadline of task %d", want.no()).isEqualTo(want.deadline());
            assertThat(got.milestones()).as("milestones of task %d", want.no()).isEqualTo(want.milestones());
            assertThat(got.notes()).as("notes of task %d", want.no()).hasSameSizeAs(want.notes());
        }
    }

    @Test
    void seedAsText_givesTheEmbeddedPlan() {
        equalsEmbedded(text.plan());
        assertThat(text.disagreements()).hasSize(7);
    }

    @Test
    void seedAsWordFile_givesTheEmbeddedPlan_andTheSameDisagreements() {
        equalsEmbedded(docx.plan());
        assertThat(docx.disagreements()).isEqualTo(text.disagreements());
        assertThat(PlanJson.write(docx.plan())).isEqualTo(PlanJson.write(text.plan()));
    }

    @Test
    void seedAsWebPage_givesTheEmbeddedPlan_andTheSameDisagreements() {
        equalsEmbedded(html.plan());
        assertThat(html.disagreements()).isEqualTo(text.disagreements());
        assertThat(PlanJson.write(html.plan())).isEqualTo(PlanJson.write(text.plan()));
    }

    @Test
    void theNoiseInTheAppendixHeader_isReportedWhereItIs() {
        assertThat(docx.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isZero();
            assertThat(p.where()).isEqualTo("table 1, row 1");
            assertThat(p.message()).contains("/span>");
        });
        assertThat(html.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isGreaterThan(10);
            assertThat(p.where()).isEqualTo("table 1, row 1");
            assertThat(p.message()).contains("/span>");
        });
        assertThat(docx.defaults()).isEmpty();
        assertThat(html.defaults()).isEmpty();
    }
}

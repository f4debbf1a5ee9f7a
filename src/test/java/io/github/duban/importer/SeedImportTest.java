package io.github.duban.importer;

import io.github.duban.json.PlanJson;
import io.github.duban.model.Plan;
import io.github.duban.model.Task;
import io.github.duban.model.Unit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SeedImportTest {

    /** The published seed plan, as the repository keeps it (DESIGN §1). */
    static final Path SEED = Path.of("src/test/resources/import/seed-000_0225d25394e5f791.txt");
    static ImportResult result;
    static Plan embedded;

    @BeforeAll
    static void importSeed() {
        assertThat(SEED).as("the seed plan inside the repository").isRegularFile();
        result = PlanImporter.importText(PlanImporter.readText(SEED), SEED.toString(), ImportOptions.none());
        embedded = PlanJson.embedded();
    }

    @Test
    void header_equalsEmbedded() {
        Plan p = result.plan();
        assertThat(p.title()).isEqualTo(embedded.title());
        assertThat(p.docNumber()).isEqualTo("冷优组发〔2021〕3号");
        assertThat(p.issuedOn()).isEqualTo(embedded.issuedOn());
        assertThat(p.reporting()).isEqualTo(embedded.reporting());
        assertThat(p.stages()).isEqualTo(embedded.stages());
        assertThat(p.goals()).isEqualTo(embedded.goals());
    }

    @Test
    void tasks_equalEmbedded_exceptNotesWording() {
        assertThat(result.plan().tasks()).hasSize(19);
        for (Task want : embedded.tasks()) {
            Task got = result.plan().task(want.no()).orElseThrow();
            assertThat(got.goal()).as("goal of task %d", want.no()).isEqualTo(want.goal());
            assertThat(got.title()).as("title of task %d", want.no()).isEqualTo(want.title());
            assertThat(got.measure()).as("measure of task %d", want.no()).isEqualTo(want.measure());
            assertThat(got.leads()).as("leads of task %d", want.no()).isEqualTo(want.leads());
            assertThat(got.supporting()).as("supporting units of task %d", want.no()).isEqualTo(want.supporting());
            assertThat(got.deadline()).as("deadline of task %d", want.no()).isEqualTo(want.deadline());
            assertThat(got.milestones()).as("milestones of task %d", want.no()).isEqualTo(want.milestones());
            assertThat(got.notes()).as("notes of task %d", want.no()).hasSameSizeAs(want.notes());
        }
    }

    @Test
    void task14_hasItsMilestone_andTask4IsOngoing() {
        Task t14 = result.plan().task(14).orElseThrow();
        assertThat(t14.milestones()).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("确保2021年5月底前开工");
            assertThat(m.date()).hasToString("2021-05-31");
        });
        Task t4 = result.plan().task(4).orElseThrow();
        assertThat(t4.ongoing()).isTrue();
        assertThat(t4.deadline().text()).isEqualTo("立行立改,长期坚持");
    }

    @Test
    void units_areEmbeddedUnitsInOrder_withGroupsFlagged() {
        assertThat(result.plan().units().stream().map(Unit::id).toList())
                .isEqualTo(embedded.units().stream().map(Unit::id).toList());
        assertThat(result.plan().units().stream().map(Unit::group).toList())
                .isEqualTo(embedded.units().stream().map(Unit::group).toList());
    }

    @Test
    void reportsEveryRealDisagreement_andNothingElse() {
        assertThat(result.disagreements()).hasSize(7);
        assertThat(result.disagreements()).anySatisfy(d -> assertThat(d).startsWith("任务5：").contains("各乡镇、街道办事处和相关区直单位"));
        assertThat(result.disagreements()).anySatisfy(d -> assertThat(d).startsWith("任务6：").contains("完善执法监督检查机制"));
        assertThat(result.disagreements()).anySatisfy(d -> assertThat(d).startsWith("任务7：").contains("将“一件事"));
        assertThat(result.disagreements()).anySatisfy(d -> assertThat(d).startsWith("任务10：").contains("没有标题「整合做大融资担保公司」"));
        assertThat(result.disagreements()).anySatisfy(d -> assertThat(d).startsWith("任务16：").contains("推动永商回乡新发展"));
        assertThat(result.disagreements()).anySatisfy(d -> assertThat(d).startsWith("任务16：").contains("并在区高科园"));
        assertThat(result.disagreements()).anySatisfy(d -> assertThat(d).startsWith("任务17：").contains("区交通运输局等"));
        IntStream.of(1, 2, 3, 4, 8, 9, 11, 12, 13, 14, 15, 18, 19).forEach(no ->
                assertThat(result.disagreements()).noneMatch(d -> d.startsWith("任务" + no + "：")));
    }

    @Test
    void reportsTheScrapingNoiseInTheAppendixHeader_withItsLine() {
        assertThat(result.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(131);
            assertThat(p.message()).contains("/span>");
        });
        assertThat(result.problems()).hasSize(1);
    }
}

package io.github.duban.importer;

import io.github.duban.model.Plan;
import io.github.duban.model.Task;
import io.github.duban.model.Unit;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OtherFormatsTest {

    static final Path DIR = Path.of("src/test/resources/import");

    static ImportResult text(String name) {
        Path p = DIR.resolve(name);
        return PlanImporter.importText(PlanImporter.readText(p), name, ImportOptions.none());
    }

    static Task task(ImportResult r, int no) {
        return r.plan().task(no).orElseThrow();
    }

    @Test
    void labelsOnTheirOwnLines_withSupportingAndAssistingUnits() {
        ImportResult r = text("labels-own-lines.txt");
        Plan p = r.plan();
        assertThat(p.title()).isEqualTo("某某县2022年优化营商环境攻坚行动工作方案");
        assertThat(p.issuedOn()).isEqualTo(LocalDate.of(2022, 3, 15));
        assertThat(p.reporting().dueDay()).isEqualTo(20);
        assertThat(p.goals()).extracting(g -> g.title()).containsExactly("提升政务服务效能", "加强要素保障");
        assertThat(p.tasks()).hasSize(4);
        Task t1 = task(r, 1);
        assertThat(t1.title()).isEqualTo("推行“一件事一次办”改革");
        assertThat(t1.measure()).isEqualTo("推行“一件事一次办”改革。梳理高频事项清单，实现一窗受理、集成服务。");
        assertThat(t1.leads()).containsExactly("县行政审批服务局");
        assertThat(t1.supporting()).containsExactly("县直相关部门", "各乡镇人民政府");
        assertThat(t1.deadline().date()).isEqualTo(LocalDate.of(2022, 6, 30));
        Task t2 = task(r, 2);
        assertThat(t2.supporting()).containsExactly("县税务局", "县公安局");
        assertThat(t2.deadline().text()).isEqualTo("2022年9月30日");
        Unit market = p.unit("县市场监督管理局").orElseThrow();
        assertThat(market.leader()).isEqualTo("李四");
        assertThat(market.person()).isEqualTo("王五");
        // 和 inside a unit's own name does not split it
        assertThat(task(r, 3).supporting()).containsExactly("县发展和改革局", "县住房和城乡建设局");
        assertThat(p.unit("县直相关部门").orElseThrow().group()).isTrue();
        assertThat(p.unit("各乡镇人民政府").orElseThrow().group()).isTrue();
        assertThat(p.unit("县税务局").orElseThrow().group()).isFalse();
    }

    @Test
    void rolesMarkedInsideTheCell_leadAndSupportingAreTold() {
        // Given: 市行政审批局（牵头）, "X牵头，Y配合", "Y（配合）", and 列第一位者为牵头单位 inside one cell
        ImportResult r = PlanImporter.importText(PlanImporter.readText(DIR.resolve("role-marks.txt")), "role-marks.txt", 2022);
        // Then
        assertThat(task(r, 1).leads()).containsExactly("市行政审批局");
        assertThat(task(r, 1).supporting()).containsExactly("市直各有关部门");
        assertThat(task(r, 2).leads()).containsExactly("市市场监管局");
        assertThat(task(r, 2).supporting()).containsExactly("市行政审批局");
        assertThat(task(r, 2).deadline().date()).isEqualTo(LocalDate.of(2022, 6, 30));
        assertThat(task(r, 3).leads()).containsExactly("市税务局");
        assertThat(task(r, 3).supporting()).containsExactly("市财政局");
        assertThat(task(r, 4).leads()).containsExactly("市发改委");
        assertThat(task(r, 4).supporting()).containsExactly("市市场监管局");
        assertThat(r.plan().units()).extracting(Unit::id).doesNotContain("列第一位者为牵头单位")
                .noneMatch(u -> u.contains("牵头") || u.contains("配合"));
    }

    @Test
    void missingAndUnreadableDeadlines_fallBackToTheWindowEnd_andAreReported() {
        ImportResult r = text("labels-own-lines.txt");
        assertThat(r.plan().reporting().to()).isEqualTo(YearMonth.of(2022, 9));
        Task t3 = task(r, 3);
        assertThat(t3.deadline().date()).isEqualTo(LocalDate.of(2022, 9, 30));
        assertThat(t3.notes()).anyMatch(n -> n.contains("未写完成时限"));
        Task t4 = task(r, 4);
        assertThat(t4.deadline().text()).isEqualTo("按上级要求");
        assertThat(r.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(23);
            assertThat(p.message()).contains("task 3").contains("no 完成时限");
        });
        assertThat(r.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(28);
            assertThat(p.message()).contains("按上级要求");
        });
    }

    @Test
    void numberingRestartingPerSection_isRenumbered_andFirstListedUnitLeads() {
        ImportResult r = text("sections-restart.txt");
        Plan p = r.plan();
        assertThat(p.tasks()).extracting(Task::no).containsExactly(1, 2, 3, 4, 5);
        assertThat(p.tasks()).extracting(Task::goal).containsExactly(1, 1, 2, 2, 2);
        assertThat(r.problems()).anyMatch(x -> x.message().contains("renumbered"));
        assertThat(task(r, 1).leads()).containsExactly("市发改委");
        assertThat(task(r, 1).supporting()).containsExactly("市财政局");
        assertThat(task(r, 3).leads()).containsExactly("市司法局");
        assertThat(task(r, 3).supporting()).containsExactly("各县市区人民政府");
        assertThat(p.unit("各县市区人民政府").orElseThrow().group()).isTrue();
    }

    @Test
    void halfAndFullWidthMixes_andEveryDeadlineKindMapsToTheModel() {
        ImportResult r = text("sections-restart.txt");
        assertThat(task(r, 1).deadline().date()).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(task(r, 1).deadline().text()).isEqualTo("2023年底前，并长期坚持");
        assertThat(task(r, 2).deadline().date()).isEqualTo(LocalDate.of(2023, 6, 30));
        assertThat(task(r, 2).notes()).anyMatch(n -> n.contains("原则上"));
        assertThat(task(r, 3).ongoing()).isTrue();
        assertThat(task(r, 4).ongoing()).isTrue();
        assertThat(task(r, 5).deadline().date()).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(r.problems()).anySatisfy(x -> {
            assertThat(x.line()).isEqualTo(13);
            assertThat(x.message()).contains("2023年13月底").contains("month 13");
        });
    }

    @Test
    void stagesAndWindow_comeFromTheImplementationStage() {
        Plan p = text("sections-restart.txt").plan();
        assertThat(p.stages()).extracting(s -> s.name()).containsExactly("动员部署", "集中整治", "总结验收");
        assertThat(p.stages().get(2).from()).isEqualTo(LocalDate.of(2023, 12, 1));
        assertThat(p.stages().get(2).to()).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(p.reporting().from()).isEqualTo(YearMonth.of(2023, 3));
        assertThat(p.reporting().to()).isEqualTo(YearMonth.of(2023, 12));
        assertThat(p.reporting().dueDay()).isEqualTo(25);
    }

    @Test
    void naturalAssignments_inBrackets() {
        ImportResult r = text("natural.txt");
        assertThat(r.plan().tasks()).hasSize(3);
        assertThat(task(r, 1).leads()).containsExactly("区商务局");
        assertThat(task(r, 1).supporting()).containsExactly("区城管局", "区市场监管局");
        assertThat(task(r, 1).deadline().date()).isEqualTo(LocalDate.of(2021, 10, 31));
        assertThat(task(r, 2).ongoing()).isTrue();
        assertThat(task(r, 3).deadline().date()).isEqualTo(LocalDate.of(2021, 6, 30));
        assertThat(task(r, 3).notes()).anyMatch(n -> n.contains("多个日期"));
        assertThat(r.plan().goals()).hasSize(2);
    }

    @Test
    void pipeTable_withoutBody_carriesMergedGoalCells() {
        ImportResult r = PlanImporter.importText(PlanImporter.readText(DIR.resolve("pipe-table.txt")), "pipe-table.txt", 2021);
        Plan p = r.plan();
        assertThat(p.tasks()).hasSize(4);
        assertThat(p.goals()).extracting(g -> g.title()).containsExactly("网上办事", "窗口服务");
        assertThat(p.tasks()).extracting(Task::goal).containsExactly(1, 1, 2, 2);
        assertThat(task(r, 2).supporting()).containsExactly("各乡镇", "街道办事处");
        assertThat(task(r, 2).deadline().date()).isEqualTo(LocalDate.of(2021, 9, 30));
        assertThat(task(r, 3).supporting()).containsExactly("区人社局", "区医保局");
        assertThat(task(r, 3).ongoing()).isTrue();
        assertThat(task(r, 4).supporting()).isEmpty();
        assertThat(r.problems()).anyMatch(x -> x.line() == 8 && x.message().contains("no 完成时限"));
        assertThat(r.problems()).anyMatch(x -> x.message().contains("no document date"));
    }

    @Test
    void bodyAndTabAppendix_disagreementsAreReported_bodyWins() {
        ImportResult r = text("tab-appendix.txt");
        assertThat(r.plan().tasks()).hasSize(2);
        assertThat(task(r, 1).deadline().date()).isEqualTo(LocalDate.of(2021, 5, 31));
        assertThat(task(r, 2).leads()).containsExactly("县应急管理局", "县消防救援大队");
        assertThat(r.disagreements()).hasSize(3);
        assertThat(r.disagreements()).anyMatch(d -> d.startsWith("任务1：") && d.contains("2021年6月底"));
        assertThat(r.disagreements()).anyMatch(d -> d.startsWith("任务2：") && d.contains("牵头单位"));
        assertThat(r.disagreements()).anyMatch(d -> d.startsWith("任务3：") && d.contains("不见于正文"));
        assertThat(task(r, 1).notes()).hasSize(1);
    }

    @Test
    void utf8Csv_withDifferentlyNamedHeaders_goalRows_andQuotedLineBreaks() {
        ImportResult r = PlanImporter.importCsv(DIR.resolve("utf8.csv"), 2022);
        Plan p = r.plan();
        assertThat(p.title()).isEqualTo("2022年营商环境重点任务清单");
        assertThat(p.tasks()).hasSize(4);
        assertThat(p.goals()).extracting(g -> g.title()).containsExactly("政务环境", "市场环境");
        assertThat(task(r, 1).title()).isEqualTo("推行告知承诺制");
        assertThat(task(r, 1).leads()).containsExactly("区司法局");
        assertThat(task(r, 1).supporting()).containsExactly("区行政审批服务局", "各乡镇");
        assertThat(task(r, 2).supporting()).containsExactly("区税务局", "区住建局");
        assertThat(task(r, 3).goal()).isEqualTo(2);
        assertThat(task(r, 3).notes()).anyMatch(n -> n.contains("力争"));
        assertThat(r.problems()).anyMatch(x -> x.message().contains("30个工作日内"));
    }

    @Test
    void gbkCsv_withFirstListedLeads() {
        ImportResult r = PlanImporter.importCsv(DIR.resolve("gbk.csv"), 2020);
        Plan p = r.plan();
        assertThat(p.title()).isEqualTo("关于落实“放管服”改革的责任分解表");
        assertThat(p.tasks()).hasSize(3);
        assertThat(task(r, 1).leads()).containsExactly("县行政审批局");
        assertThat(task(r, 1).supporting()).containsExactly("县发改局", "县司法局");
        assertThat(task(r, 2).deadline().date()).isEqualTo(LocalDate.of(2020, 12, 31));
        assertThat(task(r, 3).ongoing()).isTrue();
        assertThat(p.goals()).extracting(g -> g.title()).containsExactly("简政放权", "放管结合");
    }

    @Test
    void unitLists_splitOnSeparatorsAndJoiningWords_notInsideNames() {
        assertThat(Units.split("区市场监管局、区优化办等相关区直单位")).containsExactly("区市场监管局", "区优化办", "相关区直单位");
        assertThat(Units.split("各乡镇、街道办事处和相关区直单位")).containsExactly("各乡镇", "街道办事处", "相关区直单位");
        assertThat(Units.split("区经投及项目指挥部各成员单位")).containsExactly("区经投", "项目指挥部各成员单位");
        assertThat(Units.split("区发展和改革局；区住房和城乡建设局,区财政局等")).containsExactly("区发展和改革局", "区住房和城乡建设局", "区财政局");
        assertThat(Units.split("区发改局、区财政局等单位")).containsExactly("区发改局", "区财政局");
        assertThat(Units.split("区政府办（金融办、督查室）和区司法局")).containsExactly("区政府办（金融办、督查室）", "区司法局");
        assertThat(List.of("各乡镇", "街道办事处", "相关区直单位", "各行政审批职能部门", "区直相关部门", "项目指挥部各成员单位"))
                .allMatch(Units::isGroup);
        assertThat(List.of("区发改局", "梅湾街道办事处", "区人民检察院")).noneMatch(Units::isGroup);
    }

    @Test
    void aTextWithoutTasks_isRefusedWithWhatWasExpected() {
        assertThatThrownBy(() -> PlanImporter.importText("只是一段说明文字。\n没有任务。", "empty.txt", 2021))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("empty.txt")
                .hasMessageContaining("牵头单位");
    }
}

package io.github.duban.importer;

import io.github.duban.cli.ImportCommand;
import io.github.duban.json.PlanJson;
import io.github.duban.model.Plan;
import io.github.duban.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A readable plan is never refused: what can be read is imported and every gap is reported with its line. */
class NeverRefuseTest {

    /** No document date, no stage, no reporting day; a group, a person and nobody as lead; a task with no deadline. */
    static final String GAPS = String.join("\n",
            "某某镇2023年人居环境整治工作方案",                                                        // 1
            "一、重点任务",                                                                           // 2
            "1.开展村庄清洁行动。全面清理生活垃圾。（牵头单位：有关部门；完成时限：6月底前）",              // 3
            "2.推进厕所改造。完成改厕任务。（牵头单位：镇农业办；责任单位：各村；完成时限：长期坚持）",        // 4
            "3.加强宣传引导。（责任领导：李四；牵头单位：王五；配合单位：镇宣传办）",                       // 5
            "4.建立长效机制。（完成时限：年底前）",                                                     // 6
            "5.整治乱堆乱放。（牵头单位：分管副镇长、镇城管办；完成时限：9月底前）");                      // 7

    static final String CLEAN = String.join("\n",
            "某县2023年政务服务提升工作方案",
            "各牵头单位于每月20日前报送工作进度。",
            "一、优化服务",
            "1.推行一窗受理。整合综合窗口。（牵头单位：县政务服务中心；配合单位：县财政局；完成时限：2023年6月底前）",
            "2.推行帮办代办。（牵头单位：县政务服务中心；完成时限：2023年9月底前）",
            "某县人民政府",
            "2023年3月1日");

    static final String NO_YEAR = String.join("\n",
            "关于整治道路交通秩序的工作安排",
            "1.整治占道经营。（牵头单位：县交通局；完成时限：月底前）",
            "2.规范停车秩序。（牵头单位：县公安局交警大队）");

    @Test
    void gaps_areImported_eachReportedWithItsLine() {
        // When
        ImportResult r = PlanImporter.importText(GAPS, "gaps.txt", ImportOptions.none());
        Plan p = r.plan();
        // Then every task is there
        assertThat(p.tasks()).extracting(Task::no).containsExactly(1, 2, 3, 4, 5);
        // a group as lead supports, and the task is kept with no accountable unit, visibly
        Task t1 = p.task(1).orElseThrow();
        assertThat(t1.leads()).isEmpty();
        assertThat(t1.supporting()).containsExactly("有关部门");
        assertThat(t1.notes()).anyMatch(n -> n.contains("有关部门") && n.contains("统称"))
                .anyMatch(n -> n.contains("暂无责任单位"));
        assertThat(r.problems()).anySatisfy(x -> {
            assertThat(x.line()).isEqualTo(3);
            assertThat(x.message()).contains("task 1").contains("有关部门").contains("group");
        });
        assertThat(r.problems()).anySatisfy(x -> {
            assertThat(x.line()).isEqualTo(3);
            assertThat(x.message()).contains("task 1").contains("no accountable unit");
        });
        // a person where a unit should be is never a unit
        Task t3 = p.task(3).orElseThrow();
        assertThat(t3.leads()).isEmpty();
        assertThat(t3.supporting()).containsExactly("镇宣传办");
        assertThat(p.units()).extracting(u -> u.id()).doesNotContain("王五", "李四", "分管副镇长");
        assertThat(r.problems()).anySatisfy(x -> {
            assertThat(x.line()).isEqualTo(5);
            assertThat(x.message()).contains("王五").contains("a person");
        });
        assertThat(r.problems()).anySatisfy(x -> {
            assertThat(x.line()).isEqualTo(5);
            assertThat(x.message()).contains("task 3").contains("no 完成时限");
        });
        assertThat(r.problems()).anySatisfy(x -> {
            assertThat(x.line()).isEqualTo(5);
            assertThat(x.message()).contains("李四").contains("no lead unit to give it to");
        });
        assertThat(t3.notes()).anyMatch(n -> n.contains("李四"));
        // a task naming no unit at all
        assertThat(p.task(4).orElseThrow().leads()).isEmpty();
        assertThat(r.problems()).anySatisfy(x -> {
            assertThat(x.line()).isEqualTo(6);
            assertThat(x.message()).contains("task 4").contains("no accountable unit");
        });
        // a person next to a unit: the unit leads
        assertThat(p.task(5).orElseThrow().leads()).containsExactly("镇城管办");
        assertThat(r.problems()).anySatisfy(x -> {
            assertThat(x.line()).isEqualTo(7);
            assertThat(x.message()).contains("分管副镇长").contains("a person");
        });
        // no document date
        assertThat(p.issuedOn()).isNull();
        assertThat(r.problems()).anySatisfy(x -> {
            assertThat(x.line()).isZero();
            assertThat(x.message()).contains("no document date");
        });
    }

    @Test
    void gaps_everyDefaultTakenIsSaidOnce() {
        ImportResult r = PlanImporter.importText(GAPS, "gaps.txt", ImportOptions.none());
        Plan p = r.plan();
        assertThat(p.reporting().dueDay()).isEqualTo(25);
        assertThat(p.reporting().from()).isEqualTo(YearMonth.of(2023, 1));
        assertThat(p.reporting().to()).isEqualTo(YearMonth.of(2023, 12));
        assertThat(p.task(3).orElseThrow().deadline().date()).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(r.defaults()).anyMatch(d -> d.contains("2023") && d.contains("earliest year"))
                .anyMatch(d -> d.contains("day 25"))
                .anyMatch(d -> d.contains("reporting window starts in 2023-01"))
                .anyMatch(d -> d.startsWith("task 3:") && d.contains("2023-12-31"));
        assertThat(r.defaults()).doesNotHaveDuplicates();
        assertThat(r.defaults().stream().filter(d -> d.contains("day 25"))).hasSize(1);
    }

    @Test
    void options_settleWhatTheDocumentLeavesOpen() {
        // When the user gives the year, the window and the due day
        ImportResult r = PlanImporter.importText(GAPS, "gaps.txt", ImportOptions.ofYear(2024)
                .withWindow(YearMonth.of(2024, 1), YearMonth.of(2024, 10)).withDueDay(20));
        Plan p = r.plan();
        // Then those are used and no default is said for them
        assertThat(p.reporting().from()).isEqualTo(YearMonth.of(2024, 1));
        assertThat(p.reporting().to()).isEqualTo(YearMonth.of(2024, 10));
        assertThat(p.reporting().dueDay()).isEqualTo(20);
        assertThat(p.task(1).orElseThrow().deadline().date()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(p.task(3).orElseThrow().deadline().date()).isEqualTo(LocalDate.of(2024, 10, 31));
        assertThat(r.defaults()).noneMatch(d -> d.contains("day 25") || d.contains("earliest year") || d.contains("window starts"));
        assertThat(r.defaults()).anyMatch(d -> d.startsWith("task 3:"));
    }

    @Test
    void noYearAnywhere_takesTheCurrentYearFromToday_andSaysSo() {
        ImportResult r = PlanImporter.importText(NO_YEAR, "no-year.txt", ImportOptions.none().withToday(LocalDate.of(2025, 4, 2)));
        Plan p = r.plan();
        assertThat(p.reporting().from()).isEqualTo(YearMonth.of(2025, 1));
        assertThat(p.reporting().to()).isEqualTo(YearMonth.of(2025, 12));
        assertThat(p.task(1).orElseThrow().deadline().text()).isEqualTo("月底前");
        assertThat(p.task(2).orElseThrow().deadline().date()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(r.defaults()).anyMatch(d -> d.contains("2025") && d.contains("current year"));
        assertThat(r.problems()).anySatisfy(x -> {
            assertThat(x.line()).isEqualTo(2);
            assertThat(x.message()).contains("月底前");
        });
    }

    @Test
    void noYearAnywhere_andNoToday_isRefusedNamingTheOptionsThatSettleIt() {
        assertThatThrownBy(() -> PlanImporter.importText(NO_YEAR, "no-year.txt", ImportOptions.none()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("no-year.txt").hasMessageContaining("--window").hasMessageContaining("--year");
        assertThat(PlanImporter.importText(NO_YEAR, "no-year.txt", ImportOptions.ofYear(2022)).plan().reporting().to())
                .isEqualTo(YearMonth.of(2022, 12));
    }

    @Test
    void everyImportedPlan_isOneTheEngineAssesses() {
        Assessable.check(PlanImporter.importText(GAPS, "gaps.txt", ImportOptions.none()).plan());
        Assessable.check(PlanImporter.importText(NO_YEAR, "no-year.txt", ImportOptions.ofYear(2022)).plan());
        Assessable.check(PlanImporter.importText(CLEAN, "clean.txt", ImportOptions.none()).plan());
        for (String f : new String[]{"labels-own-lines.txt", "natural.txt", "pipe-table.txt", "role-marks.txt", "sections-restart.txt", "tab-appendix.txt"}) {
            Path p = OtherFormatsTest.DIR.resolve(f);
            Assessable.check(PlanImporter.importFile(p, ImportOptions.ofYear(2022)).plan());
        }
        Assessable.check(PlanImporter.importCsv(OtherFormatsTest.DIR.resolve("gbk.csv"), 2020).plan());
        Assessable.check(PlanImporter.importCsv(OtherFormatsTest.DIR.resolve("utf8.csv"), 2022).plan());
    }

    @Test
    void commandLine_exit0Clean_exit3WithProblems_planStillWritten_exit2Unreadable(@TempDir Path tmp) throws Exception {
        Path clean = Files.writeString(tmp.resolve("clean.txt"), CLEAN, StandardCharsets.UTF_8);
        ImportCommandTest.Run ok = ImportCommandTest.run(new ImportCommand(), clean.toString());
        assertThat(ok.err()).contains("0 problems, 0 defaults, 0 disagreements");
        assertThat(ok.code()).isZero();
        assertThat(PlanJson.read(ok.out(), "stdout").reporting().dueDay()).isEqualTo(20);

        Path gaps = Files.writeString(tmp.resolve("gaps.txt"), GAPS, StandardCharsets.UTF_8);
        Path out = tmp.resolve("plan.json");
        ImportCommandTest.Run some = ImportCommandTest.run(new ImportCommand(), gaps.toString(), "--out", out.toString());
        assertThat(some.code()).isEqualTo(3);
        assertThat(some.err()).contains("gaps.txt:3: task 1").contains("gaps.txt:6: task 4").contains("gaps.txt: default: ")
                .contains("5 tasks (3 without an accountable unit)");
        assertThat(PlanJson.read(out).tasks()).hasSize(5);

        ImportCommandTest.Run settled = ImportCommandTest.run(new ImportCommand(), gaps.toString(), "--year", "2023",
                "--window", "2023-01..2023-12", "--due-day", "25", "--out", out.toString());
        assertThat(settled.code()).isEqualTo(3);
        assertThat(settled.err()).doesNotContain("earliest year").doesNotContain("on day 25");
        assertThat(PlanJson.read(out).reporting().from()).isEqualTo(YearMonth.of(2023, 1));

        Path prose = Files.writeString(tmp.resolve("prose.txt"), "只是一段说明文字。\n没有任务。", StandardCharsets.UTF_8);
        ImportCommandTest.Run none = ImportCommandTest.run(new ImportCommand(), prose.toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err().strip()).startsWith(prose.toString()).contains("no tasks found").doesNotContain("\n");

        ImportCommandTest.Run badWindow = ImportCommandTest.run(new ImportCommand(), gaps.toString(), "--window", "2023-13..2023-01");
        assertThat(badWindow.code()).isEqualTo(2);
        assertThat(badWindow.err()).contains("2023-13..2023-01").contains("FROM..TO");
    }

    @Test
    void personsAreToldFromUnits() {
        assertThat(java.util.List.of("张三", "李四", "王五", "分管副县长", "区委书记", "主要负责人", "刘某某同志", "县政府办主任"))
                .allMatch(Units::isPerson);
        assertThat(java.util.List.of("区发改局", "区委", "林业", "高新区", "区纪委监委", "县委员会", "各乡镇主要负责人", "区人民法院",
                "县市场监督管理局", "区政府办（金融办）", "马坪农业开发区")).noneMatch(Units::isPerson);
    }
}

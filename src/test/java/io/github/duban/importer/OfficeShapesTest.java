package io.github.duban.importer;

import io.github.duban.model.Plan;
import io.github.duban.model.Task;
import io.github.duban.model.TaskPerson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shapes of plans as offices write them that the real plans of the corpus (RealPlansAccuracyTest)
 * do not all show, each in a small document written after them: a lead named once in a heading,
 * a blanket clause, units with 、 inside brackets, the deadlines of provincial plans, a notice whose
 * own paragraphs and 附件 list are not tasks, persons per unit, nesting in a Word file.
 */
class OfficeShapesTest {

    @TempDir
    Path dir;

    static Task task(ImportResult r, int no) {
        return r.plan().task(no).orElseThrow();
    }

    @Test
    void aLeadNamedInASectionHeading_leadsEveryTaskUnderIt_thatNamesNoneOfItsOwn() {
        ImportResult r = PlanImporter.importText(String.join("\n",
                "某县2024年重点工作任务清单",
                "2024年2月1日",
                "一、县示范区管委会牵头工作（2项）",
                "1.推进标准厂房建设。（责任单位：县财政局；完成时限：2024年6月底前）",
                "2.开展招商引资。（牵头单位：县商务局；完成时限：2024年12月底前）",
                "二、县发改委牵头工作（1项）",
                "1.谋划储备重大项目。（完成时限：常态工作）"), "list.txt", ImportOptions.none());

        assertThat(task(r, 1).leads()).containsExactly("县示范区管委会");
        assertThat(task(r, 1).supporting()).containsExactly("县财政局");
        assertThat(task(r, 2).leads()).containsExactly("县商务局");
        assertThat(task(r, 3).leads()).containsExactly("县发改委");
        assertThat(task(r, 3).ongoing()).isTrue();
        assertThat(r.plan().goals()).extracting(g -> g.title()).containsExactly("县示范区管委会牵头工作（2项）", "县发改委牵头工作（1项）");
        // the numbers restart under each heading: renumbered and said
        assertThat(r.plan().tasks()).extracting(Task::no).containsExactly(1, 2, 3);
    }

    @Test
    void aBlanketClause_isReported_andNotSpreadOverTheTasks_andUnitsWithBracketsStayWhole() {
        ImportResult r = PlanImporter.importText(String.join("\n",
                "某省推进政务服务改革重点任务分工方案",
                "2016年5月10日",
                "二、重点任务",
                "以下任务均涉及各市〔州〕人民政府，不再重复列出。",
                "1.推进网上审批。（牵头单位：省政务服务中心；责任单位：各县（市、区）人民政府、省直有关部门；完成时限：2016—2017年底前）",
                "2.清理证明事项。（牵头单位：省法制办；完成时限：省出台文件后2个月完成）",
                "3.规范中介服务。（牵头单位：省编办；责任单位：各市〔州〕人民政府；完成时限：2016年6底前）"), "province.txt", ImportOptions.none());
        Plan p = r.plan();

        assertThat(r.problems()).anySatisfy(x -> {
            assertThat(x.line()).isEqualTo(4);
            assertThat(x.message()).contains("instead of naming them per task").contains("不再重复");
        });
        assertThat(task(r, 1).supporting()).containsExactly("各县（市、区）人民政府", "省直有关部门");
        assertThat(task(r, 2).supporting()).isEmpty();
        assertThat(task(r, 3).supporting()).containsExactly("各市〔州〕人民政府");
        assertThat(task(r, 1).notes()).anyMatch(n -> n.contains("以下任务均涉及各市〔州〕人民政府"));
        // deadlines of provincial plans
        assertThat(task(r, 1).deadline().date()).isEqualTo(LocalDate.of(2017, 12, 31));
        assertThat(task(r, 1).deadline().text()).isEqualTo("2016—2017年底前");
        assertThat(task(r, 2).deadline().text()).isEqualTo("省出台文件后2个月完成");
        assertThat(r.problems()).anySatisfy(x -> assertThat(x.message()).contains("task 2").contains("counted from an event"));
        assertThat(task(r, 3).deadline().date()).isEqualTo(LocalDate.of(2016, 6, 30));
        assertThat(r.problems()).anySatisfy(x -> assertThat(x.message()).contains("task 3").contains("月 missing"));
        assertThat(p.units()).extracting(u -> u.id() + ":" + u.group())
                .contains("各县（市、区）人民政府:true", "各市〔州〕人民政府:true");
    }

    @Test
    void aNoticesOwnParagraphsAndItsAttachmentList_areNotTasks_theTableIs() throws Exception {
        List<String[]> rows = List.of(
                new String[]{"序号", "工作任务", "责任单位", "责任领导", "责任人", "完成时限"},
                new String[]{"1", "推进老旧小区改造。完成改造12个。", "县住建局、县财政局", "张建国、李明", "王强、赵磊", "2025年10月底前"},
                new String[]{"2", "建设口袋公园。", "县城管局", "刘洋", "陈晨", "常态工作"});
        List<String> notice = List.of("某县人民政府办公室关于印发2025年民生实事任务清单的通知", "各乡镇人民政府，县直各单位：",
                "一、提高认识。各单位要高度重视，明确责任领导和责任人。", "二、强化调度。请于每月25日前报送进展情况。",
                "三、严格考核。", "附件：1.2025年民生实事任务清单", "2.2025年民生实事责任分工表", "某县人民政府办公室", "2025年2月20日");
        Path docx = Documents.docx(dir.resolve("notice.docx"), notice, List.of(rows), List.of());
        StringBuilder page = new StringBuilder("<html><body>");
        notice.forEach(l -> page.append("<p>").append(l).append("</p>"));
        page.append(Documents.htmlTable(rows, "border=\"1\"")).append("</body></html>");
        Path html = java.nio.file.Files.writeString(dir.resolve("notice.html"), page);
        StringBuilder text = new StringBuilder(String.join("\n", notice)).append('\n');
        for (String[] row : rows) {
            for (String c : row) {
                text.append(c).append(" |\n");
            }
        }
        Path txt = java.nio.file.Files.writeString(dir.resolve("notice.txt"), text);

        for (Path f : List.of(docx, html, txt)) {
            ImportResult r = PlanImporter.importFile(f, ImportOptions.none());
            assertThat(r.plan().tasks()).as(f.toString()).extracting(Task::title).containsExactly("推进老旧小区改造", "建设口袋公园");
            assertThat(task(r, 1).leads()).containsExactly("县住建局", "县财政局");
            assertThat(task(r, 1).persons()).containsExactly(TaskPerson.of("县住建局", "张建国", "王强"), TaskPerson.of("县财政局", "李明", "赵磊"));
            assertThat(task(r, 2).persons()).containsExactly(TaskPerson.of("县城管局", "刘洋", "陈晨"));
            assertThat(task(r, 2).ongoing()).isTrue();
            assertThat(r.plan().reporting().dueDay()).isEqualTo(25);
        }
    }

    @Test
    void nestedMeasuresInAWordFile_giveGroupsAndLeaves_eachLeafWithItsUnitsAndDeadlineWrittenOut() throws Exception {
        Path f = Documents.docx(dir.resolve("nested.docx"), List.of(
                "某市2023年安全生产专项整治实施方案", "2023年3月1日",
                "一、重点任务",
                "（一）开展燃气安全整治",
                "1.排查燃气管网隐患。",
                "2.整治餐饮场所燃气使用。",
                "（牵头单位：市住建局；配合单位：市市场监管局；完成时限：2023年9月底前）",
                "（二）开展消防安全整治（牵头单位：市消防救援支队；完成时限：2023年12月底前）",
                "1.清理消防通道。",
                "2.整治电动自行车违规充电。（牵头单位：市公安局）"), List.of(), List.of());
        ImportResult r = PlanImporter.importFile(f, ImportOptions.none());
        Plan p = r.plan();

        assertThat(p.tasks()).extracting(Task::label).containsExactly("（一）", "1.", "2.", "（二）", "1.", "2.");
        assertThat(p.tasks()).extracting(Task::parent).containsExactly(null, 1, 1, null, 4, 4);
        assertThat(p.groups()).extracting(Task::no).containsExactly(1, 4);
        assertThat(task(r, 2).leads()).containsExactly("市住建局");
        assertThat(task(r, 3).supporting()).containsExactly("市市场监管局");
        assertThat(task(r, 3).deadline().date()).isEqualTo(LocalDate.of(2023, 9, 30));
        assertThat(task(r, 5).leads()).containsExactly("市消防救援支队");
        assertThat(task(r, 6).leads()).containsExactly("市公安局");
        assertThat(task(r, 6).deadline().date()).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(p.goals()).extracting(g -> g.title()).containsExactly("重点任务");
        assertThat(r.problems()).noneMatch(x -> x.message().contains("renumbered"));
        Assessable.check(p);
    }

    @Test
    void aPastedTable_withHeaderCellsBrokenOverLines_andGoalRows_readsItsColumns() {
        ImportResult r = PlanImporter.importText(String.join("\n", "某镇2024年重点工作责任清单", "2024年3月1日",
                "序号", "", "重点", "工作", "", "责任", "领导", "", "责任", "科室", "", "完成", "时限", "",
                "一、项目建设", "1", "推进道路建设。", "王明", "城建办", "2024年6月底前",
                "二、生态环境", "2", "推进污水管网。", "李强", "农业办", "2024年9月底前"), "town.txt", ImportOptions.none());

        assertThat(r.plan().tasks()).extracting(Task::title).containsExactly("推进道路建设", "推进污水管网");
        assertThat(r.plan().goals()).extracting(g -> g.title()).containsExactly("项目建设", "生态环境");
        assertThat(task(r, 1).leads()).containsExactly("城建办");
        assertThat(task(r, 2).persons()).containsExactly(TaskPerson.of("农业办", "李强", null));
        assertThat(task(r, 2).deadline().date()).isEqualTo(LocalDate.of(2024, 9, 30));
        assertThat(r.problems()).noneMatch(x -> x.message().contains("outside any row") || x.message().contains("extra cells"));
    }
}

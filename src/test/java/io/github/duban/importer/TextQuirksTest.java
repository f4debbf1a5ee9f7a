package io.github.duban.importer;

import io.github.duban.model.Plan;
import io.github.duban.model.Task;
import io.github.duban.model.Unit;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Text as web pages give it: tasks run together, numbering restarting, any bracket, persons beside units. */
class TextQuirksTest {

    static final String PAGE = String.join("\n",
            "某某县2022年优化营商环境若干措施",                                                                       // 1
            "某某县人民政府办公室",                                                                                 // 2
            "2022年4月6日",                                                                                        // 3
            "一、总体要求 坚持问题导向。二、重点任务（一）提升政务服务1.推行“一件事一次办”。整合关联事项。"
                    + "【牵头单位：县政务服务中心；配合单位：县直相关部门；完成时限：2022年6月底前】"
                    + "2.推进“跨省通办”。拓展通办事项〔牵头单位：县政务服务中心，完成时限：2022年9月底前〕"
                    + "（二）优化要素保障1.加强用地保障。做好土地收储。(责任单位:县自然资源局、县住建局;完成时限:2022年12月底前)"
                    + "2.强化金融服务。推广信易贷[牵头单位:县金融办,配合单位:人民银行县支行,责任领导:张三,责任人:李四,完成时限:2022年10月底前]", // 4
            "三、专项行动",                                                                                         // 5
            "(一)开展营商环境大调研。走访重点企业。（牵头单位：县工信局；分管领导：王副县长；完成时限：2022年8月底前）",        // 6
            "①清理拖欠企业账款（牵头单位：县财政局；完成时限：2022年11月底）",                                           // 7
            "四、保障措施",                                                                                         // 8
            "（一）加强组织领导。各单位要高度重视。",                                                                   // 9
            "（二）强化督查考核。各牵头单位于每月25日前报送工作进度。");                                                  // 10

    static final ImportResult R = PlanImporter.importText(PAGE, "page.txt", ImportOptions.none());

    static Task task(int no) {
        return R.plan().task(no).orElseThrow();
    }

    @Test
    void tasksRunTogetherOnOneLine_areSplit_andNumberingRestartingPerSectionIsRenumbered() {
        Plan p = R.plan();
        assertThat(p.tasks()).extracting(Task::title)
                .containsExactly("推行“一件事一次办”", "推进“跨省通办”", "加强用地保障", "强化金融服务", "开展营商环境大调研", "清理拖欠企业账款");
        assertThat(p.goals()).extracting(g -> g.title()).containsExactly("提升政务服务", "优化要素保障", "专项行动");
        assertThat(p.tasks()).extracting(Task::goal).containsExactly(1, 1, 2, 2, 3, 3);
        // ① under (一) is a step of it: (一) groups, ① is the leaf judged (the numbers of the top level are checked)
        assertThat(task(6).parent()).isEqualTo(5);
        assertThat(R.plan().leaves()).extracting(Task::no).containsExactly(1, 2, 3, 4, 6);
        assertThat(R.problems()).anySatisfy(x -> {
            assertThat(x.line()).isEqualTo(4);
            assertThat(x.message()).contains("renumbered").contains("(1,2,1,2,1)");
        });
    }

    @Test
    void everyBracketStyle_andEverySeparator_givesTheAssignment() {
        assertThat(task(1).leads()).containsExactly("县政务服务中心");
        assertThat(task(1).supporting()).containsExactly("县直相关部门");
        assertThat(task(1).deadline().date()).isEqualTo(LocalDate.of(2022, 6, 30));
        assertThat(task(1).measure()).isEqualTo("推行“一件事一次办”。整合关联事项。");
        assertThat(task(2).leads()).containsExactly("县政务服务中心");
        assertThat(task(2).deadline().date()).isEqualTo(LocalDate.of(2022, 9, 30));
        assertThat(task(2).measure()).isEqualTo("推进“跨省通办”。拓展通办事项");
        assertThat(task(4).leads()).containsExactly("县金融办");
        assertThat(task(4).supporting()).containsExactly("人民银行县支行");
        assertThat(task(4).deadline().date()).isEqualTo(LocalDate.of(2022, 10, 31));
        assertThat(task(6).deadline().date()).isEqualTo(LocalDate.of(2022, 11, 30));
    }

    @Test
    void leadersAndPersons_areNeverUnits() {
        Plan p = R.plan();
        assertThat(p.units()).extracting(Unit::id).doesNotContain("张三", "李四", "王副县长");
        Unit bank = p.unit("县金融办").orElseThrow();
        assertThat(bank.leader()).isEqualTo("张三");
        assertThat(bank.person()).isEqualTo("李四");
        assertThat(p.unit("县工信局").orElseThrow().leader()).isEqualTo("王副县长");
    }

    @Test
    void onlyResponsibleUnits_becomeTheAccountableUnits_andTheReportSaysSo() {
        assertThat(task(3).leads()).containsExactly("县自然资源局", "县住建局");
        assertThat(task(3).supporting()).isEmpty();
        assertThat(R.problems()).anySatisfy(x -> {
            assertThat(x.line()).isEqualTo(4);
            assertThat(x.message()).contains("task 3").contains("names no 牵头单位").contains("taken as lead units");
        });
    }

    @Test
    void sectionHeadingsAreNotTasks_andTheDocumentsOwnDataIsRead() {
        Plan p = R.plan();
        assertThat(p.tasks()).noneMatch(t -> t.title().contains("组织领导") || t.title().contains("督查考核") || t.title().contains("总体要求"));
        assertThat(p.title()).isEqualTo("某某县2022年优化营商环境若干措施");
        assertThat(p.issuedOn()).isEqualTo(LocalDate.of(2022, 4, 6));
        assertThat(p.reporting().dueDay()).isEqualTo(25);
        assertThat(R.defaults()).isEmpty();
        Assessable.check(p);
    }

    @Test
    void aNumberInsideTheText_doesNotStartATask() {
        String text = String.join("\n",
                "某区2021年项目建设工作方案",
                "2021年3月1日",
                "1.加快项目建设。完成投资1.5亿元，建成3、4号楼，推进第2、3批项目。（牵头单位：区发改局；完成时限：2021年12月底前）",
                "2.做好要素保障。①保障用地；②保障资金。（牵头单位：区财政局；完成时限：2021年9月底前）");
        ImportResult r = PlanImporter.importText(text, "numbers.txt", ImportOptions.none());
        assertThat(r.plan().tasks()).hasSize(2);
        assertThat(r.plan().task(1).orElseThrow().measure()).contains("1.5亿元").contains("3、4号楼").contains("第2、3批");
        assertThat(r.plan().task(2).orElseThrow().measure()).isEqualTo("做好要素保障。①保障用地；②保障资金。");
    }

    @Test
    void aTableWithATaskColumnAndAMeasureColumn_takesTheFirstAsTitle() {
        String text = String.join("\n",
                "某县2022年重点任务清单",
                "2022年1月5日",
                "序号\t重点任务\t具体措施\t牵头单位\t配合单位\t完成时限",
                "1\t推进一网通办\t实现高频事项网上可办。\t县政务服务中心\t县直各部门\t2022年6月底前",
                "2\t压缩开办时间\t企业开办1个工作日内办结。\t县市场监管局\t县税务局\t2022年3月底前");
        ImportResult r = PlanImporter.importText(text, "list.txt", ImportOptions.none());
        Task t1 = r.plan().task(1).orElseThrow();
        assertThat(t1.title()).isEqualTo("推进一网通办");
        assertThat(t1.measure()).isEqualTo("推进一网通办。实现高频事项网上可办。");
        assertThat(t1.leads()).containsExactly("县政务服务中心");
        assertThat(r.plan().task(2).orElseThrow().deadline().date()).isEqualTo(LocalDate.of(2022, 3, 31));
    }
}

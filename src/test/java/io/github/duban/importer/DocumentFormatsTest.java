package io.github.duban.importer;

import io.github.duban.model.Plan;
import io.github.duban.model.Task;
import io.github.duban.model.Unit;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static io.github.duban.importer.Documents.LEFT;
import static io.github.duban.importer.Documents.UP;
import static org.assertj.core.api.Assertions.assertThat;

/** Plans as offices receive them, written by the test: a Word file, a workbook, a saved web page. */
class DocumentFormatsTest {

    @TempDir
    Path dir;

    static Task task(ImportResult r, int no) {
        return r.plan().task(no).orElseThrow();
    }

    // ---- Word ----

    @Test
    void wordBody_withRunTogetherTasks_restartingNumbering_anyBracket_aGroupAsLead_andNoDatesAtAll() throws Exception {
        // Given a Word plan with no date anywhere
        Path f = Documents.docx(dir.resolve("plan.docx"), List.of(
                "某区营商环境攻坚行动方案",
                "一、重点任务",
                "（一）政务服务",
                "1.推行一网通办。推动事项网上办理。（牵头单位：区政务服务中心；配合单位：各乡镇）2.推行容缺受理。【牵头单位：有关部门】",
                "（二）要素保障",
                "1.保障用地需求。(牵头单位:区自然资源局,完成时限:年底前)",
                "2.加强金融支持〔责任单位：区金融办、区财政局〕",
                "二、保障措施",
                "（一）加强组织领导。各单位要明确专人负责。"), List.of(), List.of());
        // When the user gives the year
        ImportResult r = PlanImporter.importFile(f, ImportOptions.ofYear(2023));
        Plan p = r.plan();
        // Then
        assertThat(p.tasks()).extracting(Task::title).containsExactly("推行一网通办", "推行容缺受理", "保障用地需求", "加强金融支持");
        assertThat(p.goals()).extracting(g -> g.title()).containsExactly("政务服务", "要素保障");
        assertThat(task(r, 1).leads()).containsExactly("区政务服务中心");
        assertThat(task(r, 2).leads()).isEmpty();
        assertThat(task(r, 2).supporting()).containsExactly("有关部门");
        assertThat(task(r, 3).deadline().date()).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(task(r, 4).leads()).containsExactly("区金融办", "区财政局");
        assertThat(p.reporting().from()).isEqualTo(YearMonth.of(2023, 1));
        assertThat(p.reporting().to()).isEqualTo(YearMonth.of(2023, 12));
        // every problem says which paragraph
        assertThat(r.problems()).anySatisfy(x -> {
            assertThat(x.where()).isEqualTo("paragraph 4");
            assertThat(x.message()).contains("task 2").contains("有关部门").contains("group");
        });
        assertThat(r.problems()).anySatisfy(x -> {
            assertThat(x.where()).isEqualTo("paragraph 7");
            assertThat(x.message()).contains("task 4").contains("taken as lead units");
        });
        assertThat(r.problems()).anySatisfy(x -> {
            assertThat(x.where()).isEqualTo("paragraph 4");
            assertThat(x.message()).contains("task 1").contains("no 完成时限");
        });
        assertThat(r.problems()).anySatisfy(x -> assertThat(x.format("plan.docx")).startsWith("plan.docx: paragraph 4: task"));
        assertThat(r.defaults()).anyMatch(d -> d.contains("reporting window starts in 2023-01"));
        Assessable.check(p);
    }

    @Test
    void wordTable_withAHeaderOnTwoRows_mergedCells_goalRows_andChineseNumbers() throws Exception {
        // Given a 责任分解表 as a Word table: 责任单位 spans 牵头单位 and 配合单位, goal cells merged down, goal rows across
        List<String[]> rows = List.of(
                new String[]{"序号", "工作任务", "责任单位", LEFT, "完成时限"},
                new String[]{UP, UP, "牵头单位", "配合单位", UP},
                new String[]{"一、优化政务服务", LEFT, LEFT, LEFT, LEFT},
                new String[]{"1", "推行一件事一次办。梳理事项清单。", "市行政审批局", "市直有关部门", "2022年6月底前"},
                new String[]{"2", "推行证照分离。", "市市场监管局", "市司法局\n市税务局", "2022年9月底前"},
                new String[]{"二、优化要素保障", LEFT, LEFT, LEFT, LEFT},
                new String[]{"三", "加强用工保障。", "各县市区", "市人社局", "长期坚持"},
                new String[]{"四", "加强融资服务。", "张三", "市金融办", "2022年12月底前"});
        Path f = Documents.docx(dir.resolve("table.docx"), List.of("某市2022年优化营商环境责任分解表", "2022年3月1日"), List.of(rows), List.of());
        // When
        ImportResult r = PlanImporter.importFile(f, ImportOptions.none());
        Plan p = r.plan();
        // Then
        assertThat(p.tasks()).hasSize(4);
        assertThat(p.goals()).extracting(g -> g.title()).containsExactly("优化政务服务", "优化要素保障");
        assertThat(p.tasks()).extracting(Task::goal).containsExactly(1, 1, 2, 2);
        assertThat(task(r, 1).leads()).containsExactly("市行政审批局");
        assertThat(task(r, 1).supporting()).containsExactly("市直有关部门");
        assertThat(task(r, 2).supporting()).containsExactly("市司法局", "市税务局");
        assertThat(task(r, 2).deadline().date()).isEqualTo(LocalDate.of(2022, 9, 30));
        assertThat(task(r, 3).leads()).isEmpty();
        assertThat(task(r, 3).supporting()).containsExactly("各县市区", "市人社局");
        assertThat(task(r, 3).ongoing()).isTrue();
        assertThat(task(r, 4).leads()).isEmpty();
        assertThat(p.units()).extracting(Unit::id).doesNotContain("张三");
        // problems name the table row and the column
        assertThat(r.problems()).anySatisfy(x -> {
            assertThat(x.where()).isEqualTo("table 1, row 7, column 牵头单位");
            assertThat(x.message()).contains("各县市区").contains("group");
        });
        assertThat(r.problems()).anySatisfy(x -> {
            assertThat(x.where()).isEqualTo("table 1, row 8, column 牵头单位");
            assertThat(x.message()).contains("张三").contains("a person");
        });
        Assessable.check(p);
    }

    @Test
    void wordTableInTheMiddle_withATitleRow_isReadAsTheAppendix_andTheTextAfterItAsBody() throws Exception {
        List<String[]> rows = List.of(
                new String[]{"重点任务责任分解表", LEFT, LEFT, LEFT},
                new String[]{"序号", "工作任务", "牵头单位", "完成时限"},
                new String[]{"1", "推行一网通办。", "区政务服务中心", "2023年6月底前"},
                new String[]{"2", "推行容缺受理。", "区行政审批局", "2023年8月底前"});
        Path f = Documents.docx(dir.resolve("middle.docx"), List.of("某区2023年政务服务工作方案", "2023年2月1日", "一、重点任务"),
                List.of(rows), List.of("1.推行一网通办。（牵头单位：区政务服务中心；完成时限：2023年6月底前）",
                        "2.推行容缺受理。（牵头单位：区行政审批局；完成时限：2023年9月底前）", "二、保障措施", "（一）加强领导。"));
        ImportResult r = PlanImporter.importFile(f, ImportOptions.none());
        assertThat(r.plan().tasks()).hasSize(2);
        assertThat(task(r, 2).deadline().date()).isEqualTo(LocalDate.of(2023, 9, 30));
        assertThat(r.disagreements()).singleElement().satisfies(d -> assertThat(d).startsWith("任务2：").contains("2023年8月底前"));
        assertThat(r.problems()).noneMatch(x -> x.message().contains("not part of any task") || x.message().contains("not a row"));
    }

    // ---- Excel ----

    @Test
    void workbook_theSheetWithTheTable_mergedTitleAndHeader_dateCells_goalRows() throws Exception {
        Path f = dir.resolve("分解表.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
            Sheet cover = wb.createSheet("说明");
            cover.createRow(0).createCell(0).setCellValue("本表由县优化办编制。");
            Sheet s = wb.createSheet("分解表");
            CreationHelper help = wb.getCreationHelper();
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(help.createDataFormat().getFormat("yyyy/m/d"));
            Object[][] rows = {
                    {"某县2024年优化营商环境重点任务责任分解表"},                                     // 1 (merged A1:F1)
                    {"各牵头单位于每月20日前报送进展。排在第一位的为牵头单位。"},                       // 2
                    {"序号", "工作目标", "工作任务", "责任单位", null, "完成时限"},                   // 3 (D3:E3 merged, A3:A4 ...)
                    {null, null, null, "牵头单位", "配合单位", null},                              // 4
                    {"（一）政务环境"},                                                          // 5 (merged A5:F5)
                    {1, "提升办事效率", "推行“一窗通办”。", "县政务服务中心", "县直各部门", LocalDate.of(2024, 6, 30)},  // 6
                    {2, null, "推行告知承诺制。", "王五", "县司法局", "2024年9月底前"},               // 7 (B6:B7 merged)
                    {3, "优化要素保障", "保障企业用地。", "有关部门", null, "待定"},                   // 8
            };
            for (int i = 0; i < rows.length; i++) {
                Row row = s.createRow(i);
                for (int c = 0; c < rows[i].length; c++) {
                    Object v = rows[i][c];
                    if (v instanceof String str) {
                        row.createCell(c).setCellValue(str);
                    } else if (v instanceof Integer n) {
                        row.createCell(c).setCellValue(n);
                    } else if (v instanceof LocalDate d) {
                        row.createCell(c).setCellValue(d);
                        row.getCell(c).setCellStyle(date);
                    }
                }
            }
            s.addMergedRegion(CellRangeAddress.valueOf("A1:F1"));
            s.addMergedRegion(CellRangeAddress.valueOf("A2:F2"));
            s.addMergedRegion(CellRangeAddress.valueOf("D3:E3"));
            s.addMergedRegion(CellRangeAddress.valueOf("A3:A4"));
            s.addMergedRegion(CellRangeAddress.valueOf("B3:B4"));
            s.addMergedRegion(CellRangeAddress.valueOf("C3:C4"));
            s.addMergedRegion(CellRangeAddress.valueOf("F3:F4"));
            s.addMergedRegion(CellRangeAddress.valueOf("A5:F5"));
            s.addMergedRegion(CellRangeAddress.valueOf("B6:B7"));
            wb.write(out);
        }
        // When
        ImportResult r = PlanImporter.importFile(f, ImportOptions.none());
        Plan p = r.plan();
        // Then the sheet holding the table is read, and that is said
        assertThat(r.problems()).anyMatch(x -> x.message().contains("«说明»") && x.message().contains("«分解表»"));
        assertThat(p.title()).isEqualTo("某县2024年优化营商环境重点任务责任分解表");
        assertThat(p.reporting().dueDay()).isEqualTo(20);
        assertThat(p.tasks()).hasSize(3);
        assertThat(p.goals()).extracting(g -> g.title()).containsExactly("提升办事效率", "优化要素保障");
        assertThat(task(r, 1).leads()).containsExactly("县政务服务中心");
        assertThat(task(r, 1).supporting()).containsExactly("县直各部门");
        assertThat(task(r, 1).deadline().date()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(task(r, 1).deadline().text()).isEqualTo("2024年6月30日");
        assertThat(task(r, 2).goal()).isEqualTo(1);
        assertThat(task(r, 2).leads()).isEmpty();
        assertThat(task(r, 3).leads()).isEmpty();
        assertThat(task(r, 3).supporting()).containsExactly("有关部门");
        // problems give the sheet's row and the column
        assertThat(r.problems()).anySatisfy(x -> {
            assertThat(x.line()).isEqualTo(7);
            assertThat(x.where()).isEqualTo("sheet «分解表», column 牵头单位 (D)");
            assertThat(x.message()).contains("王五").contains("a person");
        });
        assertThat(r.problems()).anySatisfy(x -> {
            assertThat(x.line()).isEqualTo(8);
            assertThat(x.where()).isEqualTo("sheet «分解表», column 完成时限 (F)");
            assertThat(x.message()).contains("待定");
        });
        assertThat(r.problems()).anySatisfy(x -> {
            assertThat(x.line()).isEqualTo(8);
            assertThat(x.where()).isEqualTo("sheet «分解表», column 牵头单位 (D)");
            assertThat(x.message()).contains("有关部门");
        });
        Assessable.check(p);
        // and --sheet names the sheet
        assertThat(PlanImporter.importFile(f, ImportOptions.none().withSheet("分解表")).problems())
                .noneMatch(x -> x.message().contains("«说明»"));
    }

    // ---- web page ----

    @Test
    void savedWebPage_inGbk_chromeIsNotATask_theMetadataBoxGivesNumberAndDate() throws Exception {
        String html = String.join("\n",
                "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><title>某县政府</title></head>", // 1
                "<body><div class=\"header\"><a>首页</a><a>政务公开</a><a>互动交流</a></div>",                                       // 2
                "<div class=\"breadcrumb\">当前位置：首页 &gt; 政府文件</div>",                                                      // 3
                "<div class=\"xxgk_box\"><ul><li>索引号：000014349/2023-00012</li><li>发文机关：某县人民政府办公室</li>",             // 4
                "<li>发文字号：某政办发〔2023〕5号</li><li>成文日期：2023年03月10日</li><li>发布日期：2023年03月15日</li></ul></div>", // 5
                "<div class=\"article\"><h2>某县2023年安全生产专项整治工作方案</h2>",                                                 // 6
                "<p>一、整治任务</p>",                                                                                              // 7
                "<p>1.开展隐患排查。全面排查企业隐患。（牵头单位：县应急管理局；配合单位：各乡镇人民政府；完成时限：2023年6月底前）2.开展消防整治。（牵头单位：县消防救援大队；完成时限：2023年9月底前）</p>", // 8
                "<p>3.整治道路交通。<br>（牵头单位：县公安局交警大队；完成时限：每周五下午5时前报送进展）</p>",                                  // 9
                "<p>二、工作要求</p><p>各牵头单位于每月25日前报送工作进度。</p></div>",                                                   // 10
                "<div class=\"bdsharebuttonbox\">分享到：<a>微信</a><a>微博</a></div>",                                                 // 11
                "<div id=\"footer\">主办单位：某县人民政府办公室 网站标识码：1234567890</div>",                                            // 12
                "</body></html>");
        Path f = Files.write(dir.resolve("page.htm"), html.getBytes(Charset.forName("GBK")));
        // When
        ImportResult r = PlanImporter.importFile(f, ImportOptions.none());
        Plan p = r.plan();
        // Then
        assertThat(p.title()).isEqualTo("某县2023年安全生产专项整治工作方案");
        assertThat(p.docNumber()).isEqualTo("某政办发〔2023〕5号");
        assertThat(p.issuedOn()).isEqualTo(LocalDate.of(2023, 3, 10));
        assertThat(p.tasks()).extracting(Task::title).containsExactly("开展隐患排查", "开展消防整治", "整治道路交通");
        assertThat(p.units()).extracting(Unit::id).noneMatch(u -> u.contains("首页") || u.contains("微信") || u.contains("主办"));
        assertThat(task(r, 2).leads()).containsExactly("县消防救援大队");
        assertThat(task(r, 3).ongoing()).isTrue();
        assertThat(p.reporting().dueDay()).isEqualTo(25);
        // problems give the page's source line
        assertThat(r.problems()).anySatisfy(x -> {
            assertThat(x.line()).isEqualTo(9);
            assertThat(x.message()).contains("task 3").contains("recurs");
        });
        assertThat(r.problems()).noneMatch(x -> x.message().contains("分享") || x.message().contains("首页"));
        Assessable.check(p);
    }
}

package io.github.duban.bulletin;

import io.github.duban.engine.Duban;
import io.github.duban.model.Band;
import io.github.duban.model.Plan;
import io.github.duban.model.Policy;
import io.github.duban.model.Task;
import io.github.duban.model.Unit;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.BoardEntry;
import io.github.duban.outcome.EscalationLevel;
import io.github.duban.outcome.Finding;
import io.github.duban.outcome.FindingKind;
import io.github.duban.outcome.Light;
import io.github.duban.outcome.MonthSummary;
import io.github.duban.outcome.Sanction;
import io.github.duban.outcome.ScoreLine;
import io.github.duban.outcome.TaskStatus;
import io.github.duban.outcome.UnitScore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The monthly bulletin (通报) as a reader sees it: every sentence and number drawn from one
 * assessment (its reasons, its counts, its board and scores) and the plan's names; nothing is
 * judged again. Templates and the DOCX writer read this model. Immutable and thread-safe.
 *
 * @param series     the series name (督查通报)
 * @param issue      第N期: the settings' number, else the month's place in the reporting window, from 1
 * @param office     the issuing office
 * @param date       the bulletin's date (the settings' date, else the as-of date)
 * @param dateText   the date in Chinese (2021年5月31日)
 * @param title      关于2021年5月份……工作推进情况的通报
 * @param recipients the 主送 line: the plan's lead units, then every other unit the issue names
 * @param opening    the opening paragraph, ending 现将有关情况通报如下：
 * @param overview   一、总体情况, ending with the overall judgement (从督查情况看……)
 * @param sections   二、 and 三、: the problems found and the sanctions and commendations, each with its parts
 *                   numbered in order, empty parts left out
 * @param ranking    四、考核得分与排名, one row per scored unit in rank order
 * @param rankingNote the note under the ranking naming the units whose rating a sanction's ceiling
 *                   capped ("" when none)
 * @param chart      the bar chart of the scores
 * @param requirements 五、下一步工作要求, one paragraph each, numbered in order
 * @param closing    an optional closing line before the signature
 * @param copyTo     the 抄送 line of the 版记 (null when none)
 * @param printer    the 印发机关 of the 版记
 * @param printDateText the 印发日期 of the 版记 (2021年5月31日)
 * @param attachment the attachment's title (附件: the board); the board follows the signature
 * @param board      the attachment's table, one cell per task in task order
 * @param period     the month (2021-05)
 * @param periodText the month in Chinese (2021年5月)
 * @param asOf       the assessment's as-of date
 * @param ruleset    the ruleset fingerprint of the assessment, kept out of the printed page
 * @param planTitle  the plan's full title
 * @param docNumber  the plan's 文号 (may be empty)
 */
public record Bulletin(String series, int issue, String office, LocalDate date, String dateText, String title,
                       String recipients, String opening, Overview overview, List<Section> sections,
                       List<RankRow> ranking, String rankingNote, Chart chart, List<String> requirements,
                       String closing, String copyTo, String printer, String printDateText, String attachment,
                       List<BoardCell> board, String period, String periodText, LocalDate asOf, String ruleset,
                       String planTitle, String docNumber) {

    /** Checks that the title and the overview are given and copies the lists, so the bulletin cannot change. */
    public Bulletin {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(overview, "overview");
        sections = List.copyOf(sections);
        ranking = List.copyOf(ranking);
        board = List.copyOf(board);
        requirements = List.copyOf(requirements);
    }

    /** The fingerprint's first 12 characters, as the small print shows it. */
    public String rulesetShort() {
        return ruleset == null ? "" : ruleset.substring(0, Math.min(12, ruleset.length()));
    }

    /**
     * 一、总体情况: task counts by state, report counts and the on-time rate, how many dated tasks
     * reached schedule progress, and the paragraphs that say so. Shares are "x%" strings to one
     * decimal. {@code reportsOwed} is -1 when the assessment did not count them.
     */
    public record Overview(int tasks, int done, int normal, int lagging, int overdue, String doneShare,
                           String normalShare, String laggingShare, String overdueShare, int reportsOwed, int reportsOnTime,
                           int reportsLate, int reportsMissing, String onTimeRate, int dated, int onSchedule,
                           String onScheduleShare, List<String> paragraphs) {
        /** Copies the paragraphs, so the overview cannot change. */
        public Overview {
            paragraphs = List.copyOf(paragraphs);
        }
    }

    /**
     * A top-level section after 一、: its number (二), title, its parts in order (each numbered
     * （一）（二）… as printed, empty parts left out) and the sentence printed when it has none.
     */
    public record Section(String number, String title, List<Part> parts, String none) {
        /** Copies the parts, so the section cannot change. */
        public Section {
            parts = List.copyOf(parts);
        }

        /** The heading as printed: the number, 、 and the title (二、存在问题). */
        public String heading() {
            return number + "、" + title;
        }
    }

    /**
     * A part of a section: its printed number （一）, title, an optional lead-in sentence ("" when
     * none) and its items, each told once.
     */
    public record Part(String number, String title, String intro, List<Item> items) {
        /** Copies the items, so the part cannot change. */
        public Part {
            items = List.copyOf(items);
        }

        /** The heading as printed: the number and the title (（一）任务推进滞后、逾期). */
        public String heading() {
            return number + title;
        }
    }

    /**
     * One item: the unit it names ("" when none), the task (0 when none), the sentence printed, the
     * persons named ("" when none) and the rectify-by date in Chinese ("" when none).
     */
    public record Item(String unit, int task, String text, String persons, String rectifyBy) {
    }

    /** A ranking row: 序号, 单位, 得分, 等次 (Chinese and code), 扣分, 加分, 排名, and the score's reason. */
    public record RankRow(int no, String unit, String score, String rating, String ratingCode, String deductions,
                          String bonuses, int rank, String reason) {
    }

    /** The scores as horizontal bars: the drawing's size, the axis ticks and one bar per ranked unit. */
    public record Chart(int width, int height, int left, int plotWidth, int max, List<Tick> ticks, List<Bar> bars,
                        List<LegendItem> legend) {
        /** Copies the ticks, the bars and the legend, so the chart cannot change. */
        public Chart {
            ticks = List.copyOf(ticks);
            bars = List.copyOf(bars);
            legend = List.copyOf(legend);
        }
    }

    /** An axis tick: its value and x position. */
    public record Tick(int value, int x) {
    }

    /** One rating of the policy's bands in the chart's legend: its code, Chinese name and colour. */
    public record LegendItem(String rating, String chinese, String colour) {
    }

    /** A bar: the unit, the score shown, the bar's top and length, its colour (by rating) and rating code. */
    public record Bar(String unit, String score, int y, int length, String colour, String rating) {
    }

    /**
     * A task on the board: number, title, leads, the deadline in force (Chinese, or the plan's
     * wording for ongoing tasks), percent, schedule progress ("—" for ongoing tasks), the light
     * (code, Chinese, css class) and the reasons the rules gave for it.
     */
    public record BoardCell(int task, String title, String leads, String deadline, int percent, String schedule,
                            Light light, String lightText, String css, List<String> reasons) {
        /** Copies the reasons, so the cell cannot change. */
        public BoardCell {
            reasons = List.copyOf(reasons);
        }
    }

    /** The bulletin of {@code a}, a month of {@code duban}'s plan. */
    public static Bulletin of(Duban duban, Assessment a, BulletinSettings settings) {
        return of(duban.plan(), a, settings, duban.policy().bands());
    }

    /** As {@link #of(Plan, Assessment, BulletinSettings, List)} with the default rating bands. */
    public static Bulletin of(Plan plan, Assessment a, BulletinSettings settings) {
        return of(plan, a, settings, Policy.DEFAULT_BANDS);
    }

    /**
     * The bulletin of {@code a}, a month of {@code plan}; {@code bands} are the policy's rating
     * bands, best first, which give the chart its colours and legend.
     */
    public static Bulletin of(Plan plan, Assessment a, BulletinSettings settings, List<Band> bands) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(a, "assessment");
        BulletinSettings s = settings == null ? BulletinSettings.DEFAULT : settings;
        YearMonth m = a.period();
        int issue = (int) (m.getYear() * 12L + m.getMonthValue() - plan.reporting().from().getYear() * 12L
                - plan.reporting().from().getMonthValue()) + 1;
        if (s.issue() != null) {
            issue = s.issue();
        }
        String region = region(plan.title());
        String office = s.office() != null ? s.office() : region + "督查室";
        String series = s.series() != null ? s.series() : "督查通报";
        LocalDate date = s.date() != null ? s.date() : a.asOf();
        String monthText = m.getYear() + "年" + m.getMonthValue() + "月";
        String subject = s.subject() != null ? s.subject() : subject(plan.title());
        String title = cn("关于" + monthText + "份" + subject + "工作推进情况的通报");
        String docNo = plan.docNumber() == null ? "" : plan.docNumber();
        String opening = s.opening() != null ? s.opening()
                : cn("为推动《" + nested(plan.title()) + "》" + (docNo.isEmpty() ? "" : "（" + docNo + "）")
                + "各项任务落地见效，按照“一月一调度、一月一督查、一月一通报”的工作要求，" + office + "对截至"
                + chinese(a.asOf()) + "各责任单位工作推进情况进行了调度督查。现将有关情况通报如下：");
        Map<Integer, Task> byNo = tasksByNo(plan);
        String recipients = s.recipients() != null ? s.recipients() : String.join("、", recipients(plan, a));
        List<String> requirements = s.requirements() != null ? s.requirements() : requirements(plan, byNo, a, office);
        String attachment = monthText + "份重点任务推进情况表";
        LocalDate printDate = s.printDate() != null ? s.printDate() : date;
        return new Bulletin(series, issue, office, date, chinese(date), title, recipients, opening,
                overview(byNo, a), List.of(problems(plan, byNo, a), sanctions(a)), ranking(a), rankingNote(a), chart(a, bands),
                requirements, s.closing(), s.copyTo(), s.printer() != null ? s.printer() : office, chinese(printDate),
                attachment, board(byNo, a), m.toString(), monthText, a.asOf(), a.ruleset(), plan.title(), docNo);
    }

    // 一、总体情况

    private static Overview overview(Map<Integer, Task> byNo, Assessment a) {
        MonthSummary m = a.summary();
        if (m == null) {
            return new Overview(0, 0, 0, 0, 0, "", "", "", "", -1, -1, 0, 0, "", 0, 0, "",
                    List.of("本月的考核规则未给出汇总数据。"));
        }
        int tasks = m.tasks();
        int owed = m.reportsOwed();
        int onTime = m.reportsOnTime() == null ? -1 : m.reportsOnTime();
        MonthSummary.Shares sh = m.shares();
        String rate = sh.reportsOnTime() == null ? "" : percent(sh.reportsOnTime());
        List<String> paragraphs = new ArrayList<>();
        StringBuilder t = new StringBuilder("截至" + chinese(a.asOf()) + "，《实施方案》明确的" + tasks + "项工作任务中，已完成" + m.done()
                + "项，占比" + percent(sh.done()) + "；正常推进" + m.onTrack() + "项，占比" + percent(sh.onTrack()) + "；滞后"
                + m.lagging() + "项，占比" + percent(sh.lagging()) + "；逾期" + m.overdue() + "项，占比" + percent(sh.overdue()) + "。");
        if (m.dated() > 0) {
            t.append("有完成时限的").append(m.dated()).append("项任务中，").append(m.onSchedule()).append("项达到序时进度，占比")
                    .append(percent(sh.onSchedule())).append("。");
        }
        List<String> done = a.board().stream().filter(b -> b.status() == TaskStatus.DONE).map(b -> taskName(byNo, b.task())).toList();
        if (!done.isEmpty()) {
            t.append("已完成的任务为：").append(String.join("、", done)).append("。");
        }
        paragraphs.add(t.toString());
        StringBuilder r = new StringBuilder("进度报送方面，本月应报送工作进度" + owed + "份");
        if (onTime >= 0) {
            r.append("，按时报送").append(onTime).append("份");
        }
        r.append("，迟报").append(m.reportsLate()).append("份，漏报").append(m.reportsMissing()).append("份");
        if (!rate.isEmpty()) {
            r.append("，按时报送率").append(rate);
        }
        if (m.reportsOnTime() == null) {
            r.append("（本月报送时限").append(chinese(m.reportsDue())).append("尚未届满）");
        }
        r.append("。本月共").append(m.unitsScored()).append("个单位参加考核，予以通报批评").append(m.criticisms()).append("起、公开曝光")
                .append(m.exposures()).append("起，表扬").append(m.commendations()).append("次。");
        paragraphs.add(r.toString());
        paragraphs.add(judgement(byNo, a, m));
        return new Overview(tasks, m.done(), m.onTrack(), m.lagging(), m.overdue(), percent(sh.done()), percent(sh.onTrack()),
                percent(sh.lagging()), percent(sh.overdue()), owed, onTime, m.reportsLate(), m.reportsMissing(), rate,
                m.dated(), m.onSchedule(), percent(sh.onSchedule()), paragraphs);
    }

    /** 从督查情况看……: the month's problems by name (overdue tasks, exposed units, missing reports), from the conclusions. */
    private static String judgement(Map<Integer, Task> byNo, Assessment a, MonthSummary m) {
        List<String> said = new ArrayList<>();
        List<String> overdue = a.board().stream().filter(b -> b.status() == TaskStatus.OVERDUE).map(b -> taskName(byNo, b.task())).toList();
        if (!overdue.isEmpty()) {
            said.add(String.join("、", overdue) + "逾期未完成");
        }
        List<String> exposed = distinct(a.sanctions().stream().filter(x -> x.level() == EscalationLevel.EXPOSURE).map(Sanction::unit).toList());
        if (!exposed.isEmpty()) {
            said.add(String.join("、", exposed) + "被公开曝光");
        }
        List<String> missing = distinct(a.findings().stream().filter(f -> f.kind() == FindingKind.REPORT_MISSING).map(Finding::unit).toList());
        if (!missing.isEmpty()) {
            said.add(String.join("、", missing) + "未按时报送工作进度");
        }
        if (m.lagging() == 0 && m.overdue() == 0 && said.isEmpty()) {
            return "从督查情况看，各项任务均按计划推进，未发现滞后、逾期任务。";
        }
        StringBuilder j = new StringBuilder("从督查情况看，");
        // it names what the month found; it does not grade the month ("多数……" would be a judgement of its own)
        j.append("本期");
        List<String> counts = new ArrayList<>();
        if (m.lagging() > 0) {
            counts.add(m.lagging() + "项任务滞后");
        }
        if (m.overdue() > 0) {
            counts.add(m.overdue() + "项任务逾期");
        }
        j.append(counts.isEmpty() ? "仍有问题需要整改" : "仍有" + String.join("、", counts));
        if (!said.isEmpty()) {
            j.append("，其中").append(String.join("，", said));
        }
        return j.append("，需引起高度重视。").toString();
    }

    // 二、存在问题

    private static Section problems(Plan plan, Map<Integer, Task> byNo, Assessment a) {
        List<Item> tasks = new ArrayList<>();
        for (BoardEntry b : a.board()) {
            if (b.light() != Light.RED && b.light() != Light.YELLOW) {
                continue;
            }
            Task t = byNo.get(b.task());
            String leads = t == null ? "" : String.join("、", t.leads());
            StringBuilder text = new StringBuilder(taskName(byNo, b.task()) + "，牵头单位：" + leadsWithPersons(plan, t));
            if (b.deadline() != null) {
                text.append("，完成时限").append(chinese(b.deadline()));
            }
            if (b.daysOverdue() != null && b.daysOverdue() > 0) {
                text.append("，已逾期").append(b.daysOverdue()).append("天未完成");
            }
            text.append("，当前进度").append(b.percent()).append("%");
            if (b.schedule() != null) {
                text.append("，序时进度").append(number(b.schedule().setScale(1, RoundingMode.HALF_UP))).append("%");
            }
            if (b.behind() != null && b.behind().signum() > 0) {
                text.append("，低于序时进度").append(number(b.behind().setScale(1, RoundingMode.HALF_UP))).append("个百分点");
            }
            // the light's other reasons (a case, a late report, a deadline near); the schedule is said above
            boolean saidOverdue = b.daysOverdue() != null && b.daysOverdue() > 0;
            List<String> why = b.reasons().stream().filter(r -> !r.contains("序时进度") && !(saidOverdue && r.startsWith("逾期"))).toList();
            if (!why.isEmpty()) {
                text.append("，").append(String.join("；", why));
            }
            text.append("（").append(b.light().chinese()).append("）。");
            tasks.add(new Item(leads, b.task(), cn(text.toString()), "", ""));
        }
        // a finding behind a sanction of the month is told with the sanction, once
        java.util.Set<Finding> sanctioned = new java.util.HashSet<>();
        a.sanctions().forEach(x -> sanctioned.addAll(x.findings()));
        List<Item> reports = new ArrayList<>();
        List<Item> inspections = new ArrayList<>();
        for (Finding f : a.findings()) {
            if (sanctioned.contains(f)) {
                continue;
            }
            Item item = new Item(f.unit(), f.task() == null ? 0 : f.task(), cn(f.reason() + "。"), f.person() == null ? "" : f.person(), "");
            switch (f.kind()) {
                case REPORT_LATE, REPORT_MISSING -> reports.add(item);
                case WEAK_LEADERSHIP, HOLLOW_MEASURES, LAGGING, PERFUNCTORY, BUCK_PASSING, MILESTONE_MISSED -> inspections.add(item);
                default -> {
                }
            }
        }
        List<Part> parts = numbered(List.of(
                new Part("", "任务推进滞后、逾期", "", tasks),
                new Part("", "进度报送不及时", "", reports),
                new Part("", "其他问题", "", inspections)));
        return new Section("二", "存在问题", parts, "本月未发现滞后、逾期任务和进度报送问题。");
    }

    // 三、通报批评、公开曝光与表扬

    private static Section sanctions(Assessment a) {
        List<Item> criticisms = new ArrayList<>();
        List<Item> exposures = new ArrayList<>();
        List<Item> notices = new ArrayList<>();
        for (Sanction x : a.sanctions()) {
            Item item = new Item(x.unit(), x.task() == null ? 0 : x.task(), cn(x.reason() + "。"), String.join("、", x.persons()),
                    x.rectifyBy() == null ? "" : chinese(x.rectifyBy()));
            switch (x.level()) {
                case CRITICISM -> criticisms.add(item);
                case EXPOSURE -> exposures.add(item);
                case NOTICE -> notices.add(item);
            }
        }
        List<Item> commendations = new ArrayList<>();
        for (Finding f : a.findings()) {
            if (f.kind() == FindingKind.COMMENDED || f.kind() == FindingKind.TASK_COMPLETED_EARLY) {
                commendations.add(new Item(f.unit(), f.task() == null ? 0 : f.task(), cn(f.reason() + "。"), "", ""));
            }
        }
        List<Part> parts = numbered(List.of(
                new Part("", "公开曝光", "", exposures),
                new Part("", "通报批评", "", criticisms),
                new Part("", "提醒", "", notices),
                new Part("", "表扬", "", commendations)));
        return new Section("三", "通报批评、公开曝光与表扬", parts, "本月无通报批评、公开曝光和表扬事项。");
    }

    /** The parts that have items, numbered （一）（二）… in order. */
    private static List<Part> numbered(List<Part> parts) {
        List<Part> kept = new ArrayList<>();
        for (Part p : parts) {
            if (!p.items().isEmpty()) {
                kept.add(new Part("（" + ordinal(kept.size() + 1) + "）", p.title(), p.intro(), p.items()));
            }
        }
        return kept;
    }

    // 五、下一步工作要求

    private static List<String> requirements(Plan plan, Map<Integer, Task> byNo, Assessment a, String office) {
        List<String> said = new ArrayList<>();
        List<String> red = new ArrayList<>();
        for (BoardEntry b : a.board()) {
            if (b.light() == Light.RED) {
                Task t = byNo.get(b.task());
                String when = b.deadline() != null ? "，完成时限" + chinese(b.deadline()) : "";
                red.add(taskName(byNo, b.task()) + "（" + (t == null ? "" : String.join("、", t.leads())) + when + "）");
            }
        }
        said.add("加快推进重点任务。" + (red.isEmpty()
                ? "各牵头单位要对照任务清单逐项推进，主要负责同志亲自抓、负总责，确保按时保质完成。"
                : "本期" + String.join("、", red) + "亮红灯，牵头单位要逐项查找原因、倒排工期，主要负责同志亲自抓、负总责，确保尽快赶上进度。"));
        List<String> criticised = distinct(a.sanctions().stream().filter(x -> x.level() == EscalationLevel.CRITICISM).map(Sanction::unit).toList());
        List<String> exposed = distinct(a.sanctions().stream().filter(x -> x.level() == EscalationLevel.EXPOSURE).map(Sanction::unit).toList());
        if (!criticised.isEmpty() || !exposed.isEmpty()) {
            StringBuilder r = new StringBuilder("抓好问题整改。");
            if (!criticised.isEmpty()) {
                List<String> by = distinct(a.sanctions().stream().filter(x -> x.level() == EscalationLevel.CRITICISM && x.rectifyBy() != null)
                        .map(x -> chinese(x.rectifyBy())).toList());
                r.append("被通报批评的").append(String.join("、", criticised)).append("要立行立改，")
                        .append(by.isEmpty() ? "" : "于" + String.join("、", by) + "前")
                        .append("将整改情况书面报送").append(office).append("；");
            }
            if (!exposed.isEmpty()) {
                r.append("被公开曝光的").append(String.join("、", exposed)).append("要深刻反思、立即整改，主要负责同志向").append(office)
                        .append("作出书面说明；");
            }
            r.setLength(r.length() - 1);
            said.add(r.append("。逾期未整改的，将升级督办。").toString());
        }
        List<String> lapsed = distinct(a.findings().stream().filter(f -> f.kind() == FindingKind.REPORT_LATE || f.kind() == FindingKind.REPORT_MISSING)
                .map(Finding::unit).toList());
        said.add("按时报送工作进度。各牵头单位要于每月" + plan.reporting().dueDay() + "日前报送工作进度"
                + (lapsed.isEmpty() ? "" : "，" + String.join("、", lapsed) + "要切实改进报送工作") + "。" + office
                + "将继续实行一月一调度、一月一督查、一月一通报，督查结果纳入年度绩效考核。");
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < said.size(); i++) {
            numbered.add("（" + ordinal(i + 1) + "）" + said.get(i));
        }
        return numbered;
    }

    // 四、考核得分与排名

    private static List<RankRow> ranking(Assessment a) {
        List<RankRow> rows = new ArrayList<>();
        int no = 1;
        for (UnitScore s : a.scores()) {
            rows.add(new RankRow(no++, s.unit(), number(s.score()), s.rating().chinese(), s.rating().name(),
                    number(s.deductions().negate()), number(s.bonuses()), s.rank(), s.reason()));
        }
        return rows;
    }

    /** 注：…: the units whose rating the ceiling of a sanction of the month capped, by level, heaviest first. */
    private static String rankingNote(Assessment a) {
        List<String> said = new ArrayList<>();
        for (EscalationLevel level : List.of(EscalationLevel.EXPOSURE, EscalationLevel.CRITICISM, EscalationLevel.NOTICE)) {
            List<String> units = a.scores().stream().filter(s -> s.ceiling() == level).map(UnitScore::unit).toList();
            if (!units.isEmpty()) {
                said.add(String.join("、", units) + "本月受到" + level.chinese());
            }
        }
        return said.isEmpty() ? "" : "注：" + String.join("，", said) + "，等次按考核办法不高于相应档次，得分和排名不变。";
    }

    /** Best to worst: green, blue, amber, red; a policy's bands take them by their place in its list. */
    static final List<String> PALETTE = List.of("#2e7d32", "#1565c0", "#ef8f00", "#c62828");

    /** The colour of each rating: by its place among the bands, best green, worst red; ratings no band names last. */
    static Map<String, String> ratingColours(List<Band> bands, Assessment a) {
        List<String> names = new ArrayList<>();
        bands.forEach(b -> names.add(b.name()));
        a.scores().forEach(s -> {
            if (!names.contains(s.rating().name())) {
                names.add(s.rating().name());
            }
        });
        Map<String, String> colours = new java.util.LinkedHashMap<>();
        int n = names.size();
        for (int i = 0; i < n; i++) {
            int at = n == 1 ? 0 : Math.round(i * (PALETTE.size() - 1f) / (n - 1));
            colours.put(names.get(i), PALETTE.get(at));
        }
        return colours;
    }

    private static Chart chart(Assessment a, List<Band> bands) {
        Map<String, String> colours = ratingColours(bands, a);
        List<LegendItem> legend = new ArrayList<>();
        for (Band band : bands) {
            legend.add(new LegendItem(band.name(), band.chinese(), colours.get(band.name())));
        }
        int left = 150;
        int plot = 480;
        int bar = 18;
        int gap = 8;
        int top = 10;
        BigDecimal highest = a.scores().stream().map(UnitScore::score).max(BigDecimal::compareTo).orElse(BigDecimal.valueOf(100));
        int max = Math.max(100, highest.setScale(0, RoundingMode.CEILING).intValue());
        max = (max + 4) / 5 * 5;
        List<Bar> bars = new ArrayList<>();
        int y = top;
        for (UnitScore s : a.scores()) {
            int length = s.score().multiply(BigDecimal.valueOf(plot)).divide(BigDecimal.valueOf(max), 0, RoundingMode.HALF_UP).intValue();
            bars.add(new Bar(s.unit(), number(s.score()), y, length, colours.get(s.rating().name()), s.rating().name()));
            y += bar + gap;
        }
        List<Tick> ticks = new ArrayList<>();
        int step = max <= 50 ? 10 : 20;
        for (int v = 0; v <= max; v += step) {
            ticks.add(new Tick(v, left + v * plot / max));
        }
        if (max % step != 0 && (max % step) * plot / max >= 30) {
            ticks.add(new Tick(max, left + plot));
        }
        int height = y + 24;
        return new Chart(left + plot + 50, height, left, plot, max, ticks, bars, legend);
    }

    // 五、挂图作战

    /** The plan's tasks by number, the first of a number kept (as {@link Plan#task} finds it). */
    private static Map<Integer, Task> tasksByNo(Plan plan) {
        Map<Integer, Task> byNo = new HashMap<>();
        for (Task t : plan.tasks()) {
            byNo.putIfAbsent(t.no(), t);
        }
        return byNo;
    }

    private static List<BoardCell> board(Map<Integer, Task> byNo, Assessment a) {
        List<BoardCell> cells = new ArrayList<>();
        for (BoardEntry b : a.board()) {
            Task t = byNo.get(b.task());
            String deadline = b.ongoing() ? (t == null ? "长期坚持" : cn(t.deadline().text()))
                    : b.deadline() == null ? "" : chinese(b.deadline());
            String schedule = b.schedule() == null ? "—" : number(b.schedule().setScale(1, RoundingMode.HALF_UP)) + "%";
            cells.add(new BoardCell(b.task(), t == null ? "" : cn(t.title()), t == null ? "" : String.join("、", t.leads()),
                    deadline, b.percent(), schedule, b.light(), b.light().chinese(), b.light().name().toLowerCase(java.util.Locale.ROOT),
                    b.reasons()));
        }
        return cells;
    }

    // helpers

    /** 主送: the plan's lead units in plan order, then every other unit the issue names (not groups), in plan order. */
    private static List<String> recipients(Plan plan, Assessment a) {
        java.util.Set<String> named = new java.util.HashSet<>();
        a.sanctions().forEach(x -> named.add(x.unit()));
        a.findings().forEach(f -> named.add(f.unit()));
        List<String> leads = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Unit u : plan.units()) {
            if (u.group()) {
                continue;
            }
            if (plan.tasks().stream().anyMatch(t -> t.isLead(u.id()))) {
                leads.add(u.id());
            } else if (named.contains(u.id())) {
                others.add(u.id());
            }
        }
        leads.addAll(others);
        return leads;
    }

    /** 区住建局（责任领导：张三，责任人：李四）、区财政局: each lead unit with the persons the plan names for it on the task. */
    private static String leadsWithPersons(Plan plan, Task t) {
        if (t == null) {
            return "";
        }
        List<String> said = new ArrayList<>();
        for (String u : t.leads()) {
            io.github.duban.model.TaskPerson p = plan.personsOf(t.no(), u);
            List<String> who = new ArrayList<>();
            if (p.leader() != null) {
                who.add("责任领导：" + p.leader());
            }
            if (p.person() != null) {
                who.add("责任人：" + p.person());
            }
            said.add(who.isEmpty() ? u : u + "（" + String.join("，", who) + "）");
        }
        return String.join("、", said);
    }

    /** 任务9“推进建设领域审批制度改革” */
    private static String taskName(Map<Integer, Task> byNo, int no) {
        Task t = byNo.get(no);
        return "任务" + no + (t == null ? "" : io.github.duban.outcome.Text.quoted(cn(t.title())));
    }

    private static List<String> distinct(List<String> items) {
        return List.copyOf(new java.util.LinkedHashSet<>(items));
    }

    private static final String NUMERALS = "一二三四五六七八九十";

    /** 一 … 十, 十一 … 九十九 */
    static String ordinal(int n) {
        if (n <= 10) {
            return String.valueOf(NUMERALS.charAt(n - 1));
        }
        int tens = n / 10;
        int ones = n % 10;
        return (tens > 1 ? String.valueOf(NUMERALS.charAt(tens - 1)) : "") + "十" + (ones == 0 ? "" : String.valueOf(NUMERALS.charAt(ones - 1)));
    }

    /**
     * A sentence in the punctuation of a Chinese document: 「」 and 『』 become “” and ‘’, and a
     * half-width comma, semicolon, colon or bracket written between Chinese characters its full-width
     * form (立行立改,长期坚持 → 立行立改，长期坚持).
     */
    static String cn(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char before = i > 0 ? s.charAt(i - 1) : ' ';
            char after = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
            boolean between = han(before) && (han(after) || after == ' ' && i + 1 == s.length());
            switch (c) {
                case '「' -> b.append('“');
                case '」' -> b.append('”');
                case '『' -> b.append('‘');
                case '』' -> b.append('’');
                case ',' -> b.append(han(before) && han(after) ? '，' : c);
                case ';' -> b.append(han(before) && han(after) ? '；' : c);
                case ':' -> b.append(han(before) && han(after) ? '：' : c);
                case '(' -> b.append(han(before) || han(after) ? '（' : c);
                case ')' -> b.append(han(before) || between ? '）' : c);
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean han(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || c == '”' || c == '“' || c == '）' || c == '（';
    }

    /** A share the summary rule concluded, as "x%". */
    static String percent(BigDecimal share) {
        return number(share) + "%";
    }

    /** A number as plain text without trailing zeros (92, 98.5). */
    static String number(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    /** 2021年5月31日 */
    static String chinese(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** The region or body a title opens with, before its first 关于 (冷水滩区), or "". */
    static String region(String title) {
        int i = title.indexOf("关于");
        return i > 0 && i <= 12 ? title.substring(0, i) : "";
    }

    /**
     * The plan's subject as a title names it: the book title inside 《》 if there is one, else the
     * plan title after 关于; without a leading 关于, a trailing 的实施方案/工作方案/方案, a clause
     * from 向 on, or a trailing 工作 (the title adds its own).
     */
    static String subject(String title) {
        String s = title;
        int open = s.indexOf('《');
        int close = s.lastIndexOf('》');
        if (open >= 0 && close > open) {
            s = s.substring(open + 1, close);
        } else {
            int i = s.indexOf("关于");
            if (i >= 0 && i <= 12) {
                s = s.substring(i);
            }
        }
        if (s.startsWith("关于")) {
            s = s.substring(2);
        }
        for (String end : List.of("的实施方案", "实施方案", "的工作方案", "工作方案", "的方案", "方案", "的建议案", "建议案")) {
            if (s.endsWith(end) && s.length() > end.length()) {
                s = s.substring(0, s.length() - end.length());
                break;
            }
        }
        int to = s.indexOf('向');
        if (to >= 4) {
            s = s.substring(0, to);
        }
        if (s.endsWith("工作") && s.length() > 2) {
            s = s.substring(0, s.length() - 2);
        }
        return s;
    }

    /** A title put inside 《》: its own 《》 become 〈〉. */
    static String nested(String title) {
        return title.replace('《', '〈').replace('》', '〉');
    }
}

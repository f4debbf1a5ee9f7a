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
 * @param issue      第N期: the month's place in the reporting window, from 1
 * @param office     the issuing office
 * @param date       the bulletin's date (the settings' date, else the as-of date)
 * @param dateText   the date in Chinese (2021年5月31日)
 * @param title      关于2021年5月份……工作推进情况的通报
 * @param recipients the 主送 line
 * @param opening    the opening paragraph, ending 现将有关情况通报如下：
 * @param overview   一、总体情况
 * @param problems   二、存在问题
 * @param sanctions  三、通报批评、公开曝光与表扬
 * @param ranking    四、考核得分与排名, one row per scored unit in rank order
 * @param chart      the bar chart of the scores
 * @param board      五、挂图作战, one cell per task in task order
 * @param requirements 六、下一步工作要求, one paragraph each
 * @param closing    an optional closing line before the signature
 * @param copyTo     an optional 抄送 line
 * @param period     the month (2021-05)
 * @param periodText the month in Chinese (2021年5月)
 * @param asOf       the assessment's as-of date
 * @param ruleset    the ruleset fingerprint of the assessment
 * @param planTitle  the plan's full title
 * @param docNumber  the plan's 文号 (may be empty)
 */
public record Bulletin(String series, int issue, String office, LocalDate date, String dateText, String title,
                       String recipients, String opening, Overview overview, Problems problems, Sanctions sanctions,
                       List<RankRow> ranking, Chart chart, List<BoardCell> board, List<String> requirements,
                       String closing, String copyTo, String period, String periodText, LocalDate asOf, String ruleset,
                       String planTitle, String docNumber) {

    public Bulletin {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(overview, "overview");
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
        public Overview {
            paragraphs = List.copyOf(paragraphs);
        }
    }

    /** 二、存在问题: lagging and overdue tasks, report lapses and what inspections found, as sentences. */
    public record Problems(List<TaskProblem> tasks, List<String> reports, List<String> inspections) {
        public Problems {
            tasks = List.copyOf(tasks);
            reports = List.copyOf(reports);
            inspections = List.copyOf(inspections);
        }

        public boolean empty() {
            return tasks.isEmpty() && reports.isEmpty() && inspections.isEmpty();
        }
    }

    /**
     * A lagging or overdue task: its number, title, lead units, light, days overdue (0 when not
     * overdue), points behind schedule ("" when not behind) and the sentence the bulletin prints.
     */
    public record TaskProblem(int task, String title, String leads, Light light, int daysOverdue, String behind,
                              String text) {
    }

    /** 三、: the sanctions issued in the month by level, commendations and early completions. */
    public record Sanctions(List<SanctionItem> criticisms, List<SanctionItem> exposures, List<SanctionItem> notices,
                            List<String> commendations, List<String> early) {
        public Sanctions {
            criticisms = List.copyOf(criticisms);
            exposures = List.copyOf(exposures);
            notices = List.copyOf(notices);
            commendations = List.copyOf(commendations);
            early = List.copyOf(early);
        }

        public boolean empty() {
            return criticisms.isEmpty() && exposures.isEmpty() && notices.isEmpty() && commendations.isEmpty()
                    && early.isEmpty();
        }
    }

    /**
     * One sanction: the unit, the task (0 for a unit-wide matter), the level in Chinese, the
     * sanction's reason, the persons named ("" when none), the rectify-by date ("" when none, else
     * 2021年6月15日) and the plan's 责任领导 / 责任人 of the unit ("" when the plan has none).
     */
    public record SanctionItem(String unit, int task, String level, String reason, String persons, String rectifyBy,
                               String leader, String person) {
    }

    /** A ranking row: 序号, 单位, 得分, 等次 (Chinese and code), 扣分, 加分, 排名, and the score's reason. */
    public record RankRow(int no, String unit, String score, String rating, String ratingCode, String deductions,
                          String bonuses, int rank, String reason) {
    }

    /** The scores as horizontal bars: the drawing's size, the axis ticks and one bar per ranked unit. */
    public record Chart(int width, int height, int left, int plotWidth, int max, List<Tick> ticks, List<Bar> bars,
                        List<LegendItem> legend) {
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
        String region = region(plan.title());
        String office = s.office() != null ? s.office() : region + "督查室";
        String series = s.series() != null ? s.series() : "督查通报";
        LocalDate date = s.date() != null ? s.date() : a.asOf();
        String monthText = m.getYear() + "年" + m.getMonthValue() + "月";
        String subject = s.subject() != null ? s.subject() : subject(plan.title());
        String title = "关于" + monthText + "份" + subject + "工作推进情况的通报";
        String recipients = s.recipients() != null ? s.recipients() : String.join("、", leadUnits(plan));
        String docNo = plan.docNumber() == null ? "" : plan.docNumber();
        String opening = s.opening() != null ? s.opening()
                : "为推动《" + nested(plan.title()) + "》" + (docNo.isEmpty() ? "" : "（" + docNo + "）")
                + "各项任务落地见效，按照“一月一调度、一月一督查、一月一通报”的工作要求，" + office + "对截至"
                + chinese(a.asOf()) + "各责任单位工作推进情况进行了调度督查。现将有关情况通报如下：";
        int dueDay = plan.reporting().dueDay();
        Map<Integer, Task> byNo = tasksByNo(plan);
        List<String> requirements = s.requirements() != null ? s.requirements() : List.of(
                "（一）压实工作责任。各牵头单位要切实履行牵头责任，主要负责同志亲自抓、负总责，对照任务清单逐项推进，确保按时保质完成。",
                "（二）抓好问题整改。本期通报批评、公开曝光的单位要立行立改，在整改时限内将整改情况书面报送" + office + "；逾期未整改的，将升级督办。",
                "（三）按时报送进度。各牵头单位要于每月" + dueDay + "日前报送工作进度，" + office
                        + "将继续实行一月一调度、一月一督查、一月一通报，督查结果纳入年度绩效考核。");
        return new Bulletin(series, issue, office, date, chinese(date), title, recipients, opening,
                overview(a), problems(byNo, a), sanctions(plan, a), ranking(a), chart(a, bands),
                board(byNo, a), requirements, s.closing(), s.copyTo(), m.toString(), monthText, a.asOf(), a.ruleset(),
                plan.title(), docNo);
    }

    // 一、总体情况

    private static Overview overview(Assessment a) {
        MonthSummary m = a.summary();
        if (m == null) {
            return new Overview(0, 0, 0, 0, 0, "", "", "", "", -1, -1, 0, 0, "", 0, 0, "",
                    List.of("本月的考核规则未给出汇总数据。"));
        }
        int tasks = m.tasks();
        int owed = m.reportsOwed();
        int onTime = m.reportsOnTime() == null ? -1 : m.reportsOnTime();
        String rate = onTime >= 0 && owed > 0 ? share(onTime, owed) : "";
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("截至" + chinese(a.asOf()) + "，《实施方案》明确的" + tasks + "项工作任务中，已完成" + m.done() + "项，占比"
                + share(m.done(), tasks) + "；正常推进" + m.onTrack() + "项，占比" + share(m.onTrack(), tasks) + "；滞后" + m.lagging() + "项，占比"
                + share(m.lagging(), tasks) + "；逾期" + m.overdue() + "项，占比" + share(m.overdue(), tasks) + "。");
        if (m.dated() > 0) {
            paragraphs.add("有完成时限的" + m.dated() + "项任务中，" + m.onSchedule() + "项达到序时进度，占比" + share(m.onSchedule(), m.dated()) + "。");
        }
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
        paragraphs.add(r.append("。").toString());
        paragraphs.add("本月共" + m.unitsScored() + "个单位参加考核，予以通报批评" + m.criticisms() + "起、公开曝光" + m.exposures() + "起，表扬"
                + m.commendations() + "次。");
        return new Overview(tasks, m.done(), m.onTrack(), m.lagging(), m.overdue(), share(m.done(), tasks), share(m.onTrack(), tasks),
                share(m.lagging(), tasks), share(m.overdue(), tasks), owed, onTime, m.reportsLate(), m.reportsMissing(), rate,
                m.dated(), m.onSchedule(), share(m.onSchedule(), m.dated()), paragraphs);
    }

    // 二、存在问题

    private static Problems problems(Map<Integer, Task> byNo, Assessment a) {
        List<TaskProblem> tasks = new ArrayList<>();
        for (BoardEntry b : a.board()) {
            if (b.light() != Light.RED && b.light() != Light.YELLOW) {
                continue;
            }
            Task t = byNo.get(b.task());
            String title = t == null ? "" : t.title();
            String leads = t == null ? "" : String.join("、", t.leads());
            int days = b.daysOverdue() == null ? 0 : b.daysOverdue();
            String behind = b.behind() != null && b.behind().signum() > 0 ? number(b.behind().setScale(1, RoundingMode.HALF_UP)) : "";
            StringBuilder text = new StringBuilder("任务" + b.task() + "「" + title + "」（牵头单位：" + leads + "）");
            if (b.deadline() != null) {
                text.append("，完成时限").append(chinese(b.deadline()));
            }
            if (days > 0) {
                text.append("，已逾期").append(days).append("天未完成");
            }
            text.append("，当前进度").append(b.percent()).append("%");
            if (b.schedule() != null) {
                text.append("，序时进度").append(number(b.schedule().setScale(1, RoundingMode.HALF_UP))).append("%");
            }
            if (!behind.isEmpty()) {
                text.append("，低于序时进度").append(behind).append("个百分点");
            }
            if (b.ongoing() && !b.reasons().isEmpty()) {
                text.append("，").append(String.join("；", b.reasons()));
            }
            text.append("（").append(b.light().chinese()).append("）。");
            tasks.add(new TaskProblem(b.task(), title, leads, b.light(), days, behind, text.toString()));
        }
        List<String> reports = new ArrayList<>();
        List<String> inspections = new ArrayList<>();
        for (Finding f : a.findings()) {
            switch (f.kind()) {
                case REPORT_LATE, REPORT_MISSING -> reports.add(f.reason() + "。");
                case WEAK_LEADERSHIP, HOLLOW_MEASURES, LAGGING, PERFUNCTORY, BUCK_PASSING, RECTIFICATION_OVERDUE ->
                        inspections.add(f.reason() + "。");
                default -> {
                }
            }
        }
        return new Problems(tasks, reports, inspections);
    }

    // 三、通报批评、公开曝光与表扬

    private static Sanctions sanctions(Plan plan, Assessment a) {
        List<SanctionItem> criticisms = new ArrayList<>();
        List<SanctionItem> exposures = new ArrayList<>();
        List<SanctionItem> notices = new ArrayList<>();
        for (Sanction x : a.sanctions()) {
            Unit u = plan.unit(x.unit()).orElse(null);
            SanctionItem item = new SanctionItem(x.unit(), x.task() == null ? 0 : x.task(), x.level().chinese(),
                    x.reason() + "。", String.join("、", x.persons()), x.rectifyBy() == null ? "" : chinese(x.rectifyBy()),
                    u == null || u.leader() == null ? "" : u.leader(), u == null || u.person() == null ? "" : u.person());
            switch (x.level()) {
                case CRITICISM -> criticisms.add(item);
                case EXPOSURE -> exposures.add(item);
                case NOTICE -> notices.add(item);
            }
        }
        List<String> commendations = new ArrayList<>();
        List<String> early = new ArrayList<>();
        for (Finding f : a.findings()) {
            if (f.kind() == FindingKind.COMMENDED) {
                commendations.add(f.reason() + "。");
            } else if (f.kind() == FindingKind.TASK_COMPLETED_EARLY) {
                early.add(f.reason() + "。");
            }
        }
        return new Sanctions(criticisms, exposures, notices, commendations, early);
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
            String deadline = b.ongoing() ? (t == null ? "长期坚持" : t.deadline().text())
                    : b.deadline() == null ? "" : chinese(b.deadline());
            String schedule = b.schedule() == null ? "—" : number(b.schedule().setScale(1, RoundingMode.HALF_UP)) + "%";
            cells.add(new BoardCell(b.task(), t == null ? "" : t.title(), t == null ? "" : String.join("、", t.leads()),
                    deadline, b.percent(), schedule, b.light(), b.light().chinese(), b.light().name().toLowerCase(java.util.Locale.ROOT),
                    b.reasons()));
        }
        return cells;
    }

    // helpers

    private static int count(Assessment a, FindingKind kind) {
        return (int) a.findings().stream().filter(f -> f.kind() == kind).count();
    }

    private static List<String> leadUnits(Plan plan) {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (Unit u : plan.units()) {
            if (!u.group() && plan.tasks().stream().anyMatch(t -> t.isLead(u.id()))) {
                seen.put(u.id(), true);
            }
        }
        return List.copyOf(seen.keySet());
    }

    /** The share {@code part / whole} as "x%" to one decimal, trailing ".0" dropped; "0%" when whole is 0. */
    static String share(int part, int whole) {
        if (whole <= 0) {
            return "0%";
        }
        return number(BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP)) + "%";
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

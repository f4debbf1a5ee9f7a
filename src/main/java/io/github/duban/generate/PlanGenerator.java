package io.github.duban.generate;

import io.github.duban.model.Completion;
import io.github.duban.model.Deadline;
import io.github.duban.model.Extension;
import io.github.duban.model.Facts;
import io.github.duban.model.Goal;
import io.github.duban.model.InspectionFinding;
import io.github.duban.model.InspectionKind;
import io.github.duban.model.Plan;
import io.github.duban.model.ProgressReport;
import io.github.duban.model.Rectification;
import io.github.duban.model.ReportingRule;
import io.github.duban.model.Stage;
import io.github.duban.model.Milestone;
import io.github.duban.model.Target;
import io.github.duban.model.Task;
import io.github.duban.model.TaskPerson;
import io.github.duban.model.Unit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic plans and their facts, shaped like a district's supervision year: tasks with one lead
 * (5–10 % with two), a few ongoing ones, deadlines at month ends across the window; reports most
 * months (some late, missing, resubmitted, early, without a percent, or from a unit that does not
 * lead), completions around the deadlines (a few twice), extensions valid and not, inspection
 * findings of every kind (some naming a person, some unit-wide) and rectifications after some of
 * them. Plan {@code i} depends only on the seed and {@code i}, so plans can be made one at a time,
 * in any order, on any thread, and the same seed always gives the same plans. Thread-safe.
 *
 * <p>{@link Spec.Shape#FLAT} plans are exactly those of the generator's first version. In
 * {@link Spec.Shape#NESTED} plans (DESIGN §9) the spec's tasks are the leaves: about one top-level
 * item in eight is a group task of 2–5 leaves (so about a third of the leaves are grouped), each
 * child taking its group's units and persons half the time and its deadline 60 % of the time; 75 %
 * of the tasks with units of their own name persons (责任领导, 责任人) for each lead unit; about a
 * fifth of the dated leaves have a milestone with a percent (some also one without); a tenth have a
 * numeric target, against which 60 % of the reports give only the value reached and 20 % the value
 * beside the percent. Facts name leaves only.
 */
public final class PlanGenerator {

    /**
     * The generator's version, part of {@link Spec#key()}: bump it whenever the same spec would give
     * other bytes, so that caches of generated folders (scripts/bench) are never reused across it.
     * 1: flat plans only; 2: {@link Spec.Shape#NESTED} added (flat plans unchanged).
     */
    public static final int VERSION = 2;

    /** The first month of every generated window. */
    public static final YearMonth FIRST_MONTH = YearMonth.of(2021, 2);

    /** The report due day of every generated plan. */
    public static final int DUE_DAY = 25;

    static final String[] DEPARTMENTS = {"发改局", "财政局", "住建局", "自然资源局", "商务局", "科工信局", "人社局", "市场监管局",
        "交通运输局", "农业农村局", "水利局", "文旅广体局", "卫健局", "教育局", "民政局", "司法局", "公安分局", "税务局",
        "生态环境分局", "应急管理局", "统计局", "医保局", "城管局", "行政审批服务局", "退役军人事务局", "林业局", "审计局",
        "数据局", "工商联", "总工会"};
    static final String[] PERSONS = {"张三", "李四", "王五", "赵六", "钱七", "孙八", "周九", "吴十"};
    static final String[] LEADERS = {"王副区长", "李副区长", "刘副区长", "陈副区长", "杨副区长", "黄副区长"};
    static final String[] MEASURES = {"万元", "个", "家", "公里", "亩"};
    static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    static final String[] VERBS = {"推进", "优化", "落实", "建立", "完善", "深化", "开展", "规范"};
    static final String[] OBJECTS = {"审批流程", "政务服务", "项目建设", "要素保障", "企业帮扶", "监管机制", "信用体系", "招商引资",
        "人才引进", "融资服务"};

    private final Spec spec;

    public PlanGenerator(Spec spec) {
        this.spec = java.util.Objects.requireNonNull(spec, "spec");
    }

    public Spec spec() {
        return spec;
    }

    /** One generated plan: its folder name, the plan and its facts. Immutable and thread-safe. */
    public record Generated(String id, Plan plan, Facts facts) {
    }

    /** The folder name of plan {@code i} (0-based): {@code plan-0001} …, padded to the width of the plan count. */
    public String id(int i) {
        int width = Math.max(4, String.valueOf(spec.plans()).length());
        return "plan-" + String.format("%0" + width + "d", i + 1);
    }

    /** Plan {@code i} (0-based) with its facts. */
    public Generated plan(int i) {
        if (i < 0 || i >= spec.plans()) {
            throw new IllegalArgumentException("plan " + i + " is outside 0.." + (spec.plans() - 1));
        }
        SplittableRandom r = new SplittableRandom(spec.seed() * 0x9E3779B97F4A7C15L + i);
        Plan p = plan(i, r);
        return new Generated(id(i), p, facts(p, r));
    }

    // ------------------------------------------------------------------ the plan

    private Plan plan(int i, SplittableRandom r) {
        YearMonth from = FIRST_MONTH;
        YearMonth to = from.plusMonths(spec.months() - 1L);
        String district = "第" + (i + 1) + "区";
        List<Unit> units = new ArrayList<>();
        for (int u = 0; u < spec.units(); u++) {
            String base = DEPARTMENTS[u % DEPARTMENTS.length];
            String id = "区" + base + (u < DEPARTMENTS.length ? "" : String.valueOf(u / DEPARTMENTS.length + 1));
            List<String> aliases = u % 5 == 0 ? List.of(district + base + (u < DEPARTMENTS.length ? "" : String.valueOf(u / DEPARTMENTS.length + 1))) : List.of();
            String leader = r.nextInt(100) < 60 ? PERSONS[r.nextInt(PERSONS.length)] : null;
            units.add(new Unit(id, id, aliases, false, leader, null));
        }
        units.add(Unit.group("各乡镇"));
        units.add(Unit.group("相关区直单位"));
        int goals = Math.max(1, (spec.tasks() + 9) / 10);
        List<Goal> goalList = new ArrayList<>();
        for (int g = 1; g <= goals; g++) {
            goalList.add(Goal.of(g, "工作目标" + g));
        }
        List<Stage> stages = List.of(new Stage("全面推进", from.atDay(1), to.atEndOfMonth()));
        if (spec.shape() == Spec.Shape.NESTED) {
            return Plan.of("合成实施方案（" + district + "）", "合成督发〔2021〕" + (i + 1) + "号", from.atDay(1).minusDays(7),
                    ReportingRule.of(from, to, DUE_DAY), stages, goalList, units, nestedTasks(r, units, goals));
        }
        int twoLeads = twoLeadCount(r);
        int ongoing = Math.max(1, Math.round(spec.tasks() * 0.03f));
        int twoEvery = Math.max(1, spec.tasks() / Math.max(1, twoLeads));
        int ongoingEvery = Math.max(2, spec.tasks() / ongoing);
        int twoSoFar = 0;
        int ongoingSoFar = 0;
        List<Task> tasks = new ArrayList<>();
        for (int n = 1; n <= spec.tasks(); n++) {
            String lead = units.get(r.nextInt(spec.units())).id();
            List<String> leads = new ArrayList<>(List.of(lead));
            // the two-lead and ongoing tasks are spread over the plan, a fixed number of each
            if ((n - 1) % twoEvery == 0 && twoSoFar < twoLeads) {
                twoSoFar++;
                String second;
                do {
                    second = units.get(r.nextInt(spec.units())).id();
                } while (second.equals(lead));
                leads.add(second);
            }
            List<String> supporting = new ArrayList<>();
            if (r.nextInt(100) < 50) {
                String s = units.get(r.nextInt(spec.units())).id();
                if (!leads.contains(s)) {
                    supporting.add(s);
                }
            }
            if (r.nextInt(100) < 30) {
                supporting.add(r.nextBoolean() ? "各乡镇" : "相关区直单位");
            }
            boolean isOngoing = n % ongoingEvery == 0 && ongoingSoFar < ongoing;
            if (isOngoing) {
                ongoingSoFar++;
            }
            Deadline d;
            if (isOngoing) {
                d = Deadline.ongoing("立行立改，长期坚持");
            } else {
                // month ends from the window's second or third month to one month past its end
                int lo = Math.min(2, spec.months() - 1);
                int offset = lo + r.nextInt(spec.months() - lo + 1);
                YearMonth m = from.plusMonths(offset);
                d = Deadline.of(m.atEndOfMonth(), m.getYear() + "年" + m.getMonthValue() + "月底");
            }
            String title = VERBS[r.nextInt(VERBS.length)] + OBJECTS[r.nextInt(OBJECTS.length)] + n;
            tasks.add(new Task(n, 1 + (n - 1) % goals, title, title + "，按月报送进度。", leads, supporting, d, List.of(), List.of()));
        }
        return Plan.of("合成实施方案（" + district + "）", "合成督发〔2021〕" + (i + 1) + "号", from.atDay(1).minusDays(7),
                ReportingRule.of(from, to, DUE_DAY), stages, goalList, units, tasks);
    }

    // ------------------------------------------------------------------ the nested plan

    /**
     * The tasks of a nested plan: {@code spec.tasks()} leaves spread over the goals in order, each
     * goal's items labelled （一）（二）…; about one item in eight a group task whose children are
     * labelled 1. 2. …
     */
    private List<Task> nestedTasks(SplittableRandom r, List<Unit> units, int goals) {
        List<Task> tasks = new ArrayList<>();
        int no = 0;
        int leaves = 0;
        int goal = 0;
        int item = 0;
        while (leaves < spec.tasks()) {
            int g = 1 + (int) ((long) leaves * goals / spec.tasks());
            if (g != goal) {
                goal = g;
                item = 0;
            }
            item++;
            String label = "（" + numeral(item) + "）";
            int left = spec.tasks() - leaves;
            if (left >= 2 && r.nextInt(8) == 0) {
                int children = Math.min(left, 2 + r.nextInt(4));
                Task group = own(++no, g, label, null, r, units, true);
                tasks.add(group);
                for (int c = 1; c <= children; c++) {
                    boolean units0 = r.nextInt(100) < 50;
                    boolean deadline0 = r.nextInt(100) < 60;
                    Task t = own(++no, g, c + ".", group.no(), r, units, false);
                    List<String> leads = units0 ? List.of() : t.leads();
                    List<String> supporting = units0 ? List.of() : t.supporting();
                    List<TaskPerson> persons = units0 ? List.of() : t.persons();
                    Deadline d = deadline0 ? null : t.deadline();
                    Deadline effective = d != null ? d : group.deadline();
                    tasks.add(new Task(t.no(), g, t.title(), t.measure(), leads, supporting, d, milestones(r, effective), List.of(),
                            group.no(), t.label(), persons, t.target()));
                    leaves++;
                }
            } else {
                Task t = own(++no, g, label, null, r, units, false);
                tasks.add(new Task(t.no(), g, t.title(), t.measure(), t.leads(), t.supporting(), t.deadline(),
                        milestones(r, t.deadline()), List.of(), null, label, t.persons(), t.target()));
                leaves++;
            }
        }
        return tasks;
    }

    /** A task with units, persons, a deadline and (leaves only) perhaps a target of its own; no milestones yet. */
    private Task own(int no, int goal, String label, Integer parent, SplittableRandom r, List<Unit> units, boolean group) {
        String lead = units.get(r.nextInt(spec.units())).id();
        List<String> leads = new ArrayList<>(List.of(lead));
        if (r.nextInt(100) < 7) {
            String second;
            do {
                second = units.get(r.nextInt(spec.units())).id();
            } while (second.equals(lead));
            leads.add(second);
        }
        List<String> supporting = new ArrayList<>();
        if (r.nextInt(100) < 50) {
            String s = units.get(r.nextInt(spec.units())).id();
            if (!leads.contains(s)) {
                supporting.add(s);
            }
        }
        if (r.nextInt(100) < 30) {
            supporting.add(r.nextBoolean() ? "各乡镇" : "相关区直单位");
        }
        List<TaskPerson> persons = new ArrayList<>();
        if (r.nextInt(100) < 75) {
            for (String u : leads) {
                persons.add(TaskPerson.of(u, LEADERS[r.nextInt(LEADERS.length)], PERSONS[r.nextInt(PERSONS.length)]));
            }
        }
        Deadline d;
        if (!group && r.nextInt(100) < 3) {
            d = Deadline.ongoing("立行立改，长期坚持");
        } else {
            int lo = Math.min(2, spec.months() - 1);
            // a group's deadline is its latest step: from the window's second half on
            int first = group ? Math.max(lo, spec.months() / 2) : lo;
            YearMonth m = FIRST_MONTH.plusMonths(first + r.nextInt(spec.months() - first + 1));
            d = Deadline.of(m.atEndOfMonth(), m.getYear() + "年" + m.getMonthValue() + "月底");
        }
        String object = OBJECTS[r.nextInt(OBJECTS.length)];
        String title = group ? "统筹" + object + "工作" + no : VERBS[r.nextInt(VERBS.length)] + object + no;
        Target target = null;
        String measure = title + "，按月报送进度。";
        if (!group && r.nextInt(100) < 10) {
            target = Target.of(BigDecimal.valueOf((10 + r.nextInt(90)) * 100L), MEASURES[r.nextInt(MEASURES.length)]);
            measure = title + "，全年完成" + target.text() + "，按月报送完成量。";
        }
        return new Task(no, goal, title, measure, leads, supporting, d, List.of(), List.of(), parent, label, persons, target);
    }

    /**
     * For about a fifth of the leaves with a date to meet: a milestone at a month end before the
     * deadline's month, with the percent the task should have reached by then in proportion to
     * the time gone; a quarter of them also a first step without a percent (shown, not judged).
     */
    private List<Milestone> milestones(SplittableRandom r, Deadline d) {
        if (d == null || d.ongoing() || r.nextInt(100) >= 22) {
            return List.of();
        }
        YearMonth due = YearMonth.from(d.date());
        YearMonth last = FIRST_MONTH.plusMonths(spec.months() - 1L);
        YearMonth latest = due.minusMonths(1).isBefore(last) ? due.minusMonths(1) : last;
        int span = (int) java.time.temporal.ChronoUnit.MONTHS.between(FIRST_MONTH, latest);
        if (span < 0) {
            return List.of();
        }
        YearMonth m = FIRST_MONTH.plusMonths(r.nextInt(span + 1));
        long gone = java.time.temporal.ChronoUnit.MONTHS.between(FIRST_MONTH, m) + 1;
        long all = java.time.temporal.ChronoUnit.MONTHS.between(FIRST_MONTH, due) + 1;
        int percent = (int) Math.max(10, Math.min(90, Math.round(gone * 10.0 / all) * 10));
        List<Milestone> out = new ArrayList<>();
        if (r.nextInt(100) < 25) {
            out.add(Milestone.of(FIRST_MONTH.getYear() + "年" + FIRST_MONTH.getMonthValue() + "月底前启动",
                    FIRST_MONTH.atEndOfMonth()));
        }
        out.add(Milestone.of(m.getYear() + "年" + m.getMonthValue() + "月底前完成" + percent + "%", m.atEndOfMonth(), percent));
        return out;
    }

    /** 一 … 九十九, as a plan numbers its items. */
    static String numeral(int n) {
        if (n <= 10) {
            return NUMERALS[n - 1];
        }
        int tens = n / 10;
        int ones = n % 10;
        return (tens == 1 ? "" : NUMERALS[tens - 1]) + "十" + (ones == 0 ? "" : NUMERALS[ones - 1]);
    }

    /**
     * The leaves of {@code plan} as a flat plan: each as the plan resolved it (its group's units,
     * deadline and persons where it named none), without parent or label; the same numbers, so the
     * plan's facts fit it. For weighing what nesting costs against the same leaves.
     */
    public static Plan leavesOnly(Plan plan) {
        List<Task> flat = plan.leaves().stream().map(t -> new Task(t.no(), t.goal(), t.title(), t.measure(), t.leads(),
                t.supporting(), t.deadline(), t.milestones(), t.notes(), null, null, t.persons(), t.target())).toList();
        return Plan.of(plan.title(), plan.docNumber(), plan.issuedOn(), plan.reporting(), plan.stages(), plan.goals(), plan.units(), flat);
    }

    /** 5–10 % of the tasks, at least one when there are ten or more. */
    private int twoLeadCount(SplittableRandom r) {
        int lo = (int) Math.ceil(spec.tasks() * 0.05);
        int hi = (int) Math.floor(spec.tasks() * 0.10);
        if (hi < lo) {
            return spec.tasks() >= 10 ? lo : 0;
        }
        return lo + r.nextInt(hi - lo + 1);
    }

    // ------------------------------------------------------------------ the facts

    private Facts facts(Plan p, SplittableRandom r) {
        YearMonth from = p.reporting().from();
        YearMonth to = p.reporting().to();
        LocalDate last = to.atEndOfMonth();
        List<ProgressReport> reports = new ArrayList<>();
        List<Completion> completions = new ArrayList<>();
        List<Extension> extensions = new ArrayList<>();
        List<InspectionFinding> inspections = new ArrayList<>();
        List<Rectification> rectifications = new ArrayList<>();
        List<Unit> scorable = p.units().stream().filter(u -> !u.group()).toList();
        List<Task> leaves = p.leaves();
        for (Task t : leaves) {
            LocalDate dl = t.ongoing() ? null : t.deadline().date();
            LocalDate done = null;
            if (dl != null && r.nextInt(100) < 70) {
                LocalDate d = dl.plusDays(r.nextInt(61) - 40);
                if (!d.isAfter(last) && !d.isBefore(from.atDay(1))) {
                    done = d;
                    completions.add(r.nextInt(100) < 10 ? new Completion(t.no(), d, d.plusDays(r.nextInt(10))) : Completion.of(t.no(), d));
                    if (r.nextInt(100) < 4) {
                        LocalDate again = d.plusDays(1 + r.nextInt(20));
                        if (!again.isAfter(last)) {
                            completions.add(Completion.of(t.no(), again));
                        }
                    }
                }
            }
            if (dl == null && r.nextInt(100) < 20) {
                completions.add(Completion.of(t.no(), from.plusMonths(r.nextInt(spec.months())).atDay(1 + r.nextInt(28))));
            }
            extension(t, dl, r, from, last, extensions);
            for (String lead : t.leads()) {
                reports(p, t, lead, done, r, from, to, reports);
            }
            // a supporting unit reporting directly (set aside)
            if (r.nextInt(100) < 3) {
                Unit u = scorable.get(r.nextInt(scorable.size()));
                if (!t.isLead(u.id())) {
                    YearMonth m = from.plusMonths(r.nextInt(spec.months()));
                    reports.add(new ProgressReport(t.no(), u.id(), m, m.atDay(10 + r.nextInt(15)), 50, "配合单位进度"));
                }
            }
        }
        inspections(p, r, from, last, scorable, inspections, rectifications);
        // lead units rectifying the lateness of a task some days after a month's end
        for (Task t : leaves) {
            if (r.nextInt(100) < 4) {
                YearMonth m = from.plusMonths(r.nextInt(spec.months()));
                LocalDate on = m.atEndOfMonth().plusDays(1 + r.nextInt(25));
                if (!on.isAfter(last)) {
                    rectifications.add(Rectification.of(t.leads().get(r.nextInt(t.leads().size())), t.no(), on));
                }
            }
        }
        return new Facts(reports, completions, extensions, inspections, rectifications);
    }

    private void reports(Plan p, Task t, String lead, LocalDate done, SplittableRandom r, YearMonth from, YearMonth to,
                         List<ProgressReport> out) {
        int percent = 0;
        int step = Math.max(5, 100 / (spec.months() + 1));
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            if (done != null && m.isAfter(YearMonth.from(done))) {
                break;
            }
            int roll = r.nextInt(100);
            if (roll < 6) {
                continue; // missing
            }
            LocalDate on;
            if (roll < 15) {
                on = m.atDay(DUE_DAY).plusDays(1 + r.nextInt(8)); // late, sometimes after the month ends
            } else if (roll < 18) {
                on = m.atDay(1).minusDays(1 + r.nextInt(5)); // before the month starts
            } else {
                on = m.atDay(3 + r.nextInt(DUE_DAY - 2));
            }
            percent = Math.min(100, percent + step / 2 + r.nextInt(step + 1));
            Integer given = r.nextInt(100) < 3 ? null : percent;
            String alias = r.nextInt(100) < 3 ? aliasOf(p, lead) : lead;
            BigDecimal value = null;
            String text = "完成" + percent + "%";
            if (t.target() != null && given != null) {
                // against a target: the value reached alone (60 %), beside the percent (20 %) or the percent alone
                int how = r.nextInt(100);
                if (how < 80) {
                    value = t.target().value().multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP);
                    text = "完成" + value.toPlainString() + t.target().unit();
                    given = how < 60 ? null : given;
                }
            }
            out.add(new ProgressReport(t.no(), alias, m, on, given, text, value));
            if (r.nextInt(100) < 8) {
                int again = Math.min(100, percent + r.nextInt(6));
                out.add(new ProgressReport(t.no(), lead, m, on.plusDays(r.nextInt(4)), again, "更正：完成" + again + "%"));
                percent = again;
            }
        }
    }

    /** An alias the plan lists for the unit, or its id when it has none. */
    private static String aliasOf(Plan p, String lead) {
        return p.unit(lead).map(u -> u.aliases().isEmpty() ? lead : u.aliases().get(0)).orElse(lead);
    }

    private void extension(Task t, LocalDate dl, SplittableRandom r, YearMonth from, LocalDate last, List<Extension> out) {
        if (r.nextInt(100) >= (dl == null ? 5 : 12)) {
            return;
        }
        LocalDate base = dl != null ? dl : from.plusMonths(r.nextInt(spec.months())).atEndOfMonth();
        int kind = r.nextInt(100);
        LocalDate requested;
        LocalDate approved;
        LocalDate newDeadline;
        String reason;
        if (kind < 60) { // in time, later: granted
            requested = base.minusDays(r.nextInt(20));
            approved = requested.plusDays(r.nextInt(8));
            newDeadline = base.plusDays(30L * (1 + r.nextInt(2)));
            reason = "客观原因，申请延期";
        } else if (kind < 75) { // requested after the deadline
            requested = base.plusDays(1 + r.nextInt(10));
            approved = requested.plusDays(r.nextInt(5));
            newDeadline = base.plusDays(30);
            reason = "逾期后申请延期";
        } else if (kind < 87) { // approved before it was requested
            requested = base.minusDays(5 + r.nextInt(5));
            approved = requested.minusDays(1 + r.nextInt(3));
            newDeadline = base.plusDays(30);
            reason = "补办手续";
        } else { // does not move the deadline later
            requested = base.minusDays(1 + r.nextInt(10));
            approved = requested.plusDays(r.nextInt(3));
            newDeadline = base.minusDays(r.nextInt(5));
            reason = "调整计划";
        }
        if (approved.isAfter(last) || approved.isBefore(from.atDay(1).minusMonths(1))) {
            return;
        }
        out.add(new Extension(t.no(), requested, approved, newDeadline, reason));
    }

    private static final InspectionKind[] KINDS = {
        InspectionKind.LAGGING, InspectionKind.LAGGING, InspectionKind.LAGGING, InspectionKind.LAGGING,
        InspectionKind.HOLLOW_MEASURES, InspectionKind.HOLLOW_MEASURES, InspectionKind.HOLLOW_MEASURES,
        InspectionKind.WEAK_LEADERSHIP, InspectionKind.WEAK_LEADERSHIP,
        InspectionKind.PERFUNCTORY, InspectionKind.PERFUNCTORY,
        InspectionKind.BUCK_PASSING,
        InspectionKind.COMMENDED, InspectionKind.COMMENDED, InspectionKind.COMMENDED, InspectionKind.COMMENDED,
        InspectionKind.COMMENDED};

    private void inspections(Plan p, SplittableRandom r, YearMonth from, LocalDate last, List<Unit> scorable,
                             List<InspectionFinding> out, List<Rectification> fixes) {
        List<Task> leaves = p.leaves();
        // about one finding a month per 30 tasks, at least two a month
        int perMonth = Math.max(2, spec.tasks() / 30);
        for (int k = 0; k < spec.months(); k++) {
            YearMonth m = from.plusMonths(k);
            int n = perMonth / 2 + r.nextInt(perMonth + 1);
            for (int i = 0; i < n; i++) {
                Task t = leaves.get(r.nextInt(leaves.size()));
                int who = r.nextInt(100);
                String unit = who < 75 ? t.leads().get(r.nextInt(t.leads().size()))
                        : scorable.get(r.nextInt(scorable.size())).id();
                Integer task = r.nextInt(100) < 85 ? t.no() : null;
                LocalDate on = m.atDay(1 + r.nextInt(m.lengthOfMonth()));
                InspectionKind kind = KINDS[r.nextInt(KINDS.length)];
                String person = r.nextInt(100) < 30 ? PERSONS[r.nextInt(PERSONS.length)] : null;
                out.add(new InspectionFinding(unit, task, kind, on, person, "督查记录：" + kind.chinese()));
                // repeat offences: the same matter again next month
                if (kind != InspectionKind.COMMENDED && r.nextInt(100) < 10 && k + 1 < spec.months()) {
                    out.add(new InspectionFinding(unit, task, kind, m.plusMonths(1).atDay(1 + r.nextInt(28)), null, "再次发现"));
                }
                if (kind != InspectionKind.COMMENDED && r.nextInt(100) < 45) {
                    LocalDate fix = on.plusDays(r.nextInt(26) - 3);
                    if (!fix.isAfter(last)) {
                        fixes.add(Rectification.of(unit, task, fix));
                    }
                }
            }
        }
    }
}

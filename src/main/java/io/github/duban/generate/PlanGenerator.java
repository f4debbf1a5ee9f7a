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
import io.github.duban.model.Task;
import io.github.duban.model.Unit;

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
 */
public final class PlanGenerator {

    /** The first month of every generated window. */
    public static final YearMonth FIRST_MONTH = YearMonth.of(2021, 2);

    /** The report due day of every generated plan. */
    public static final int DUE_DAY = 25;

    static final String[] DEPARTMENTS = {"发改局", "财政局", "住建局", "自然资源局", "商务局", "科工信局", "人社局", "市场监管局",
        "交通运输局", "农业农村局", "水利局", "文旅广体局", "卫健局", "教育局", "民政局", "司法局", "公安分局", "税务局",
        "生态环境分局", "应急管理局", "统计局", "医保局", "城管局", "行政审批服务局", "退役军人事务局", "林业局", "审计局",
        "数据局", "工商联", "总工会"};
    static final String[] PERSONS = {"张三", "李四", "王五", "赵六", "钱七", "孙八", "周九", "吴十"};
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
        List<Stage> stages = List.of(new Stage("全面推进", from.atDay(1), to.atEndOfMonth()));
        return Plan.of("合成实施方案（" + district + "）", "合成督发〔2021〕" + (i + 1) + "号", from.atDay(1).minusDays(7),
                ReportingRule.of(from, to, DUE_DAY), stages, goalList, units, tasks);
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
        for (Task t : p.tasks()) {
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
        for (Task t : p.tasks()) {
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
            out.add(new ProgressReport(t.no(), alias, m, on, given, "完成" + percent + "%"));
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
        // about one finding a month per 30 tasks, at least two a month
        int perMonth = Math.max(2, spec.tasks() / 30);
        for (int k = 0; k < spec.months(); k++) {
            YearMonth m = from.plusMonths(k);
            int n = perMonth / 2 + r.nextInt(perMonth + 1);
            for (int i = 0; i < n; i++) {
                Task t = p.tasks().get(r.nextInt(p.tasks().size()));
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

package io.github.duban.properties;

import io.github.duban.model.Completion;
import io.github.duban.model.Deadline;
import io.github.duban.model.Extension;
import io.github.duban.model.Facts;
import io.github.duban.model.Goal;
import io.github.duban.model.InspectionFinding;
import io.github.duban.model.InspectionKind;
import io.github.duban.model.Milestone;
import io.github.duban.model.Plan;
import io.github.duban.model.Policy;
import io.github.duban.model.ProgressReport;
import io.github.duban.model.Rectification;
import io.github.duban.model.ReportingRule;
import io.github.duban.model.Stage;
import io.github.duban.model.Target;
import io.github.duban.model.Task;
import io.github.duban.model.Unit;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Every generator the property tests use: small plans, facts that fit them, months, mutations
 * and policies. Generators are written as {@code in -> ...} over QuickTheories' primitive
 * generators, so a failing case shrinks towards fewer facts, earlier dates and smaller numbers
 * (every "maybe" draws 0..99 and says yes only on high draws, so it shrinks to "no").
 */
public final class Generators {

    public static final YearMonth FROM = YearMonth.of(2021, 2);
    public static final YearMonth TO = YearMonth.of(2021, 6);
    public static final LocalDate FIRST = FROM.atDay(1);
    public static final LocalDate LAST = TO.atEndOfMonth();
    public static final int DUE_DAY = 25;
    static final int WINDOW_DAYS = (int) ChronoUnit.DAYS.between(FIRST, LAST);

    static final List<String> UNIT_NAMES = List.of("区发改局", "区住建局", "区财政局", "区市场监管局", "区自然资源局", "区人社局");
    static final String GROUP = "各乡镇";
    static final List<String> PERSONS = List.of("张三", "李四");

    private Generators() {
    }

    /** A plan and facts for it. */
    public record Scenario(Plan plan, Facts facts) {
        public Scenario withFacts(Facts f) {
            return new Scenario(plan, f);
        }

        @Override
        public String toString() {
            return describe(plan, facts);
        }
    }

    /** A scenario, a month of its window and a seed (for shuffles and the like). */
    public record MonthCase(Scenario scenario, YearMonth month, long seed) {
        @Override
        public String toString() {
            return "month " + month + ", seed " + seed + "\n" + scenario;
        }
    }

    /** One of the changes DESIGN §7 says can only make a month worse. */
    public record Mutation(String what, Facts after) {
        @Override
        public String toString() {
            return what;
        }
    }

    /** A scenario, a month, a change to its facts, and which facts the previous ledger is built from. */
    public record Worsening(Scenario scenario, YearMonth month, Mutation mutation, boolean ledgerFromMutated) {
        @Override
        public String toString() {
            return "month " + month + ", " + mutation + ", ledger from " + (ledgerFromMutated ? "mutated" : "base")
                    + " facts\n" + scenario;
        }
    }

    // ------------------------------------------------------------------ primitives

    static int between(RandomnessSource in, int lo, int hi) {
        return Generate.range(lo, hi).generate(in);
    }

    /** Yes with about {@code percent} % probability; shrinks to no. */
    static boolean maybe(RandomnessSource in, int percent) {
        return between(in, 0, 99) >= 100 - percent;
    }

    static <T> T pick(RandomnessSource in, List<T> from) {
        return from.get(between(in, 0, from.size() - 1));
    }

    static LocalDate dayInWindow(RandomnessSource in) {
        return FIRST.plusDays(between(in, 0, WINDOW_DAYS));
    }

    static LocalDate dayIn(RandomnessSource in, YearMonth m) {
        return m.atDay(between(in, 1, m.lengthOfMonth()));
    }

    static LocalDate capped(LocalDate d) {
        return d.isAfter(LAST) ? LAST : d;
    }

    static YearMonth month(RandomnessSource in) {
        return FROM.plusMonths(between(in, 0, 4));
    }

    public static Gen<YearMonth> months() {
        return Generators::month;
    }

    // ------------------------------------------------------------------ plans

    /** 2–6 units (sometimes a group as well), 2–8 tasks with 1–2 lead units, some ongoing, deadlines in the window. */
    public static Gen<Plan> plans() {
        return in -> {
            int nUnits = between(in, 2, 6);
            List<String> ids = UNIT_NAMES.subList(0, nUnits);
            List<Unit> units = new ArrayList<>();
            boolean aliases = maybe(in, 50);
            // 区住建局 is also known as 住建局
            ids.forEach(id -> units.add(aliases ? new Unit(id, id, List.of(id.substring(1)), false, null, null) : Unit.of(id)));
            boolean group = maybe(in, 40);
            if (group) {
                units.add(Unit.group(GROUP));
            }
            int nTasks = between(in, 2, 8);
            List<Task> tasks = new ArrayList<>();
            for (int no = 1; no <= nTasks; no++) {
                String lead = pick(in, ids);
                List<String> leads = new ArrayList<>(List.of(lead));
                if (maybe(in, 30)) {
                    String second = pick(in, ids);
                    if (!second.equals(lead)) {
                        leads.add(second);
                    }
                }
                List<String> supporting = new ArrayList<>();
                if (maybe(in, 50)) {
                    String s = group && maybe(in, 50) ? GROUP : pick(in, ids);
                    if (!leads.contains(s)) {
                        supporting.add(s);
                    }
                }
                Deadline deadline;
                if (maybe(in, 20)) {
                    deadline = Deadline.ongoing("立行立改，长期坚持");
                } else if (maybe(in, 30)) {
                    deadline = Deadline.of(dayInWindow(in), null);
                } else {
                    YearMonth m = FROM.plusMonths(between(in, 0, 4));
                    deadline = Deadline.of(m.atEndOfMonth(), "2021年" + m.getMonthValue() + "月底");
                }
                // a milestone with a percent (judged) or without (shown only), on some dated tasks (DESIGN §4)
                List<Milestone> milestones = new ArrayList<>();
                if (!deadline.ongoing() && maybe(in, 30)) {
                    LocalDate on = FIRST.plusDays(between(in, 0, (int) Math.max(0, ChronoUnit.DAYS.between(FIRST, deadline.date()))));
                    milestones.add(Milestone.of("节点" + no, on, maybe(in, 80) ? between(in, 0, 100) : null));
                }
                // a numeric target that reports may give a value against (DESIGN §9)
                Target target = maybe(in, 20) ? Target.of(BigDecimal.valueOf(between(in, 1, 50) * 100L), "万元") : null;
                tasks.add(new Task(no, 1 + (no - 1) % 2, "任务" + no, "措施" + no, leads, supporting, deadline,
                        milestones, List.of(), null, null, List.of(), target));
            }
            if (maybe(in, 30) && nTasks >= 2) {
                // nested measures (DESIGN §9): a task grouping the first two; a child with no leads or
                // deadline of its own takes the group's
                int g = nTasks + 1;
                Task first = tasks.get(0);
                tasks.add(0, new Task(g, 1, "任务" + g, "分组" + g, first.leads(), List.of(), first.deadline(), List.of(), List.of(),
                        null, "一、", List.of(), null));
                for (int i = 1; i <= 2; i++) {
                    Task c = tasks.get(i);
                    boolean inherit = i == 1 && maybe(in, 50);
                    tasks.set(i, new Task(c.no(), c.goal(), c.title(), c.measure(), inherit ? List.of() : c.leads(), c.supporting(),
                            inherit ? null : c.deadline(), inherit ? List.of() : c.milestones(), c.notes(), g, "（" + i + "）",
                            c.persons(), inherit ? null : c.target()));
                }
            }
            return Plan.of("测试方案", "测优组发〔2021〕1号", FIRST,
                    ReportingRule.of(FROM, TO, DUE_DAY),
                    List.of(Stage.of("全面推进", FIRST, LAST)),
                    List.of(Goal.of(1, "目标一"), Goal.of(2, "目标二")), units, tasks);
        };
    }

    static List<String> realUnits(Plan plan) {
        return plan.units().stream().filter(u -> !u.group()).map(Unit::id).toList();
    }

    // ------------------------------------------------------------------ facts

    /** Facts for a plan: see the class comment of each kind below. */
    public static Gen<Facts> facts(Plan plan) {
        return in -> {
            // half the scenarios are orderly (few missing or late reports), so that cases stay low
            // on the ladder and escalation still has somewhere to go
            boolean orderly = maybe(in, 50);
            return new Facts(reports(in, plan, orderly ? 3 : 15, orderly ? 8 : 25), completions(in, plan),
                    extensions(in, plan), inspections(in, plan), rectifications(in, plan));
        };
    }

    /**
     * Lead units' reports: each month most likely a report, on time or late, sometimes resubmitted,
     * sometimes without a percent. Percents never fall along (month, submission) for one
     * (task, unit), the order in which the engine reads a unit's latest percent: a report that
     * lowered the percent would be news whose removal could rightly raise a score (the task would
     * look further along), and the monotonicity property would then not hold by design.
     * Plus, sometimes, reports from units (or the group) that do not lead the task.
     */
    static List<ProgressReport> reports(RandomnessSource in, Plan plan, int skipPercent, int latePercent) {
        List<ProgressReport> out = new ArrayList<>();
        for (Task t : plan.leaves()) {
            for (String u : t.leads()) {
                int percent = 0;
                for (YearMonth m = FROM; !m.isAfter(TO); m = m.plusMonths(1)) {
                    if (maybe(in, skipPercent)) {
                        continue;
                    }
                    LocalDate due = m.atDay(DUE_DAY);
                    LocalDate on = maybe(in, latePercent) ? capped(due.plusDays(between(in, 1, 10))) : m.atDay(between(in, 1, DUE_DAY));
                    int submissions = maybe(in, 20) ? 2 : 1;
                    for (int i = 0; i < submissions; i++) {
                        if (i > 0) {
                            on = capped(on.plusDays(between(in, 0, 10)));
                        }
                        Integer p = null;
                        BigDecimal value = null;
                        if (!maybe(in, 20)) {
                            percent = Math.min(100, percent + between(in, 0, 40));
                            p = percent;
                            if (t.target() != null && maybe(in, 60)) {
                                // the value reached instead of a percent: the same share of the target
                                value = t.target().value().multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100));
                                p = null;
                            }
                        }
                        out.add(new ProgressReport(t.no(), u, m, on, p, null, value));
                    }
                }
            }
        }
        if (!plan.groups().isEmpty() && maybe(in, 20)) {
            // a report against a task that groups others: set aside
            Task g = plan.groups().get(0);
            YearMonth m = month(in);
            out.add(new ProgressReport(g.no(), pick(in, g.leads()), m, dayIn(in, m), between(in, 0, 100), "整体进度"));
        }
        if (maybe(in, 30)) {
            int n = between(in, 1, 2);
            for (int i = 0; i < n; i++) {
                Task t = pick(in, plan.leaves());
                List<String> others = plan.units().stream().map(Unit::id).filter(id -> !t.isLead(id)).toList();
                if (others.isEmpty()) {
                    continue;
                }
                YearMonth m = month(in);
                out.add(new ProgressReport(t.no(), pick(in, others), m, dayIn(in, m),
                        maybe(in, 50) ? between(in, 0, 100) : null, "配合单位进度"));
            }
        }
        return out;
    }

    /** Some dated tasks completed, sometimes twice; sometimes an ongoing task "completed". */
    static List<Completion> completions(RandomnessSource in, Plan plan) {
        List<Completion> out = new ArrayList<>();
        for (Task t : plan.leaves()) {
            if (maybe(in, t.ongoing() ? 20 : 40)) {
                out.add(Completion.of(t.no(), dayInWindow(in)));
                if (maybe(in, 20)) {
                    out.add(Completion.of(t.no(), dayInWindow(in)));
                }
            }
        }
        return out;
    }

    /**
     * Extensions, valid and not: requested in time and moving the deadline later; requested after
     * the deadline; approved before requested; not moving the deadline later; and of ongoing tasks.
     */
    static List<Extension> extensions(RandomnessSource in, Plan plan) {
        List<Extension> out = new ArrayList<>();
        for (Task t : plan.leaves()) {
            int n = maybe(in, t.ongoing() ? 15 : 35) ? (maybe(in, 25) ? 2 : 1) : 0;
            for (int i = 0; i < n; i++) {
                if (t.ongoing()) {
                    LocalDate req = dayInWindow(in);
                    out.add(new Extension(t.no(), req, capped(req.plusDays(between(in, 0, 10))), capped(req.plusDays(30)), "长期任务申请延期"));
                    continue;
                }
                LocalDate d = t.deadline().date();
                int kind = Math.max(0, between(in, 0, 5) - 2);
                if (kind == 0 && d.isBefore(LAST)) {
                    // requested in time; approved soon after, or only weeks later (after the deadline)
                    LocalDate req = FIRST.plusDays(between(in, 0, (int) ChronoUnit.DAYS.between(FIRST, d)));
                    LocalDate appr = capped(req.plusDays(maybe(in, 30) ? between(in, 10, 40) : between(in, 0, 10)));
                    LocalDate nd = capped(d.plusDays(between(in, 1, 45)));
                    out.add(new Extension(t.no(), req, appr, nd, "正当理由"));
                } else if (kind == 1 && d.isBefore(LAST)) {
                    LocalDate req = capped(d.plusDays(between(in, 1, 20)));
                    out.add(new Extension(t.no(), req, capped(req.plusDays(between(in, 0, 5))), capped(req.plusDays(20)), "逾期后申请"));
                } else if (kind == 2 && d.isAfter(FIRST)) {
                    LocalDate req = FIRST.plusDays(between(in, 1, (int) ChronoUnit.DAYS.between(FIRST, d)));
                    LocalDate appr = req.minusDays(between(in, 1, (int) ChronoUnit.DAYS.between(FIRST, req)));
                    out.add(new Extension(t.no(), req, appr, capped(d.plusDays(10)), "先批后报"));
                } else {
                    LocalDate req = FIRST.plusDays(between(in, 0, (int) ChronoUnit.DAYS.between(FIRST, d)));
                    LocalDate appr = capped(req.plusDays(between(in, 0, 10)));
                    LocalDate nd = d.minusDays(between(in, 0, 20));
                    out.add(new Extension(t.no(), req, appr, nd.isBefore(FIRST) ? FIRST : nd, "未延后"));
                }
            }
        }
        return out;
    }

    /** An inspection finding of any kind naming a real unit, with or without a task, sometimes a person. */
    static InspectionFinding inspection(RandomnessSource in, Plan plan, List<InspectionKind> kinds, LocalDate on) {
        String unit = pick(in, realUnits(plan));
        Integer task = maybe(in, 60) ? pick(in, plan.leaves()).no() : null;
        InspectionKind kind = pick(in, kinds);
        String person = maybe(in, 40) ? pick(in, PERSONS) : null;
        return new InspectionFinding(unit, task, kind, on, person, null);
    }

    static List<InspectionFinding> inspections(RandomnessSource in, Plan plan) {
        List<InspectionFinding> out = new ArrayList<>();
        int n = between(in, 0, 4);
        for (int i = 0; i < n; i++) {
            out.add(inspection(in, plan, Arrays.asList(InspectionKind.values()), dayInWindow(in)));
        }
        return out;
    }

    /** Rectifications: mostly of a (lead unit, task) matter, sometimes unit-wide, sometimes of any unit and task. */
    static List<Rectification> rectifications(RandomnessSource in, Plan plan) {
        List<Rectification> out = new ArrayList<>();
        int n = between(in, 0, 6);
        for (int i = 0; i < n; i++) {
            Task t = pick(in, plan.leaves());
            String unit;
            Integer task;
            int kind = between(in, 0, 2);
            if (kind == 0) {
                unit = pick(in, t.leads());
                task = t.no();
            } else if (kind == 1) {
                unit = pick(in, realUnits(plan));
                task = null;
            } else {
                unit = pick(in, realUnits(plan));
                task = t.no();
            }
            out.add(Rectification.of(unit, task, dayInWindow(in)));
        }
        return out;
    }

    public static Gen<Scenario> scenarios() {
        Gen<Plan> plans = plans();
        return in -> {
            Plan p = plans.generate(in);
            return new Scenario(p, facts(p).generate(in));
        };
    }

    public static Gen<MonthCase> monthCases() {
        Gen<Scenario> scenarios = scenarios();
        return in -> new MonthCase(scenarios.generate(in), month(in), Generate.longRange(0, Long.MAX_VALUE).generate(in));
    }

    // ------------------------------------------------------------------ worsening changes (DESIGN §7, third invariant)

    /**
     * A scenario, a month and one change DESIGN §7 says never helps: add an inspection finding
     * other than COMMENDED (mostly dated in the month), or remove a rectification, an extension, a
     * task's only completion, or a (task, unit, month)'s only report.
     */
    public static Gen<Worsening> worsenings() {
        Gen<Scenario> scenarios = scenarios();
        return in -> {
            Scenario s = scenarios.generate(in);
            YearMonth m = month(in);
            Facts f = s.facts();
            List<InspectionKind> bad = Arrays.stream(InspectionKind.values()).filter(k -> k != InspectionKind.COMMENDED).toList();
            InspectionFinding added = inspection(in, s.plan(), bad, maybe(in, 80) ? dayIn(in, m) : dayInWindow(in));
            List<List<Mutation>> kinds = new ArrayList<>();
            kinds.add(List.of(new Mutation("add " + added, with(f, added))));
            kinds.add(f.rectifications().stream().map(r -> new Mutation("remove " + r, without(f, r))).toList());
            kinds.add(f.extensions().stream().map(e -> new Mutation("remove " + e, without(f, e))).toList());
            Map<Integer, List<Completion>> byTask = f.completions().stream()
                    .collect(Collectors.groupingBy(Completion::task, LinkedHashMap::new, Collectors.toList()));
            kinds.add(byTask.values().stream().filter(l -> l.size() == 1).map(l -> l.get(0))
                    .map(c -> new Mutation("remove the only " + c, without(f, c))).toList());
            Map<List<Object>, List<ProgressReport>> byKey = f.reports().stream()
                    .collect(Collectors.groupingBy(r -> List.of(r.task(), r.unit(), r.month()), LinkedHashMap::new, Collectors.toList()));
            kinds.add(byKey.values().stream().filter(l -> l.size() == 1).map(l -> l.get(0))
                    .map(r -> new Mutation("remove the only " + r, without(f, r))).toList());
            List<List<Mutation>> applicable = kinds.stream().filter(l -> !l.isEmpty()).toList();
            // a kind first, then one change of that kind; shrinks towards adding a finding, which always applies
            List<Mutation> options = pick(in, applicable);
            Mutation mu = pick(in, options);
            return new Worsening(s, m, mu, maybe(in, 50));
        };
    }

    static Facts with(Facts f, InspectionFinding i) {
        List<InspectionFinding> l = new ArrayList<>(f.inspections());
        l.add(i);
        return new Facts(f.reports(), f.completions(), f.extensions(), l, f.rectifications());
    }

    static Facts without(Facts f, Object o) {
        return new Facts(drop(f.reports(), o), drop(f.completions(), o), drop(f.extensions(), o),
                drop(f.inspections(), o), drop(f.rectifications(), o));
    }

    private static <T> List<T> drop(List<T> l, Object o) {
        return l.stream().filter(x -> !x.equals(o)).toList();
    }

    // ------------------------------------------------------------------ shuffles

    /** The same facts, every list shuffled by {@code seed}. */
    public static Facts shuffled(Facts f, long seed) {
        Random r = new Random(seed);
        return new Facts(shuffle(f.reports(), r), shuffle(f.completions(), r), shuffle(f.extensions(), r),
                shuffle(f.inspections(), r), shuffle(f.rectifications(), r));
    }

    private static <T> List<T> shuffle(List<T> l, Random r) {
        List<T> copy = new ArrayList<>(l);
        java.util.Collections.shuffle(copy, r);
        return copy;
    }

    /**
     * The same facts, some naming their unit by an alias the plan lists (DESIGN §8: facts may use
     * an id or any alias), some given twice, once by id and once by alias.
     */
    public static Facts renamed(Plan plan, Facts f, long seed) {
        Random r = new Random(seed);
        return new Facts(
                twice(f.reports(), r, x -> new ProgressReport(x.task(), alias(plan, x.unit()), x.month(), x.submittedOn(), x.percent(), x.text(), x.value())),
                f.completions(),
                f.extensions(),
                twice(f.inspections(), r, x -> new InspectionFinding(alias(plan, x.unit()), x.task(), x.kind(), x.on(), x.person(), x.note())),
                twice(f.rectifications(), r, x -> new Rectification(alias(plan, x.unit()), x.task(), x.on())));
    }

    private static String alias(Plan plan, String id) {
        return plan.unit(id).map(u -> u.aliases().isEmpty() ? id : u.aliases().get(0)).orElse(id);
    }

    private static <T> List<T> twice(List<T> l, Random r, java.util.function.UnaryOperator<T> rename) {
        List<T> out = new ArrayList<>();
        for (T x : l) {
            int how = r.nextInt(5);
            if (how <= 1) {
                out.add(x);
            } else if (how <= 3) {
                out.add(rename.apply(x));
            } else {
                out.add(x);
                out.add(rename.apply(x));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ policies

    static BigDecimal points(RandomnessSource in, int maxHalves) {
        return BigDecimal.valueOf(between(in, 0, maxHalves)).divide(BigDecimal.valueOf(2));
    }

    /**
     * Valid policies, deductions much bigger than the defaults (up to −25 a line, −100 for an
     * exposure), any bonus cap up to 10, any thresholds, due day, day counting.
     */
    public static Gen<Policy> policies() {
        return in -> {
            int dueSoonDays = between(in, 0, 60);
            int dueSoonPercent = between(in, 0, 100);
            int earlyDays = between(in, 0, 40);
            int rectifyDays = between(in, 1, 30);
            int redBehind = between(in, 0, 60);
            int yellowBehind = between(in, 0, redBehind);
            BigDecimal late = points(in, 20).negate();
            BigDecimal missing = late.subtract(points(in, 30));
            BigDecimal overdue = points(in, 50).negate();
            BigDecimal notice = points(in, 20).negate();
            BigDecimal criticism = notice.subtract(points(in, 60));
            BigDecimal exposure = criticism.subtract(points(in, 100));
            BigDecimal early = points(in, 20);
            BigDecimal commended = points(in, 20);
            BigDecimal cap = points(in, 20);
            BigDecimal pass = BigDecimal.valueOf(between(in, 0, 100));
            BigDecimal good = pass.add(BigDecimal.valueOf(between(in, 0, 10)));
            BigDecimal excellent = good.add(BigDecimal.valueOf(between(in, 0, 10)));
            Integer dueDay = maybe(in, 30) ? between(in, 1, 31) : null;
            boolean workingDays = maybe(in, 30);
            boolean roll = maybe(in, 30);
            Policy p = new Policy(dueSoonDays, dueSoonPercent, earlyDays, rectifyDays, redBehind, yellowBehind,
                    late, missing, overdue, notice, criticism, exposure, early, commended, cap,
                    excellent, good, pass, dueDay, workingDays, roll);
            BigDecimal milestone = points(in, 20).negate();
            return new Policy(p.dueSoonDays(), p.dueSoonPercent(), p.earlyDays(), p.rectifyDays(), p.redBehind(), p.yellowBehind(),
                    p.reportLate(), p.reportMissing(), p.taskOverdue(), p.notice(), p.criticism(), p.exposure(), p.completedEarly(),
                    p.commended(), p.bonusCap(), p.dueDay(), p.workingDays(), p.rollDueDate(), p.base(), p.lowerBound(),
                    p.upperBound(), p.supportingWeight(), p.bands(), p.caps(), milestone, ceilings(in, p.bands()));
        };
    }

    /** Rating ceilings for these bands: none, the defaults, or any bands no better as the level rises. */
    static Map<String, String> ceilings(RandomnessSource in, List<io.github.duban.model.Band> bands) {
        int how = between(in, 0, 2);
        if (how == 0) {
            return Policy.defaultCeilings(bands);
        }
        Map<String, String> c = new java.util.TreeMap<>();
        if (how == 1) {
            return c;
        }
        int at = 0;
        for (String level : Policy.LEVELS) {
            if (maybe(in, 70)) {
                at = between(in, at, bands.size() - 1);
                c.put(level, bands.get(at).name());
            }
        }
        return c;
    }

    /**
     * Policies of any shape (DESIGN §6): base and bounds, a bonus cap, caps per category, a
     * supporting weight, 1–6 bands, milestone points and rating ceilings, over the points of {@link #policies()}.
     */
    public static Gen<Policy> shapedPolicies() {
        Gen<Policy> plain = policies();
        return in -> {
            Policy p = plain.generate(in);
            BigDecimal lower = BigDecimal.valueOf(between(in, 0, 40));
            BigDecimal base = lower.add(BigDecimal.valueOf(between(in, 0, 100)));
            BigDecimal upper = base.add(p.bonusCap()).add(BigDecimal.valueOf(maybe(in, 30) ? between(in, 0, 10) : 0));
            BigDecimal weight = BigDecimal.valueOf(between(in, 0, 4)).divide(BigDecimal.valueOf(4));
            int n = between(in, 1, 6);
            List<io.github.duban.model.Band> bands = new ArrayList<>();
            BigDecimal bound = upper;
            for (int i = 0; i < n; i++) {
                bound = i == n - 1 ? lower : bound.subtract(BigDecimal.valueOf(between(in, 0, 30))).max(lower);
                bands.add(new io.github.duban.model.Band(i == n - 1 ? "LAST" : "B" + i, i == n - 1 ? "末档" : "第" + (i + 1) + "档", bound));
            }
            Map<String, BigDecimal> caps = new java.util.TreeMap<>();
            for (String c : Policy.CATEGORIES) {
                if (maybe(in, 40)) {
                    caps.put(c, points(in, 40).negate());
                }
            }
            return new Policy(p.dueSoonDays(), p.dueSoonPercent(), p.earlyDays(), p.rectifyDays(), p.redBehind(), p.yellowBehind(),
                    p.reportLate(), p.reportMissing(), p.taskOverdue(), p.notice(), p.criticism(), p.exposure(), p.completedEarly(),
                    p.commended(), p.bonusCap(), p.dueDay(), p.workingDays(), p.rollDueDate(), base, lower, upper, weight, bands, caps,
                    p.milestoneMissed(), ceilings(in, bands));
        };
    }

    // ------------------------------------------------------------------ description

    /** The plan and facts as short lines, the form a counterexample is read and reduced in. */
    public static String describe(Plan plan, Facts f) {
        StringBuilder sb = new StringBuilder();
        sb.append("units ").append(plan.units().stream()
                .map(u -> u.group() ? u.id() + "(group)" : u.aliases().isEmpty() ? u.id() : u.id() + u.aliases()).toList()).append('\n');
        for (Task t : plan.tasks()) {
            sb.append("task ").append(t.no()).append(" leads ").append(t.leads());
            if (!t.supporting().isEmpty()) {
                sb.append(" supporting ").append(t.supporting());
            }
            sb.append(" deadline ").append(t.ongoing() ? "ongoing" : t.deadline() == null ? "-" : t.deadline().date());
            if (t.parent() != null) {
                sb.append(" parent ").append(t.parent());
            }
            t.milestones().forEach(ms -> sb.append(" milestone ").append(ms.date()).append('@').append(ms.percent()));
            if (t.target() != null) {
                sb.append(" target ").append(t.target().text());
            }
            sb.append('\n');
        }
        f.reports().forEach(r -> sb.append("  report(").append(r.task()).append(", ").append(r.unit()).append(", ")
                .append(r.month()).append(", ").append(r.submittedOn()).append(", ").append(r.percent())
                .append(r.value() == null ? "" : ", value " + r.value().toPlainString()).append(")\n"));
        f.completions().forEach(c -> sb.append("  completion(").append(c.task()).append(", ").append(c.completedOn()).append(")\n"));
        f.extensions().forEach(e -> sb.append("  extension(").append(e.task()).append(", req ").append(e.requestedOn())
                .append(", appr ").append(e.approvedOn()).append(", new ").append(e.newDeadline()).append(")\n"));
        f.inspections().forEach(i -> sb.append("  inspection(").append(i.unit()).append(", ").append(i.task()).append(", ")
                .append(i.kind()).append(", ").append(i.on()).append(", ").append(i.person()).append(")\n"));
        f.rectifications().forEach(r -> sb.append("  rectification(").append(r.unit()).append(", ").append(r.task())
                .append(", ").append(r.on()).append(")\n"));
        return sb.toString();
    }
}

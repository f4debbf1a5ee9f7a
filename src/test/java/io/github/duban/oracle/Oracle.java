package io.github.duban.oracle;

import io.github.duban.engine.WorkCalendar;
import io.github.duban.model.Completion;
import io.github.duban.model.Extension;
import io.github.duban.model.Facts;
import io.github.duban.model.InspectionFinding;
import io.github.duban.model.Plan;
import io.github.duban.model.Policy;
import io.github.duban.model.ProgressReport;
import io.github.duban.model.Rectification;
import io.github.duban.model.Task;
import io.github.duban.model.Unit;
import io.github.duban.outcome.EscalationLevel;
import io.github.duban.outcome.FindingKind;
import io.github.duban.outcome.Light;
import io.github.duban.outcome.Rating;
import io.github.duban.outcome.TaskStatus;
import io.github.duban.outcome.Text;
import io.github.duban.oracle.OracleResult.Board;
import io.github.duban.oracle.OracleResult.Case;
import io.github.duban.oracle.OracleResult.Finding;
import io.github.duban.oracle.OracleResult.Ignored;
import io.github.duban.oracle.OracleResult.Sanction;
import io.github.duban.oracle.OracleResult.Score;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A plain-Java reading of one month's assessment, written from DESIGN.md and docs/decisions.md
 * only (never from the rule files), to check the engine against. Each part names the section it
 * carries out. It is deliberately direct: loops over tasks, lead units and cases, no caching
 * beyond what one month needs.
 *
 * <p>The only engine code it uses is {@link WorkCalendar}, for the working-day counts a policy may
 * ask for (DESIGN §3); everything else, the due date included, is computed here.
 */
public final class Oracle {

    /** The working-day calendar the engine uses by default (the State Council schedule). */
    static final WorkCalendar CHINA = WorkCalendar.china();

    /** DESIGN §4 (extensions) and decisions §12: what an extension's approval may close. */
    static final Set<FindingKind> LATENESS = EnumSet.of(FindingKind.TASK_DUE_SOON, FindingKind.TASK_OVERDUE,
            FindingKind.RECTIFICATION_OVERDUE);

    private final Plan plan;
    private final Policy policy;
    private final WorkCalendar calendar;

    public Oracle(Plan plan, Policy policy) {
        this(plan, policy, CHINA);
    }

    public Oracle(Plan plan, Policy policy, WorkCalendar calendar) {
        this.plan = byId(Objects.requireNonNull(plan, "plan"));
        this.policy = Objects.requireNonNull(policy, "policy");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /** One month as of {@code asOf} (null: the month's last day), from the previous month's ledger. */
    public static OracleResult assess(Plan plan, Policy policy, YearMonth period, LocalDate asOf, Facts facts,
                                      OracleLedger previous) {
        return new Oracle(plan, policy).assess(period, asOf, facts, previous);
    }

    /** Every month of the window from its first up to {@code to}, each as of its last day, carrying the ledger. */
    public List<OracleResult> replay(YearMonth to, Facts facts) {
        List<OracleResult> out = new ArrayList<>();
        OracleLedger ledger = null;
        for (YearMonth m = plan.reporting().from(); !m.isAfter(to); m = m.plusMonths(1)) {
            OracleResult r = assess(m, null, facts, ledger);
            out.add(r);
            ledger = r.ledger();
        }
        return out;
    }

    public OracleResult assess(YearMonth period, LocalDate asOf, Facts facts, OracleLedger previous) {
        LocalDate a = asOf != null ? asOf : period.atEndOfMonth();
        // §3, §5 and decisions §2: the month lies in the window, A in the month, the ledger is M−1's
        if (!plan.reporting().covers(period)) {
            throw new IllegalArgumentException("month " + period + " is outside the reporting window");
        }
        if (!YearMonth.from(a).equals(period)) {
            throw new IllegalArgumentException("as-of date " + a + " is not in " + period);
        }
        if (period.equals(plan.reporting().from()) ? previous != null
                : previous == null || !previous.period().equals(period.minusMonths(1))) {
            throw new IllegalArgumentException("assessing " + period + " needs the ledger of the month before (none for the first)");
        }
        return new Month(period, a, known(facts, a), previous).run();
    }

    // ------------------------------------------------------------------ facts (§3, §8, decisions §1, §3)

    /** §8: units are named by id; a task naming its lead or supporting unit by an alias names the same unit. */
    private static Plan byId(Plan p) {
        List<Task> tasks = new ArrayList<>();
        for (Task t : p.tasks()) {
            List<String> leads = t.leads().stream().map(n -> p.unit(n).orElseThrow().id()).distinct().toList();
            List<String> supporting = t.supporting().stream().map(n -> p.unit(n).orElseThrow().id()).distinct().toList();
            tasks.add(new Task(t.no(), t.goal(), t.title(), t.measure(), leads, supporting, t.deadline(), t.milestones(), t.notes(),
                    t.parent(), t.label(), t.persons(), t.target()));
        }
        return new Plan(p.title(), p.docNumber(), p.issuedOn(), p.reporting(), p.stages(), p.goals(), p.units(), tasks);
    }

    /** Units by id (an alias names the same unit), facts after A left out, identical facts once. */
    private Facts known(Facts f, LocalDate a) {
        List<ProgressReport> reports = new ArrayList<>();
        for (ProgressReport r : f.reports()) {
            if (!r.submittedOn().isAfter(a)) {
                reports.add(new ProgressReport(r.task(), unit(r.unit()).id(), r.month(), r.submittedOn(), r.percent(), r.text(), r.value()));
            }
        }
        List<Completion> completions = f.completions().stream().filter(c -> !c.completedOn().isAfter(a)).toList();
        List<Extension> extensions = f.extensions().stream().filter(e -> !e.approvedOn().isAfter(a)).toList();
        List<InspectionFinding> inspections = new ArrayList<>();
        for (InspectionFinding i : f.inspections()) {
            if (!i.on().isAfter(a)) {
                inspections.add(new InspectionFinding(id(i.unit()), i.task(), i.kind(), i.on(), i.person(), i.note()));
            }
        }
        List<Rectification> rectifications = new ArrayList<>();
        for (Rectification r : f.rectifications()) {
            if (!r.on().isAfter(a)) {
                rectifications.add(new Rectification(id(r.unit()), r.task(), r.on()));
            }
        }
        return new Facts(reports, completions, extensions, inspections, rectifications);
    }

    private Unit unit(String name) {
        return plan.unit(name).orElseThrow(() -> new IllegalArgumentException("unknown unit " + name));
    }

    /** Inspections and rectifications name one unit, never a group. */
    private String id(String name) {
        Unit u = unit(name);
        if (u.group()) {
            throw new IllegalArgumentException(name + " is a group");
        }
        return u.id();
    }

    // ------------------------------------------------------------------ time (§3, decisions §6, §7)

    /** The report due date of a month: the policy's or the plan's due day, capped at the month's end, rolled if asked. */
    LocalDate dueDate(YearMonth m) {
        int day = policy.dueDay() != null ? policy.dueDay() : plan.reporting().dueDay();
        LocalDate due = m.atDay(Math.min(day, m.lengthOfMonth()));
        if (policy.rollDueDate()) {
            while (!calendar.isWorkingDay(due)) {
                due = due.plusDays(1);
            }
        }
        return due;
    }

    /** Days late, days overdue: plain difference, or working days in (a, b]. */
    int days(LocalDate a, LocalDate b) {
        return policy.workingDays() ? calendar.workingDaysBetween(a, b) : (int) ChronoUnit.DAYS.between(a, b);
    }

    /** The rectify-by date of a case first criticised as of A: A + rectifyDays, or the rectifyDays-th working day after A. */
    LocalDate rectifyBy(LocalDate a) {
        return policy.workingDays() ? calendar.nthWorkingDayAfter(a, policy.rectifyDays()) : a.plusDays(policy.rectifyDays());
    }

    static int calendarDays(LocalDate a, LocalDate b) {
        return (int) ChronoUnit.DAYS.between(a, b);
    }

    /** §5: the table level of a finding; null for those that carry none (COMMENDED, EARLY). */
    static EscalationLevel tableLevel(FindingKind k) {
        return switch (k) {
            case REPORT_LATE, TASK_DUE_SOON, MILESTONE_MISSED -> EscalationLevel.NOTICE;
            case REPORT_MISSING, TASK_OVERDUE, WEAK_LEADERSHIP, HOLLOW_MEASURES, LAGGING -> EscalationLevel.CRITICISM;
            case PERFUNCTORY, BUCK_PASSING, RECTIFICATION_OVERDUE -> EscalationLevel.EXPOSURE;
            case COMMENDED, TASK_COMPLETED_EARLY -> null;
        };
    }

    /** §4: discrete findings are offences of their own; the persistent ones describe a state. */
    static boolean discrete(FindingKind k) {
        return switch (k) {
            case REPORT_LATE, REPORT_MISSING, WEAK_LEADERSHIP, HOLLOW_MEASURES, LAGGING, PERFUNCTORY, BUCK_PASSING, MILESTONE_MISSED -> true;
            default -> false;
        };
    }

    static EscalationLevel max(EscalationLevel a, EscalationLevel b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.compareTo(b) >= 0 ? a : b;
    }

    static EscalationLevel above(EscalationLevel l) {
        return l == EscalationLevel.EXPOSURE ? l : EscalationLevel.values()[l.ordinal() + 1];
    }

    record Key(String unit, Integer task) {
    }

    // ------------------------------------------------------------------ one month

    private final class Month {
        final YearMonth m;
        final LocalDate a;
        final Facts f;
        final OracleLedger previous;
        final LocalDate due;

        final List<Finding> findings = new ArrayList<>();
        final List<Sanction> sanctions = new ArrayList<>();
        final List<Case> cases = new ArrayList<>();
        final List<Ignored> ignored = new ArrayList<>();

        /** The completion that counts, per task (dated tasks only). */
        final Map<Integer, Completion> counted = new HashMap<>();
        /** The deadline in force at A, per dated task (§4 extensions). */
        final Map<Integer, LocalDate> inForce = new HashMap<>();
        /** Approval dates of the valid extensions, per task. */
        final Map<Integer, List<LocalDate>> granted = new HashMap<>();
        /** A lead unit's latest percent, per (task, unit); absent when unknown. */
        final Map<Key, Integer> latest = new HashMap<>();

        Month(YearMonth m, LocalDate a, Facts f, OracleLedger previous) {
            this.m = m;
            this.a = a;
            this.f = f;
            this.previous = previous;
            this.due = dueDate(m);
        }

        boolean inMonth(LocalDate d) {
            return YearMonth.from(d).equals(m);
        }

        OracleResult run() {
            completions();
            extensions();
            reportsAndLateness();
            milestones();
            inspections();
            rectificationOverdue();
            escalate();
            List<Score> scores = scores();
            List<Board> board = board();
            return new OracleResult(m, a, findings, sanctions, scores, board, cases, ignored, counts(board));
        }

        // -------------------------------------------------------------- §4: one completion counts

        /**
         * The earliest completion of a dated task counts; later ones are set aside, and so is every
         * completion of an ongoing task, each listed in the month of its date.
         */
        void completions() {
            Map<Integer, List<Completion>> byTask = new TreeMap<>();
            for (Completion c : f.completions()) {
                byTask.computeIfAbsent(c.task(), k -> new ArrayList<>()).add(c);
            }
            for (Map.Entry<Integer, List<Completion>> e : byTask.entrySet()) {
                Task t = plan.task(e.getKey()).orElseThrow();
                List<Completion> list = new ArrayList<>(e.getValue());
                list.sort(null);
                for (int i = 0; i < list.size(); i++) {
                    Completion c = list.get(i);
                    if (!t.ongoing() && i == 0) {
                        counted.put(t.no(), c);
                    } else if (inMonth(c.completedOn())) {
                        ignored.add(new Ignored("completion", t.no(), null, c.completedOn(),
                                t.ongoing() ? "ongoing task" : "not the first completion"));
                    }
                }
            }
        }

        // -------------------------------------------------------------- §4 extensions, decisions §8–10

        /**
         * Extensions judged in order (approval, request, new deadline, reason), each against the
         * deadline in force from those granted before it: on its request date (asked in time?) and on
         * its approval date (does it move the deadline later?). Set-aside ones are listed in the
         * month of their approval.
         */
        void extensions() {
            for (Task t : plan.leaves()) {
                if (!t.ongoing()) {
                    inForce.put(t.no(), t.deadline().date());
                }
            }
            List<Extension> all = new ArrayList<>(f.extensions());
            all.sort(null);
            Map<Integer, List<Extension>> grantedExt = new HashMap<>();
            for (Extension e : all) {
                Task t = plan.task(e.task()).orElseThrow();
                String why = null;
                if (t.ongoing()) {
                    why = "ongoing task";
                } else if (e.approvedOn().isBefore(e.requestedOn())) {
                    why = "approved before requested";
                } else {
                    List<Extension> before = grantedExt.getOrDefault(t.no(), List.of());
                    LocalDate atRequest = deadlineOn(t, before, e.requestedOn());
                    LocalDate atApproval = deadlineOn(t, before, e.approvedOn());
                    if (e.requestedOn().isAfter(atRequest)) {
                        why = "requested after the deadline " + atRequest;
                    } else if (!e.newDeadline().isAfter(atApproval)) {
                        why = "does not move the deadline " + atApproval + " later";
                    }
                }
                if (why == null) {
                    grantedExt.computeIfAbsent(t.no(), k -> new ArrayList<>()).add(e);
                    granted.computeIfAbsent(t.no(), k -> new ArrayList<>()).add(e.approvedOn());
                    inForce.put(t.no(), e.newDeadline());
                } else if (inMonth(e.approvedOn())) {
                    ignored.add(new Ignored("extension", t.no(), null, e.approvedOn(), why));
                }
            }
        }

        /** The deadline in force on date d: set by the latest granted approval on or before d, else the original. */
        LocalDate deadlineOn(Task t, List<Extension> grantedBefore, LocalDate d) {
            LocalDate dl = t.deadline().date();
            for (Extension g : grantedBefore) {
                if (!g.approvedOn().isAfter(d)) {
                    dl = g.newDeadline();
                }
            }
            return dl;
        }

        boolean done(Task t) {
            return !t.ongoing() && counted.containsKey(t.no());
        }

        // -------------------------------------------------------------- §4 reports, due soon, overdue, early

        void reportsAndLateness() {
            Map<Key, List<ProgressReport>> leadReports = new HashMap<>();
            for (ProgressReport r : f.reports()) {
                Task t = plan.task(r.task()).orElseThrow();
                if (plan.isGroup(t.no())) {
                    // §9: a task that groups others owes no report; one sent against it is set aside
                    if (r.month().equals(m)) {
                        ignored.add(new Ignored("report", t.no(), r.unit(), r.submittedOn(), "a group"));
                    }
                    continue;
                }
                if (!t.isLead(r.unit())) {
                    // supporting units report to their lead unit: set aside, in the report's month
                    if (r.month().equals(m)) {
                        ignored.add(new Ignored("report", t.no(), r.unit(), r.submittedOn(), "not a lead unit"));
                    }
                    continue;
                }
                if (r.month().isAfter(m)) {
                    continue; // reports for months after M play no part in M
                }
                leadReports.computeIfAbsent(new Key(r.unit(), t.no()), k -> new ArrayList<>()).add(r);
            }
            for (Task t : plan.leaves()) {
                Completion c = counted.get(t.no());
                for (String lead : t.leads()) {
                    Key key = new Key(lead, t.no());
                    List<ProgressReport> rs = leadReports.getOrDefault(key, List.of());
                    // the latest percent: latest month, then latest submission (ties: higher percent); no percent skipped;
                    // a value against the task's target gives its percent (§9)
                    rs.stream().filter(r -> r.percent() != null || r.value() != null).max(Comparator.naturalOrder())
                            .ifPresent(r -> latest.put(key, percentOf(r, t)));
                    // a report is owed for every month up to the one the task is completed in (ongoing: all)
                    boolean owed = c == null || !m.isAfter(YearMonth.from(c.completedOn()));
                    // a completion on or before the due date stands for the month's report
                    boolean standsFor = c != null && inMonth(c.completedOn()) && !c.completedOn().isAfter(due);
                    if (owed && !standsFor) {
                        LocalDate first = rs.stream().filter(r -> r.month().equals(m)).map(ProgressReport::submittedOn)
                                .min(Comparator.naturalOrder()).orElse(null);
                        if (first != null && first.isAfter(due)) {
                            findings.add(new Finding(FindingKind.REPORT_LATE, lead, t.no(), first, days(due, first), null));
                        } else if (first == null && a.isAfter(due)) {
                            findings.add(new Finding(FindingKind.REPORT_MISSING, lead, t.no(), a, null, null));
                        }
                    }
                }
                if (t.ongoing() || done(t)) {
                    if (done(t) && inMonth(c.completedOn())) {
                        int early = calendarDays(c.completedOn(), t.deadline().date());
                        if (early >= policy.earlyDays()) {
                            for (String lead : t.leads()) {
                                findings.add(new Finding(FindingKind.TASK_COMPLETED_EARLY, lead, t.no(), c.completedOn(), early, null));
                            }
                        }
                    }
                    continue;
                }
                LocalDate dl = inForce.get(t.no());
                if (a.isAfter(dl)) {
                    for (String lead : t.leads()) {
                        findings.add(new Finding(FindingKind.TASK_OVERDUE, lead, t.no(), a, days(dl, a), null));
                    }
                }
                for (String lead : t.leads()) {
                    if (dueSoon(t, lead)) {
                        findings.add(new Finding(FindingKind.TASK_DUE_SOON, lead, t.no(), a, calendarDays(a, dl), null));
                    }
                }
            }
        }

        /** §9: a report's percent, else its value's share of the task's target, rounded down, at most 100. */
        int percentOf(ProgressReport r, Task t) {
            if (r.percent() != null) {
                return r.percent();
            }
            BigDecimal p = r.value().multiply(BigDecimal.valueOf(100)).divide(t.target().value(), 0, RoundingMode.FLOOR);
            return Math.min(100, p.intValue());
        }

        // -------------------------------------------------------------- §4 milestones

        /**
         * A milestone with a percent, dated in M and on or before A, of a task with no completion
         * on or before its date: each lead whose latest percent as reported on or before that date
         * (unknown: 0) is below it has missed it, dated by the milestone.
         */
        void milestones() {
            for (Task t : plan.leaves()) {
                for (io.github.duban.model.Milestone ms : t.milestones()) {
                    if (ms.percent() == null || ms.date() == null || !inMonth(ms.date()) || ms.date().isAfter(a)) {
                        continue;
                    }
                    Completion c = t.ongoing() ? null : counted.get(t.no());
                    if (c != null && !c.completedOn().isAfter(ms.date())) {
                        continue;
                    }
                    for (String lead : t.leads().stream().distinct().toList()) {
                        int reached = f.reports().stream()
                                .filter(r -> r.task() == t.no() && r.unit().equals(lead) && !r.month().isAfter(m)
                                        && !r.submittedOn().isAfter(ms.date()) && (r.percent() != null || r.value() != null))
                                .max(Comparator.naturalOrder()).map(r -> percentOf(r, t)).orElse(0);
                        if (reached < ms.percent()) {
                            findings.add(new Finding(FindingKind.MILESTONE_MISSED, lead, t.no(), ms.date(), null, null));
                        }
                    }
                }
            }
        }

        /** §4 TASK_DUE_SOON: dated, uncompleted, 0 ≤ deadline − A ≤ dueSoonDays, own latest percent below the bar or unknown. */
        boolean dueSoon(Task t, String lead) {
            if (t.ongoing() || done(t)) {
                return false;
            }
            int left = calendarDays(a, inForce.get(t.no()));
            if (left < 0 || left > policy.dueSoonDays()) {
                return false;
            }
            Integer p = latest.get(new Key(lead, t.no()));
            return p == null || p < policy.dueSoonPercent();
        }

        // -------------------------------------------------------------- §4 inspections

        void inspections() {
            for (InspectionFinding i : f.inspections()) {
                if (inMonth(i.on())) {
                    findings.add(new Finding(FindingKind.valueOf(i.kind().name()), i.unit(), i.task(), i.on(), null, i.person()));
                }
            }
        }

        // -------------------------------------------------------------- §5 closing events

        /**
         * The earliest event on or after {@code from} (and on or before A) that closes the case
         * (decisions §11–13): a rectification of the same unit and the same task (or both
         * unit-wide), the counted completion of its task, or, for a case raised only by lateness, a
         * valid extension's approval.
         */
        LocalDate closing(Key key, Set<FindingKind> raisedBy, LocalDate from, LocalDate to) {
            List<LocalDate> events = new ArrayList<>();
            for (Rectification r : f.rectifications()) {
                if (r.unit().equals(key.unit()) && Objects.equals(r.task(), key.task())) {
                    events.add(r.on());
                }
            }
            if (key.task() != null) {
                Completion c = counted.get(key.task());
                if (c != null) {
                    events.add(c.completedOn());
                }
                if (LATENESS.containsAll(raisedBy)) {
                    events.addAll(granted.getOrDefault(key.task(), List.of()));
                }
            }
            return events.stream().filter(d -> !d.isBefore(from) && !d.isAfter(to)).min(Comparator.naturalOrder()).orElse(null);
        }

        /**
         * §5 RECTIFICATION_OVERDUE, from the previous month's ledger only (decisions §14): the case
         * was at CRITICISM, its rectify-by date is before A, and nothing closed it on or before that
         * date. Dated the day after the rectify-by date.
         */
        void rectificationOverdue() {
            if (previous == null) {
                return;
            }
            for (Case c : previous.cases()) {
                if (c.level() == EscalationLevel.CRITICISM && c.rectifyBy() != null && c.rectifyBy().isBefore(a)
                        && closing(new Key(c.unit(), c.task()), c.raisedBy(), c.raisedOn(), c.rectifyBy()) == null) {
                    LocalDate on = c.rectifyBy().plusDays(1);
                    findings.add(new Finding(FindingKind.RECTIFICATION_OVERDUE, c.unit(), c.task(), on, null, null));
                }
            }
        }

        // -------------------------------------------------------------- §5 the ladder

        void escalate() {
            Map<Key, Case> before = new LinkedHashMap<>();
            if (previous != null) {
                for (Case c : previous.cases()) {
                    before.put(new Key(c.unit(), c.task()), c);
                }
            }
            Map<Key, List<Finding>> onCase = new LinkedHashMap<>();
            for (Finding x : findings) {
                if (tableLevel(x.kind()) != null) {
                    onCase.computeIfAbsent(new Key(x.unit(), x.task()), k -> new ArrayList<>()).add(x);
                }
            }
            Set<Key> keys = new LinkedHashSet<>(before.keySet());
            keys.addAll(onCase.keySet());
            for (Key key : keys) {
                Case prev = before.get(key);
                List<Finding> fs = onCase.getOrDefault(key, List.of());
                if (fs.isEmpty()) {
                    // a quiet month: the case stands as the ledger left it, unless something closes it
                    LocalDate closed = closing(key, prev.raisedBy(), prev.raisedOn(), a);
                    if (closed == null && prev.level() == EscalationLevel.NOTICE) {
                        closed = a; // a notice with no finding in the month closes on A (decisions §13)
                    }
                    cases.add(new Case(key.unit(), key.task(), prev.level(), prev.rectifyBy(), closed == null,
                            prev.raisedOn(), prev.raisedBy(), closed));
                    continue;
                }
                // each finding gives its table level; a discrete one on a case open in the ledger at L
                // gives at least one above L; the case ends at the highest, never below the ledger's
                Map<Finding, EscalationLevel> gives = new LinkedHashMap<>();
                EscalationLevel top = null;
                for (Finding x : fs) {
                    EscalationLevel g = tableLevel(x.kind());
                    if (prev != null && discrete(x.kind())) {
                        g = max(g, above(prev.level()));
                    }
                    gives.put(x, g);
                    top = max(top, g);
                }
                boolean lifted = prev == null || top.compareTo(prev.level()) > 0;
                EscalationLevel level = prev == null ? top : max(prev.level(), top);
                LocalDate raisedOn;
                Set<FindingKind> raisedBy;
                LocalDate rectify;
                if (lifted) {
                    // decisions §11, §12: the latest-dated of the findings that gave the level reached
                    List<Finding> givers = fs.stream().filter(x -> gives.get(x) == level).toList();
                    raisedOn = givers.stream().map(Finding::on).max(Comparator.naturalOrder()).orElseThrow();
                    raisedBy = EnumSet.noneOf(FindingKind.class);
                    if (prev != null) {
                        raisedBy.addAll(prev.raisedBy());
                    }
                    givers.forEach(x -> raisedBy.add(x.kind()));
                    // §5, decisions §15: a rectify-by date when first criticised; kept when lifted to exposure
                    if (level == EscalationLevel.CRITICISM) {
                        rectify = rectifyBy(a);
                    } else if (level == EscalationLevel.EXPOSURE) {
                        rectify = prev != null ? prev.rectifyBy() : null;
                    } else {
                        rectify = null;
                    }
                    // §5: a sanction for the level reached, naming the persons its findings named
                    Set<String> persons = new TreeSet<>(Text.ORDER);
                    givers.stream().map(Finding::person).filter(Objects::nonNull).forEach(persons::add);
                    sanctions.add(new Sanction(level, key.unit(), key.task(), m,
                            level == EscalationLevel.CRITICISM ? rectify : null, List.copyOf(persons)));
                } else {
                    raisedOn = prev.raisedOn();
                    raisedBy = prev.raisedBy();
                    rectify = prev.rectifyBy();
                }
                LocalDate closed = closing(key, raisedBy, raisedOn, a);
                cases.add(new Case(key.unit(), key.task(), level, rectify, closed == null, raisedOn,
                        Set.copyOf(raisedBy), closed));
            }
        }

        // -------------------------------------------------------------- §6 scores

        List<Score> scores() {
            Set<String> scored = new LinkedHashSet<>();
            for (Task t : plan.leaves()) {
                scored.addAll(t.leads());
            }
            for (Finding x : findings) {
                scored.add(x.unit());
            }
            Map<String, BigDecimal> total = new HashMap<>();
            Map<String, BigDecimal> minusOf = new HashMap<>();
            Map<String, BigDecimal> plusOf = new HashMap<>();
            for (String u : scored) {
                // per category of deduction (reports, tasks, sanctions), each line at the unit's weight for its task
                Map<String, BigDecimal> deductions = new HashMap<>();
                BigDecimal bonuses = BigDecimal.ZERO;
                for (Finding x : findings) {
                    if (!x.unit().equals(u)) {
                        continue;
                    }
                    BigDecimal w = weight(u, x.task());
                    switch (x.kind()) {
                        case REPORT_LATE -> deductions.merge("reports", policy.reportLate().multiply(w), BigDecimal::add);
                        case REPORT_MISSING -> deductions.merge("reports", policy.reportMissing().multiply(w), BigDecimal::add);
                        case MILESTONE_MISSED -> deductions.merge("reports", policy.milestoneMissed().multiply(w), BigDecimal::add);
                        case TASK_OVERDUE -> deductions.merge("tasks", policy.taskOverdue().multiply(w), BigDecimal::add);
                        case TASK_COMPLETED_EARLY -> bonuses = bonuses.add(policy.completedEarly().multiply(w));
                        case COMMENDED -> bonuses = bonuses.add(policy.commended().multiply(w));
                        default -> {
                        }
                    }
                }
                for (Sanction s : sanctions) {
                    if (s.unit().equals(u)) {
                        deductions.merge("sanctions", policy.sanction(s.level().name()).multiply(weight(u, s.task())), BigDecimal::add);
                    }
                }
                // deductions: each category's sum, at most its cap (what the cap gives back counts against them);
                // bonuses: their sum, at most the bonus cap
                BigDecimal minus = BigDecimal.ZERO;
                for (Map.Entry<String, BigDecimal> d : deductions.entrySet()) {
                    BigDecimal cap = policy.caps().get(d.getKey());
                    minus = minus.add(cap == null ? d.getValue() : d.getValue().max(cap));
                }
                BigDecimal plus = bonuses.min(policy.bonusCap());
                BigDecimal score = policy.base().add(minus).add(plus).max(policy.lowerBound()).min(policy.upperBound());
                total.put(u, score.stripTrailingZeros());
                minusOf.put(u, minus.stripTrailingZeros());
                plusOf.put(u, plus.stripTrailingZeros());
            }
            List<String> order = new ArrayList<>(scored);
            order.sort(Comparator.comparing((String u) -> total.get(u)).reversed().thenComparing(Text.ORDER));
            List<Score> out = new ArrayList<>();
            for (String u : order) {
                BigDecimal s = total.get(u);
                int rank = 1 + (int) order.stream().filter(v -> total.get(v).compareTo(s) > 0).count();
                out.add(new Score(u, s, ceiled(u, rating(s)), rank, minusOf.get(u), plusOf.get(u)));
            }
            return out;
        }

        /** The unit's weight for a matter: the policy's supporting weight on a task it does not lead, else 1. */
        BigDecimal weight(String unit, Integer task) {
            if (task == null) {
                return BigDecimal.ONE;
            }
            for (Task t : plan.tasks()) {
                if (t.no() == task && !t.leads().contains(unit)) {
                    return policy.supportingWeight();
                }
            }
            return BigDecimal.ONE;
        }

        /** §6 ratingCeilings: a unit issued a sanction of level L this month is rated no better than L's ceiling. */
        Rating ceiled(String unit, Rating r) {
            int at = policy.bandIndex(r.name());
            Rating out = r;
            for (Sanction s : sanctions) {
                io.github.duban.model.Band c = s.unit().equals(unit) ? policy.ceilingOf(s.level().name()) : null;
                if (c != null && policy.bandIndex(c.name()) > at) {
                    at = policy.bandIndex(c.name());
                    out = new Rating(c.name(), c.chinese());
                }
            }
            return out;
        }

        Rating rating(BigDecimal s) {
            for (io.github.duban.model.Band b : policy.bands()) {
                if (s.compareTo(b.lower()) >= 0) {
                    return new Rating(b.name(), b.chinese());
                }
            }
            io.github.duban.model.Band last = policy.bands().get(policy.bands().size() - 1);
            return new Rating(last.name(), last.chinese());
        }

        // -------------------------------------------------------------- §4 the task board

        List<Board> board() {
            List<Board> out = new ArrayList<>();
            LocalDate start = plan.reporting().start();
            for (Task t : plan.leaves()) {
                int lowest = t.leads().stream().mapToInt(u -> latest.getOrDefault(new Key(u, t.no()), 0)).min().orElse(0);
                boolean missing = has(FindingKind.REPORT_MISSING, t);
                boolean late = has(FindingKind.REPORT_LATE, t);
                // §4: a case on the task open at A at criticism makes it at least yellow, at exposure red
                boolean exposed = openAt(EscalationLevel.EXPOSURE, t);
                boolean criticised = openAt(EscalationLevel.CRITICISM, t);
                if (t.ongoing()) {
                    Light light = missing || exposed ? Light.RED : late || criticised ? Light.YELLOW : Light.GREEN;
                    out.add(new Board(t.no(), light, light == Light.GREEN ? TaskStatus.ON_TRACK : TaskStatus.LAGGING, null,
                            lowest, lowest, null, null));
                    continue;
                }
                LocalDate dl = inForce.get(t.no());
                BigDecimal schedule = schedule(start, dl);
                BigDecimal behind = schedule.subtract(BigDecimal.valueOf(lowest));
                boolean dueSoonAny = t.leads().stream().anyMatch(u -> dueSoon(t, u));
                if (done(t)) {
                    out.add(new Board(t.no(), Light.DONE, TaskStatus.DONE, dl, 100, lowest, schedule, null));
                    continue;
                }
                boolean overdue = a.isAfter(dl);
                Light light;
                if (overdue || exposed || behind.compareTo(BigDecimal.valueOf(policy.redBehind())) > 0) {
                    light = Light.RED;
                } else if (dueSoonAny || criticised || behind.compareTo(BigDecimal.valueOf(policy.yellowBehind())) > 0) {
                    light = Light.YELLOW;
                } else {
                    light = Light.GREEN;
                }
                TaskStatus status = overdue ? TaskStatus.OVERDUE : light == Light.GREEN ? TaskStatus.ON_TRACK : TaskStatus.LAGGING;
                out.add(new Board(t.no(), light, status, dl, lowest, lowest, schedule, overdue ? days(dl, a) : null));
            }
            return out;
        }

        boolean openAt(EscalationLevel level, Task t) {
            return cases.stream().anyMatch(c -> c.open() && c.level() == level && Objects.equals(c.task(), t.no()));
        }

        /** The month's counts (the bulletin's overview): reports owed, on time once past the due date, late, missing; tasks by class. */
        OracleResult.Counts counts(List<Board> board) {
            int owed = 0;
            for (Task t : plan.leaves()) {
                Completion c = counted.get(t.no());
                boolean owes = c == null || !c.completedOn().isBefore(m.atDay(1));
                if (owes && !m.isBefore(plan.reporting().from()) && !m.isAfter(plan.reporting().to())) {
                    owed += (int) t.leads().stream().distinct().count();
                }
            }
            int late = (int) findings.stream().filter(x -> x.kind() == FindingKind.REPORT_LATE).count();
            int missing = (int) findings.stream().filter(x -> x.kind() == FindingKind.REPORT_MISSING).count();
            Integer onTime = a.isAfter(due) ? owed - late - missing : null;
            // reached its schedule: done, or not overdue and its percent at least its schedule progress
            int onSchedule = (int) board.stream().filter(b -> b.schedule() != null && (b.status() == TaskStatus.DONE
                    || b.status() != TaskStatus.OVERDUE && BigDecimal.valueOf(b.percent()).compareTo(b.schedule()) >= 0)).count();
            return new OracleResult.Counts(due, owed, onTime, late, missing, count(board, TaskStatus.DONE), count(board, TaskStatus.ON_TRACK),
                    count(board, TaskStatus.LAGGING), count(board, TaskStatus.OVERDUE), onSchedule);
        }

        int count(List<Board> board, TaskStatus s) {
            return (int) board.stream().filter(b -> b.status() == s).count();
        }

        boolean has(FindingKind k, Task t) {
            return findings.stream().anyMatch(x -> x.kind() == k && Objects.equals(x.task(), t.no()) && t.isLead(x.unit()));
        }

        /** Schedule progress (A − start) / (deadline − start) × 100, capped at 100, to 4 decimals (decisions §21). */
        BigDecimal schedule(LocalDate start, LocalDate dl) {
            long span = ChronoUnit.DAYS.between(start, dl);
            long done = ChronoUnit.DAYS.between(start, a);
            if (span <= 0 || done >= span) {
                return BigDecimal.valueOf(100);
            }
            if (done <= 0) {
                return BigDecimal.ZERO;
            }
            return BigDecimal.valueOf(done * 100).divide(BigDecimal.valueOf(span), 4, RoundingMode.HALF_UP);
        }
    }
}

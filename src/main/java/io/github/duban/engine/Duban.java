package io.github.duban.engine;

import io.github.duban.error.InputException;
import io.github.duban.error.LedgerException;
import io.github.duban.json.PlanJson;
import io.github.duban.json.PolicyJson;
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
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.BoardEntry;
import io.github.duban.outcome.Case;
import io.github.duban.outcome.Finding;
import io.github.duban.outcome.Ignored;
import io.github.duban.outcome.Ledger;
import io.github.duban.outcome.PreviousCase;
import io.github.duban.outcome.MonthSummary;
import io.github.duban.outcome.TaskGroup;
import io.github.duban.outcome.Sanction;
import io.github.duban.outcome.Text;
import io.github.duban.outcome.UnitScore;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The engine: a plan, a policy and compiled rules, built once and shared. Each assessment runs in
 * a session of its own, so one {@code Duban} serves any number of threads.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * Duban duban = Duban.builder()
 *         .plan(PlanJson.read(Path.of("plan.json")))  // the plan is required: PlanJson.embedded() for the sample
 *         .build();                                   // default policy, built-in rules, China's calendar
 * Assessment may = duban.assess(YearMonth.of(2021, 5), null, facts, aprilLedger);
 * }</pre>
 */
public final class Duban {

    private static final Logger LOG = LoggerFactory.getLogger(Duban.class);

    private static final Comparator<Sanction> SANCTIONS = Comparator
            .comparing(Sanction::unit, Text.ORDER)
            .thenComparing(Sanction::task, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Sanction::level);
    private static final Comparator<UnitScore> SCORES = Comparator.comparingInt(UnitScore::rank)
            .thenComparing(UnitScore::unit, Text.ORDER);
    private static final Comparator<Ignored> IGNORED = Comparator.comparing(Ignored::fact)
            .thenComparing(Ignored::task, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Ignored::unit, Comparator.nullsFirst(Text.ORDER))
            .thenComparing(Ignored::on, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Ignored::reason, Text.ORDER)
            .thenComparing(i -> String.valueOf(i.source()));

    private final Plan plan;
    private final Policy policy;
    private final Ruleset rules;
    private final WorkCalendar calendar;
    private final String fingerprint;
    private final Limits limits;

    private Duban(Plan plan, Policy policy, Ruleset rules, WorkCalendar calendar, Duban same, Limits limits) {
        this.limits = limits;
        this.plan = plan;
        this.policy = policy;
        this.rules = rules;
        this.calendar = calendar;
        // the fingerprint does not cover the plan: an engine for another plan with the same rules,
        // policy and calendar has the same one (a month-end run builds one engine a plan)
        this.fingerprint = same != null && same.rules == rules && same.policy == policy && same.calendar == calendar
                ? same.fingerprint : fingerprint(rules, policy, calendar);
    }

    /** A builder for an engine: give it a plan; the policy, rules, calendar and limits have defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this engine's plan, policy, rules and calendar. */
    public Builder toBuilder() {
        Builder b = new Builder().plan(plan).policy(policy).rules(rules).calendar(calendar).limits(limits);
        b.from = this;
        return b;
    }

    /** The working-day calendar. */
    public WorkCalendar calendar() {
        return calendar;
    }

    /** Builds a {@link Duban}. Not thread-safe; the engine it builds is. */
    public static final class Builder {
        private Plan plan;
        private Policy policy = Policy.DEFAULT;
        private Ruleset rules;
        private WorkCalendar calendar;
        private Duban from;
        private Limits limits = Limits.DEFAULT;

        private Builder() {
        }

        /** How far a plan-month's rules may run; default {@link Limits#DEFAULT}. */
        public Builder limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * The plan; required. {@link PlanJson#read(java.nio.file.Path)} reads one, {@link PlanJson#embedded()} is the
         * sample plan 冷优组发〔2021〕3号.
         */
        public Builder plan(Plan plan) {
            this.plan = Objects.requireNonNull(plan, "plan");
            return this;
        }

        /** The policy; default {@link Policy#DEFAULT}. */
        public Builder policy(Policy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The rules; default the built-in ones. */
        public Builder rules(Ruleset rules) {
            this.rules = Objects.requireNonNull(rules, "rules");
            return this;
        }

        /** The working-day calendar; default the embedded State Council schedule. */
        public Builder calendar(WorkCalendar calendar) {
            this.calendar = Objects.requireNonNull(calendar, "calendar");
            return this;
        }

        /** @throws IllegalStateException when no plan was given */
        public Duban build() {
            if (plan == null) {
                throw new IllegalStateException("Duban.builder(): no plan: call .plan(PlanJson.read(path)) for your plan,"
                        + " or .plan(PlanJson.embedded()) for the sample plan 冷优组发〔2021〕3号");
            }
            return new Duban(plan, policy,
                    rules != null ? rules : Ruleset.builtIn(),
                    calendar != null ? calendar : WorkCalendar.china(), from, limits);
        }
    }

    /** The plan this engine assesses. */
    public Plan plan() {
        return plan;
    }

    /** The policy (考核办法) whose numbers the rules use. */
    public Policy policy() {
        return policy;
    }

    /** The rules the engine runs: the built-in ones unless the builder was given others. */
    public Ruleset rules() {
        return rules;
    }

    /** sha-256 over the DRL texts in name order, the policy as canonical JSON (its scoring sheet included) and the working-day calendar. */
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * Assesses month {@code period} as of {@code asOf} (null: the last day of the month), from
     * the ledger the previous month left ({@code null} for the window's first month).
     * Facts dated after {@code asOf} are not yet known and play no part.
     *
     * @throws InputException when the month is outside the reporting window, the as-of date
     *         outside the month, or a fact does not fit the plan
     * @throws LedgerException when the ledger is not the previous month's, or holds a case the plan cannot have
     * @throws io.github.duban.error.LimitException when the rules fire past the policy's limits (a rule that loops)
     */
    public Assessment assess(YearMonth period, LocalDate asOf, Facts facts, Ledger previous) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(facts, "facts");
        LocalDate a = asOf != null ? asOf : period.atEndOfMonth();
        checkPeriod(period, a);
        checkLedger(period, previous);
        Facts checked = FactCheck.all(plan, facts);
        return run(period, a, checked, previous);
    }

    /**
     * Replays every month of the window from its first month up to {@code to}, each as of its
     * last day, carrying the ledger, and returns the assessments of the months {@code from..to}.
     */
    public List<Assessment> replay(YearMonth from, YearMonth to, Facts facts) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new InputException(null, 0, "to", "replay ends " + to + " before it starts " + from, to.toString(),
                    "a month on or after " + from);
        }
        checkPeriod(from, from.atEndOfMonth());
        checkPeriod(to, to.atEndOfMonth());
        Facts checked = FactCheck.all(plan, facts);
        List<Assessment> out = new ArrayList<>();
        Ledger ledger = null;
        for (YearMonth m = plan.reporting().from(); !m.isAfter(to); m = m.plusMonths(1)) {
            Assessment a = run(m, m.atEndOfMonth(), checked, ledger);
            ledger = a.ledger();
            if (!m.isBefore(from)) {
                out.add(a);
            }
        }
        LOG.info("replayed {}..{} of {}: {} facts, {} cases open at the end", plan.reporting().from(), to,
                plan.docNumber() != null ? plan.docNumber() : plan.title(), count(checked), ledger == null ? 0 : ledger.cases().size());
        return out;
    }

    /**
     * The reminders (催办) the rules conclude for {@code date}: from the facts dated on or before it
     * and the ledger the month before left ({@code null} for the window's first month), who is to be
     * reminded of what, in their fixed order (by unit, kind, task, month, due date). Java only
     * inserts the facts and a {@link RemindDate}; reminders.drl decides.
     *
     * @throws io.github.duban.error.CalendarException when the working-day calendar does not cover the date
     * @throws InputException when the date's month is outside the reporting window, or a fact does not fit the plan
     * @throws LedgerException when the ledger is not the previous month's
     */
    public List<io.github.duban.outcome.Reminder> reminders(LocalDate date, Facts facts, Ledger previous) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(facts, "facts");
        calendar.check(date);
        YearMonth month = YearMonth.from(date);
        checkPeriod(month, date);
        checkLedger(month, previous);
        return remind(date, FactCheck.all(plan, facts), previous);
    }

    /**
     * The reminders for {@code date} with no ledger at hand: the months of the window before the
     * date's month are replayed from the same facts to make it, as {@link #replay} does.
     */
    public List<io.github.duban.outcome.Reminder> reminders(LocalDate date, Facts facts) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(facts, "facts");
        calendar.check(date);
        YearMonth month = YearMonth.from(date);
        checkPeriod(month, date);
        Facts checked = FactCheck.all(plan, facts);
        return remind(date, checked, ledgerBefore(month, checked));
    }

    /** The ledger the month before {@code month} leaves, every month of the window before it replayed; null for the first month. */
    private Ledger ledgerBefore(YearMonth month, Facts checked) {
        Ledger ledger = null;
        for (YearMonth m = plan.reporting().from(); m.isBefore(month); m = m.plusMonths(1)) {
            ledger = run(m, m.atEndOfMonth(), checked, ledger).ledger();
        }
        return ledger;
    }

    private List<io.github.duban.outcome.Reminder> remind(LocalDate date, Facts checked, Ledger previous) {
        return remindDay(date, checked, previous, false).reminders();
    }

    /**
     * The day's reminders with the rest of what the same session concludes: the assessment of the
     * date's month as of the date, the reports owed and the latest percents ({@link
     * io.github.duban.outcome.RemindDay}), what the month's dispatch sheet is written from. The
     * reminders are those {@link #reminders(LocalDate, Facts, Ledger)} gives.
     *
     * @throws io.github.duban.error.CalendarException when the working-day calendar does not cover the date
     * @throws InputException when the date's month is outside the reporting window, or a fact does not fit the plan
     * @throws LedgerException when the ledger is not the previous month's
     */
    public io.github.duban.outcome.RemindDay remindDay(LocalDate date, Facts facts, Ledger previous) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(facts, "facts");
        calendar.check(date);
        YearMonth month = YearMonth.from(date);
        checkPeriod(month, date);
        checkLedger(month, previous);
        return remindDay(date, FactCheck.all(plan, facts), previous, true);
    }

    /** As {@link #remindDay(LocalDate, Facts, Ledger)}, the ledger made by replaying the months before, as {@link #reminders(LocalDate, Facts)}. */
    public io.github.duban.outcome.RemindDay remindDay(LocalDate date, Facts facts) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(facts, "facts");
        calendar.check(date);
        YearMonth month = YearMonth.from(date);
        checkPeriod(month, date);
        Facts checked = FactCheck.all(plan, facts);
        return remindDay(date, checked, ledgerBefore(month, checked), true);
    }

    private io.github.duban.outcome.RemindDay remindDay(LocalDate date, Facts checked, Ledger previous, boolean assess) {
        YearMonth month = YearMonth.from(date);
        KieSession session = rules.session();
        try {
            insertAll(session, month, date, checked, previous);
            session.insert(remindDate(date));
            fire(session, month);
            List<io.github.duban.outcome.Reminder> out = all(session, io.github.duban.outcome.Reminder.class);
            out.sort(null);
            if (!assess) {
                return new io.github.duban.outcome.RemindDay(date, EMPTY_ASSESSMENT, List.of(), List.of(), out);
            }
            return new io.github.duban.outcome.RemindDay(date, collect(session, month, date),
                    all(session, io.github.duban.outcome.ReportOwed.class).stream().filter(o -> o.month().equals(month)).toList(),
                    all(session, io.github.duban.outcome.LatestPercent.class), out);
        } finally {
            session.dispose();
        }
    }

    private static final Assessment EMPTY_ASSESSMENT = new Assessment(YearMonth.of(2000, 1), LocalDate.of(2000, 1, 1), null,
            List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null);

    /** The fact that makes the reminder rules draw the reminders of {@code date}. */
    RemindDate remindDate(LocalDate date) {
        return new RemindDate(date, calendar);
    }

    private void checkPeriod(YearMonth period, LocalDate asOf) {
        if (!plan.reporting().covers(period)) {
            throw new InputException(null, 0, "month", "month " + period + " is outside the reporting window "
                    + plan.reporting().from() + ".." + plan.reporting().to(), period.toString(),
                    "a month in " + plan.reporting().from() + ".." + plan.reporting().to());
        }
        if (!YearMonth.from(asOf).equals(period)) {
            throw new InputException(null, 0, "asOf", "as-of date " + asOf + " is not in the month assessed " + period,
                    asOf.toString(), "a date in " + period);
        }
    }

    private void checkLedger(YearMonth period, Ledger previous) {
        YearMonth first = plan.reporting().from();
        if (period.equals(first)) {
            if (previous != null) {
                throw new LedgerException(null, previous.period(), null, "month " + period
                        + " is the first of the window and needs no ledger, but one of " + previous.period() + " was given");
            }
            return;
        }
        if (previous == null) {
            throw new LedgerException(null, null, period.minusMonths(1), "assessing " + period + " needs the ledger of "
                    + period.minusMonths(1));
        }
        if (previous.version() != Ledger.VERSION) {
            throw new LedgerException(null, previous.period(), period.minusMonths(1), "ledger version " + previous.version()
                    + " is not supported (expected " + Ledger.VERSION + ")");
        }
        if (!previous.period().equals(period.minusMonths(1))) {
            throw new LedgerException(null, previous.period(), period.minusMonths(1), "the ledger is of " + previous.period()
                    + ", but assessing " + period + " needs the ledger of " + period.minusMonths(1));
        }
        for (Case c : previous.cases()) {
            if (plan.unit(c.unit()).filter(u -> u.id().equals(c.unit()) && !u.group()).isEmpty()) {
                throw new LedgerException(null, previous.period(), period.minusMonths(1), "the ledger holds a case of unit "
                        + c.unit() + ", which is not a unit of the plan " + planName() + " (a ledger of another plan?)");
            }
            if (c.task() != null && plan.task(c.task()).isEmpty()) {
                throw new LedgerException(null, previous.period(), period.minusMonths(1), "the ledger holds a case on task "
                        + c.task() + ", which the plan " + planName() + " does not have (a ledger of another plan?)");
            }
        }
    }

    /** The plan as errors name it: its 文号, else its title. */
    String planName() {
        return plan.docNumber() != null && !plan.docNumber().isBlank() ? plan.docNumber() : "«" + plan.title() + "»";
    }

    private Assessment run(YearMonth month, LocalDate asOf, Facts facts, Ledger previous) {
        KieSession session = rules.session();
        if (LOG.isDebugEnabled()) {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    LOG.debug("{} fired: {}", month, event.getMatch().getRule().getName());
                }
            });
        }
        try {
            insertAll(session, month, asOf, facts, previous);
            int fired = fire(session, month);
            LOG.debug("{} as of {}: {} rule firings", month, asOf, fired);
            return collect(session, month, asOf);
        } finally {
            session.dispose();
        }
    }

    /**
     * Fires the rules to rest; the number of firings. Rules of a ruleset package of format 1 (made
     * before the rules concluded the due date, the schedule and the rectify-by date) fired in three
     * stages, waiting for the month's {@link Settled} and {@link Tally}: those are given them as they were.
     */
    int fire(KieSession session, YearMonth month) {
        Watch watch = new Watch(limits, session);
        Watch.FIRING.add(watch);
        int fired;
        try {
            fired = session.fireAllRules(watch);
            if (rules.legacyStages()) {
                session.insert(new Settled(month));
                fired += session.fireAllRules(watch);
                session.insert(new Tally(month));
                fired += session.fireAllRules(watch);
            }
        } catch (RuntimeException e) {
            // a rule's action that met a typed failure (a date the calendar cannot answer for) says so as itself
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof io.github.duban.error.DubanException d) {
                    throw d;
                }
            }
            throw e;
        } finally {
            Watch.FIRING.remove(watch);
        }
        watch.check(month, planName());
        return fired;
    }

    /**
     * The rule whose one firing has run longer than {@code seconds} in any month being assessed
     * now, if any: a rule whose action loops in Java, which the engine cannot stop. A process that
     * runs months (the command line) can end itself when one is found.
     */
    public static java.util.Optional<String> stuckRule(int seconds) {
        long now = System.nanoTime();
        for (Watch w : Watch.FIRING) {
            // the firing count is sampled here, off the firing thread: a count that has not moved
            // for longer than the limit means one firing has run that long
            long count = w.started;
            if (count != w.sampledCount) {
                w.sampledCount = count;
                w.sampledAt = now;
            } else if (w.rule != null && now - w.sampledAt > seconds * 1_000_000_000L) {
                return java.util.Optional.of(w.rule);
            }
        }
        return java.util.Optional.empty();
    }

    /** The engine's limits on a month's firing. */
    public Limits limits() {
        return limits;
    }

    /**
     * Counts a month's firings by rule and reads the clock every 1,024 of them; at a limit it halts
     * the session, and {@link #check} then raises the limit reached, naming the rule that fired most.
     */
    private static final class Watch implements org.kie.api.runtime.rule.AgendaFilter {
        private final Limits limits;
        private final KieSession session;
        private final long deadline;
        private final Map<String, long[]> byRule = new HashMap<>();
        private long firings;
        private String reached;
        /** The rule firing now and how many firings have started, read by {@link #stuckRule}. */
        private volatile String rule;
        private volatile long started;
        /** The count {@link #stuckRule} saw last and when it first saw it: the sampling thread's own. */
        private long sampledCount = -1;
        private long sampledAt;
        static final java.util.Set<Watch> FIRING = java.util.concurrent.ConcurrentHashMap.newKeySet();

        Watch(Limits limits, KieSession session) {
            this.limits = limits;
            this.session = session;
            this.deadline = System.nanoTime() + limits.seconds() * 1_000_000_000L;
        }

        @Override
        public boolean accept(org.kie.api.runtime.rule.Match match) {
            if (reached != null) {
                return false;
            }
            String name = match.getRule().getName();
            byRule.computeIfAbsent(name, k -> new long[1])[0]++;
            rule = name;
            firings++;
            started = firings;
            if (firings > limits.firings()) {
                reached = "firings";
            } else if ((firings & 1023) == 0 && System.nanoTime() - deadline > 0) {
                reached = "seconds";
            }
            if (reached != null) {
                session.halt();
                return false;
            }
            return true;
        }

        void check(YearMonth month, String plan) {
            if (reached == null) {
                return;
            }
            String rule = byRule.entrySet().stream().max(Map.Entry.<String, long[]>comparingByValue((a, b) -> Long.compare(a[0], b[0]))
                    .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse(null);
            long most = rule == null ? 0 : byRule.get(rule)[0];
            String what = reached.equals("firings") ? "more than " + limits.firings() + " rule firings"
                    : "more than " + limits.seconds() + " seconds of rule firing";
            throw new io.github.duban.error.LimitException("limits." + reached, rule, "the rules of " + plan + " for " + month
                    + " took " + what + " and were stopped; the rule that fired most is \"" + rule + "\" (" + most
                    + " times): it may conclude facts that make it fire again without end");
        }
    }

    /**
     * Inserts what month {@code month} as of {@code asOf} is judged on: the period, the policy, the
     * plan's reporting rule, units and tasks (the tasks it judges as {@link Task}, those that group
     * others as {@link TaskGroup}), every fact known by the as-of date, and the ledger's cases.
     */
    void insertAll(KieSession session, YearMonth month, LocalDate asOf, Facts facts, Ledger previous) {
        Period period = new Period(month, asOf, month.atDay(1), month.atEndOfMonth(),
                rules.legacyStages() ? legacyDueDate(month) : null,
                plan.reporting().from(), plan.reporting().to(), plan.reporting().start(), calendar, policy.workingDays());
        session.insert(period);
        session.insert(policy);
        session.insert(plan.reporting());
        for (Unit u : plan.units()) {
            session.insert(u);
        }
        for (Task t : plan.leaves()) {
            session.insert(t);
        }
        for (Task t : plan.groups()) {
            session.insert(TaskGroup.of(t));
        }
        for (ProgressReport r : facts.reports()) {
            if (!r.submittedOn().isAfter(asOf)) {
                session.insert(r);
            }
        }
        for (Completion c : facts.completions()) {
            if (!c.completedOn().isAfter(asOf)) {
                session.insert(c);
            }
        }
        for (Extension e : facts.extensions()) {
            if (!e.approvedOn().isAfter(asOf)) {
                session.insert(e);
            }
        }
        for (InspectionFinding i : facts.inspections()) {
            if (!i.on().isAfter(asOf)) {
                session.insert(i);
            }
        }
        for (Rectification r : facts.rectifications()) {
            if (!r.on().isAfter(asOf)) {
                session.insert(r);
            }
        }
        if (previous != null) {
            for (Case c : previous.cases()) {
                session.insert(PreviousCase.of(c));
            }
        }
    }

    /** The due date as the rules of a ruleset package of format 1 read it from the {@link Period}: they did not conclude it. */
    private LocalDate legacyDueDate(YearMonth month) {
        int day = policy.dueDay() != null ? policy.dueDay() : plan.reporting().dueDay();
        LocalDate due = month.atDay(Math.min(day, month.lengthOfMonth()));
        return policy.rollDueDate() ? calendar.onOrNextWorkingDay(due) : due;
    }

    /**
     * The assessment held by {@code session} at rest: each outcome class read from its own store
     * in the session ({@link ClassObjectFilter}), not by walking every fact the month holds.
     */
    Assessment collect(KieSession session, YearMonth month, LocalDate asOf) {
        List<Finding> findings = all(session, Finding.class);
        List<Sanction> sanctions = all(session, Sanction.class);
        List<UnitScore> scores = all(session, UnitScore.class);
        List<BoardEntry> board = all(session, BoardEntry.class);
        List<Case> cases = all(session, Case.class);
        List<Ignored> ignored = all(session, Ignored.class);
        List<MonthSummary> summaries = all(session, MonthSummary.class);
        MonthSummary summary = summaries.size() == 1 ? summaries.get(0) : null;
        if (rules.legacyStages()) {
            // what the rules of a format-1 package did not conclude, worked out as the engine of that time did
            scores.replaceAll(s -> Format1.score(s, policy));
            board.replaceAll(b -> Format1.board(b, findings));
            if (summary == null) {
                int owed = 0;
                for (Object o : session.getObjects(new ClassObjectFilter(io.github.duban.outcome.ReportOwed.class))) {
                    if (((io.github.duban.outcome.ReportOwed) o).month().equals(month)) {
                        owed++;
                    }
                }
                summary = Format1.summary(month, asOf, legacyDueDate(month), owed, findings, sanctions, board, scores);
            }
        }
        findings.sort(null);
        sanctions.sort(SANCTIONS);
        scores.sort(SCORES);
        board.sort(Comparator.comparingInt(BoardEntry::task));
        cases.sort(null);
        ignored.sort(IGNORED);
        return new Assessment(month, asOf, fingerprint, findings, sanctions, scores, board, cases, ignored, summary);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> all(KieSession session, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Object o : session.getObjects(new ClassObjectFilter(type))) {
            out.add((T) o);
        }
        return out;
    }

    private static int count(Facts f) {
        return f.reports().size() + f.completions().size() + f.extensions().size() + f.inspections().size()
                + f.rectifications().size();
    }

    /** The fingerprint an engine with these rules, policy and calendar has, whatever its plan. */
    public static String fingerprint(Ruleset rules, Policy policy, WorkCalendar calendar) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            RulesImage.update(sha, rules.sources());
            sha.update(PolicyJson.canonical(policy).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(calendar.canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

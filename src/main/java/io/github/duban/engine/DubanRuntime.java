package io.github.duban.engine;

import io.github.duban.error.RulesException;

import io.github.duban.model.Facts;
import io.github.duban.model.Policy;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.Ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A running engine whose rules and policy can be replaced while it serves (hot swap).
 * Each call takes the {@link Duban} in force once and runs on it to the end, so every
 * assessment is made entirely by one ruleset and names its fingerprint; a swap compiles and
 * checks the new ruleset first and takes effect atomically only when that succeeds.
 * Thread-safe.
 *
 * <pre>{@code
 * DubanRuntime live = DubanRuntime.of(Duban.builder().plan(PlanJson.read(planFile)).build());
 * Swap s = live.swap(() -> Ruleset.withFolder(dir), newPolicy);   // problems, or the new fingerprint
 * Assessment may = live.assess(YearMonth.of(2021, 5), null, facts, aprilLedger);
 * }</pre>
 */
public final class DubanRuntime {

    /**
     * The outcome of a swap: applied with the fingerprint now in force, or refused with every
     * problem found (the ruleset in force is then unchanged).
     */
    public record Swap(boolean applied, String fingerprint, String previous, List<RuleProblem> problems) {
        /** Copies the problems, so the outcome cannot change. */
        public Swap {
            problems = List.copyOf(problems);
        }
    }

    private final AtomicReference<Duban> current;

    private DubanRuntime(Duban initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    /** A runtime serving {@code initial} until the first swap that succeeds. */
    public static DubanRuntime of(Duban initial) {
        return new DubanRuntime(initial);
    }

    /** The engine in force now. Hold on to it to make several calls on one ruleset. */
    public Duban current() {
        return current.get();
    }

    /** The fingerprint of the ruleset in force now. */
    public String fingerprint() {
        return current.get().fingerprint();
    }

    /** {@link Duban#assess} on the engine in force when the call starts. */
    public Assessment assess(YearMonth period, LocalDate asOf, Facts facts, Ledger previous) {
        return current.get().assess(period, asOf, facts, previous);
    }

    /** {@link Duban#replay} on the engine in force when the call starts. */
    public List<Assessment> replay(YearMonth from, YearMonth to, Facts facts) {
        return current.get().replay(from, to, facts);
    }

    /**
     * Replaces the rules (built by {@code rules}, e.g. {@code () -> Ruleset.withFolder(dir)};
     * null keeps the rules in force) and the policy (null keeps the policy in force). Compiles
     * and checks first: the rules must compile, and the new engine must assess the window's
     * first month (no facts) without failing, so a rule whose action breaks never serves. On any
     * problem nothing changes and the problems are returned; on success the new engine serves
     * every call that starts from now on, while calls already running finish on the old one.
     */
    public Swap swap(Supplier<Ruleset> rules, Policy policy) {
        return swap(rules, policy, null);
    }

    /** As {@link #swap(Supplier, Policy)}, also replacing the working-day calendar (null keeps it). */
    public synchronized Swap swap(Supplier<Ruleset> rules, Policy policy, WorkCalendar calendar) {
        Duban old = current.get();
        Duban next;
        try {
            Ruleset r = rules == null ? old.rules() : Objects.requireNonNull(rules.get(), "rules");
            next = old.toBuilder().rules(r).policy(policy == null ? old.policy() : policy)
                    .calendar(calendar == null ? old.calendar() : calendar).build();
        } catch (RulesException e) {
            return new Swap(false, old.fingerprint(), old.fingerprint(), e.problems());
        } catch (RuntimeException e) {
            return new Swap(false, old.fingerprint(), old.fingerprint(),
                    List.of(new RuleProblem("ruleset", 0, 0, "ERROR", String.valueOf(e.getMessage()))));
        }
        List<RuleProblem> trial = trial(next);
        if (!trial.isEmpty()) {
            return new Swap(false, old.fingerprint(), old.fingerprint(), trial);
        }
        current.set(next);
        return new Swap(true, next.fingerprint(), old.fingerprint(), List.of());
    }

    /** Assesses the window's first month with no facts on the candidate; a failure is a problem. */
    private static List<RuleProblem> trial(Duban candidate) {
        try {
            candidate.assess(candidate.plan().reporting().from(), null, Facts.none(), null);
            return List.of();
        } catch (RuntimeException e) {
            Throwable t = e;
            while (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            }
            return List.of(new RuleProblem("ruleset", 0, 0, "ERROR", "the new rules fail on a trial month "
                    + candidate.plan().reporting().from() + ": " + t.getClass().getSimpleName()
                    + (t.getMessage() != null ? ": " + t.getMessage() : "")));
        }
    }
}

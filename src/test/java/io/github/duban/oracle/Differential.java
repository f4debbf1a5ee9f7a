package io.github.duban.oracle;

import io.github.duban.engine.Duban;
import io.github.duban.engine.Ruleset;
import io.github.duban.model.Facts;
import io.github.duban.model.Plan;
import io.github.duban.model.Policy;
import io.github.duban.outcome.Assessment;
import io.github.duban.properties.Generators;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the engine and the oracle over the same window and reports the first month they disagree on. */
public final class Differential {

    private static volatile Ruleset rules;

    private Differential() {
    }

    /** The built-in rules, compiled once for the whole run. */
    public static Ruleset rules() {
        Ruleset r = rules;
        if (r == null) {
            synchronized (Differential.class) {
                r = rules;
                if (r == null) {
                    r = Ruleset.builtIn();
                    rules = r;
                }
            }
        }
        return r;
    }

    public static Duban engine(Plan plan, Policy policy) {
        return Duban.builder().plan(plan).policy(policy).rules(rules()).build();
    }

    /** Months of {@code engine} and {@code oracle} side by side: the differences of the first month that differs, or null. */
    public static String firstDifference(List<Assessment> engine, List<OracleResult> oracle) {
        if (engine.size() != oracle.size()) {
            return "engine gave " + engine.size() + " months, oracle " + oracle.size();
        }
        for (int i = 0; i < engine.size(); i++) {
            Map<String, List<String>> e = Views.of(engine.get(i));
            Map<String, List<String>> o = Views.of(oracle.get(i));
            if (!e.equals(o)) {
                return "month " + engine.get(i).period() + ":\n" + Views.diff(e, o);
            }
        }
        return null;
    }

    /** Number of months on which they disagree. */
    public static int mismatches(List<Assessment> engine, List<OracleResult> oracle) {
        int n = 0;
        for (int i = 0; i < Math.max(engine.size(), oracle.size()); i++) {
            if (i >= engine.size() || i >= oracle.size() || !Views.of(engine.get(i)).equals(Views.of(oracle.get(i)))) {
                n++;
            }
        }
        return n;
    }

    /** Replays the whole window with both and fails with the first differing month, the policy and the facts. */
    public static void check(Plan plan, Policy policy, Facts facts) {
        YearMonth from = plan.reporting().from();
        YearMonth to = plan.reporting().to();
        List<Assessment> e = engine(plan, policy).replay(from, to, facts);
        List<OracleResult> o = new Oracle(plan, policy).replay(to, facts);
        String d = firstDifference(e, o);
        if (d != null) {
            throw new AssertionError("engine and oracle disagree in " + d
                    + (policy.equals(Policy.DEFAULT) ? "" : "policy " + policy + "\n")
                    + describe(plan, facts));
        }
    }

    /** Month {@code m} as of {@code asOf}, each side from the ledger its own replay of the months before leaves. */
    public static void checkAsOf(Plan plan, Policy policy, Facts facts, YearMonth m, java.time.LocalDate asOf,
                                 java.time.LocalDate previousAsOf) {
        YearMonth from = plan.reporting().from();
        Duban d = engine(plan, policy);
        Oracle oracle = new Oracle(plan, policy);
        io.github.duban.outcome.Ledger el = null;
        OracleLedger ol = null;
        if (m.isAfter(from)) {
            // the months before M−1 as of their last days, M−1 as of previousAsOf
            List<Assessment> e = new ArrayList<>();
            List<OracleResult> o = new ArrayList<>();
            for (YearMonth k = from; k.isBefore(m); k = k.plusMonths(1)) {
                java.time.LocalDate a = k.equals(m.minusMonths(1)) ? previousAsOf : null;
                e.add(d.assess(k, a, facts, el));
                o.add(oracle.assess(k, a, facts, ol));
                el = e.get(e.size() - 1).ledger();
                ol = o.get(o.size() - 1).ledger();
            }
            String diff = firstDifference(e, o);
            if (diff != null) {
                throw new AssertionError("engine and oracle disagree in " + diff + "(the month before as of " + previousAsOf + ")\npolicy "
                        + policy + "\n" + describe(plan, facts));
            }
        }
        Assessment ea = d.assess(m, asOf, facts, el);
        OracleResult oa = oracle.assess(m, asOf, facts, ol);
        String diff = firstDifference(List.of(ea), List.of(oa));
        if (diff != null) {
            throw new AssertionError("engine and oracle disagree as of " + asOf + " in " + diff + "policy " + policy + "\n"
                    + describe(plan, facts));
        }
    }

    /** The plan's window and due day, then the plan and facts as the project's generators describe them. */
    static String describe(Plan plan, Facts facts) {
        return "window " + plan.reporting().from() + ".." + plan.reporting().to() + ", due day " + plan.reporting().dueDay() + "\n"
                + Generators.describe(plan, facts)
                + facts.completions().stream().filter(c -> c.acceptedOn() != null)
                        .map(c -> "  (completion of " + c.task() + " on " + c.completedOn() + " accepted " + c.acceptedOn() + ")\n")
                        .reduce("", String::concat);
    }
}

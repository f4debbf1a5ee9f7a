package io.github.duban.oracle;

import io.github.duban.engine.Duban;
import io.github.duban.engine.Ruleset;
import io.github.duban.model.Facts;
import io.github.duban.model.Plan;
import io.github.duban.model.Policy;
import io.github.duban.outcome.Assessment;
import io.github.duban.properties.Generators;

import java.time.YearMonth;
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
                    + Generators.describe(plan, facts));
        }
    }
}

package io.github.duban.properties;

import io.github.duban.engine.Duban;
import io.github.duban.engine.Ruleset;
import io.github.duban.json.AssessmentJson;
import io.github.duban.model.Facts;
import io.github.duban.model.Plan;
import io.github.duban.model.Policy;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.Ledger;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

/** What the properties share: the built-in rules, compiled once, engines over them, and an assessment's bytes. */
final class Engines {

    private static volatile Ruleset rules;

    private Engines() {
    }

    /** The built-in rules, compiled once for the whole run. */
    static Ruleset rules() {
        Ruleset r = rules;
        if (r == null) {
            synchronized (Engines.class) {
                r = rules;
                if (r == null) {
                    r = Ruleset.builtIn();
                    rules = r;
                }
            }
        }
        return r;
    }

    static Duban engine(Plan plan) {
        return Duban.builder().plan(plan).rules(rules()).build();
    }

    static Duban engine(Plan plan, Policy policy) {
        return Duban.builder().plan(plan).policy(policy).rules(rules()).build();
    }

    /** The ledger month {@code m} starts from: none for the window's first month, else the one a replay of the months before leaves. */
    static Ledger ledgerBefore(Duban d, YearMonth m, Facts facts) {
        YearMonth first = d.plan().reporting().from();
        if (m.equals(first)) {
            return null;
        }
        List<Assessment> before = d.replay(first, m.minusMonths(1), facts);
        return before.get(before.size() - 1).ledger();
    }

    /** The assessment as the bytes an embedding system sees: its {@code assessment.json}. */
    static byte[] bytes(Assessment a) {
        return AssessmentJson.write(a).getBytes(StandardCharsets.UTF_8);
    }

    /** {@link #bytes} as text, for readable differences. */
    static String json(Assessment a) {
        return AssessmentJson.write(a);
    }
}

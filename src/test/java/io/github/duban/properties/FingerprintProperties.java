package io.github.duban.properties;

import io.github.duban.engine.Duban;
import io.github.duban.engine.Ruleset;
import io.github.duban.json.PlanJson;
import io.github.duban.json.PolicyJson;
import io.github.duban.model.Plan;
import io.github.duban.model.Policy;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.github.duban.properties.Generators.plans;
import static io.github.duban.properties.Generators.policies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

/**
 * DESIGN §7: the ruleset fingerprint (sha-256 over the DRL texts in name order and the policy as
 * JSON with sorted keys and normalised numbers) changes when and only when a rule or a policy
 * number changes. The plan plays no part in it.
 */
class FingerprintProperties {

    private static final RecordComponent[] COMPONENTS = Policy.class.getRecordComponents();

    private static String fingerprint(Ruleset rules, Policy policy, Plan plan) {
        return Duban.builder().plan(plan).policy(policy).rules(rules).build().fingerprint();
    }

    /** Equal policies (also built separately), the same rules and any plans: the same fingerprint. */
    @Test
    void equalPoliciesAndTheSameRulesGiveTheSameFingerprint() {
        qt().withExamples(60).withShrinkCycles(100).forAll(policies(), plans(), plans()).checkAssert((policy, p1, p2) -> {
            Policy copy = rebuild(policy, values(policy));
            assertThat(copy).isEqualTo(policy);
            assertThat(fingerprint(Engines.rules(), copy, p2)).isEqualTo(fingerprint(Engines.rules(), policy, p1));
        });
    }

    /** Rules compiled again from the same texts: the same fingerprint. */
    @Test
    void rulesCompiledAgainFromTheSameTextsGiveTheSameFingerprint() {
        Ruleset again = Ruleset.compile(new TreeMap<>(Engines.rules().sources()));
        qt().withExamples(30).forAll(policies(), plans()).checkAssert((policy, plan) ->
                assertThat(fingerprint(again, policy, plan)).isEqualTo(fingerprint(Engines.rules(), policy, plan)));
    }

    /**
     * The same numbers written differently (5, 5.0, 5.00, 50E-1; -0.5, -0.50), in the policy
     * record and in a policy file: the same fingerprint.
     */
    @Test
    void numbersWrittenDifferentlyGiveTheSameFingerprint() {
        Gen<int[]> zeros = Generate.intArrays(Generate.constant(COMPONENTS.length), Generate.range(0, 3));
        qt().withExamples(60).withShrinkCycles(100).forAll(policies(), zeros, plans()).checkAssert((policy, extra, plan) -> {
            Object[] v = values(policy);
            StringBuilder json = new StringBuilder("{");
            for (int i = 0; i < COMPONENTS.length; i++) {
                if (v[i] instanceof BigDecimal b) {
                    v[i] = b.setScale(Math.max(b.scale(), 0) + extra[i]);
                }
                if (v[i] instanceof java.util.Collection || v[i] instanceof Map || v[i] instanceof Policy.Reminding) {
                    continue; // bands, caps and the reminder settings are written below as a policy file writes them
                }
                if (i > 0) {
                    json.append(", ");
                }
                json.append('"').append(COMPONENTS[i].getName()).append("\": ")
                        .append(v[i] instanceof BigDecimal b ? spelled(b, extra[i]) : String.valueOf(v[i]));
            }
            json.append(", \"bands\": ").append(PolicyJson.tree(policy).get("bands"))
                    .append(", \"ratingCeilings\": ").append(PolicyJson.tree(policy).get("ratingCeilings"))
                    .append(", \"remind\": ").append(PolicyJson.tree(policy).get("remind")).append('}');
            String expected = fingerprint(Engines.rules(), policy, plan);
            assertThat(fingerprint(Engines.rules(), rebuild(policy, v), plan)).as("record with %s", json).isEqualTo(expected);
            Policy read = PolicyJson.read(json.toString(), "policy.json");
            assertThat(fingerprint(Engines.rules(), read, plan)).as("policy file %s", json).isEqualTo(expected);
            assertThat(fingerprint(Engines.rules(), PolicyJson.read(PolicyJson.write(policy), "policy.json"), plan))
                    .as("policy written and read back").isEqualTo(expected);
        });
    }

    /**
     * Any one policy number changed (a count of days, a percent, points, a threshold, the due
     * day, also from none to a day): a different fingerprint. The two switches (working days,
     * rolling the due date) are settings of the policy too, so flipping one changes it as well
     * (DESIGN hashes the whole policy as JSON).
     */
    @Test
    void anyPolicyNumberChangedGivesADifferentFingerprint() {
        qt().withExamples(80).withShrinkCycles(100)
                .forAll(policies(), Generate.range(0, COMPONENTS.length - 1), Generate.range(0, 7), plans())
                .checkAssert((policy, field, how, plan) -> {
                    Policy changed = changed(policy, field, how);
                    assertThat(changed).as("no valid change found for %s", policy).isNotNull();
                    assertThat(changed).isNotEqualTo(policy);
                    assertThat(fingerprint(Engines.rules(), changed, plan))
                            .as("fingerprint after changing %s -> %s", policy, changed)
                            .isNotEqualTo(fingerprint(Engines.rules(), policy, plan));
                });
    }

    /**
     * Any rule text changed (a comment or whitespace appended, a comment inserted, in any file) or
     * a rule file added: a different fingerprint. Each example compiles the rules (about 1–2 s), so
     * there are few.
     */
    @Test
    void anyRuleTextChangedGivesADifferentFingerprint() {
        Map<String, String> sources = Engines.rules().sources();
        List<String> names = new ArrayList<>(sources.keySet());
        Plan plan = PlanJson.embedded();
        qt().withExamples(4).withShrinkCycles(10)
                .forAll(Generate.range(0, names.size() - 1), Generate.range(0, 3), Generate.range(0, 99), policies())
                .checkAssert((file, how, n, policy) -> {
                    String name = names.get(file);
                    String text = sources.get(name);
                    String edited = switch (how) {
                        case 0 -> text + "\n// 修订 " + n + "\n";
                        case 1 -> text + " ".repeat(1 + n % 3);
                        case 3 -> text;
                        default -> {
                            int at = text.indexOf('\n', text.length() * n / 100);
                            yield at < 0 ? text + "\n" : text.substring(0, at + 1) + "// 第" + n + "处\n" + text.substring(at + 1);
                        }
                    };
                    Map<String, String> changed = new TreeMap<>(sources);
                    if (how == 3) {
                        // a file added: a rule file of its own holding only a comment
                        changed.put("extra" + n + ".drl", "package rules;\n// 补充规则\n");
                    } else {
                        changed.put(name, edited);
                    }
                    Ruleset other = Ruleset.compile(changed);
                    assertThat(fingerprint(other, policy, plan)).as("%s edited (%d)", name, how)
                            .isNotEqualTo(fingerprint(Engines.rules(), policy, plan));
                });
    }

    /** 5 as 5, 5.0, 5.00 or 50E-1 (the last also a JSON number). */
    private static String spelled(BigDecimal b, int how) {
        if (how == 3) {
            BigDecimal ten = b.movePointRight(1);
            return ten.toPlainString() + "E-1";
        }
        return b.toPlainString();
    }

    // ------------------------------------------------------------------ policy surgery

    private static Object[] values(Policy p) {
        Object[] v = new Object[COMPONENTS.length];
        for (int i = 0; i < v.length; i++) {
            try {
                v[i] = COMPONENTS[i].getAccessor().invoke(p);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return v;
    }

    /** The policy with these component values, or null when the policy refuses them. */
    private static Policy rebuild(Policy p, Object[] v) {
        try {
            Class<?>[] types = new Class<?>[COMPONENTS.length];
            for (int i = 0; i < types.length; i++) {
                types[i] = COMPONENTS[i].getType();
            }
            Constructor<Policy> c = Policy.class.getDeclaredConstructor(types);
            return c.newInstance(v);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof io.github.duban.error.PolicyException) {
                return null;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The policy with one setting changed, starting from component {@code field} and moving on to
     * the next one when no change of that one is valid; {@code how} picks the step tried first.
     */
    private static Policy changed(Policy p, int field, int how) {
        int[] intSteps = {1, -1, 2, -2, 5, -5};
        String[] decimalSteps = {"0.5", "-0.5", "1", "-1", "0.25", "-0.25", "5", "-5"};
        for (int k = 0; k < COMPONENTS.length; k++) {
            int i = (field + k) % COMPONENTS.length;
            Class<?> type = COMPONENTS[i].getType();
            Object[] v = values(p);
            Object old = v[i];
            List<Object> candidates = new ArrayList<>();
            if (type == int.class) {
                for (int s = 0; s < intSteps.length; s++) {
                    candidates.add((Integer) old + intSteps[(s + how) % intSteps.length]);
                }
            } else if (type == BigDecimal.class) {
                for (int s = 0; s < decimalSteps.length; s++) {
                    candidates.add(((BigDecimal) old).add(new BigDecimal(decimalSteps[(s + how) % decimalSteps.length])));
                }
            } else if (type == Integer.class) {
                if (old == null) {
                    candidates.add(1 + how * 4);
                } else {
                    candidates.add((Integer) old == 31 ? 30 : (Integer) old + 1);
                    candidates.add((Integer) old - 1);
                    candidates.add(null);
                }
            } else if (type == boolean.class) {
                candidates.add(!(Boolean) old);
            }
            for (Object c : candidates) {
                v[i] = c;
                Policy q = rebuild(p, v);
                if (q != null) {
                    return q;
                }
            }
        }
        return null;
    }
}

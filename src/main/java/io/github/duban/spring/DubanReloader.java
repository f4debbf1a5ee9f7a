package io.github.duban.spring;

import io.github.duban.engine.DubanRuntime;
import io.github.duban.engine.RuleProblem;
import io.github.duban.engine.Ruleset;
import io.github.duban.model.Policy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Supplier;

/**
 * Replaces the ruleset in force by the one configured now: re-reads {@code duban.rules-dir} and
 * {@code duban.policy} and swaps them into the {@link DubanRuntime} (compiled and checked first; on
 * any problem nothing changes). Runs in flight finish on the engine they started with. Thread-safe.
 */
public class DubanReloader {

    private static final Logger LOG = LoggerFactory.getLogger(DubanReloader.class);

    private final DubanRuntime runtime;
    private final Supplier<Ruleset> rules;
    private final Supplier<Policy> policy;

    /**
     * A reloader swapping into {@code runtime} the rules {@code rules} gives (null: the rules in force) and the
     * policy {@code policy} gives (null: the policy in force).
     */
    public DubanReloader(DubanRuntime runtime, Supplier<Ruleset> rules, Supplier<Policy> policy) {
        this.runtime = runtime;
        this.rules = rules;
        this.policy = policy;
    }

    /** Reloads and swaps; the outcome names the fingerprint now in force, or every problem found. */
    public DubanRuntime.Swap reload() {
        Policy p;
        try {
            p = policy.get();
        } catch (RuntimeException e) {
            return new DubanRuntime.Swap(false, runtime.fingerprint(), runtime.fingerprint(),
                    List.of(new RuleProblem("policy", 0, 0, "ERROR", String.valueOf(e.getMessage()))));
        }
        DubanRuntime.Swap s = runtime.swap(() -> {
            Ruleset r = rules.get();
            return r != null ? r : runtime.current().rules();
        }, p);
        if (s.applied()) {
            LOG.info("duban: ruleset {} replaced by {}", s.previous(), s.fingerprint());
        } else {
            LOG.warn("duban: reload refused, {} problems; ruleset {} stays", s.problems().size(), s.fingerprint());
        }
        return s;
    }
}

package io.github.duban.outcome;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What a rule found against (or for) a unit in the month assessed: its kind, the unit and task,
 * the date it is dated by (DESIGN §3), days late/overdue/early where they apply, the person an
 * inspection named, the rule that found it, a Chinese reason and the facts it came from.
 * Immutable and thread-safe.
 */
public record Finding(FindingKind kind, String unit, Integer task, LocalDate on, Integer days, String person,
                      String rule, String reason, List<Object> facts) implements Comparable<Finding> {

    static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::unit, Text.ORDER)
            .thenComparing(Finding::task, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::kind)
            .thenComparing(Finding::on)
            .thenComparing(Finding::person, Comparator.nullsFirst(Text.ORDER))
            .thenComparing(Finding::reason, Text.ORDER)
            .thenComparing(f -> f.facts().toString());

    /** Checks that the kind, unit, date, rule and reason are given, and copies the facts. */
    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
        facts = List.copyOf(facts);
    }

    /**
     * The matter the finding bears on, whose case it opens or raises: its unit and task (null for a unit-wide
     * matter).
     */
    public CaseKey key() {
        return new CaseKey(unit, task);
    }

    /** True when the finding is an offence of its own rather than a state that persists (as its kind says). */
    public boolean discrete() {
        return kind.discrete();
    }

    /** A finding against itself is 0 at once (a rule's {@code this > $s} meets $s itself), not after its facts' text. */
    @Override
    public int compareTo(Finding o) {
        return this == o ? 0 : ORDER.compare(this, o);
    }
}

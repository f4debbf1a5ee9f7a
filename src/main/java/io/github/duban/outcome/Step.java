package io.github.duban.outcome;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * Inferred: the level a finding lifts its case to, judged against the previous month's ledger
 * (a repeated discrete finding on an open case goes one above it).
 */
public record Step(CaseKey key, Finding finding, EscalationLevel level, LocalDate on, String rule)
        implements Comparable<Step> {
    private static final Comparator<Step> ORDER = Comparator.comparing(Step::level)
            .thenComparing(Step::on)
            .thenComparing(Step::finding);

    @Override
    public int compareTo(Step o) {
        return this == o ? 0 : ORDER.compare(this, o);
    }
}

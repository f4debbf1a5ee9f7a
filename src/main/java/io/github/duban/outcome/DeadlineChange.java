package io.github.duban.outcome;

import io.github.duban.model.Extension;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * Inferred: from {@code effectiveFrom} on, the task's deadline is {@code deadline}; the plan's own
 * deadline is in force from the beginning ({@link LocalDate#MIN}), a granted extension from its
 * approval. The deadline in force on a date is the latest change effective on or before it.
 */
public record DeadlineChange(int task, LocalDate effectiveFrom, LocalDate deadline, Extension extension, String rule)
        implements Comparable<DeadlineChange> {
    private static final Comparator<DeadlineChange> ORDER = Comparator.comparing(DeadlineChange::effectiveFrom)
            .thenComparing(DeadlineChange::deadline);

    @Override
    public int compareTo(DeadlineChange o) {
        return this == o ? 0 : ORDER.compare(this, o);
    }
}

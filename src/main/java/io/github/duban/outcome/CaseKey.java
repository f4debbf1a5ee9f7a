package io.github.duban.outcome;

import java.util.Comparator;
import java.util.Objects;

/** One (unit, task) matter; the task is null for a unit-wide matter. Immutable and thread-safe. */
public record CaseKey(String unit, Integer task) implements Comparable<CaseKey> {
    static final Comparator<CaseKey> ORDER = Comparator.comparing(CaseKey::unit, Text.ORDER)
            .thenComparing(CaseKey::task, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** Checks that the unit is given. */
    public CaseKey {
        Objects.requireNonNull(unit, "unit");
    }

    /** The matter of unit {@code unit} on task {@code task} (null: the unit as a whole). */
    public static CaseKey of(String unit, Integer task) {
        return new CaseKey(unit, task);
    }

    @Override
    public int compareTo(CaseKey o) {
        return this == o ? 0 : ORDER.compare(this, o);
    }
}

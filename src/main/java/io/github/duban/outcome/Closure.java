package io.github.duban.outcome;

import java.time.LocalDate;
import java.util.Comparator;

/** Inferred: an event that closes a case (rectification, completion, extension, or a quiet month at notice). */
public record Closure(CaseKey key, LocalDate on, String by, String rule) implements Comparable<Closure> {
    private static final Comparator<Closure> ORDER = Comparator.comparing(Closure::on)
            .thenComparing(Closure::by, Text.ORDER)
            .thenComparing(Closure::rule, Text.ORDER);

    @Override
    public int compareTo(Closure o) {
        return this == o ? 0 : ORDER.compare(this, o);
    }
}

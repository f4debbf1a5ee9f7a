package io.github.duban.outcome;

import java.time.LocalDate;
import java.util.Objects;

/** A valid fact the rules set aside, and why (DESIGN §4). Immutable and thread-safe. */
public record Ignored(String fact, Integer task, String unit, LocalDate on, String reason, String rule, Object source) {
    /** Checks that the fact and the reason are given; the task, unit, date, rule and source may be null. */
    public Ignored {
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(reason, "reason");
    }
}

package io.github.duban.model;

import java.time.LocalDate;
import java.util.Objects;

/** A milestone stated inside a task's text (确保2021年5月底前开工). Shown, judges nothing. Immutable and thread-safe. */
public record Milestone(String text, LocalDate date) {
    public Milestone {
        Objects.requireNonNull(text, "text");
    }

    public static Milestone of(String text, LocalDate date) {
        return new Milestone(text, date);
    }
}

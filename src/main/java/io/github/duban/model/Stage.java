package io.github.duban.model;

import java.time.LocalDate;
import java.util.Objects;

/** A stage of the plan (工作步骤), shown but judging nothing. Immutable and thread-safe. */
public record Stage(String name, LocalDate from, LocalDate to) {
    /**
     * Checks that the name and both dates are given and the stage does not end before it starts.
     *
     * @throws IllegalArgumentException when the stage ends before it starts
     */
    public Stage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("stage " + name + " ends " + to + " before it starts " + from);
        }
    }

    /** The stage {@code name}, from {@code from} to {@code to}, both included. */
    public static Stage of(String name, LocalDate from, LocalDate to) {
        return new Stage(name, from, to);
    }
}

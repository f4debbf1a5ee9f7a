package io.github.duban.model;

import java.util.Objects;

/** A goal (工作目标): a numbered group of tasks. Immutable and thread-safe. */
public record Goal(int no, String title) {
    /** Checks that the title is given. */
    public Goal {
        Objects.requireNonNull(title, "title");
    }

    /** Goal number {@code no} (as the plan numbers it) titled {@code title}. */
    public static Goal of(int no, String title) {
        return new Goal(no, title);
    }
}

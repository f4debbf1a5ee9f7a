package io.github.duban.model;

import java.util.Objects;

/** A goal (工作目标): a numbered group of tasks. Immutable and thread-safe. */
public record Goal(int no, String title) {
    public Goal {
        Objects.requireNonNull(title, "title");
    }

    public static Goal of(int no, String title) {
        return new Goal(no, title);
    }
}

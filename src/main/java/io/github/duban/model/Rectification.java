package io.github.duban.model;

import java.time.LocalDate;
import java.util.Objects;

/** A unit's rectification (整改到位) of its case on a task (or unit-wide, task absent), dated. Immutable and thread-safe. */
public record Rectification(String unit, Integer task, LocalDate on) {
    /** Checks that the unit and the date are given; the task may be null. */
    public Rectification {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(on, "on");
    }

    /**
     * Unit {@code unit}'s rectification of its matter on task {@code task} (null: the unit as a whole), dated
     * {@code on}.
     */
    public static Rectification of(String unit, Integer task, LocalDate on) {
        return new Rectification(unit, task, on);
    }
}

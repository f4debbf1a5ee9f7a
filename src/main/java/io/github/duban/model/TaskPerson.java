package io.github.duban.model;

import java.util.Objects;

/**
 * The persons a plan names for one unit on one task: its 责任领导 ({@code leader}) and 责任人
 * ({@code person}), either may be absent. Shown beside the unit; never scored.
 * Immutable and thread-safe.
 */
public record TaskPerson(String unit, String leader, String person) {
    /** Checks that the unit is given; a blank leader or person becomes null, and both are stripped. */
    public TaskPerson {
        Objects.requireNonNull(unit, "unit");
        leader = blankToNull(leader);
        person = blankToNull(person);
    }

    /** The 责任领导 {@code leader} and 责任人 {@code person} of {@code unit} (either null or blank: not named). */
    public static TaskPerson of(String unit, String leader, String person) {
        return new TaskPerson(unit, leader, person);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

package io.github.duban.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A task's deadline (完成时限): a date, met by anything done on or before it, or ongoing
 * (立行立改，长期坚持) with no date. {@code text} keeps the plan's own wording.
 * Immutable and thread-safe.
 */
public record Deadline(LocalDate date, boolean ongoing, String text) {

    /**
     * Checks that a deadline has a date exactly when it is not ongoing; a null text becomes the date, or 长期坚持 for
     * an ongoing deadline.
     *
     * @throws IllegalArgumentException when an ongoing deadline has a date, or another has none
     */
    public Deadline {
        if (ongoing && date != null) {
            throw new IllegalArgumentException("an ongoing deadline has no date, got " + date);
        }
        if (!ongoing && date == null) {
            throw new IllegalArgumentException("a deadline that is not ongoing needs a date");
        }
        text = text == null ? (ongoing ? "长期坚持" : date.toString()) : text;
    }

    /** A deadline on {@code date}, worded {@code text} in the plan (null: the date itself). */
    public static Deadline of(LocalDate date, String text) {
        return new Deadline(Objects.requireNonNull(date, "date"), false, text);
    }

    /**
     * An ongoing deadline with no date, worded {@code text} in the plan (null: 长期坚持); such a task is never overdue,
     * due soon or done.
     */
    public static Deadline ongoing(String text) {
        return new Deadline(null, true, text);
    }

    /** True when the deadline has a date; false when it is ongoing. */
    public boolean dated() {
        return !ongoing;
    }
}

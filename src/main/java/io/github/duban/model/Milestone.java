package io.github.duban.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A milestone (时间节点) of a task: a dated step, in the plan's words, optionally with the percent
 * the task should have reached by then (确保2021年5月底前开工; 6月底前完成50%). A milestone with a
 * percent is judged by the rules (MILESTONE_MISSED); one without is shown only.
 * Immutable and thread-safe.
 */
public record Milestone(String text, LocalDate date, Integer percent) {
    /**
     * Checks that the text is given, a percent lies within 0..100 and comes with a date.
     *
     * @throws IllegalArgumentException when the percent is out of range or has no date
     */
    public Milestone {
        Objects.requireNonNull(text, "text");
        if (percent != null && (percent < 0 || percent > 100)) {
            throw new IllegalArgumentException("milestone percent " + percent + " is outside 0..100");
        }
        if (percent != null && date == null) {
            throw new IllegalArgumentException("milestone \"" + text + "\" names a percent but no date");
        }
    }

    /** A milestone without a percent: shown, not judged. */
    public Milestone(String text, LocalDate date) {
        this(text, date, null);
    }

    /** A milestone without a percent: shown, not judged. */
    public static Milestone of(String text, LocalDate date) {
        return new Milestone(text, date, null);
    }

    /** A milestone on {@code date} requiring {@code percent} (0..100; null: shown, not judged). */
    public static Milestone of(String text, LocalDate date, Integer percent) {
        return new Milestone(text, date, percent);
    }

    /** True when the rules judge it: it has a date and a percent. */
    public boolean judged() {
        return date != null && percent != null;
    }
}

package io.github.duban.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Objects;

/**
 * A progress report (工作进度报送) of a unit on a task for a month, submitted on a date,
 * with an optional percent (0..100) and, for a task with a numeric target, an optional value
 * reached (a report that gives only a value stands at its share of the target, as the rules conclude). Ordered by month, then submission date, then percent
 * and text, so "earliest" and "latest" never depend on the order facts arrive in.
 * Immutable and thread-safe.
 */
public record ProgressReport(int task, String unit, YearMonth month, LocalDate submittedOn, Integer percent, String text,
                             BigDecimal value) implements Comparable<ProgressReport> {

    private static final Comparator<ProgressReport> ORDER = Comparator
            .comparing(ProgressReport::month)
            .thenComparing(ProgressReport::submittedOn)
            .thenComparing(ProgressReport::percent, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ProgressReport::value, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ProgressReport::text, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ProgressReport::unit)
            .thenComparingInt(ProgressReport::task);

    /**
     * Checks that the unit, month and submission date are given, a percent lies within 0..100 and a value is not
     * negative; writes the value without trailing zeros.
     *
     * @throws IllegalArgumentException when the percent or the value is out of range
     */
    public ProgressReport {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(submittedOn, "submittedOn");
        if (percent != null && (percent < 0 || percent > 100)) {
            throw new IllegalArgumentException("percent " + percent + " is outside 0..100");
        }
        value = value == null ? null : value.stripTrailingZeros();
        if (value != null && value.signum() < 0) {
            throw new IllegalArgumentException("value " + value.toPlainString() + " is negative");
        }
    }

    /** A report without a value against a target. */
    public ProgressReport(int task, String unit, YearMonth month, LocalDate submittedOn, Integer percent, String text) {
        this(task, unit, month, submittedOn, percent, text, null);
    }

    /**
     * Unit {@code unit}'s report on task {@code task} for {@code month}, submitted on {@code submittedOn}, at
     * {@code percent} (0..100; null: not given), with no text and no value.
     */
    public static ProgressReport of(int task, String unit, YearMonth month, LocalDate submittedOn, Integer percent) {
        return new ProgressReport(task, unit, month, submittedOn, percent, null);
    }

    @Override
    public int compareTo(ProgressReport o) {
        return this == o ? 0 : ORDER.compare(this, o);
    }
}

package io.github.duban.model;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Objects;

/**
 * A progress report (工作进度报送) of a unit on a task for a month, submitted on a date,
 * with an optional percent (0..100). Ordered by month, then submission date, then percent
 * and text, so "earliest" and "latest" never depend on the order facts arrive in.
 * Immutable and thread-safe.
 */
public record ProgressReport(int task, String unit, YearMonth month, LocalDate submittedOn, Integer percent, String text)
        implements Comparable<ProgressReport> {

    private static final Comparator<ProgressReport> ORDER = Comparator
            .comparing(ProgressReport::month)
            .thenComparing(ProgressReport::submittedOn)
            .thenComparing(ProgressReport::percent, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ProgressReport::text, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ProgressReport::unit)
            .thenComparingInt(ProgressReport::task);

    public ProgressReport {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(submittedOn, "submittedOn");
        if (percent != null && (percent < 0 || percent > 100)) {
            throw new IllegalArgumentException("percent " + percent + " is outside 0..100");
        }
    }

    public static ProgressReport of(int task, String unit, YearMonth month, LocalDate submittedOn, Integer percent) {
        return new ProgressReport(task, unit, month, submittedOn, percent, null);
    }

    @Override
    public int compareTo(ProgressReport o) {
        return this == o ? 0 : ORDER.compare(this, o);
    }
}

package io.github.duban.model;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/**
 * A request to move a task's deadline (延期), approved on a date. Ordered by approval, then
 * request date, new deadline and reason: the order in which extensions are judged.
 * Immutable and thread-safe.
 */
public record Extension(int task, LocalDate requestedOn, LocalDate approvedOn, LocalDate newDeadline, String reason)
        implements Comparable<Extension> {

    private static final Comparator<Extension> ORDER = Comparator
            .comparing(Extension::approvedOn)
            .thenComparing(Extension::requestedOn)
            .thenComparing(Extension::newDeadline)
            .thenComparing(Extension::reason, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(Extension::task);

    /** Checks that the request date, the approval date and the new deadline are given; the reason may be null. */
    public Extension {
        Objects.requireNonNull(requestedOn, "requestedOn");
        Objects.requireNonNull(approvedOn, "approvedOn");
        Objects.requireNonNull(newDeadline, "newDeadline");
    }

    /**
     * Task {@code task}'s deadline moved to {@code newDeadline}, requested on {@code requestedOn} and approved on
     * {@code approvedOn}, with no reason given.
     */
    public static Extension of(int task, LocalDate requestedOn, LocalDate approvedOn, LocalDate newDeadline) {
        return new Extension(task, requestedOn, approvedOn, newDeadline, null);
    }

    @Override
    public int compareTo(Extension o) {
        return this == o ? 0 : ORDER.compare(this, o);
    }
}

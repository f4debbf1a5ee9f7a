package io.github.duban.model;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/** A task done (办结) on a date, optionally accepted (验收) on a later one. Immutable and thread-safe. */
public record Completion(int task, LocalDate completedOn, LocalDate acceptedOn) implements Comparable<Completion> {

    private static final Comparator<Completion> ORDER = Comparator
            .comparing(Completion::completedOn)
            .thenComparing(Completion::acceptedOn, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(Completion::task);

    /**
     * Checks that the completion date is given and an acceptance date, when given, is not before it.
     *
     * @throws IllegalArgumentException when the task was accepted before it was completed
     */
    public Completion {
        Objects.requireNonNull(completedOn, "completedOn");
        if (acceptedOn != null && acceptedOn.isBefore(completedOn)) {
            throw new IllegalArgumentException("acceptedOn " + acceptedOn + " is before completedOn " + completedOn);
        }
    }

    /** Task {@code task} completed on {@code completedOn}, not (yet) accepted. */
    public static Completion of(int task, LocalDate completedOn) {
        return new Completion(task, completedOn, null);
    }

    @Override
    public int compareTo(Completion o) {
        return this == o ? 0 : ORDER.compare(this, o);
    }
}

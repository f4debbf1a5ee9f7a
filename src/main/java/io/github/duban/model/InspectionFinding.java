package io.github.duban.model;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/**
 * What an inspection recorded against (or for) a unit on a date: the unit is never a group;
 * the task is absent for a unit-wide matter; a person (个人) may be named too.
 * Immutable and thread-safe.
 */
public record InspectionFinding(String unit, Integer task, InspectionKind kind, LocalDate on, String person, String note)
        implements Comparable<InspectionFinding> {

    private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<InspectionFinding> ORDER = Comparator
            .comparing(InspectionFinding::on)
            .thenComparing(InspectionFinding::unit)
            .thenComparing(InspectionFinding::task, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(InspectionFinding::kind)
            .thenComparing(InspectionFinding::person, TEXT)
            .thenComparing(InspectionFinding::note, TEXT);

    /** Checks that the unit, the kind and the date are given; the task, the person and the note may be null. */
    public InspectionFinding {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(on, "on");
    }

    /**
     * An inspection of {@code kind} on {@code unit} and task {@code task} (null: the unit as a whole), dated
     * {@code on}, naming no person and with no note.
     */
    public static InspectionFinding of(String unit, Integer task, InspectionKind kind, LocalDate on) {
        return new InspectionFinding(unit, task, kind, on, null, null);
    }

    @Override
    public int compareTo(InspectionFinding o) {
        return this == o ? 0 : ORDER.compare(this, o);
    }
}

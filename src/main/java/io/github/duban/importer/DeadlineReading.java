package io.github.duban.importer;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link DeadlineParser} read one deadline phrase.
 *
 * <ul>
 *   <li>{@code phrase}: the phrase as given;</li>
 *   <li>{@code kind}: see {@link DeadlineKind};</li>
 *   <li>{@code dates}: the dates it names, resolved to ISO dates, in the order written (a month-end
 *       phrase gives the month's last day; a range gives its end). Empty for ONGOING, IMMEDIATE,
 *       RECURRING, RELATIVE and AMBIGUOUS;</li>
 *   <li>{@code soft}: a qualifier such as 原则上, 力争, 争取 softens it ({@code qualifiers} lists them);</li>
 *   <li>{@code ongoing}: the work goes on without end (长期坚持), alone or after a date;</li>
 *   <li>{@code immediate}: the work starts at once (立行立改);</li>
 *   <li>{@code recurrence}, {@code relative}: filled for RECURRING and RELATIVE phrases;</li>
 *   <li>{@code relatives}: every period a RELATIVE phrase counts (接报后2小时内…、12小时内… gives two), the first being {@code relative};</li>
 *   <li>{@code reason}: how it was read, or for AMBIGUOUS why it could not be.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public record DeadlineReading(String phrase, DeadlineKind kind, List<LocalDate> dates, boolean soft, boolean ongoing,
                              boolean immediate, List<String> qualifiers, Recurrence recurrence,
                              RelativePeriod relative, String reason, List<RelativePeriod> relatives) {

    /**
     * Checks that the kind and the reason are given; a null phrase becomes "", null {@code relatives} the
     * {@code relative} alone (or none); the lists are copied.
     */
    public DeadlineReading {
        Objects.requireNonNull(kind, "kind");
        relatives = relatives == null ? (relative == null ? List.of() : List.of(relative)) : List.copyOf(relatives);
        phrase = phrase == null ? "" : phrase;
        dates = List.copyOf(dates);
        qualifiers = List.copyOf(qualifiers);
        Objects.requireNonNull(reason, "reason");
    }

    /** A reading whose {@code relatives} are its {@code relative} alone (none when it is null). */
    public DeadlineReading(String phrase, DeadlineKind kind, List<LocalDate> dates, boolean soft, boolean ongoing,
                           boolean immediate, List<String> qualifiers, Recurrence recurrence, RelativePeriod relative, String reason) {
        this(phrase, kind, dates, soft, ongoing, immediate, qualifiers, recurrence, relative, reason, null);
    }

    /** The latest date named, if any. */
    public Optional<LocalDate> latest() {
        return dates.stream().max(LocalDate::compareTo);
    }

    /** True unless the phrase is AMBIGUOUS. */
    public boolean readable() {
        return kind != DeadlineKind.AMBIGUOUS;
    }
}

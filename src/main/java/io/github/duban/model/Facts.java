package io.github.duban.model;

import java.util.List;

/**
 * The dated facts of a plan: reports, completions, extensions, inspection findings and
 * rectifications. Identical facts count once. Immutable and thread-safe.
 */
public record Facts(List<ProgressReport> reports, List<Completion> completions, List<Extension> extensions,
                    List<InspectionFinding> inspections, List<Rectification> rectifications) {

    /** Drops repeated facts, keeping the first of each; a null list stands for none. */
    public Facts {
        reports = distinct(reports);
        completions = distinct(completions);
        extensions = distinct(extensions);
        inspections = distinct(inspections);
        rectifications = distinct(rectifications);
    }

    /** No facts at all: a month with nothing reported, completed, extended, inspected or rectified. */
    public static Facts none() {
        return new Facts(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** The facts in these lists (null: none), repeated ones counted once. */
    public static Facts of(List<ProgressReport> reports, List<Completion> completions, List<Extension> extensions,
                           List<InspectionFinding> inspections, List<Rectification> rectifications) {
        return new Facts(reports, completions, extensions, inspections, rectifications);
    }

    private static <T> List<T> distinct(List<T> list) {
        return list == null ? List.of() : list.stream().distinct().toList();
    }
}

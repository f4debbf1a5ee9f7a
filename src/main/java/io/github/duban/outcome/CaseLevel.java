package io.github.duban.outcome;

import java.time.LocalDate;
import java.util.List;

/**
 * Inferred: the level a case ends the month at before closing, whether this month raised it,
 * the date and kinds of the findings that last raised it, the persons they named, and the
 * previous month's case if there was one.
 */
public record CaseLevel(CaseKey key, EscalationLevel level, boolean raised, LocalDate raisedOn,
                        List<FindingKind> raisedBy, List<String> persons, List<Finding> findings,
                        LocalDate rectifyBy, LocalDate openedOn, PreviousCase previous, String rule) {

    /** Keeps the raising kinds and the persons once each, in order, and sorts the findings. */
    public CaseLevel {
        raisedBy = raisedBy.stream().distinct().sorted().toList();
        persons = persons.stream().distinct().sorted(Text.ORDER).toList();
        findings = findings.stream().sorted().toList();
    }

    /** The task of the matter; null for a unit-wide matter. */
    public Integer task() {
        return key.task();
    }

    /** The unit of the matter. */
    public String unit() {
        return key.unit();
    }
}

package io.github.duban.outcome;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * A sanction issued when a case reaches a level it had not reached before: the month issued,
 * the rectify-by date (criticism only), the persons the findings that gave the level named,
 * the rule, a Chinese reason and those findings. Immutable and thread-safe.
 */
public record Sanction(EscalationLevel level, String unit, Integer task, YearMonth issued, LocalDate rectifyBy,
                       List<String> persons, String rule, String reason, List<Finding> findings) {
    /**
     * Checks that the level and the unit are given; keeps the persons once each, in code point order, and sorts the
     * findings.
     */
    public Sanction {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(unit, "unit");
        persons = persons.stream().distinct().sorted(Text.ORDER).toList();
        findings = findings.stream().sorted().toList();
    }

    /** The matter sanctioned: its unit and task (null for a unit-wide matter). */
    public CaseKey key() {
        return new CaseKey(unit, task);
    }
}

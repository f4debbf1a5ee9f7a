package io.github.duban.outcome;

/** Inferred: the table level of a finding on the escalation ladder (DESIGN §5). */
public record Charge(Finding finding, CaseKey key, EscalationLevel level, String rule) {
}

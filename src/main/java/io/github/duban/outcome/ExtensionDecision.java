package io.github.duban.outcome;

import io.github.duban.model.Extension;

import java.time.LocalDate;

/** Inferred: whether an extension was granted, and if not why, by which rule. */
public record ExtensionDecision(int task, Extension extension, boolean granted, LocalDate approvedOn,
                                LocalDate newDeadline, String reason, String rule) {
    /**
     * The decision on extension {@code e}: granted or not, the reason (why not, when refused) and the rule that
     * decided.
     */
    public static ExtensionDecision of(Extension e, boolean granted, String reason, String rule) {
        return new ExtensionDecision(e.task(), e, granted, e.approvedOn(), e.newDeadline(), reason, rule);
    }
}

package io.github.duban.error;

/**
 * A run stopped at a limit set on it: a month whose rules fired more often or longer than the
 * policy allows (a rule that loops), or an input larger than what is read. Names what was limited,
 * the limit and, for rules, the rule that fired most. Thread-safe once made.
 */
public final class LimitException extends DubanException {
    /** The setting that was reached. */
    private final String limit;
    /** The rule that fired most; null when not a rules limit. */
    private final String rule;

    /**
     * A run stopped at {@code limit} (the setting reached, such as {@code limits.firings}); {@code rule} is the
     * rule that fired most when a rules limit was reached, else null; {@code problem} is the message.
     */
    public LimitException(String limit, String rule, String problem) {
        super(problem);
        this.limit = limit;
        this.rule = rule;
    }

    /** The setting that was reached ({@code limits.firings}, {@code limits.seconds}, a size). */
    public String limit() {
        return limit;
    }

    /** The rule that fired most when a rules limit was reached, else null. */
    public String rule() {
        return rule;
    }
}

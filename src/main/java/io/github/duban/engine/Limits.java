package io.github.duban.engine;

/**
 * How far the rules of one plan-month may run before the engine stops them: rule firings and
 * seconds of firing. They change no answer a month that ends within them gives, so they are the
 * operator's settings on the engine ({@link Duban.Builder#limits}, the command line's
 * {@code --max-firings} and {@code --max-seconds}), not the office's policy, and stay out of the
 * ruleset's fingerprint. A month that reaches one stops with a
 * {@link io.github.duban.error.LimitException} naming the rule that fired most. A rule whose own
 * action loops in Java cannot be stopped from inside the library; the command line ends the
 * process in that case (docs/rules.md). Immutable.
 *
 * @param firings the most rule firings a plan-month may take
 * @param seconds the most seconds a plan-month's firing may take
 */
public record Limits(long firings, int seconds) {
    /** 5,000,000 firings (a 400-task plan-month takes about 60,000) and 60 seconds. */
    public static final Limits DEFAULT = new Limits(5_000_000L, 60);

    /**
     * Checks that both limits are at least 1.
     *
     * @throws IllegalArgumentException when one is below 1
     */
    public Limits {
        if (firings < 1) {
            throw new IllegalArgumentException("firings is " + firings + "; expected at least 1");
        }
        if (seconds < 1) {
            throw new IllegalArgumentException("seconds is " + seconds + "; expected at least 1");
        }
    }
}

package io.github.duban.error;

/**
 * A policy refused: names the key path of the setting at fault ({@code points.reportLate},
 * {@code bands[2].lower}) and says what was given and what was expected. The policy file and the
 * line of the key are added by the reader when the policy came from a file. Thread-safe once made.
 */
public final class PolicyException extends InputException {
    /** The key path of the setting at fault. */
    private final String key;

    /**
     * A setting at fault, at key path {@code key} ({@code points.reportLate}), with the problem in a sentence; the
     * file and line are added by {@link #at}.
     */
    public PolicyException(String key, String problem) {
        this(null, 0, key, problem);
    }

    private PolicyException(String file, int line, String key, String problem) {
        super(file, line, key, problem);
        this.key = key;
    }

    /** The same problem at {@code file} and {@code line}. */
    @Override
    public PolicyException at(String file, int line) {
        return new PolicyException(file, line, key, problem());
    }

    /** The key path of the setting at fault. */
    public String key() {
        return key;
    }
}

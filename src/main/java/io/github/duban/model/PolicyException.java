package io.github.duban.model;

/**
 * A policy refused: names the key path of the setting at fault ({@code points.reportLate},
 * {@code bands[2].lower}) and says what was given and what was expected.
 */
public final class PolicyException extends IllegalArgumentException {
    private final String key;

    public PolicyException(String key, String problem) {
        super(key + " " + problem);
        this.key = key;
    }

    /** The key path of the setting at fault. */
    public String key() {
        return key;
    }
}

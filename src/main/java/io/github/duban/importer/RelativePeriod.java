package io.github.duban.importer;

import java.util.Objects;

/**
 * A period counted from an event ({@code after}, such as 会后 or 收到通知后; null when the phrase
 * does not say): 30个工作日内 is 30 {@code WORKING_DAY}, 接报后2小时内 is 2 {@code HOUR} after 接报后. Immutable and thread-safe.
 */
public record RelativePeriod(int amount, Unit unit, String after) {

    /** The unit counted. */
    public enum Unit { MINUTE, HOUR, WORKING_DAY, DAY, WEEK, MONTH, YEAR }

    public RelativePeriod {
        Objects.requireNonNull(unit, "unit");
        if (amount <= 0) {
            throw new IllegalArgumentException("amount " + amount + " is not positive");
        }
    }
}

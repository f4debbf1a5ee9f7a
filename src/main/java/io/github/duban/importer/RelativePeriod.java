package io.github.duban.importer;

import java.util.Objects;

/**
 * A period counted from an event ({@code after}, such as 会后 or 收到通知后; null when the phrase
 * does not say): 30个工作日内 is 30 {@code WORKING_DAY}, 接报后2小时内 is 2 {@code HOUR} after 接报后. Immutable and thread-safe.
 */
public record RelativePeriod(int amount, Unit unit, String after) {

    /** The unit counted. */
    public enum Unit {
        /** Minutes (分钟). */
        MINUTE,
        /** Hours (小时). */
        HOUR,
        /** Working days (工作日). */
        WORKING_DAY,
        /** Calendar days (日, 天). */
        DAY,
        /** Weeks (周). */
        WEEK,
        /** Months (个月). */
        MONTH,
        /** Years (年). */
        YEAR
    }

    /** Checks that the unit is given and the amount is positive. */
    public RelativePeriod {
        Objects.requireNonNull(unit, "unit");
        if (amount <= 0) {
            throw new IllegalArgumentException("amount " + amount + " is not positive");
        }
    }
}

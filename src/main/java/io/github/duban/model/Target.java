package io.github.duban.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A task's numeric target (目标值), such as 6000 万元: a report may give the value reached
 * ({@link ProgressReport#value()}) instead of a percent. The value must be positive.
 * Immutable and thread-safe.
 */
public record Target(BigDecimal value, String unit) {
    /**
     * Checks that the value is positive; a null unit becomes "".
     *
     * @throws IllegalArgumentException when the value is zero or negative
     */
    public Target {
        Objects.requireNonNull(value, "value");
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("target value " + value.toPlainString()
                    + " is not positive (a target is what 100 percent means; give a value above 0)");
        }
        unit = unit == null ? "" : unit;
    }

    /** A target of {@code value} in {@code unit} (万元; null: none), what 100 percent means. */
    public static Target of(BigDecimal value, String unit) {
        return new Target(value, unit);
    }

    /** The value and its unit as a plan prints them (6000万元). */
    public String text() {
        BigDecimal s = value.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString() + unit;
    }
}

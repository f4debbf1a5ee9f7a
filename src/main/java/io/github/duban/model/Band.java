package io.github.duban.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One rating band of a policy: its code name ({@code EXCELLENT}), its Chinese name (优秀) and the
 * lowest score that earns it. Bands are listed from the best down; a score takes the first band
 * whose lower bound it reaches. Immutable and thread-safe.
 */
public record Band(String name, String chinese, BigDecimal lower) {
    /**
     * Checks that the names are given and not blank, and writes the lower bound without trailing zeros (90, not
     * 90.0).
     *
     * @throws IllegalArgumentException when a name is blank
     */
    public Band {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(chinese, "chinese");
        Objects.requireNonNull(lower, "lower");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a band's name is blank");
        }
        if (chinese.isBlank()) {
            throw new IllegalArgumentException("band " + name + " has a blank Chinese name");
        }
        BigDecimal s = lower.stripTrailingZeros();
        lower = s.scale() < 0 ? s.setScale(0) : s;
    }

    /** A band whose lower bound is written as a decimal text ({@code "90"}, {@code "59.5"}). */
    public static Band of(String name, String chinese, String lower) {
        return new Band(name, chinese, new BigDecimal(lower));
    }
}

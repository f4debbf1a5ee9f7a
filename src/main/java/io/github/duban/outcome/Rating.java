package io.github.duban.outcome;

import java.util.List;
import java.util.Objects;

/**
 * A monthly rating: the code name of the policy band a score fell in ({@code EXCELLENT}) and its
 * Chinese name (优秀). The default policy's four bands are the constants below; a county policy
 * may name others (优秀/良好/一般/较差). Immutable and thread-safe.
 */
public record Rating(String name, String chinese) {
    /** 优秀 */
    public static final Rating EXCELLENT = new Rating("EXCELLENT", "优秀");
    /** 良好 */
    public static final Rating GOOD = new Rating("GOOD", "良好");
    /** 合格 */
    public static final Rating PASS = new Rating("PASS", "合格");
    /** 不合格 */
    public static final Rating FAIL = new Rating("FAIL", "不合格");

    private static final List<Rating> DEFAULTS = List.of(EXCELLENT, GOOD, PASS, FAIL);

    /** Checks that both names are given. */
    public Rating {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(chinese, "chinese");
    }

    /** The default policy's ratings, best first. */
    public static List<Rating> values() {
        return DEFAULTS;
    }

    /** One of the default policy's ratings by its code name. */
    public static Rating valueOf(String name) {
        for (Rating r : DEFAULTS) {
            if (r.name.equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no default rating " + name + " (expected one of EXCELLENT, GOOD, PASS, FAIL)");
    }

    /** The code name, as an enum constant would print. */
    @Override
    public String toString() {
        return name;
    }
}

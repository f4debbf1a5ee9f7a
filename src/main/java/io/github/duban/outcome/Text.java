package io.github.duban.outcome;

import java.util.Comparator;

/**
 * Text as the rules and outputs write it: Unicode (code point) order of strings, the order units
 * are listed in, and the forms an office writes dates, months and titles in (DESIGN §8: 年月日
 * dates, “” quotes). Formatting only; it decides nothing. Thread-safe.
 */
public final class Text {
    /**
     * Strings in Unicode code point order (not UTF-16 unit order, nor a Chinese collation): the order units and
     * reasons are listed in, the same on every machine.
     */
    public static final Comparator<String> ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private Text() {
    }

    /** 2021年5月15日 */
    public static String dateText(java.time.LocalDate d) {
        return d == null ? "" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** 2021年5月 */
    public static String monthText(java.time.YearMonth m) {
        return m == null ? "" : m.getYear() + "年" + m.getMonthValue() + "月";
    }

    /** “推进建设领域审批制度改革” (a quoted title; its own “” become ‘’) */
    public static String quoted(String title) {
        return "“" + (title == null ? "" : title.replace('“', '‘').replace('”', '’')) + "”";
    }

    /** A number as plain text without trailing zeros (92, 98.5, -0.5). */
    public static String numberText(java.math.BigDecimal v) {
        if (v == null) {
            return "";
        }
        java.math.BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    /** A signed number of points (+2, -0.5, +0). */
    public static String signed(java.math.BigDecimal v) {
        return (v.signum() >= 0 ? "+" : "") + numberText(v);
    }
}

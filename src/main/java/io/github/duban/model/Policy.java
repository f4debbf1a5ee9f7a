package io.github.duban.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The numbers the rules judge and score by (DESIGN §3, §4, §6). Points are signed: deductions
 * are zero or negative, bonuses zero or positive. A policy whose deductions fall as the level
 * rises (a notice costing more than a criticism, a late report more than a missing one) is
 * refused. Immutable and thread-safe.
 *
 * @param dueDay        overrides the plan's reporting due day when not null
 * @param workingDays   count days late, days overdue and rectify days in working days
 * @param rollDueDate   move a report due date on a non-working day to the next working day
 */
public record Policy(int dueSoonDays, int dueSoonPercent, int earlyDays, int rectifyDays,
                     int redBehind, int yellowBehind,
                     BigDecimal reportLate, BigDecimal reportMissing, BigDecimal taskOverdue,
                     BigDecimal notice, BigDecimal criticism, BigDecimal exposure,
                     BigDecimal completedEarly, BigDecimal commended, BigDecimal bonusCap,
                     BigDecimal excellent, BigDecimal good, BigDecimal pass,
                     Integer dueDay, boolean workingDays, boolean rollDueDate) {

    /** The defaults of DESIGN §6. */
    public static final Policy DEFAULT = new Policy(30, 50, 15, 15, 30, 10,
            bd("-1"), bd("-2"), bd("-3"), bd("-0.5"), bd("-5"), bd("-10"), bd("2"), bd("3"), bd("5"),
            bd("95"), bd("85"), bd("70"), null, false, false);

    public Policy {
        nonNegative("dueSoonDays", dueSoonDays);
        nonNegative("earlyDays", earlyDays);
        nonNegative("redBehind", redBehind);
        nonNegative("yellowBehind", yellowBehind);
        if (dueSoonPercent < 0 || dueSoonPercent > 100) {
            throw new IllegalArgumentException("dueSoonPercent " + dueSoonPercent + " is outside 0..100");
        }
        if (rectifyDays < 1) {
            throw new IllegalArgumentException("rectifyDays " + rectifyDays + " must be at least 1");
        }
        if (yellowBehind > redBehind) {
            throw new IllegalArgumentException("yellowBehind " + yellowBehind + " is above redBehind " + redBehind);
        }
        deduction("reportLate", reportLate);
        deduction("reportMissing", reportMissing);
        deduction("taskOverdue", taskOverdue);
        deduction("notice", notice);
        deduction("criticism", criticism);
        deduction("exposure", exposure);
        bonus("completedEarly", completedEarly);
        bonus("commended", commended);
        bonus("bonusCap", bonusCap);
        if (criticism.compareTo(notice) > 0 || exposure.compareTo(criticism) > 0) {
            throw new IllegalArgumentException("sanction deductions must not fall as the level rises: notice " + notice
                    + ", criticism " + criticism + ", exposure " + exposure);
        }
        if (reportMissing.compareTo(reportLate) > 0) {
            throw new IllegalArgumentException("a missing report (" + reportMissing + ") must not cost less than a late one (" + reportLate + ")");
        }
        Objects.requireNonNull(excellent, "excellent");
        Objects.requireNonNull(good, "good");
        Objects.requireNonNull(pass, "pass");
        if (excellent.compareTo(good) < 0 || good.compareTo(pass) < 0) {
            throw new IllegalArgumentException("ratings must not rise as they fall: excellent " + excellent + ", good " + good + ", pass " + pass);
        }
        if (dueDay != null && (dueDay < 1 || dueDay > 31)) {
            throw new IllegalArgumentException("dueDay " + dueDay + " is outside 1..31");
        }
        reportLate = plain(reportLate);
        reportMissing = plain(reportMissing);
        taskOverdue = plain(taskOverdue);
        notice = plain(notice);
        criticism = plain(criticism);
        exposure = plain(exposure);
        completedEarly = plain(completedEarly);
        commended = plain(commended);
        bonusCap = plain(bonusCap);
        excellent = plain(excellent);
        good = plain(good);
        pass = plain(pass);
    }

    /** The points a sanction of this level takes. */
    public BigDecimal sanction(String level) {
        return switch (level) {
            case "NOTICE" -> notice;
            case "CRITICISM" -> criticism;
            case "EXPOSURE" -> exposure;
            default -> throw new IllegalArgumentException("no sanction level " + level);
        };
    }

    private static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    private static void nonNegative(String name, int v) {
        if (v < 0) {
            throw new IllegalArgumentException(name + " " + v + " is negative");
        }
    }

    private static void deduction(String name, BigDecimal v) {
        Objects.requireNonNull(v, name);
        if (v.signum() > 0) {
            throw new IllegalArgumentException(name + " " + v.toPlainString() + " is a deduction and must be zero or negative");
        }
    }

    private static void bonus(String name, BigDecimal v) {
        Objects.requireNonNull(v, name);
        if (v.signum() < 0) {
            throw new IllegalArgumentException(name + " " + v.toPlainString() + " is a bonus and must be zero or positive");
        }
    }
}

package io.github.duban.model;

import io.github.duban.error.PolicyException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The numbers the rules judge and score by (DESIGN §3, §4, §6), as a county's 考核办法 sets them.
 * Points are signed: deductions are zero or negative, bonuses zero or positive. A unit's score is
 * {@code base} less its deductions (each category at most its monthly cap, 扣完为止) plus its
 * bonuses up to {@code bonusCap}, kept within {@code [lowerBound, upperBound]}; lines that fall on a
 * supporting unit (a unit named for a task it does not lead) count at {@code supportingWeight}.
 * The rating is the first of {@code bands} (best first) whose lower bound the score reaches.
 * Every setting is documented under its key path in docs/policy.md; a setting out of range is
 * refused with a {@link PolicyException} naming that key path. Immutable and thread-safe.
 *
 * @param dueDay           overrides the plan's reporting due day when not null
 * @param workingDays      count days late, days overdue and rectify days in working days
 * @param rollDueDate      move a report due date on a non-working day to the next working day
 * @param caps             the most each category of deduction may take in a month, by category
 *                         ({@link #CATEGORIES}), written as a deduction (−5: at most 5 points);
 *                         a category left out has no cap
 * @param milestoneMissed  the points of a milestone missed (counted with the reports where a cap is set)
 * @param ratingCeilings   by sanction level (NOTICE, CRITICISM, EXPOSURE), the best band a unit issued
 *                         a sanction of that level in the month may be rated (一票否决 in the small);
 *                         a level left out has no ceiling. {@link #defaultCeilings} gives the defaults.
 * @param remind           when units are reminded (催办) of what they owe ({@link Reminding})
 */
public record Policy(int dueSoonDays, int dueSoonPercent, int earlyDays, int rectifyDays,
                     int redBehind, int yellowBehind,
                     BigDecimal reportLate, BigDecimal reportMissing, BigDecimal taskOverdue,
                     BigDecimal notice, BigDecimal criticism, BigDecimal exposure,
                     BigDecimal completedEarly, BigDecimal commended, BigDecimal bonusCap,
                     Integer dueDay, boolean workingDays, boolean rollDueDate,
                     BigDecimal base, BigDecimal lowerBound, BigDecimal upperBound, BigDecimal supportingWeight,
                     List<Band> bands, Map<String, BigDecimal> caps, BigDecimal milestoneMissed,
                     Map<String, String> ratingCeilings, Reminding remind) {

    /**
     * When the reminder rules (reminders.drl) remind a unit (催办), every count a positive whole number:
     *
     * @param reportDays    a monthly report is due: this many working days before its due date (and on the day itself)
     * @param chaseEvery    an overdue report is chased on the first working day after its due date and every this many working days after
     * @param deadlineDays  a task's deadline in force is near: this many calendar days before it
     * @param milestoneDays a milestone with a percent is near: this many calendar days before it
     * @param rectifyDays   an open case's rectify-by date is near: this many working days before it
     * @param escalateAfter a matter still open this many working days after it fell due goes to the unit's 责任领导 (督办)
     */
    public record Reminding(List<Integer> reportDays, int chaseEvery, List<Integer> deadlineDays, List<Integer> milestoneDays,
                            List<Integer> rectifyDays, int escalateAfter) {

        /** 3 and 1 working days before a report's due date, chased every 2 working days; 30, 7 and 1 days before a deadline;
         *  7 and 1 before a milestone; 3 and 1 working days before a rectify-by date; the leader after 3 working days. */
        public static final Reminding DEFAULT = new Reminding(List.of(3, 1), 2, List.of(30, 7, 1), List.of(7, 1), List.of(3, 1), 3);

        /**
         * Checks each list of days (each a number in 1..366, none twice) and the counts of working days (each in
         * 1..31), and copies the lists.
         *
         * @throws PolicyException naming the {@code remind.*} key at fault
         */
        public Reminding {
            reportDays = days("remind.reportDays", reportDays);
            deadlineDays = days("remind.deadlineDays", deadlineDays);
            milestoneDays = days("remind.milestoneDays", milestoneDays);
            rectifyDays = days("remind.rectifyDays", rectifyDays);
            if (chaseEvery < 1 || chaseEvery > 31) {
                throw new PolicyException("remind.chaseEvery", "is " + chaseEvery + "; expected a number of working days in 1..31");
            }
            if (escalateAfter < 1 || escalateAfter > 31) {
                throw new PolicyException("remind.escalateAfter", "is " + escalateAfter + "; expected a number of working days in 1..31");
            }
        }

        private static List<Integer> days(String key, List<Integer> days) {
            Objects.requireNonNull(days, key);
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < days.size(); i++) {
                Integer d = days.get(i);
                if (d == null || d < 1 || d > 366) {
                    throw new PolicyException(key + "[" + i + "]", "is " + d + "; expected a number of days in 1..366");
                }
                if (!seen.add(d)) {
                    throw new PolicyException(key + "[" + i + "]", "is " + d + ", which the list already has; expected each number of days once");
                }
            }
            return List.copyOf(days);
        }
    }

    /** The categories of deduction a monthly cap can be set for: reports (late, missing), tasks (overdue), sanctions. */
    public static final List<String> CATEGORIES = List.of("reports", "sanctions", "tasks");

    /** The rating bands of DESIGN §6. */
    public static final List<Band> DEFAULT_BANDS = List.of(Band.of("EXCELLENT", "优秀", "95"), Band.of("GOOD", "良好", "85"),
            Band.of("PASS", "合格", "70"), Band.of("FAIL", "不合格", "0"));

    /** The sanction levels a rating ceiling can be set for, in ladder order. */
    public static final List<String> LEVELS = List.of("NOTICE", "CRITICISM", "EXPOSURE");

    /** The defaults of DESIGN §6. */
    public static final Policy DEFAULT = new Policy(30, 50, 15, 15, 30, 10,
            bd("-1"), bd("-2"), bd("-3"), bd("-0.5"), bd("-5"), bd("-10"), bd("2"), bd("3"), bd("5"),
            bd("95"), bd("85"), bd("70"), null, false, false);

    /**
     * Checks every setting against its range and against the others (deductions zero or negative, bonuses zero or
     * positive, heavier sanctions costing no less, base within the bounds, bands from the best down covering every
     * score, ceilings naming bands and no better for a heavier level); writes numbers without trailing zeros,
     * copies the lists and maps, and takes the default reminders when {@code remind} is null.
     *
     * @throws PolicyException naming the key path of the first setting at fault
     */
    public Policy {
        nonNegative("judging.dueSoonDays", dueSoonDays);
        nonNegative("judging.earlyDays", earlyDays);
        nonNegative("board.redBehind", redBehind);
        nonNegative("board.yellowBehind", yellowBehind);
        if (dueSoonPercent < 0 || dueSoonPercent > 100) {
            throw new PolicyException("judging.dueSoonPercent", "is " + dueSoonPercent + "; expected a percent in 0..100");
        }
        if (rectifyDays < 1) {
            throw new PolicyException("judging.rectifyDays", "is " + rectifyDays + "; expected at least 1 day");
        }
        if (yellowBehind > redBehind) {
            throw new PolicyException("board.yellowBehind", "is " + yellowBehind + ", above board.redBehind " + redBehind
                    + "; expected at most board.redBehind (yellow comes before red)");
        }
        reportLate = deduction("points.reportLate", reportLate);
        reportMissing = deduction("points.reportMissing", reportMissing);
        taskOverdue = deduction("points.taskOverdue", taskOverdue);
        notice = deduction("points.notice", notice);
        criticism = deduction("points.criticism", criticism);
        exposure = deduction("points.exposure", exposure);
        completedEarly = bonus("points.completedEarly", completedEarly);
        commended = bonus("points.commended", commended);
        bonusCap = bonus("bonusCap", bonusCap);
        if (criticism.compareTo(notice) > 0) {
            throw new PolicyException("points.criticism", "is " + criticism.toPlainString() + " but points.notice is "
                    + notice.toPlainString() + "; expected at most points.notice (sanction deductions must not fall as the level rises)");
        }
        if (exposure.compareTo(criticism) > 0) {
            throw new PolicyException("points.exposure", "is " + exposure.toPlainString() + " but points.criticism is "
                    + criticism.toPlainString() + "; expected at most points.criticism (sanction deductions must not fall as the level rises)");
        }
        if (reportMissing.compareTo(reportLate) > 0) {
            throw new PolicyException("points.reportMissing", "is " + reportMissing.toPlainString() + " but points.reportLate is "
                    + reportLate.toPlainString() + "; expected at most points.reportLate (a missing report must not cost less than a late one)");
        }
        if (dueDay != null && (dueDay < 1 || dueDay > 31)) {
            throw new PolicyException("calendar.dueDay", "is " + dueDay + "; expected a day of the month in 1..31, or null for the plan's");
        }
        base = plain(Objects.requireNonNull(base, "base"));
        lowerBound = plain(Objects.requireNonNull(lowerBound, "lowerBound"));
        upperBound = plain(Objects.requireNonNull(upperBound, "upperBound"));
        if (lowerBound.compareTo(upperBound) > 0) {
            throw new PolicyException("bounds.lower", "is " + lowerBound.toPlainString() + ", above bounds.upper "
                    + upperBound.toPlainString() + "; expected at most bounds.upper");
        }
        if (base.compareTo(lowerBound) < 0 || base.compareTo(upperBound) > 0) {
            throw new PolicyException("base", "is " + base.toPlainString() + "; expected a score within bounds.lower "
                    + lowerBound.toPlainString() + " .. bounds.upper " + upperBound.toPlainString());
        }
        supportingWeight = plain(Objects.requireNonNull(supportingWeight, "supportingWeight"));
        if (supportingWeight.signum() < 0 || supportingWeight.compareTo(BigDecimal.ONE) > 0) {
            throw new PolicyException("supportingWeight", "is " + supportingWeight.toPlainString()
                    + "; expected a weight in 0..1 (1: supporting units answer in full, 0.5: at half weight)");
        }
        bands = List.copyOf(Objects.requireNonNull(bands, "bands"));
        if (bands.isEmpty()) {
            throw new PolicyException("bands", "is empty; expected at least one rating band");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < bands.size(); i++) {
            Band b = bands.get(i);
            if (!names.add(b.name())) {
                throw new PolicyException("bands[" + i + "].name", "is " + b.name() + ", a name an earlier band already has; expected each band's name once");
            }
            if (i > 0 && b.lower().compareTo(bands.get(i - 1).lower()) > 0) {
                throw new PolicyException("bands[" + i + "].lower", "is " + b.lower().toPlainString() + ", above bands[" + (i - 1)
                        + "].lower " + bands.get(i - 1).lower().toPlainString() + "; expected the bands from the best down, each lower bound at most the one before");
            }
        }
        Band last = bands.get(bands.size() - 1);
        if (last.lower().compareTo(lowerBound) > 0) {
            throw new PolicyException("bands[" + (bands.size() - 1) + "].lower", "is " + last.lower().toPlainString()
                    + ", above bounds.lower " + lowerBound.toPlainString()
                    + "; expected at most bounds.lower, so that every score has a rating");
        }
        Map<String, BigDecimal> c = new TreeMap<>();
        for (Map.Entry<String, BigDecimal> e : Objects.requireNonNull(caps, "caps").entrySet()) {
            if (!CATEGORIES.contains(e.getKey())) {
                throw new PolicyException("caps." + e.getKey(), "is not a category of deduction; expected one of " + CATEGORIES);
            }
            if (e.getValue() != null) {
                c.put(e.getKey(), deduction("caps." + e.getKey(), e.getValue()));
            }
        }
        caps = Collections.unmodifiableMap(c);
        milestoneMissed = deduction("points.milestoneMissed", milestoneMissed);
        Map<String, String> ceilings = new TreeMap<>();
        int loosest = -1;
        for (String level : LEVELS) {
            String band = Objects.requireNonNull(ratingCeilings, "ratingCeilings").get(level);
            if (band == null) {
                continue;
            }
            int at = -1;
            for (int i = 0; i < bands.size(); i++) {
                if (bands.get(i).name().equals(band)) {
                    at = i;
                }
            }
            if (at < 0) {
                throw new PolicyException("ratingCeilings." + level, "is " + band + ", which names no band of this policy; expected one of "
                        + bands.stream().map(Band::name).toList() + ", or null for no ceiling");
            }
            if (at < loosest) {
                throw new PolicyException("ratingCeilings." + level, "is " + band + ", a better band than a lower level's ceiling "
                        + bands.get(loosest).name() + "; expected a ceiling no better than the one below it (a heavier sanction must not allow a better rating)");
            }
            loosest = at;
            ceilings.put(level, band);
        }
        for (String level : ratingCeilings.keySet()) {
            if (!LEVELS.contains(level)) {
                throw new PolicyException("ratingCeilings." + level, "is not a sanction level; expected one of " + LEVELS);
            }
        }
        ratingCeilings = Collections.unmodifiableMap(ceilings);
        remind = remind == null ? Reminding.DEFAULT : remind;
    }

    /** As the canonical constructor, with the default reminders ({@link Reminding#DEFAULT}). */
    public Policy(int dueSoonDays, int dueSoonPercent, int earlyDays, int rectifyDays,
                  int redBehind, int yellowBehind,
                  BigDecimal reportLate, BigDecimal reportMissing, BigDecimal taskOverdue,
                  BigDecimal notice, BigDecimal criticism, BigDecimal exposure,
                  BigDecimal completedEarly, BigDecimal commended, BigDecimal bonusCap,
                  Integer dueDay, boolean workingDays, boolean rollDueDate,
                  BigDecimal base, BigDecimal lowerBound, BigDecimal upperBound, BigDecimal supportingWeight,
                  List<Band> bands, Map<String, BigDecimal> caps, BigDecimal milestoneMissed,
                  Map<String, String> ratingCeilings) {
        this(dueSoonDays, dueSoonPercent, earlyDays, rectifyDays, redBehind, yellowBehind, reportLate, reportMissing,
                taskOverdue, notice, criticism, exposure, completedEarly, commended, bonusCap, dueDay, workingDays,
                rollDueDate, base, lowerBound, upperBound, supportingWeight, bands, caps, milestoneMissed, ratingCeilings,
                Reminding.DEFAULT);
    }

    /** A copy with other reminder settings. */
    public Policy withReminding(Reminding reminding) {
        return new Policy(dueSoonDays, dueSoonPercent, earlyDays, rectifyDays, redBehind, yellowBehind,
                reportLate, reportMissing, taskOverdue, notice, criticism, exposure, completedEarly, commended, bonusCap,
                dueDay, workingDays, rollDueDate, base, lowerBound, upperBound, supportingWeight, bands, caps,
                milestoneMissed, ratingCeilings, Objects.requireNonNull(reminding, "reminding"));
    }

    /** As the canonical constructor, with the default milestone points (−1) and the default ceilings of {@code bands}. */
    public Policy(int dueSoonDays, int dueSoonPercent, int earlyDays, int rectifyDays,
                  int redBehind, int yellowBehind,
                  BigDecimal reportLate, BigDecimal reportMissing, BigDecimal taskOverdue,
                  BigDecimal notice, BigDecimal criticism, BigDecimal exposure,
                  BigDecimal completedEarly, BigDecimal commended, BigDecimal bonusCap,
                  Integer dueDay, boolean workingDays, boolean rollDueDate,
                  BigDecimal base, BigDecimal lowerBound, BigDecimal upperBound, BigDecimal supportingWeight,
                  List<Band> bands, Map<String, BigDecimal> caps) {
        this(dueSoonDays, dueSoonPercent, earlyDays, rectifyDays, redBehind, yellowBehind, reportLate, reportMissing,
                taskOverdue, notice, criticism, exposure, completedEarly, commended, bonusCap, dueDay, workingDays,
                rollDueDate, base, lowerBound, upperBound, supportingWeight, bands, caps, BigDecimal.ONE.negate(),
                defaultCeilings(bands));
    }

    /**
     * The rating ceilings a policy has when it sets none (DESIGN §6): a criticism caps the rating at
     * the second band (良好 by default), an exposure at the third (合格); a level whose band the
     * policy lacks has none.
     */
    public static Map<String, String> defaultCeilings(List<Band> bands) {
        Map<String, String> c = new TreeMap<>();
        if (bands != null && bands.size() > 1) {
            c.put("CRITICISM", bands.get(1).name());
        }
        if (bands != null && bands.size() > 2) {
            c.put("EXPOSURE", bands.get(2).name());
        }
        return c;
    }

    /** The band a unit issued a sanction of {@code level} this month is rated no better than, or null. */
    public Band ceilingOf(String level) {
        String name = ratingCeilings.get(level);
        if (name == null) {
            return null;
        }
        return bands.stream().filter(b -> b.name().equals(name)).findFirst().orElse(null);
    }

    /** The place of band {@code name} among the bands, best first (0), or -1 when no band has that name. */
    public int bandIndex(String name) {
        for (int i = 0; i < bands.size(); i++) {
            if (bands.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A policy of DESIGN §6's shape: base 100, scores within [0, 100 + bonusCap], supporting units
     * in full, no caps, and the four bands EXCELLENT ≥ excellent, GOOD ≥ good, PASS ≥ pass, FAIL.
     */
    public Policy(int dueSoonDays, int dueSoonPercent, int earlyDays, int rectifyDays,
                  int redBehind, int yellowBehind,
                  BigDecimal reportLate, BigDecimal reportMissing, BigDecimal taskOverdue,
                  BigDecimal notice, BigDecimal criticism, BigDecimal exposure,
                  BigDecimal completedEarly, BigDecimal commended, BigDecimal bonusCap,
                  BigDecimal excellent, BigDecimal good, BigDecimal pass,
                  Integer dueDay, boolean workingDays, boolean rollDueDate) {
        this(dueSoonDays, dueSoonPercent, earlyDays, rectifyDays, redBehind, yellowBehind,
                reportLate, reportMissing, taskOverdue, notice, criticism, exposure, completedEarly, commended, bonusCap,
                dueDay, workingDays, rollDueDate,
                BigDecimal.valueOf(100), BigDecimal.ZERO, BigDecimal.valueOf(100).add(Objects.requireNonNull(bonusCap, "bonusCap")),
                BigDecimal.ONE, fourBands(excellent, good, pass), Map.of());
    }

    private static List<Band> fourBands(BigDecimal excellent, BigDecimal good, BigDecimal pass) {
        Objects.requireNonNull(excellent, "excellent");
        Objects.requireNonNull(good, "good");
        Objects.requireNonNull(pass, "pass");
        List<Band> b = new ArrayList<>();
        b.add(new Band("EXCELLENT", "优秀", excellent));
        b.add(new Band("GOOD", "良好", good));
        b.add(new Band("PASS", "合格", pass));
        b.add(new Band("FAIL", "不合格", pass.min(BigDecimal.ZERO)));
        return b;
    }

    /** The lower bound of the band named EXCELLENT (else the first band). */
    public BigDecimal excellent() {
        return bandLower("EXCELLENT", 0);
    }

    /** The lower bound of the band named GOOD (else the second band; null when there is none). */
    public BigDecimal good() {
        return bandLower("GOOD", 1);
    }

    /** The lower bound of the band named PASS (else the third band; null when there is none). */
    public BigDecimal pass() {
        return bandLower("PASS", 2);
    }

    private BigDecimal bandLower(String name, int index) {
        for (Band b : bands) {
            if (b.name().equals(name)) {
                return b.lower();
            }
        }
        return index < bands.size() ? bands.get(index).lower() : null;
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

    /** The key path of the points a sanction of this level takes ({@code points.criticism}). */
    public static String sanctionKey(String level) {
        return switch (level) {
            case "NOTICE" -> "points.notice";
            case "CRITICISM" -> "points.criticism";
            case "EXPOSURE" -> "points.exposure";
            default -> throw new IllegalArgumentException("no sanction level " + level);
        };
    }

    /** A copy with other scoring settings: base, bounds, supporting weight, bands (with their default ceilings) and caps. */
    public Policy withScoring(BigDecimal base, BigDecimal lowerBound, BigDecimal upperBound, BigDecimal supportingWeight,
                              List<Band> bands, Map<String, BigDecimal> caps) {
        return new Policy(dueSoonDays, dueSoonPercent, earlyDays, rectifyDays, redBehind, yellowBehind,
                reportLate, reportMissing, taskOverdue, notice, criticism, exposure, completedEarly, commended, bonusCap,
                dueDay, workingDays, rollDueDate, base, lowerBound, upperBound, supportingWeight, bands, caps,
                milestoneMissed, defaultCeilings(bands), remind);
    }

    /** A copy with other rating ceilings (an empty map: none). */
    public Policy withCeilings(Map<String, String> ceilings) {
        return new Policy(dueSoonDays, dueSoonPercent, earlyDays, rectifyDays, redBehind, yellowBehind,
                reportLate, reportMissing, taskOverdue, notice, criticism, exposure, completedEarly, commended, bonusCap,
                dueDay, workingDays, rollDueDate, base, lowerBound, upperBound, supportingWeight, bands, caps,
                milestoneMissed, ceilings, remind);
    }

    private static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    private static void nonNegative(String key, int v) {
        if (v < 0) {
            throw new PolicyException(key, "is " + v + "; expected zero or more");
        }
    }

    private static BigDecimal deduction(String key, BigDecimal v) {
        Objects.requireNonNull(v, key);
        if (v.signum() > 0) {
            throw new PolicyException(key, "is " + v.toPlainString() + "; a deduction must be zero or negative (write -"
                    + v.toPlainString() + ")");
        }
        return plain(v);
    }

    private static BigDecimal bonus(String key, BigDecimal v) {
        Objects.requireNonNull(v, key);
        if (v.signum() < 0) {
            throw new PolicyException(key, "is " + v.toPlainString() + "; a bonus must be zero or positive");
        }
        return plain(v);
    }
}

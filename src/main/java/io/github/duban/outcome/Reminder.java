package io.github.duban.outcome;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One reminder (催办) the rules of reminders.drl conclude for a date: who is reminded ({@code unit},
 * and {@code person} when the plan names one), of what ({@code kind}, {@code task}, for a report its
 * {@code month}), by when ({@code dueOn}), at which level ({@link #REMIND} 提醒, or {@link #PRESS}
 * 督办 addressed to the unit's 责任领导), by which rule and from which facts, and the message a phone
 * shows (at most {@link #MAX_MESSAGE} characters). The {@code id} is the same for the same matter
 * on the same date, whatever else changes. Immutable and thread-safe.
 */
public record Reminder(String id, LocalDate date, ReminderKind kind, String level, String unit, String person,
                       Integer task, YearMonth month, LocalDate dueOn, String rule, List<Object> facts, String message)
        implements Comparable<Reminder> {

    /** The level of a reminder to the unit. */
    public static final String REMIND = "提醒";
    /** The level of a reminder to the unit's 责任领导, for a matter left open too long. */
    public static final String PRESS = "督办";
    /** The most characters a message may have: what a text message shows in one piece. */
    public static final int MAX_MESSAGE = 70;

    private static final Comparator<Reminder> ORDER = Comparator.comparing(Reminder::date)
            .thenComparing(Reminder::unit, Text.ORDER)
            .thenComparing(Reminder::kind)
            .thenComparing(Reminder::task, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Reminder::month, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Reminder::dueOn)
            .thenComparing(Reminder::id);

    /**
     * Checks that the id, date, kind, unit, due date and message are given and the level is {@link #REMIND} or
     * {@link #PRESS}; copies the facts.
     *
     * @throws IllegalArgumentException when the level is neither
     */
    public Reminder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(message, "message");
        if (!REMIND.equals(level) && !PRESS.equals(level)) {
            throw new IllegalArgumentException("a reminder's level is " + REMIND + " or " + PRESS + ", not " + level);
        }
        facts = List.copyOf(facts);
    }

    /** A reminder with its id made from the matter and the date ({@link #idOf}). */
    public static Reminder of(LocalDate date, ReminderKind kind, String level, String unit, String person, Integer task,
                              YearMonth month, LocalDate dueOn, String rule, List<?> facts, String message) {
        return new Reminder(idOf(kind, unit, task, month, dueOn, date), date, kind, level, unit, person, task, month, dueOn,
                rule, List.copyOf(facts), message);
    }

    /** The first 16 hex digits of the sha-256 of {@code kind|unit|task|month|dueOn|date}: the same matter on the same date, the same id. */
    public static String idOf(ReminderKind kind, String unit, Integer task, YearMonth month, LocalDate dueOn, LocalDate date) {
        String key = kind + "|" + unit + "|" + (task == null ? "" : task) + "|" + (month == null ? "" : month) + "|" + dueOn + "|" + date;
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** By date, unit (code point order), kind, task, month, due date and id. */
    @Override
    public int compareTo(Reminder o) {
        return ORDER.compare(this, o);
    }
}

package io.github.duban.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * Working days in mainland China: Monday to Friday, less the State Council's statutory holidays,
 * plus the weekend days it makes working days (调休). The embedded schedule is
 * {@code /calendar/cn-workdays.txt}: one date a line, {@code 2021-02-11 off} or
 * {@code 2021-02-07 work}. Immutable and thread-safe.
 */
public final class WorkCalendar {

    private static final String EMBEDDED = "/calendar/cn-workdays.txt";
    private final Set<LocalDate> off;
    private final Set<LocalDate> work;
    /** The years whose holidays the calendar holds; 0 and 0 for a calendar of weekends only, which answers for any year. */
    private final int firstYear;
    private final int lastYear;

    private WorkCalendar(Set<LocalDate> off, Set<LocalDate> work, int firstYear, int lastYear) {
        this.off = Set.copyOf(off);
        this.work = Set.copyOf(work);
        this.firstYear = firstYear;
        this.lastYear = lastYear;
    }

    /** Weekends only, no holidays: answers for any year. */
    public static WorkCalendar weekendsOnly() {
        return new WorkCalendar(Set.of(), Set.of(), 0, 0);
    }

    /** True when the calendar knows whether {@code d} is a working day: its year is one it holds (any, for weekends only). */
    public boolean covers(LocalDate d) {
        return firstYear == 0 || d.getYear() >= firstYear && d.getYear() <= lastYear;
    }

    /**
     * {@code d}, when the calendar covers it.
     *
     * @throws io.github.duban.error.CalendarException naming the date and the years covered, when it does not
     */
    public LocalDate check(LocalDate d) {
        if (!covers(d)) {
            throw new io.github.duban.error.CalendarException(d, firstYear, lastYear);
        }
        return d;
    }

    /** The first year the calendar holds the holidays of (0 for weekends only). */
    public int firstYear() {
        return firstYear;
    }

    /** The last year the calendar holds the holidays of (0 for weekends only). */
    public int lastYear() {
        return lastYear;
    }

    /** The embedded State Council schedule, read once and shared. */
    public static WorkCalendar china() {
        return China.CALENDAR;
    }

    private static final class China {
        static final WorkCalendar CALENDAR = load();
    }

    private static WorkCalendar load() {
        try (InputStream in = WorkCalendar.class.getResourceAsStream(EMBEDDED)) {
            if (in == null) {
                throw new IllegalStateException("the embedded calendar " + EMBEDDED + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A calendar in the embedded schedule's format: one date a line, {@code 2021-02-11 off} or
     * {@code 2021-02-07 work}; blank lines and {@code #} comments are skipped. A line
     * {@code years 2020 2026} says which years it holds the holidays of; without one, the years of
     * its first and last dates. Asked about a day of another year, it refuses
     * ({@link io.github.duban.error.CalendarException}) rather than guess.
     *
     * @throws IllegalArgumentException naming {@code source} and the line when a line is not of that form
     */
    public static WorkCalendar parse(String text, String source) {
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> work = new HashSet<>();
        int first = 0;
        int last = 0;
        String[] lines = text.split("\r?\n", -1);
        for (int n = 1; n <= lines.length; n++) {
            String line = lines[n - 1].strip();
            if (n == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts[0].equals("years")) {
                try {
                    first = Integer.parseInt(parts[1]);
                    last = Integer.parseInt(parts[2]);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(source + ":" + n + ": expected 'years FIRST LAST', such as years 2020 2026");
                }
                continue;
            }
            LocalDate d;
            try {
                d = LocalDate.parse(parts[0]);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(source + ":" + n + ": expected a date such as 2021-02-11, got " + parts[0]);
            }
            String kind = parts.length > 1 ? parts[1] : "";
            switch (kind) {
                case "off" -> off.add(d);
                case "work" -> work.add(d);
                default -> throw new IllegalArgumentException(source + ":" + n + ": expected off or work after the date, got '" + kind + "'");
            }
        }
        if (first == 0) {
            java.util.TreeSet<LocalDate> all = new java.util.TreeSet<>(off);
            all.addAll(work);
            if (!all.isEmpty()) {
                first = all.first().getYear();
                last = all.last().getYear();
            }
        }
        return new WorkCalendar(off, work, first, last);
    }

    /** The exceptions as text in the same format, one date a line in date order: what the fingerprint covers. */
    public String canonical() {
        StringBuilder sb = new StringBuilder();
        java.util.TreeMap<LocalDate, String> all = new java.util.TreeMap<>();
        off.forEach(d -> all.put(d, "off"));
        work.forEach(d -> all.put(d, "work"));
        all.forEach((d, k) -> sb.append(d).append(' ').append(k).append('\n'));
        return sb.toString();
    }

    /**
     * Whether {@code d} is a working day.
     *
     * @throws io.github.duban.error.CalendarException when {@code d} lies outside the years the calendar holds
     */
    public boolean isWorkingDay(LocalDate d) {
        if (firstYear != 0 && (d.getYear() < firstYear || d.getYear() > lastYear)) {
            throw new io.github.duban.error.CalendarException(d, firstYear, lastYear);
        }
        if (off.contains(d)) {
            return false;
        }
        if (work.contains(d)) {
            return true;
        }
        DayOfWeek w = d.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY;
    }

    /** Working days in (a, b]; negative when b is before a. */
    public int workingDaysBetween(LocalDate a, LocalDate b) {
        if (b.isBefore(a)) {
            return -workingDaysBetween(b, a);
        }
        int n = 0;
        for (LocalDate d = a.plusDays(1); !d.isAfter(b); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    /** The n-th working day after {@code a}. */
    public LocalDate nthWorkingDayAfter(LocalDate a, int n) {
        LocalDate d = a;
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** {@code d} if it is a working day, else the next working day. */
    public LocalDate onOrNextWorkingDay(LocalDate d) {
        LocalDate x = d;
        while (!isWorkingDay(x)) {
            x = x.plusDays(1);
        }
        return x;
    }
}

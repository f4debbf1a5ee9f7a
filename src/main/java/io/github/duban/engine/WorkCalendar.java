package io.github.duban.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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

    private WorkCalendar(Set<LocalDate> off, Set<LocalDate> work) {
        this.off = Set.copyOf(off);
        this.work = Set.copyOf(work);
    }

    /** Weekends only, no holidays. */
    public static WorkCalendar weekendsOnly() {
        return new WorkCalendar(Set.of(), Set.of());
    }

    /** The embedded State Council schedule, read once and shared. */
    public static WorkCalendar china() {
        return China.CALENDAR;
    }

    private static final class China {
        static final WorkCalendar CALENDAR = load();
    }

    private static WorkCalendar load() {
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> work = new HashSet<>();
        try (InputStream in = WorkCalendar.class.getResourceAsStream(EMBEDDED)) {
            if (in == null) {
                throw new IllegalStateException("the embedded calendar " + EMBEDDED + " is missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                LocalDate d = LocalDate.parse(parts[0]);
                switch (parts[1]) {
                    case "off" -> off.add(d);
                    case "work" -> work.add(d);
                    default -> throw new IllegalStateException(EMBEDDED + ":" + n + ": expected off or work, got " + parts[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WorkCalendar(off, work);
    }

    public boolean isWorkingDay(LocalDate d) {
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

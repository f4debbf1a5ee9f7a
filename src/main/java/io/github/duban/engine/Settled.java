package io.github.duban.engine;

import java.time.YearMonth;
import java.util.Objects;

/**
 * The sign that what a month is judged against is settled: which completion counts, the deadline
 * in force, the reports owed and each lead unit's latest and lowest percent. The engine inserts it
 * once the rules have come to rest on the facts in, before the {@link Tally}. The lateness
 * findings (a report late or missing, a task overdue or due soon) and a dated task's progress wait
 * for it: at that point nothing they read through {@code not} or a join can change any more, so
 * each is drawn once and inserted plainly, with no truth maintenance to keep. Immutable and
 * thread-safe.
 */
public record Settled(YearMonth month) {

    public Settled {
        Objects.requireNonNull(month, "month");
    }
}

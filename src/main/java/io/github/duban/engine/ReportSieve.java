package io.github.duban.engine;

import io.github.duban.model.ProgressReport;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Keeps, of the progress reports streaming in, only those that assessing one month as of one date
 * reads, so that a month assessed from the ledger of the month before holds its own month's
 * reports and not every earlier one: the reports of the month itself, and of the months before,
 * per (task, unit), only the greatest that gives a percent (the only earlier report the built-in
 * latest-percent rule can pick). Reports sent after the as-of date, and reports of later months,
 * play no part (DESIGN §4). Rules replaced or added from a folder may read any report, so for
 * them every report known by the as-of date is kept. What it keeps grows with the plan's tasks
 * and units, not with its history. Not thread-safe: one sieve per read.
 */
public final class ReportSieve implements Consumer<ProgressReport> {
    private final YearMonth month;
    private final LocalDate asOf;
    private final boolean everyReport;
    private final List<ProgressReport> ofTheMonth = new ArrayList<>();
    private final Map<List<Object>, ProgressReport> earlier = new LinkedHashMap<>();

    ReportSieve(YearMonth month, LocalDate asOf, boolean everyReport) {
        this.month = Objects.requireNonNull(month, "month");
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.everyReport = everyReport;
    }

    @Override
    public void accept(ProgressReport r) {
        if (r.submittedOn().isAfter(asOf)) {
            return;
        }
        int c = r.month().compareTo(month);
        if (everyReport || c == 0) {
            ofTheMonth.add(r);
        } else if (c < 0 && r.percent() != null) {
            earlier.merge(List.of(r.task(), r.unit()), r, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
    }

    /** What was kept: the month's reports in the order they came, then the earlier ones. */
    public List<ProgressReport> reports() {
        List<ProgressReport> out = new ArrayList<>(ofTheMonth.size() + earlier.size());
        out.addAll(ofTheMonth);
        out.addAll(earlier.values());
        return out;
    }
}

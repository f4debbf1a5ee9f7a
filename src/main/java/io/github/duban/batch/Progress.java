package io.github.duban.batch;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Progress of a month-end run on a stream: plans done / total, refused so far, the rate and the
 * time left. On a terminal one line is rewritten in place; otherwise a line is printed every
 * {@code every} plans and at the end. Thread-safe.
 */
public final class Progress {
    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier nanos;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile int total;
    private volatile long started;
    private volatile int every = 1;

    public Progress(PrintWriter out, boolean terminal, LongSupplier nanos) {
        this.out = out;
        this.terminal = terminal;
        this.nanos = nanos;
    }

    void start(int total) {
        this.total = total;
        this.every = Math.max(1, total / 20);
        this.started = nanos.getAsLong();
    }

    void done(boolean ok) {
        if (!ok) {
            refused.incrementAndGet();
        }
        int n = done.incrementAndGet();
        if (terminal || n % every == 0 || n == total) {
            print(n, false);
        }
    }

    void finish() {
        if (terminal) {
            synchronized (out) {
                out.print("\n");
                out.flush();
            }
        }
    }

    private void print(int n, boolean last) {
        double seconds = Math.max(1e-9, (nanos.getAsLong() - started) / 1e9);
        double rate = n / seconds;
        long eta = rate > 0 ? Math.round((total - n) / rate) : 0;
        String line = String.format(Locale.ROOT, "duban: %d/%d plans%s, %.1f plans/s, ETA %s", n, total,
                refused.get() > 0 ? " (" + refused.get() + " refused)" : "", rate, clock(eta));
        synchronized (out) {
            out.print(terminal ? "\r" + line + "   " : line + "\n");
            out.flush();
        }
    }

    private static String clock(long s) {
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}

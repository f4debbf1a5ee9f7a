package io.github.duban.error;

import java.time.YearMonth;

/**
 * A ledger (台账) that does not fit the month assessed: of another month, of an unsupported
 * version, given for the window's first month (which needs none), missing where one is needed, or
 * holding a case the plan cannot have (a task or unit it lacks). Names the file when there is one,
 * the month the ledger is of and the month it should be of. Thread-safe once made.
 */
public final class LedgerException extends DubanException {
    /** The ledger's file; null when none. */
    private final String file;
    /** The month the ledger is of; null when there was none. */
    private final YearMonth found;
    /** The month the ledger should be of; null when none should have been given. */
    private final YearMonth expected;

    /**
     * A ledger at fault: {@code file} when it came from one (else null), the month it is of and the month it should
     * be of (either null when there is none), and the problem in a sentence; the message is the file, then the
     * problem.
     */
    public LedgerException(String file, YearMonth found, YearMonth expected, String problem) {
        super((file == null ? "" : file + ": ") + problem);
        this.file = file;
        this.found = found;
        this.expected = expected;
    }

    /** The same failure, naming the ledger's file. */
    public LedgerException in(String ledgerFile) {
        String m = getMessage();
        return new LedgerException(ledgerFile, found, expected, file == null ? m : m.substring(file.length() + 2));
    }

    /** The ledger's file, or null when it did not come from one. */
    public String file() {
        return file;
    }

    /** The month the ledger is of (null when there was none). */
    public YearMonth found() {
        return found;
    }

    /** The month the ledger should be of (null when none should have been given). */
    public YearMonth expected() {
        return expected;
    }
}

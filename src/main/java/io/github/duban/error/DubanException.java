package io.github.duban.error;

/**
 * The root of every failure duban reports on purpose. A caller tells failures apart by their type
 * and reads their fields, never their message:
 * <ul>
 *   <li>{@link InputException}: bad input (a file, a line, a field, what was found and what was
 *       expected), and its {@link PolicyException} for a policy setting;</li>
 *   <li>{@link LedgerException}: a ledger that does not fit the month or the plan assessed;</li>
 *   <li>{@link RulesException}: rules that do not compile;</li>
 *   <li>{@link CalendarException}: a date outside the years the working-day calendar covers;</li>
 *   <li>{@link LimitException}: a run that went past a limit set on it (rule firings, time, size);</li>
 *   <li>{@link JdbcException}: the database refused or lost a statement;</li>
 *   <li>{@link SchemaVersionException}: the database's duban tables are at another schema version
 *       (which one, and the command that prints the upgrade).</li>
 * </ul>
 * The HTTP service adds two of its own for what it does not hold (404) and will not do in its
 * present state (409). Unchecked, like Jackson's and Spring's. Thread-safe once made.
 */
public abstract class DubanException extends RuntimeException {
    /** A failure said in {@code message}. */
    protected DubanException(String message) {
        super(message);
    }

    /** A failure said in {@code message}, caused by {@code cause} (a driver's or a library's error). */
    protected DubanException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.github.duban.error;

/** The database refused or lost a statement; names the plan-month and what was being done. */
public final class JdbcException extends DubanException {
    public JdbcException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.github.duban.jdbc;

/** The database refused or lost a statement; names the plan-month and what was being done. */
public final class JdbcException extends RuntimeException {
    public JdbcException(String message, Throwable cause) {
        super(message, cause);
    }
}

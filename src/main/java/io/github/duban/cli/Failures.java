package io.github.duban.cli;

import io.github.duban.error.DubanException;
import io.github.duban.error.JdbcException;
import picocli.CommandLine;

/**
 * Turns failures into one clear line on stderr and an exit code, told apart by type: 2 for what the
 * caller gave (bad input, rules that don't compile, a wrong ledger, a calendar out of range, a limit
 * passed), 1 for a database that failed or anything unexpected (with its stack trace).
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        var err = cmd.getErr();
        if (ex instanceof JdbcException) {
            err.println("duban: " + JdbcAssess.masked(ex.getMessage()));
            return 1;
        }
        if (ex instanceof DubanException) {
            err.println("duban: " + ex.getMessage());
            return 2;
        }
        if (ex instanceof IllegalArgumentException) {
            err.println("duban: " + ex.getMessage());
            return 2;
        }
        if (ex instanceof java.io.UncheckedIOException io) {
            Throwable cause = io.getCause();
            boolean missing = cause instanceof java.nio.file.NoSuchFileException || cause instanceof java.nio.file.NotDirectoryException
                    || cause instanceof java.nio.file.AccessDeniedException;
            err.println("duban: " + io.getMessage() + (cause == null ? "" : " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")"));
            return missing ? 2 : 1;
        }
        err.println("duban: unexpected failure: " + JdbcAssess.masked(String.valueOf(ex)));
        ex.printStackTrace(err);
        return 1;
    }
}

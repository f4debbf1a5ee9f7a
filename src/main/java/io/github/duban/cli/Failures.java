package io.github.duban.cli;

import io.github.duban.error.RulesException;
import io.github.duban.error.InputException;
import picocli.CommandLine;

/** Turns failures into one clear line on stderr and an exit code: 2 for bad input, 1 otherwise. */
final class Failures implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        var err = cmd.getErr();
        if (ex instanceof InputException || ex instanceof RulesException) {
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
        err.println("duban: unexpected failure: " + ex);
        ex.printStackTrace(err);
        return 1;
    }
}

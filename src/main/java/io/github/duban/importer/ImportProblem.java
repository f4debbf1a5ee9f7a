package io.github.duban.importer;

/**
 * Something the importer could not read, or read only by a documented fallback: the line of the
 * source (1-based; 0 when it concerns the whole document) and what was expected.
 * Immutable and thread-safe.
 */
public record ImportProblem(int line, String message) {

    public ImportProblem {
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("a problem needs a message");
        }
    }

    /** {@code source:line: message}, as the command line prints it. */
    public String format(String source) {
        return (source == null ? "input" : source) + (line > 0 ? ":" + line : "") + ": " + message;
    }
}

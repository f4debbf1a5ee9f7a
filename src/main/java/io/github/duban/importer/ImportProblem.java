package io.github.duban.importer;

/**
 * Something the importer could not read, or read only by a documented fallback: the line of the
 * source (1-based; 0 when it concerns the whole document or the format has no lines), where in the
 * document it is when a line does not say it all ({@code where}: "table 1, row 4, column 完成时限",
 * "paragraph 12", "sheet 分解表, row 5"; null when the line is enough) and what was expected.
 * Immutable and thread-safe.
 */
public record ImportProblem(int line, String where, String message) {

    /**
     * Checks that the message is given and not blank; a blank {@code where} becomes null.
     *
     * @throws IllegalArgumentException when the message is null or blank
     */
    public ImportProblem {
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("a problem needs a message");
        }
        where = where == null || where.isBlank() ? null : where;
    }

    /** A problem at {@code line} (1-based; 0: the whole document) that the line says in full. */
    public ImportProblem(int line, String message) {
        this(line, null, message);
    }

    /** {@code source:line: where: message}, as the command line prints it. */
    public String format(String source) {
        StringBuilder sb = new StringBuilder(source == null ? "input" : source);
        if (line > 0) {
            sb.append(':').append(line);
        }
        if (where != null) {
            sb.append(": ").append(where);
        }
        return sb.append(": ").append(message).toString();
    }
}

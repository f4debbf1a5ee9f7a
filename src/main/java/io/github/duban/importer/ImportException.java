package io.github.duban.importer;

/** A document the importer cannot turn into a plan at all: names the file, the line (0 when unknown) and what was expected. */
public final class ImportException extends RuntimeException {
    private final String file;
    private final int line;

    public ImportException(String file, int line, String problem) {
        super((file == null ? "input" : file) + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}

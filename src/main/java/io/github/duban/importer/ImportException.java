package io.github.duban.importer;

import io.github.duban.error.InputException;

/**
 * A document the importer cannot turn into a plan at all: names the file, the line (0 when unknown)
 * and what was expected. One of the library's {@link InputException}s, so a caller that handles bad
 * input handles it too.
 */
public final class ImportException extends InputException {

    /**
     * A document that cannot be imported: {@code file}, the 1-based {@code line} (0 when unknown) and the problem
     * in a sentence, saying what was expected.
     */
    public ImportException(String file, int line, String problem) {
        super(file, line, null, problem);
    }
}

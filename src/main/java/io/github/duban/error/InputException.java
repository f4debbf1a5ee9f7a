package io.github.duban.error;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import java.util.stream.Collectors;

/**
 * Bad input: names the file, the line (1-based, 0 when unknown), the field, and says what was
 * found and what was expected ({@code found}/{@code expected} may be null when the problem is said
 * in a sentence). Its message reads {@code FILE:LINE: field F: problem}. Thread-safe once made.
 */
public class InputException extends DubanException {
    private final String file;
    private final int line;
    private final String field;
    private final String found;
    private final String expected;
    private final String problem;

    public InputException(String file, int line, String field, String problem) {
        this(file, line, field, problem, null, null);
    }

    public InputException(String file, int line, String field, String problem, String found, String expected) {
        super(format(file, line, field, problem));
        this.file = file;
        this.line = line;
        this.field = field;
        this.problem = problem;
        this.found = found;
        this.expected = expected;
    }

    /** The same problem, at {@code file} and {@code line} (a reader adding where it read a fact that failed a check). */
    public InputException at(String file, int line) {
        return new InputException(file, line, field, problem, found, expected);
    }

    /** The file (or other named source) the input came from; null when unknown. */
    public String file() {
        return file;
    }

    /** The 1-based line; 0 when unknown. */
    public int line() {
        return line;
    }

    /** The field at fault (a key path such as {@code points.reportLate}); null when the whole input is. */
    public String field() {
        return field;
    }

    /** What was found, when the check says it apart; else null. */
    public String found() {
        return found;
    }

    /** What was expected, when the check says it apart; else null. */
    public String expected() {
        return expected;
    }

    /** The problem alone, without file, line and field. */
    public String problem() {
        return problem;
    }

    private static String format(String file, int line, String field, String problem) {
        StringBuilder sb = new StringBuilder(file == null ? "input" : file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        if (field != null) {
            sb.append(": field ").append(field);
        }
        return sb.append(": ").append(problem).toString();
    }

    /** Turns a Jackson error into one that names the file, line and field in plain words. */
    public static InputException from(String file, JsonProcessingException e) {
        return from(file, 0, e);
    }

    /** As {@link #from(String, JsonProcessingException)}, for one line of a JSON-lines file. */
    public static InputException from(String file, int lineOfRecord, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        int line = lineOfRecord > 0 ? lineOfRecord : (loc == null ? 0 : loc.getLineNr());
        String field = null;
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        String msg = e.getOriginalMessage();
        int cut = msg.indexOf('\n');
        if (cut > 0) {
            msg = msg.substring(0, cut);
        }
        return new InputException(file, line, field, msg);
    }
}

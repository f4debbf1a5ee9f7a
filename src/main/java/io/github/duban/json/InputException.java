package io.github.duban.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import java.util.stream.Collectors;

/**
 * Bad input: names the file, the line (1-based, 0 when unknown), the field and what was expected.
 */
public final class InputException extends RuntimeException {
    private final String file;
    private final int line;
    private final String field;

    public InputException(String file, int line, String field, String problem) {
        super(format(file, line, field, problem));
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
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
    static InputException from(String file, JsonProcessingException e) {
        return from(file, 0, e);
    }

    /** As {@link #from(String, JsonProcessingException)}, for one line of a JSON-lines file. */
    static InputException from(String file, int lineOfRecord, JsonProcessingException e) {
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

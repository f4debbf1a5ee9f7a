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
    /** The file or other named source; null when unknown. */
    private final String file;
    /** The 1-based line; 0 when unknown. */
    private final int line;
    /** The field at fault; null when the whole input is. */
    private final String field;
    /** What was found; null when not said apart. */
    private final String found;
    /** What was expected; null when not said apart. */
    private final String expected;
    /** The problem alone, without file, line and field. */
    private final String problem;

    /**
     * Bad input at {@code file} (null: unknown), the 1-based {@code line} (0: unknown) and {@code field} (null: the
     * whole input), with the problem in a sentence; found and expected are not said apart.
     */
    public InputException(String file, int line, String field, String problem) {
        this(file, line, field, problem, null, null);
    }

    /**
     * As {@link #InputException(String, int, String, String)}, also saying apart what was {@code found} and what
     * was {@code expected} (either may be null).
     */
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
        InputException yaml = yamlSyntax(file, e);
        if (yaml != null) {
            return yaml;
        }
        JsonLocation loc = e.getLocation();
        int line = lineOfRecord > 0 ? lineOfRecord : (loc == null ? 0 : loc.getLineNr());
        String field = null;
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f && f.getTargetType() != null
                && f.getTargetType().isEnum() && f.getValue() != null) {
            String given = String.valueOf(f.getValue());
            java.util.List<String> allowed = java.util.Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(c -> ((Enum<?>) c).name()).toList();
            String nearest = nearest(given, allowed);
            return new InputException(file, line, field, "is " + given + "; expected one of " + String.join(", ", allowed)
                    + (nearest != null ? " (did you mean " + nearest + "?)" : ""), given, String.join(", ", allowed));
        }
        String msg = e.getOriginalMessage();
        if (msg != null && msg.startsWith("Invalid UTF-8")) {
            return new InputException(file, line, null, "holds bytes that are not UTF-8 on this line (saved as GBK or another Chinese "
                    + "encoding?): the file is read as UTF-8; save it as UTF-8 and run again");
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u && u.getKnownPropertyIds() != null
                && !u.getKnownPropertyIds().isEmpty()) {
            java.util.List<String> known = u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            String near = nearest(u.getPropertyName(), known);
            return new InputException(file, line, field, "is not a field here; expected one of " + String.join(", ", known)
                    + (near != null ? " (did you mean " + near + "?)" : ""), u.getPropertyName(), String.join(", ", known));
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f && f.getTargetType() != null
                && f.getValue() instanceof String given) {
            // a text of the right kind that does not read: say the text, e.g. "2021-02-30" for a date
            String expected = expected(f.getTargetType());
            return new InputException(file, line, field, "is \"" + given + "\"; expected " + expected, given, expected);
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mi && mi.getTargetType() != null
                && !(e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException)) {
            String plain = mismatch(msg, mi.getTargetType());
            if (plain != null) {
                return new InputException(file, line, field, plain);
            }
        }
        int cut = msg.indexOf('\n');
        if (cut > 0) {
            msg = msg.substring(0, cut);
        }
        return new InputException(file, line, field, msg);
    }

    private static final java.util.regex.Pattern FROM = java.util.regex.Pattern.compile(
            "from (Array|Object|String|Integer|Floating-point|Boolean|Null|Number)");

    /** Jackson's "cannot deserialize type T from V" said in plain words: what was found, what was expected; null if not that. */
    private static String mismatch(String msg, Class<?> type) {
        String expected = expected(type);
        if (msg.startsWith("Cannot map `null`")) {
            return "is null or missing; expected " + expected;
        }
        java.util.regex.Matcher m = FROM.matcher(msg);
        if (!m.find() || !(msg.startsWith("Cannot deserialize") || msg.startsWith("Cannot construct"))) {
            return null;
        }
        String found = switch (m.group(1)) {
            case "Array" -> "a list [ … ]";
            case "Object" -> "an object { … }";
            case "String" -> "a text in quotes";
            case "Integer", "Number" -> "a whole number";
            case "Floating-point" -> "a number with a fraction";
            case "Boolean" -> "true or false";
            default -> "null";
        };
        return "is " + found + "; expected " + expected;
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == java.math.BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text in quotes";
        }
        if (type == java.time.LocalDate.class) {
            return "a date \"YYYY-MM-DD\"";
        }
        if (type == java.time.YearMonth.class) {
            return "a month \"YYYY-MM\"";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list [ … ]";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }
        return "an object { … }";
    }

    /**
     * A YAML syntax error said in plain words, at the line where the parser found it (not where the
     * mapping it was reading began); null when {@code e} is no YAML syntax error.
     */
    public static InputException yamlSyntax(String file, JsonProcessingException e) {
        if (!(e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException y)) {
            return null;
        }
        String problem = y.getProblem() == null ? "" : y.getProblem();
        int line = y.getProblemMark() != null ? y.getProblemMark().getLine() + 1
                : e.getLocation() != null ? e.getLocation().getLineNr() : 0;
        int contextLine = y.getContextMark() != null ? y.getContextMark().getLine() + 1 : 0;
        String plain;
        if (problem.contains("(TAB)") || problem.contains("'\\t'")) {
            plain = "a tab: YAML indents with spaces only";
        } else if (problem.contains("mapping values are not allowed")) {
            plain = "a 'key: value' where none can be: check this line's indentation against the line before, or put a value holding ': ' in quotes";
        } else if (problem.startsWith("expected <block end>") || problem.contains("could not find expected ':'")
                || problem.startsWith("expected <block")) {
            plain = "this line does not fit the indentation of the lines above it (YAML nests by indentation: keys of one level"
                    + " start in the same column, indented with spaces)";
        } else if (problem.contains("end of stream") || problem.contains("expected ','") || problem.contains("expected ',' or")) {
            plain = "something opened is never closed (a quote, a [ or a {" + (contextLine > 0 ? " on line " + contextLine : "") + ")";
        } else if (problem.contains("found duplicate key") || String.valueOf(y.getContext()).contains("duplicate")) {
            plain = "a key written twice";
        } else {
            plain = "the text cannot be read as YAML here";
        }
        return new InputException(file, line, null, "is not valid YAML: " + plain + " (the YAML reader says: " + problem.strip() + ")");
    }

    /** The allowed value nearest {@code given} (case aside, by edit distance), when it is near enough to be a slip; else null. */
    public static String nearest(String given, java.util.Collection<String> allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String g = given.strip().toUpperCase(java.util.Locale.ROOT);
        for (String a : allowed) {
            int d = editDistance(g, a.toUpperCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                best = a;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, best.length() / 3) ? best : null;
    }

    /** The edit (Levenshtein) distance between {@code a} and {@code b}: what "did you mean" suggestions are measured by. */
    public static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

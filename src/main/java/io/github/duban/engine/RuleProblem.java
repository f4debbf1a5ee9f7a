package io.github.duban.engine;

/**
 * One problem found while compiling the rules: the DRL file, the line (0 when the compiler gave
 * none), the column (0 when unknown), the level and the compiler's message.
 */
public record RuleProblem(String file, int line, int column, String level, String message) {
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.append(": ").append(level.toLowerCase(java.util.Locale.ROOT)).append(": ").append(message).toString();
    }
}

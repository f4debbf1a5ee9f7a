package io.github.duban.error;

/**
 * A database whose duban tables are at another schema version than this duban writes: found
 * {@link #found()}, expected {@link #expected()}. Nothing was read or written. The message names
 * both and the command that prints the upgrade ({@link #upgradeCommand()}). Thread-safe once made.
 */
public final class SchemaVersionException extends DubanException {
    /** The schema version the database holds. */
    private final int found;
    /** The schema version this duban reads and writes. */
    private final int expected;
    /** The command that prints the upgrade statements. */
    private final String upgradeCommand;

    /**
     * Tables at version {@code found} where this duban needs {@code expected}; {@code upgradeCommand} is the
     * command that prints the statements upgrading them, named in the message when the tables are older.
     */
    public SchemaVersionException(int found, int expected, String upgradeCommand) {
        super(message(found, expected, upgradeCommand));
        this.found = found;
        this.expected = expected;
        this.upgradeCommand = upgradeCommand;
    }

    private static String message(int found, int expected, String upgradeCommand) {
        if (found > expected) {
            return "the duban tables are at schema version " + found + ", newer than the version " + expected
                    + " this duban reads and writes: run a duban of that version";
        }
        return "the duban tables are at schema version " + found + ", this duban reads and writes version " + expected
                + ": upgrade them first with the statements `" + upgradeCommand + "` prints (docs/database.md)";
    }

    /** The schema version the database holds (1 for a database made before versions were recorded). */
    public int found() {
        return found;
    }

    /** The schema version this duban reads and writes. */
    public int expected() {
        return expected;
    }

    /** The command that prints the statements bringing the database to {@link #expected()}; null when found is newer. */
    public String upgradeCommand() {
        return found > expected ? null : upgradeCommand;
    }
}

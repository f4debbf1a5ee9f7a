package io.github.duban.jdbc;

import io.github.duban.error.SchemaVersionException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The two SQL dialects of the contract: PostgreSQL (and the databases derived from it, such as
 * KingbaseES and openGauss) and MySQL/MariaDB. They differ in the DDL and in how a column named
 * like a keyword ({@code rank}, {@code open}) is quoted. Immutable and thread-safe.
 */
public enum Dialect {
    /** PostgreSQL and PostgreSQL-derived databases. */
    POSTGRESQL("postgresql.sql", '"'),
    /** MySQL 8 and MariaDB. */
    MYSQL("mysql.sql", '`');

    /** The schema version of the DDL this duban ships, reads and writes (recorded in {@code duban_schema_version}). */
    public static final int VERSION = 2;

    /** The first schema version; a database without {@code duban_schema_version} is at it. */
    public static final int FIRST_VERSION = 1;

    private final String resource;
    private final char quote;

    Dialect(String resource, char quote) {
        this.resource = resource;
        this.quote = quote;
    }

    /** The dialect named {@code postgresql} or {@code mysql} ({@code mariadb} is read as mysql). */
    public static Dialect named(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "postgresql", "postgres", "pg" -> POSTGRESQL;
            case "mysql", "mariadb" -> MYSQL;
            default -> throw new IllegalArgumentException("dialect \"" + name + "\" is not known (expected postgresql or mysql)");
        };
    }

    /** The dialect of a connection's database, from its product name; anything not MySQL or MariaDB is taken as PostgreSQL. */
    public static Dialect of(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return product.contains("mysql") || product.contains("mariadb") ? MYSQL : POSTGRESQL;
    }

    /** The dialect's name as {@code --dialect} takes it. */
    public String cliName() {
        return this == POSTGRESQL ? "postgresql" : "mysql";
    }

    /** The DDL of every table of the contract, as shipped in the jar ({@code sql/postgresql.sql}, {@code sql/mysql.sql}). */
    public String schema() {
        return resource(resource);
    }

    /**
     * The statements that bring a database at schema version {@code from} to {@link #VERSION}, as
     * shipped in the jar ({@code sql/postgresql-upgrade-1.sql} …); empty text when {@code from} is
     * the current version.
     *
     * @throws IllegalArgumentException when {@code from} is not a version before the current one
     */
    public String upgrade(int from) {
        if (from == VERSION) {
            return "";
        }
        if (from < FIRST_VERSION || from > VERSION) {
            throw new IllegalArgumentException("schema version " + from + " is not known (expected " + FIRST_VERSION
                    + ".." + VERSION + ")");
        }
        StringBuilder sb = new StringBuilder();
        for (int v = from; v < VERSION; v++) {
            sb.append(resource(resource.replace(".sql", "-upgrade-" + v + ".sql")));
        }
        return sb.toString();
    }

    /** The command that prints the upgrade from {@code from}. */
    public String upgradeCommand(int from) {
        return "duban sql schema --from " + from + " --dialect " + cliName();
    }

    /** The DDL split into single statements (comments dropped), for {@link java.sql.Statement#execute}. */
    public List<String> statements() {
        return split(schema());
    }

    /** {@link #upgrade(int)} split into single statements (comments dropped). */
    public List<String> upgradeStatements(int from) {
        return split(upgrade(from));
    }

    /**
     * The schema version of the duban tables {@code c} sees: the highest in {@code duban_schema_version},
     * or {@link #FIRST_VERSION} when that table is missing or empty (a database made before versions
     * were recorded). Reads {@code information_schema} first, so a missing table never aborts the
     * caller's transaction.
     */
    int version(Connection c) throws SQLException {
        String where = this == POSTGRESQL ? "table_schema = current_schema()" : "table_schema = DATABASE()";
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM information_schema.tables WHERE " + where
                + " AND table_name = ?")) {
            ps.setString(1, "duban_schema_version");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    return FIRST_VERSION;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(version) FROM duban_schema_version");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            int v = rs.getInt(1);
            return rs.wasNull() ? FIRST_VERSION : v;
        }
    }

    /**
     * Checks that the database is at {@link #VERSION}.
     *
     * @throws SchemaVersionException naming the version found and the upgrade command
     */
    void requireCurrent(Connection c) throws SQLException {
        int found = version(c);
        if (found != VERSION) {
            throw new SchemaVersionException(found, VERSION, found < VERSION ? upgradeCommand(found) : null);
        }
    }

    /** SQL text split into single statements at {@code ;}, comment lines dropped. */
    static List<String> split(String sql) {
        StringBuilder sb = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.strip().startsWith("--")) {
                sb.append(line).append('\n');
            }
        }
        return Arrays.stream(sb.toString().split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String resource(String name) {
        try (InputStream in = Dialect.class.getResourceAsStream("/sql/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the DDL sql/" + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A column name quoted for this dialect. */
    String quote(String column) {
        return quote + column + quote;
    }
}

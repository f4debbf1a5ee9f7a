package io.github.duban.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
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

    /** The DDL of every table of the contract, as shipped in the jar ({@code sql/postgresql.sql}, {@code sql/mysql.sql}). */
    public String schema() {
        try (InputStream in = Dialect.class.getResourceAsStream("/sql/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("the DDL sql/" + resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The DDL split into single statements (comments dropped), for {@link java.sql.Statement#execute}. */
    public List<String> statements() {
        StringBuilder sb = new StringBuilder();
        for (String line : schema().split("\n")) {
            if (!line.strip().startsWith("--")) {
                sb.append(line).append('\n');
            }
        }
        return Arrays.stream(sb.toString().split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A column name quoted for this dialect. */
    String quote(String column) {
        return quote + column + quote;
    }
}

package io.github.duban.jdbc;

import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Real database servers for the tests, started from the Debian binaries the first time a test asks
 * for one, each in a temporary folder on a free loopback port, shared by every test of the JVM and
 * stopped when it exits. PostgreSQL refuses to run as root, so as root it runs as {@code nobody}.
 * Missing binaries fail the test with the Debian package to install; nothing is skipped.
 */
public final class TestDatabases {

    /** A running server: each {@link #newDatabase} is an empty database with the contract's tables. */
    public interface Server {
        Dialect dialect();

        String url(String database);

        String user();

        String password();

        DataSource dataSource(String database);

        /** A fresh database with the DDL of the contract applied. */
        default DataSource newDatabase() {
            return newDatabase(dialect().statements());
        }

        /** A fresh database with {@code ddl} applied (an older version of the contract, say). */
        default DataSource newDatabase(List<String> ddl) {
            String name = "t" + COUNTER.incrementAndGet() + "_" + ProcessHandle.current().pid();
            try (Connection c = dataSource(null).getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
            }
            DataSource ds = dataSource(name);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                for (String sql : ddl) {
                    s.execute(sql);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot apply the " + dialect() + " DDL: " + e.getMessage(), e);
            }
            return ds;
        }
    }

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private TestDatabases() {
    }

    public static Server postgres() {
        return Pg.SERVER;
    }

    public static Server mariadb() {
        return Maria.SERVER;
    }

    /** Both servers; the first call starts them side by side. */
    public static List<Server> both() {
        java.util.concurrent.CompletableFuture<Server> maria = java.util.concurrent.CompletableFuture.supplyAsync(TestDatabases::mariadb);
        Server pg = postgres();
        return List.of(pg, maria.join());
    }

    private static final class Pg {
        static final Server SERVER = startPostgres();
    }

    private static final class Maria {
        static final Server SERVER = startMariadb();
    }

    // ------------------------------------------------------------------ PostgreSQL

    private static Server startPostgres() {
        Path bin = postgresBin(Path.of("/usr/lib/postgresql"));
        try {
            Path dir = Files.createTempDirectory("duban-pg");
            String password = "pw-" + UUID.randomUUID();
            Path pwfile = dir.resolve("pw");
            Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
            if (ROOT) {
                UserPrincipal nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
                Files.setOwner(dir, nobody);
                Files.setOwner(pwfile, nobody);
            }
            Path data = dir.resolve("data");
            int port = freePort();
            run(dir.resolve("initdb.log"), asServerUser(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "duban",
                    "--pwfile=" + pwfile, "-A", "scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync"));
            List<String> stop = asServerUser(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                quietly(stop);
                deleteTree(dir);
            }));
            run(dir.resolve("pg_ctl.log"), asServerUser(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60",
                    "-l", dir.resolve("server.log").toString(), "-o",
                    "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
                            + " -c synchronous_commit=off -c max_connections=100", "start"));
            return new Server() {
                public Dialect dialect() {
                    return Dialect.POSTGRESQL;
                }

                public String url(String database) {
                    return "jdbc:postgresql://127.0.0.1:" + port + "/" + (database == null ? "postgres" : database);
                }

                public String user() {
                    return "duban";
                }

                public String password() {
                    return password;
                }

                public DataSource dataSource(String database) {
                    PGSimpleDataSource ds = new PGSimpleDataSource();
                    ds.setUrl(url(database));
                    ds.setUser(user());
                    ds.setPassword(password);
                    return ds;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL", e);
        }
    }

    /** The bin folder of the newest PostgreSQL under {@code root}; fails naming the Debian package when there is none. */
    static Path postgresBin(Path root) {
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                var found = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparing(p -> Integer.parseInt(p.getParent().getFileName().toString().replaceAll("\\D", "0"))));
                if (found.isPresent()) {
                    return found.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("PostgreSQL server binaries not found (" + root + "/*/bin/initdb, pg_ctl): "
                + "install the Debian package postgresql (.ci/run installs it when missing)");
    }

    private static List<String> asServerUser(String... command) {
        List<String> c = new ArrayList<>();
        if (ROOT) {
            c.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        c.addAll(List.of(command));
        return c;
    }

    // ------------------------------------------------------------------ MariaDB

    private static Server startMariadb() {
        List<Path> binaries = mariadbBinaries(List.of("/usr/sbin/mariadbd", "/usr/sbin/mysqld", "/usr/bin/mariadbd"),
                List.of("/usr/bin/mariadb-install-db", "/usr/bin/mysql_install_db", "/usr/sbin/mariadb-install-db"));
        Path server = binaries.get(0);
        Path install = binaries.get(1);
        try {
            Path dir = Files.createTempDirectory("duban-my");
            Path data = dir.resolve("data");
            int port = freePort();
            List<String> init = new ArrayList<>(List.of(install.toString(), "--no-defaults", "--datadir=" + data,
                    "--auth-root-authentication-method=normal", "--skip-test-db", "--skip-name-resolve"));
            if (ROOT) {
                init.add("--user=root");
            }
            run(dir.resolve("install.log"), init);
            List<String> start = new ArrayList<>(List.of(server.toString(), "--no-defaults", "--datadir=" + data, "--port=" + port,
                    "--bind-address=127.0.0.1", "--socket=" + dir.resolve("sock"), "--pid-file=" + dir.resolve("pid"),
                    "--skip-name-resolve", "--innodb-flush-log-at-trx-commit=0", "--innodb-buffer-pool-size=32M",
                    "--innodb-log-file-size=16M", "--character-set-server=utf8mb4", "--collation-server=utf8mb4_bin",
                    "--innodb-lock-wait-timeout=60", "--log-error=" + dir.resolve("error.log")));
            if (ROOT) {
                start.add("--user=root");
            }
            Process p = new ProcessBuilder(start).redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                p.destroy();
                try {
                    if (!p.waitFor(15, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    p.destroyForcibly();
                }
                deleteTree(dir);
            }));
            Server s = new Server() {
                public Dialect dialect() {
                    return Dialect.MYSQL;
                }

                public String url(String database) {
                    return "jdbc:mariadb://127.0.0.1:" + port + "/" + (database == null ? "" : database);
                }

                public String user() {
                    return "root";
                }

                public String password() {
                    return "";
                }

                public DataSource dataSource(String database) {
                    try {
                        MariaDbDataSource ds = new MariaDbDataSource(url(database));
                        ds.setUser("root");
                        return ds;
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                try (Connection c = s.dataSource(null).getConnection()) {
                    return s;
                } catch (SQLException e) {
                    if (!p.isAlive() || System.nanoTime() > until) {
                        throw new IllegalStateException("MariaDB did not start; see " + dir.resolve("error.log") + ": " + e.getMessage());
                    }
                    Thread.sleep(100);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start MariaDB", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The server and the install script, the first of each list that exists; fails naming the Debian package when one is missing. */
    static List<Path> mariadbBinaries(List<String> servers, List<String> installers) {
        Path server = firstExecutable(servers.toArray(String[]::new));
        Path install = firstExecutable(installers.toArray(String[]::new));
        if (server == null || install == null) {
            throw new IllegalStateException("MariaDB server binaries not found (" + String.join(" or ", servers) + "; "
                    + String.join(" or ", installers) + "): install the Debian package mariadb-server (.ci/run installs it when missing)");
        }
        return List.of(server, install);
    }

    private static Path firstExecutable(String... paths) {
        for (String p : paths) {
            if (Files.isExecutable(Path.of(p))) {
                return Path.of(p);
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ helpers

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void run(Path log, List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish; see " + log);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): "
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void quietly(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            // the JVM is exiting; nothing more to do
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // best effort at exit
        }
    }
}

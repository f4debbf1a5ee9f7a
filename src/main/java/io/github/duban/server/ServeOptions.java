package io.github.duban.server;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How {@code duban serve} runs: where it listens, where plans and rules versions live, the two
 * tokens and the request limits. {@code database} null: plans come from {@code data/plans}; else
 * from the OA database's duban tables.
 * {@code policy}, {@code scoring} and {@code rules} (each may be null) make version 1 when
 * {@code data/rules} holds no version yet. Immutable.
 */
public record ServeOptions(String bind, int port, Path data, javax.sql.DataSource database,
                           String token, String adminToken, Path policy, Path scoring, Path rules, boolean sample,
                           int maxBodyKb, int maxUploadKb, int maxFacts) {

    /** The defaults of the command line: loopback, port 8080, 4 MB bodies, 8 MB uploads, 50,000 facts a list. */
    public static final int PORT = 8080;
    /** The command line's default for the largest request body, in KB (4 MB). */
    public static final int MAX_BODY_KB = 4096;
    /** The command line's default for the largest upload, in KB (8 MB). */
    public static final int MAX_UPLOAD_KB = 8192;
    /** The command line's default for the most facts one list may hold. */
    public static final int MAX_FACTS = 50_000;

    /**
     * Checks the options: the bind address and the data folder given, a token that is not blank, an admin token
     * (when given) that differs from it, a port within 0..65535 and limits of at least 1.
     *
     * @throws IllegalArgumentException when one is missing or out of range
     */
    public ServeOptions {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(data, "data");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a token is required");
        }
        if (adminToken != null && adminToken.equals(token)) {
            throw new IllegalArgumentException("the admin token must differ from the token");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 0..65535");
        }
        if (maxBodyKb < 1 || maxUploadKb < 1 || maxFacts < 1) {
            throw new IllegalArgumentException("limits must be at least 1");
        }
    }

    /** A server for tests: loopback, a free port, {@code data} with the sample plan, the default limits. */
    public static ServeOptions forTest(Path data, String token, String adminToken) {
        return new ServeOptions("127.0.0.1", 0, data, null, token, adminToken, null, null, null, true,
                MAX_BODY_KB, MAX_UPLOAD_KB, MAX_FACTS);
    }

    /** The same options with other limits. */
    public ServeOptions withLimits(int bodyKb, int uploadKb, int facts) {
        return new ServeOptions(bind, port, data, database, token, adminToken, policy, scoring, rules, sample,
                bodyKb, uploadKb, facts);
    }

    @Override
    public String toString() {
        // the tokens and the password never appear in a log line
        return "ServeOptions[bind=" + bind + ", port=" + port + ", data=" + data + ", database=" + (database != null) + "]";
    }
}

package io.github.duban.cli;

import io.github.duban.error.InputException;
import io.github.duban.server.DubanServer;
import io.github.duban.server.ServeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/** {@code duban serve}: the HTTP API and the console (docs/service.md). */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve the JSON API under /api/v1 and the office's console at / (docs/service.md).",
                "Every call needs the token (Authorization: Bearer TOKEN, or the console's sign-in); saving and activating rules versions needs the admin token.",
                "Runs until stopped (Ctrl-C or SIGTERM)."})
final class ServeCommand implements Callable<Integer> {
    /** Reads an environment variable; replaced in tests. */
    static UnaryOperator<String> environment = System::getenv;
    static final int SHORTEST_TOKEN = 16;

    @Spec
    CommandSpec spec;

    @Option(names = "--bind", paramLabel = "ADDR", description = "the address to listen on (default 127.0.0.1: this machine only)")
    String bind = "127.0.0.1";

    @Option(names = "--port", paramLabel = "N", description = "the port (default 8080; 0 picks a free one)")
    int port = ServeOptions.PORT;

    @Option(names = "--data", paramLabel = "DIR", description = "the data folder: DIR/plans/<id>/ (plan.json and its facts files), DIR/rules/ (every rules version and the audit log), DIR/results/ (what month-ends wrote) and, optionally, DIR/bulletin.yaml (the bulletin settings); default ./duban-data")
    Path data = Path.of("duban-data");

    @Option(names = "--jdbc", paramLabel = "URL", description = "take plans and facts from the OA database's duban tables instead of DIR/plans (docs/database.md)")
    String jdbc;

    @Option(names = "--user", paramLabel = "U", description = "the database user (with --jdbc)")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", description = "the environment variable holding the database password (with --jdbc)")
    String passwordEnv;

    @Option(names = "--token-file", paramLabel = "FILE", description = "the file whose first line is the API token (else the environment variable DUBAN_TOKEN)")
    Path tokenFile;

    @Option(names = "--admin-token-file", paramLabel = "FILE", description = "the file whose first line is the admin token, needed to save and activate rules versions (else DUBAN_ADMIN_TOKEN; without either, no one may change the rules)")
    Path adminTokenFile;

    @Option(names = "--policy", paramLabel = "FILE", description = "the policy of rules version 1, when DIR/rules holds no version yet")
    Path policy;

    @Option(names = "--scoring", paramLabel = "FILE.csv", description = "the scoring sheet of rules version 1, read into its policy")
    Path scoring;

    @Option(names = "--rules", paramLabel = "DIR", description = "the .drl folder of rules version 1 (same names replace the built-in ones)")
    Path rules;

    @Option(names = "--sample", description = "put the sample plan 冷优组发〔2021〕3号 and its year of facts in DIR/plans/sample when it is not there")
    boolean sample;

    @Option(names = "--max-body-kb", paramLabel = "N", description = "the largest JSON body taken, in KB (default 4096); larger gets 413")
    int maxBodyKb = ServeOptions.MAX_BODY_KB;

    @Option(names = "--max-upload-kb", paramLabel = "N", description = "the largest plan file taken by import, in KB (default 8192); larger gets 413")
    int maxUploadKb = ServeOptions.MAX_UPLOAD_KB;

    @Option(names = "--max-facts", paramLabel = "N", description = "the most facts one request may carry in any one list (default 50000); more gets 413")
    int maxFacts = ServeOptions.MAX_FACTS;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        String token = token(tokenFile, "DUBAN_TOKEN", "--token-file", true);
        String admin = token(adminTokenFile, "DUBAN_ADMIN_TOKEN", "--admin-token-file", false);
        if (admin != null && admin.equals(token)) {
            throw new IllegalArgumentException("the admin token must differ from the token");
        }
        if (jdbc == null && (user != null || passwordEnv != null)) {
            throw new IllegalArgumentException("--user and --password-env go with --jdbc URL");
        }
        javax.sql.DataSource db = null;
        if (jdbc != null) {
            if (sample) {
                throw new IllegalArgumentException("--sample puts the sample plan in DIR/plans; with --jdbc plans come from the database (duban sql load)");
            }
            db = new JdbcAssess.DriverDataSource(jdbc, user, JdbcTarget.passwordFrom(passwordEnv));
        }
        for (Path f : new Path[] {policy, scoring}) {
            if (f != null) {
                Inputs.requireFile(f, f == policy ? "--policy" : "--scoring");
            }
        }
        if (rules != null && !Files.isDirectory(rules)) {
            throw new InputException(rules.toString(), 0, null, "--rules must name a folder of .drl files");
        }
        ServeOptions o;
        try {
            o = new ServeOptions(bind, port, data, db, token, admin, policy, scoring, rules, sample, maxBodyKb, maxUploadKb, maxFacts);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith("port") ? "--" + e.getMessage() : e.getMessage());
        }
        if (!List.of("127.0.0.1", "localhost", "::1").contains(bind)) {
            err.println("duban: listening on " + bind + ", not only this machine: put it behind a TLS proxy (docs/service.md#behind-nginx)");
        }
        if (admin == null) {
            err.println("duban: no admin token (--admin-token-file or DUBAN_ADMIN_TOKEN): the rules can be read and tried, not changed");
        }
        DubanServer server = DubanServer.start(o);
        err.println("duban: serving http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + server.port() + "/ (the console) and /api/v1 (docs: /api/v1/docs); Ctrl-C stops it");
        err.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "duban-serve-stop"));
        server.await();
        return 0;
    }

    /** A token from its file's first line, else from the environment; required or not. */
    private String token(Path file, String variable, String option, boolean required) throws IOException {
        String t;
        String where;
        if (file != null) {
            Inputs.requireFile(file, option);
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            t = lines.isEmpty() ? "" : lines.get(0).strip();
            where = file.toString();
            warnIfOthersRead(file, option);
        } else {
            t = environment.apply(variable);
            where = "the environment variable " + variable;
            if (t == null) {
                if (required) {
                    throw new IllegalArgumentException("no token: give " + option + " FILE (its first line is the token) or set " + variable
                            + "; e.g. openssl rand -hex 24 > token.txt");
                }
                return null;
            }
            t = t.strip();
        }
        if (t.length() < SHORTEST_TOKEN) {
            // the length is said, never the token
            throw new InputException(where, file != null ? 1 : 0, null, "the token is " + t.length() + " characters; at least "
                    + SHORTEST_TOKEN + " are needed (e.g. openssl rand -hex 24 > token.txt)");
        }
        return t;
    }

    private void warnIfOthersRead(Path file, String option) {
        try {
            var perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.OTHERS_READ) || perms.contains(PosixFilePermission.GROUP_READ)) {
                spec.commandLine().getErr().println("duban: " + option + " " + file + " can be read by other users: chmod 600 " + file);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: nothing to say
        }
    }
}

package io.github.duban.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code duban serve}'s options, refused before anything listens: tokens, their files, the database options. */
class ServeCommandTest extends ConsoleCapture {
    @TempDir
    Path tmp;

    @AfterEach
    void resetEnvironment() {
        ServeCommand.environment = System::getenv;
    }

    @Test
    void withoutAToken_itSaysHowToMakeOne() {
        ServeCommand.environment = name -> null;
        assertThat(Main.run("serve", "--data", tmp.resolve("d").toString())).isEqualTo(2);
        assertThat(err()).contains("no token", "--token-file", "DUBAN_TOKEN", "openssl rand -hex 24");
        assertThat(tmp.resolve("d")).doesNotExist();
    }

    @Test
    void aShortToken_isRefused_withItsLengthButNeverItsText() throws Exception {
        Path t = Files.writeString(tmp.resolve("token.txt"), "secret42\n");
        assertThat(Main.run("serve", "--token-file", t.toString(), "--data", tmp.resolve("d").toString())).isEqualTo(2);
        assertThat(err()).contains("token.txt:1", "8 characters", "at least 16").doesNotContain("secret42");

        ServeCommand.environment = Map.of("DUBAN_TOKEN", "short")::get;
        err.reset();
        assertThat(Main.run("serve", "--data", tmp.resolve("d").toString())).isEqualTo(2);
        assertThat(err()).contains("DUBAN_TOKEN", "5 characters").doesNotContain("short\n");
    }

    @Test
    void theAdminTokenMustDifferFromTheToken_andDatabaseOptionsGoWithJdbc() throws Exception {
        Path t = Files.writeString(tmp.resolve("token.txt"), "0123456789abcdef0123\n");
        assertThat(Main.run("serve", "--token-file", t.toString(), "--admin-token-file", t.toString(), "--data", tmp.resolve("d").toString()))
                .isEqualTo(2);
        assertThat(err()).contains("the admin token must differ from the token").doesNotContain("0123456789abcdef0123");
        err.reset();
        assertThat(Main.run("serve", "--token-file", t.toString(), "--user", "duban", "--data", tmp.resolve("d").toString())).isEqualTo(2);
        assertThat(err()).contains("--user and --password-env go with --jdbc URL");
        err.reset();
        assertThat(Main.run("serve", "--token-file", t.toString(), "--jdbc", "jdbc:postgresql://localhost/oa", "--sample")).isEqualTo(2);
        assertThat(err()).contains("--sample", "duban sql load");
        err.reset();
        assertThat(Main.run("serve", "--token-file", t.toString(), "--port", "70000", "--data", tmp.resolve("d").toString())).isEqualTo(2);
        assertThat(err()).contains("--port 70000 is outside 0..65535");
        err.reset();
        assertThat(Main.run("serve", "--token-file", tmp.resolve("none.txt").toString())).isEqualTo(2);
        assertThat(err()).contains("none.txt", "--token-file names no readable file");
    }
}

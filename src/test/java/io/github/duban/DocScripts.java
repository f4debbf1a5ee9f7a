package io.github.duban;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What the tests that run the documents' shell blocks share: a fresh folder that sees the clone, and bash. */
public final class DocScripts {
    private DocScripts() {
    }

    /** What a script printed (standard output and error together) and how it ended. */
    public record Ran(int exit, String out) {
    }

    /** Makes {@code dir} see the clone's {@code src/} and built {@code target/}, as a reader's folder beside it would; the clone's root. */
    public static Path seeTheClone(Path dir) throws IOException {
        Path repo = Path.of("").toAbsolutePath();
        Files.createSymbolicLink(dir.resolve("src"), repo.resolve("src"));
        Files.createSymbolicLink(dir.resolve("target"), repo.resolve("target"));
        return repo;
    }

    /** Runs {@code script} with bash in {@code dir}; fails the test when it takes longer than {@code seconds}. */
    public static Ran bash(Path dir, String script, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(seconds, TimeUnit.SECONDS)).as("the script ended within " + seconds + " s").isTrue();
        return new Ran(p.exitValue(), out);
    }
}

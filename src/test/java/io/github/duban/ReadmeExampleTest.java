package io.github.duban;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's embedding example is taken from the README text itself, saved as a new source
 * file, compiled against the library and run in an empty folder: it must compile as pasted
 * (imports and all), read nothing from the clone, and print the ranking.
 */
class ReadmeExampleTest {

    @TempDir
    Path dir;

    static String readmeExample() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("```java\n");
        assertThat(start).as("README has a java block").isGreaterThanOrEqualTo(0);
        int end = readme.indexOf("```", start + 8);
        return readme.substring(start + 8, end);
    }

    @Test
    void theReadmeExample_declaresEverythingItUses() throws IOException {
        String example = readmeExample();
        assertThat(example).contains("import io.github.duban.engine.Duban;", "import io.github.duban.json.PlanJson;",
                ".plan(PlanJson.embedded())", "FactsJson.sampleYear", "public class Example");
    }

    @Test
    void theReadmeExample_compilesAsPastedAndRuns() throws Exception {
        Path src = dir.resolve("src");
        Path classes = dir.resolve("classes");
        Files.createDirectories(src);
        Files.createDirectories(classes);
        Path file = src.resolve("Example.java");
        Files.writeString(file, readmeExample(), StandardCharsets.UTF_8);
        String classpath = System.getProperty("java.class.path");

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int compiled = javac.run(null, diagnostics, diagnostics, "-encoding", "UTF-8", "-cp", classpath, "-d", classes.toString(),
                file.toString());
        assertThat(compiled).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(javaBin.toString(), "-cp", classes + java.io.File.pathSeparator + classpath, "Example")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String printed = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(printed).isZero();
        assertThat(printed).contains("1 ", "区", "characters of assessment.json");
        assertThat(printed.lines().filter(l -> l.matches("\\d+ \\S+ \\d+(\\.\\d+)? (优秀|良好|合格|不合格) \\(扣分 -?[\\d.]+，加分 [\\d.]+\\)")).count())
                .as(printed).isGreaterThanOrEqualTo(5);
        try (var left = Files.list(dir)) {
            assertThat(left.map(x -> x.getFileName().toString()).sorted().toList()).containsExactly("classes", "src");
        }
    }
}

package io.github.duban.spring.readme;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's Spring Boot example is this package's MonthEndJob, which compiles. */
class ReadmeSpringExampleTest {

    @Test
    void theReadmeShowsTheSpringExampleThatCompilesHere() throws IOException {
        String source = Files.readString(Path.of("src/test/java/io/github/duban/spring/readme/MonthEndJob.java"), StandardCharsets.UTF_8);
        String example = source.substring(source.indexOf("// README example begins\n") + "// README example begins\n".length(),
                source.indexOf("// README example ends"));
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertThat(readme.substring(readme.indexOf("## Embedding in an OA system"))).contains("```java\n" + example + "```");
    }
}

package io.github.duban;

import io.github.duban.engine.Duban;
import io.github.duban.json.AssessmentJson;
import io.github.duban.json.FactsJson;
import io.github.duban.model.Facts;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.UnitScore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's embedding example compiles, runs, and is the one the README shows. */
class ReadmeExampleTest {

    @TempDir
    Path dir;

    @Test
    void theEmbeddingExample_runs() throws IOException {
        for (String f : List.of("reports.jsonl", "completions.jsonl", "inspections.jsonl", "rectifications.jsonl", "extensions.jsonl")) {
            try (InputStream in = getClass().getResourceAsStream("/sample/2021/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        // README example begins
        Duban duban = Duban.builder().build();                   // embedded plan, default policy, built-in rules
        Facts facts = FactsJson.read(dir, duban.plan());         // reports.jsonl, completions.jsonl, inspections.jsonl …
        Assessment feb = duban.assess(YearMonth.of(2021, 2), null, facts, null);
        Assessment mar = duban.assess(YearMonth.of(2021, 3), null, facts, feb.ledger());
        for (UnitScore s : mar.scores()) {
            System.out.println(s.rank() + " " + s.unit() + " " + s.score() + " " + s.rating());
        }
        String json = AssessmentJson.write(mar);                 // assessment.json, see docs/formats.md
        // README example ends
        assertThat(json).contains("\"period\" : \"2021-03\"");
        assertThat(mar.scores()).isNotEmpty();
    }

    @Test
    void theReadmeShowsThisExample() throws IOException {
        String me = Files.readString(Path.of("src/test/java/io/github/duban/ReadmeExampleTest.java"), StandardCharsets.UTF_8);
        String example = me.substring(me.indexOf("// README example begins\n") + "// README example begins\n".length(),
                me.indexOf("        // README example ends"));
        String unindented = example.lines().map(l -> l.startsWith("        ") ? l.substring(8) : l)
                .reduce("", (a, b) -> a + b + "\n");
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains("```java\n" + unindented + "```");
    }
}

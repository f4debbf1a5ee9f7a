package io.github.duban.batch;

import io.github.duban.json.PlanJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Folders of plans for the month-end tests: copies of the embedded plan with the sample year's facts. */
final class PlanFolders {
    static final List<String> FACTS = List.of("reports.jsonl", "completions.jsonl", "inspections.jsonl", "rectifications.jsonl",
            "extensions.jsonl");

    private PlanFolders() {
    }

    static Path make(Path plans, String... names) throws IOException {
        Files.createDirectories(plans);
        String plan = PlanJson.write(PlanJson.embedded());
        for (String n : names) {
            Path dir = Files.createDirectories(plans.resolve(n));
            Files.writeString(dir.resolve("plan.json"), plan, StandardCharsets.UTF_8);
            for (String f : FACTS) {
                try (InputStream in = PlanFolders.class.getResourceAsStream("/sample/2021/" + f)) {
                    Files.copy(in, dir.resolve(f));
                }
            }
        }
        return plans;
    }

    /** Every file under {@code root} by relative path, with its bytes. */
    static Map<String, byte[]> tree(Path root) {
        Map<String, byte[]> all = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                all.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }
}

package io.github.duban.authoring;

import io.github.duban.json.FactsJson;
import io.github.duban.model.Plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each fact of a facts directory was written: re-reads the files line by line with the same
 * per-line parsers the engine's reader uses, so a parsed fact maps to its {@code file:line} and the
 * line's text. A fact written twice maps to its first line. Immutable and thread-safe once built.
 */
final class FactLocator {

    /** A file, a line and the text written there. */
    record Located(String file, int line, String text) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    private final Map<Object, Located> where = new HashMap<>();

    private FactLocator() {
    }

    /** The facts of {@code dir} (null: none located) read for {@code plan}. */
    static FactLocator of(Path dir, Plan plan) {
        FactLocator l = new FactLocator();
        if (dir == null) {
            return l;
        }
        l.read(dir, FactsJson.REPORTS, plan, FactsJson::report);
        l.read(dir, FactsJson.COMPLETIONS, plan, FactsJson::completion);
        l.read(dir, FactsJson.EXTENSIONS, plan, FactsJson::extension);
        l.read(dir, FactsJson.INSPECTIONS, plan, FactsJson::inspection);
        l.read(dir, FactsJson.RECTIFICATIONS, plan, FactsJson::rectification);
        return l;
    }

    private <T> void read(Path dir, String name, Plan plan, FactsJson.Parser<T> parser) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            return;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            T fact = parser.parse(line, new FactsJson.Where(file.toString(), i + 1), plan);
            where.putIfAbsent(fact, new Located(name, i + 1, line));
        }
    }

    /** Where {@code fact} was written, or null for a fact the rules inferred. */
    Located find(Object fact) {
        return where.get(fact);
    }
}

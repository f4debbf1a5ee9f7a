package io.github.duban.json;

import io.github.duban.error.InputException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.duban.engine.FactCheck;
import io.github.duban.model.Completion;
import io.github.duban.model.Extension;
import io.github.duban.model.Facts;
import io.github.duban.model.InspectionFinding;
import io.github.duban.model.InspectionKind;
import io.github.duban.model.Plan;
import io.github.duban.model.ProgressReport;
import io.github.duban.model.Rectification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a facts directory (DESIGN §8): {@code reports.jsonl}, {@code completions.jsonl},
 * {@code inspections.jsonl}, {@code rectifications.jsonl} and {@code extensions.jsonl}, each
 * optional, one JSON object a line (blank lines are skipped). Every fact is checked against the
 * plan; the first bad one stops the read with an {@link InputException} naming file, line and
 * field. Thread-safe.
 */
public final class FactsJson {

    /** The file of monthly progress reports (进度报送) in a facts directory. */
    public static final String REPORTS = "reports.jsonl";
    /** The file of task completions (完成) in a facts directory. */
    public static final String COMPLETIONS = "completions.jsonl";
    /** The file of inspection findings (督查) in a facts directory. */
    public static final String INSPECTIONS = "inspections.jsonl";
    /** The file of rectifications (整改) in a facts directory. */
    public static final String RECTIFICATIONS = "rectifications.jsonl";
    /** The file of approved deadline extensions (延期) in a facts directory. */
    public static final String EXTENSIONS = "extensions.jsonl";

    private static final String SAMPLE = "/sample/2021/";

    private FactsJson() {
    }

    /** Reads the facts files of {@code dir} for {@code plan}. */
    public static Facts read(Path dir, Plan plan) {
        List<ProgressReport> reports = new ArrayList<>();
        return read(dir, plan, reports::add, () -> reports);
    }

    /** Reads the facts files of {@code dir}, every report to {@code reports}, then the facts with the reports {@code kept} gives. */
    private static Facts read(Path dir, Plan plan, java.util.function.Consumer<ProgressReport> reports,
                              java.util.function.Supplier<List<ProgressReport>> kept) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir.toString(), 0, null, "is not a directory of facts");
        }
        refuseUnknownFactsFiles(dir);
        each(dir.resolve(REPORTS), plan, FactsJson::report, reports);
        return new Facts(
                kept.get(),
                lines(dir.resolve(COMPLETIONS), plan, FactsJson::completion),
                lines(dir.resolve(EXTENSIONS), plan, FactsJson::extension),
                lines(dir.resolve(INSPECTIONS), plan, FactsJson::inspection),
                lines(dir.resolve(RECTIFICATIONS), plan, FactsJson::rectification));
    }

    /**
     * Reads facts given as JSON-lines texts keyed by file name ({@code reports.jsonl} …), as an
     * OA system holds them; missing keys are empty. Errors name the key as the file.
     */
    public static Facts read(java.util.Map<String, String> jsonLinesByFile, Plan plan) {
        for (String name : jsonLinesByFile.keySet()) {
            if (!java.util.List.of(REPORTS, COMPLETIONS, EXTENSIONS, INSPECTIONS, RECTIFICATIONS).contains(name)) {
                throw new InputException(name, 0, null, "is not a facts file (expected reports.jsonl, completions.jsonl, "
                        + "extensions.jsonl, inspections.jsonl or rectifications.jsonl)");
            }
        }
        return new Facts(
                parse(jsonLinesByFile.getOrDefault(REPORTS, ""), REPORTS, plan, FactsJson::report),
                parse(jsonLinesByFile.getOrDefault(COMPLETIONS, ""), COMPLETIONS, plan, FactsJson::completion),
                parse(jsonLinesByFile.getOrDefault(EXTENSIONS, ""), EXTENSIONS, plan, FactsJson::extension),
                parse(jsonLinesByFile.getOrDefault(INSPECTIONS, ""), INSPECTIONS, plan, FactsJson::inspection),
                parse(jsonLinesByFile.getOrDefault(RECTIFICATIONS, ""), RECTIFICATIONS, plan, FactsJson::rectification));
    }

    /** The five names a facts file may have. */
    public static final java.util.Set<String> FILE_NAMES = java.util.Set.of(REPORTS, COMPLETIONS, EXTENSIONS, INSPECTIONS, RECTIFICATIONS);

    /** A {@code .jsonl} file in a facts folder that is not one of the five names would be left unread: refused, naming them. */
    private static void refuseUnknownFactsFiles(Path dir) {
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String n = f.getFileName().toString();
                if (n.toLowerCase(java.util.Locale.ROOT).endsWith(".jsonl") && !FILE_NAMES.contains(n)) {
                    throw new InputException(f.toString(), 0, null, "is not a facts file and would be left unread (expected reports.jsonl, "
                            + "completions.jsonl, extensions.jsonl, inspections.jsonl or rectifications.jsonl)", n, "one of the five names");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** The embedded sample year of facts for the embedded plan (Feb–Jun 2021). */
    public static Facts sampleYear(Plan plan) {
        return new Facts(
                resource(REPORTS, plan, FactsJson::report),
                resource(COMPLETIONS, plan, FactsJson::completion),
                resource(EXTENSIONS, plan, FactsJson::extension),
                resource(INSPECTIONS, plan, FactsJson::inspection),
                resource(RECTIFICATIONS, plan, FactsJson::rectification));
    }

    /**
     * Writes {@code facts} into {@code dir} as the five facts files (DESIGN §8), one JSON object a
     * line, absent fields left out; each file goes through a temporary file and a rename, so none
     * is ever half-written. The same facts always give the same bytes.
     */
    public static void write(Path dir, Facts facts) {
        try {
            Files.createDirectories(dir);
            writeLines(dir, REPORTS, facts.reports().stream()
                    .map(r -> new ReportLine(r.task(), r.unit(), r.month(), r.submittedOn(), r.percent(), r.text(), r.value())).toList());
            writeLines(dir, COMPLETIONS, facts.completions().stream()
                    .map(c -> new CompletionLine(c.task(), c.completedOn(), c.acceptedOn())).toList());
            writeLines(dir, EXTENSIONS, facts.extensions().stream()
                    .map(e -> new ExtensionLine(e.task(), e.requestedOn(), e.approvedOn(), e.newDeadline(), e.reason())).toList());
            writeLines(dir, INSPECTIONS, facts.inspections().stream()
                    .map(i -> new InspectionLine(i.unit(), i.task(), i.kind(), i.on(), i.person(), i.note())).toList());
            writeLines(dir, RECTIFICATIONS, facts.rectifications().stream()
                    .map(r -> new RectificationLine(r.unit(), r.task(), r.on())).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write facts to " + dir, e);
        }
    }

    private static void writeLines(Path dir, String name, List<?> lines) throws IOException {
        Path tmp = io.github.duban.batch.SafeOutput.tempFile(dir, "." + name, ".tmp");
        try {
            try (java.io.Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (Object l : lines) {
                    w.write(Mappers.LINES.writeValueAsString(l));
                    w.write('\n');
                }
            }
            Files.move(tmp, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Parses JSON-lines text; {@code source} names it in errors. */
    public static <T> List<T> parse(String text, String source, Plan plan, Parser<T> parser) {
        List<T> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            out.add(parser.parse(line, new Where(source, i + 1), plan));
        }
        return out;
    }

    /** Parses one line of one facts file. */
    @FunctionalInterface
    public interface Parser<T> {
        /**
         * Reads one line's JSON object as a fact checked against {@code plan}.
         *
         * @throws InputException when the line is not such an object or the fact does not fit the plan, naming
         *     {@code where}
         */
        T parse(String json, Where where, Plan plan);
    }

    /** A file and a line, for errors. */
    public record Where(String file, int line) {
        InputException error(String field, String problem) {
            return new InputException(file, line, field, problem);
        }
    }

    /** Reads a facts file line by line, as a stream: the file is never held whole in memory. */
    private static <T> List<T> lines(Path file, Plan plan, Parser<T> parser) {
        List<T> out = new ArrayList<>();
        each(file, plan, parser, out::add);
        return out;
    }

    /** Reads a facts file line by line, each fact to {@code to} as it is read. */
    private static <T> void each(Path file, Plan plan, Parser<T> parser, java.util.function.Consumer<? super T> to) {
        if (!Files.exists(file)) {
            return;
        }
        String source = file.toString();
        try (java.io.BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int no = 0;
            for (String raw = in.readLine(); raw != null; raw = in.readLine()) {
                no++;
                String line = raw.strip();
                if (no == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1).strip();
                }
                if (!line.isEmpty()) {
                    to.accept(parser.parse(line, new Where(source, no), plan));
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw notUtf8(file, source);
        } catch (IOException e) {
            throw new InputException(source, 0, null, "cannot read: " + e.getMessage());
        }
    }

    /** A file that is not UTF-8 refused at the first line holding bytes that are not (GBK, most often). */
    static InputException notUtf8(Path file, String source) {
        int line = 0;
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            java.nio.charset.CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
            java.io.ByteArrayOutputStream one = new java.io.ByteArrayOutputStream();
            int no = 1;
            for (int b = in.read(); ; b = in.read()) {
                if (b == '\n' || b < 0) {
                    try {
                        utf8.reset().decode(java.nio.ByteBuffer.wrap(one.toByteArray()));
                    } catch (java.nio.charset.CharacterCodingException bad) {
                        line = no;
                        break;
                    }
                    if (b < 0) {
                        break;
                    }
                    one.reset();
                    no++;
                } else {
                    one.write(b);
                }
            }
        } catch (IOException e) {
            // the line stays unknown
        }
        return new InputException(source, line, null, "holds bytes that are not UTF-8" + (line > 0 ? " on this line" : "")
                + " (saved as GBK or another Chinese encoding?): the file is read as UTF-8; save it as UTF-8 and run again");
    }

    private static <T> List<T> resource(String name, Plan plan, Parser<T> parser) {
        try (InputStream in = FactsJson.class.getResourceAsStream(SAMPLE + name)) {
            if (in == null) {
                return List.of();
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "sample/2021/" + name, plan, parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ one line each

    record ReportLine(Integer task, String unit, YearMonth month, LocalDate submittedOn, Integer percent, String text,
                      java.math.BigDecimal value) {
    }

    record CompletionLine(Integer task, LocalDate completedOn, LocalDate acceptedOn) {
    }

    record ExtensionLine(Integer task, LocalDate requestedOn, LocalDate approvedOn, LocalDate newDeadline, String reason) {
    }

    record InspectionLine(String unit, Integer task, InspectionKind kind, LocalDate on, String person, String note) {
    }

    record RectificationLine(String unit, Integer task, LocalDate on) {
    }

    /**
     * Reads one line of {@code reports.jsonl}: a progress report, checked against {@code plan} (its unit may be
     * named by any alias and comes back by id; its percent, when given, within 0..100).
     *
     * @throws InputException naming {@code at} and the field, when a field is missing or the report does not fit
     *     the plan
     */
    public static ProgressReport report(String json, Where at, Plan plan) {
        ReportLine l = read(json, at, ReportLine.class);
        need(at, "task", l.task(), "a task number");
        need(at, "unit", l.unit(), "a unit id or alias");
        need(at, "month", l.month(), "a month like 2021-04");
        need(at, "submittedOn", l.submittedOn(), "a date like 2021-04-23");
        if (l.percent() != null && (l.percent() < 0 || l.percent() > 100)) {
            throw at.error("percent", "percent " + l.percent() + " is outside 0..100");
        }
        if (l.value() != null && l.value().signum() < 0) {
            throw at.error("value", "value " + l.value().toPlainString() + " is negative (expected the value reached against the task's target)");
        }
        return check(at, () -> FactCheck.report(plan, new ProgressReport(l.task(), l.unit(), l.month(), l.submittedOn(), l.percent(), l.text(), l.value())));
    }

    /**
     * Reads one line of {@code completions.jsonl}: a task's completion, checked against {@code plan}
     * ({@code acceptedOn}, when given, not before {@code completedOn}).
     *
     * @throws InputException naming {@code at} and the field, when a field is missing or the completion does not
     *     fit the plan
     */
    public static Completion completion(String json, Where at, Plan plan) {
        CompletionLine l = read(json, at, CompletionLine.class);
        need(at, "task", l.task(), "a task number");
        need(at, "completedOn", l.completedOn(), "a date like 2021-06-05");
        if (l.acceptedOn() != null && l.acceptedOn().isBefore(l.completedOn())) {
            throw at.error("acceptedOn", "acceptedOn " + l.acceptedOn() + " is before completedOn " + l.completedOn());
        }
        return check(at, () -> FactCheck.completion(plan, new Completion(l.task(), l.completedOn(), l.acceptedOn())));
    }

    /**
     * Reads one line of {@code extensions.jsonl}: an approved extension of a task's deadline, checked against
     * {@code plan}.
     *
     * @throws InputException naming {@code at} and the field, when a field is missing or the extension does not fit
     *     the plan
     */
    public static Extension extension(String json, Where at, Plan plan) {
        ExtensionLine l = read(json, at, ExtensionLine.class);
        need(at, "task", l.task(), "a task number");
        need(at, "requestedOn", l.requestedOn(), "a date like 2021-04-20");
        need(at, "approvedOn", l.approvedOn(), "a date like 2021-04-25");
        need(at, "newDeadline", l.newDeadline(), "a date like 2021-05-31");
        return check(at, () -> FactCheck.extension(plan, new Extension(l.task(), l.requestedOn(), l.approvedOn(), l.newDeadline(), l.reason())));
    }

    /**
     * Reads one line of {@code inspections.jsonl}: an inspection finding on one unit (not a group), checked against
     * {@code plan}; a blank {@code person} reads as none.
     *
     * @throws InputException naming {@code at} and the field, when a field is missing or the finding does not fit
     *     the plan
     */
    public static InspectionFinding inspection(String json, Where at, Plan plan) {
        InspectionLine l = read(json, at, InspectionLine.class);
        need(at, "unit", l.unit(), "a unit id or alias (one unit, not a group)");
        need(at, "kind", l.kind(), "one of " + java.util.Arrays.toString(InspectionKind.values()));
        need(at, "on", l.on(), "a date like 2021-05-20");
        return check(at, () -> FactCheck.inspection(plan, new InspectionFinding(l.unit(), l.task(), l.kind(), l.on(), blankToNull(l.person()), l.note())));
    }

    /**
     * Reads one line of {@code rectifications.jsonl}: a unit's rectification of a task's matter, or of the unit as
     * a whole when no task is given, checked against {@code plan}.
     *
     * @throws InputException naming {@code at} and the field, when a field is missing or the rectification does not
     *     fit the plan
     */
    public static Rectification rectification(String json, Where at, Plan plan) {
        RectificationLine l = read(json, at, RectificationLine.class);
        need(at, "unit", l.unit(), "a unit id or alias (one unit, not a group)");
        need(at, "on", l.on(), "a date like 2021-06-10");
        return check(at, () -> FactCheck.rectification(plan, new Rectification(l.unit(), l.task(), l.on())));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static final java.util.Map<Class<?>, ObjectReader> READERS = java.util.Map.of(
            ReportLine.class, Mappers.MAPPER.readerFor(ReportLine.class),
            CompletionLine.class, Mappers.MAPPER.readerFor(CompletionLine.class),
            ExtensionLine.class, Mappers.MAPPER.readerFor(ExtensionLine.class),
            InspectionLine.class, Mappers.MAPPER.readerFor(InspectionLine.class),
            RectificationLine.class, Mappers.MAPPER.readerFor(RectificationLine.class));

    private static <T> T read(String json, Where at, Class<T> type) {
        ObjectReader r = READERS.get(type);
        try {
            T v = r.readValue(json);
            if (v == null) {
                throw at.error(null, "is " + json.strip() + "; expected one JSON object a line");
            }
            return v;
        } catch (JsonProcessingException e) {
            throw InputException.from(at.file(), at.line(), e);
        }
    }

    private static void need(Where at, String field, Object value, String expected) {
        if (value == null) {
            throw at.error(field, "is missing (expected " + expected + ")");
        }
    }

    private static <T> T check(Where at, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (FactCheck.Problem p) {
            throw at.error(p.field(), p.problem());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw at.error(null, e.getMessage());
        }
    }

}

package io.github.duban.bulletin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.duban.error.InputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the bulletin's header and standing texts say where the plan holds nothing: the series
 * name (督查通报), the issuing office, the 主送 line, the subject in the title, the opening, the
 * 下一步工作要求 paragraphs, the closing line, the date, the 版记 (抄送 line, 印发机关 and 印发日期),
 * the issue number (第N期, counted across the office's year rather than the plan's window), and a
 * folder of templates that replace the built-in ones. Every field is optional; {@code null} takes the default drawn from the plan
 * (the date defaults to the as-of date, never the clock). Immutable and thread-safe.
 */
public record BulletinSettings(String series, String office, String recipients, String subject, String opening,
                               List<String> requirements, String closing, LocalDate date, String copyTo,
                               Path templates, Integer issue, String printer, LocalDate printDate) {

    /** No settings: every default. */
    public static final BulletinSettings DEFAULT = new BulletinSettings(null, null, null, null, null, null, null, null,
            null, null);

    /** Settings without an issue number or 印发 line of their own. */
    public BulletinSettings(String series, String office, String recipients, String subject, String opening,
                            List<String> requirements, String closing, LocalDate date, String copyTo, Path templates) {
        this(series, office, recipients, subject, opening, requirements, closing, date, copyTo, templates, null, null, null);
    }

    /**
     * Makes blank texts null (the default) and copies the requirements.
     *
     * @throws InputException when the issue number is below 1
     */
    public BulletinSettings {
        requirements = requirements == null ? null : List.copyOf(requirements);
        series = blankToNull(series);
        office = blankToNull(office);
        recipients = blankToNull(recipients);
        subject = blankToNull(subject);
        opening = blankToNull(opening);
        closing = blankToNull(closing);
        copyTo = blankToNull(copyTo);
        printer = blankToNull(printer);
        if (issue != null && issue < 1) {
            throw new InputException("bulletin settings", 0, "issue", "is " + issue + "; expected the issue number, 1 or more");
        }
    }

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /**
     * Reads a settings file, YAML or JSON (JSON is read as YAML). A relative {@code templates}
     * folder is taken relative to the settings file.
     *
     * @throws InputException naming the file, line and field when the file cannot be read or holds an unknown key
     */
    public static BulletinSettings read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, null, "cannot read the bulletin settings: " + e.getMessage());
        }
        BulletinSettings s;
        try {
            s = text.isBlank() ? DEFAULT : YAML.readValue(text, BulletinSettings.class);
        } catch (JsonProcessingException e) {
            InputException syntax = InputException.yamlSyntax(file.toString(), e);
            if (syntax != null) {
                throw syntax;
            }
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String field = null;
            if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                field = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining("."));
            }
            if (field != null) {
                int keyLine = lineOfKey(text, field.contains(".") ? field.substring(0, field.indexOf('.')) : field);
                line = keyLine > 0 ? keyLine : line;
            }
            String msg = e.getOriginalMessage();
            int cut = msg.indexOf('\n');
            if (cut > 0) {
                msg = msg.substring(0, cut);
            }
            if (msg.startsWith("Unrecognized field")) {
                msg = "is not a bulletin setting (expected series, office, recipients, subject, opening, requirements, closing, date, copyTo, printer, printDate, issue, templates)";
            }
            throw new InputException(file.toString(), line, field, msg);
        }
        if (s.templates() != null && !s.templates().isAbsolute()) {
            Path base = file.toAbsolutePath().getParent();
            s = new BulletinSettings(s.series, s.office, s.recipients, s.subject, s.opening, s.requirements, s.closing,
                    s.date, s.copyTo, base.resolve(s.templates()).normalize(), s.issue, s.printer, s.printDate);
        }
        if (s.templates() != null && !Files.isDirectory(s.templates())) {
            throw new InputException(file.toString(), 0, "templates", s.templates() + " is not a folder");
        }
        return s;
    }

    /** The 1-based line where a top-level key is written (YAML {@code key:} or JSON {@code "key":}), 0 if none. */
    private static int lineOfKey(String text, String key) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("^[\\s{,]*\"?" + java.util.regex.Pattern.quote(key) + "\"?\\s*:");
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (p.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

package io.github.duban.bulletin;

import io.github.duban.model.Plan;
import io.github.duban.model.Unit;
import io.github.duban.outcome.Reminder;
import io.github.duban.outcome.Text;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The 督办通知 of a day: one page per reminded unit, in the bulletin's 公文 style, listing that
 * unit's reminders of the date (the task, what is due, by when, the person addressed), issued by
 * the supervision office on the date. Written as HTML ({@code notice.html.ftlh}) and as a Word
 * document ({@code notice.docx.ftlx} as its {@code word/document.xml}, the bulletin's fixed styles,
 * fonts and footers around it); an office replaces either template with a same-named file in its
 * templates folder. The notices only format the reminders reminders.drl concluded. The same
 * reminders always give the same bytes. Thread-safe.
 */
public final class ReminderNotices {
    /** The HTML notice's template. */
    public static final String HTML_TEMPLATE = "notice.html.ftlh";
    /** The Word notice's main part, {@code word/document.xml} (XML auto-escaped). */
    public static final String DOCX_TEMPLATE = "notice.docx.ftlx";
    /** The folder under the output the notices are written to. */
    public static final String FOLDER = "notices";

    private static final int MAX_NAME = 60;
    private static final java.util.Set<String> RESERVED = java.util.Set.of("con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private ReminderNotices() {
    }

    /**
     * One unit's notice: the unit (id and name), the office, the date, the plan named, the opening
     * sentence and the reminders as lines. Every text is ready to print; templates only lay it out.
     */
    public record Notice(String unit, String unitName, String office, LocalDate date, String dateText, String title,
                         String planName, String opening, List<Line> lines, String closing) {
        /** Copies the lines, so the notice cannot change. */
        public Notice {
            lines = List.copyOf(lines);
        }
    }

    /**
     * One reminder on a notice: its number, the task (任务N, or 整体 for a case on the unit as a
     * whole), what is due (the kind in Chinese), the level (提醒 or 督办), the due date, the person
     * addressed with their role (责任人 or 责任领导) and the reminder's message.
     */
    public record Line(int no, String task, String kind, String level, String dueOn, String person, String role,
                       String message) {
    }

    /**
     * The notices of {@code date}, one per unit with reminders, in unit order (code point order of
     * the unit id), by file name under {@link #FOLDER}: {@code <unit>.html} and {@code <unit>.docx}.
     */
    public static Map<String, byte[]> files(Plan plan, LocalDate date, List<Reminder> reminders, BulletinSettings settings) {
        Path templates = settings == null ? null : settings.templates();
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Notice n : notices(plan, date, reminders, settings)) {
            String name = FOLDER + "/" + fileName(n.unit());
            files.put(name + ".html", html(n, templates).getBytes(StandardCharsets.UTF_8));
            files.put(name + ".docx", docx(n, templates));
        }
        return files;
    }

    /** The notices of {@code date}: one per unit with reminders, in unit order. */
    public static List<Notice> notices(Plan plan, LocalDate date, List<Reminder> reminders, BulletinSettings settings) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(date, "date");
        BulletinSettings s = settings == null ? BulletinSettings.DEFAULT : settings;
        String office = s.office() != null ? s.office() : Bulletin.region(plan.title()) + "督查室";
        LocalDate issued = s.date() != null ? s.date() : date;
        String planName = plan.docNumber() != null && !plan.docNumber().isBlank()
                ? "《" + plan.title() + "》（" + plan.docNumber() + "）" : "《" + plan.title() + "》";
        Map<String, List<Reminder>> byUnit = new TreeMap<>(Text.ORDER);
        for (Reminder r : reminders) {
            if (r.date().equals(date)) {
                byUnit.computeIfAbsent(r.unit(), k -> new ArrayList<>()).add(r);
            }
        }
        List<Notice> out = new ArrayList<>(byUnit.size());
        for (Map.Entry<String, List<Reminder>> e : byUnit.entrySet()) {
            List<Reminder> rs = new ArrayList<>(e.getValue());
            rs.sort(null);
            List<Line> lines = new ArrayList<>(rs.size());
            long pressed = 0;
            for (Reminder r : rs) {
                boolean press = Reminder.PRESS.equals(r.level());
                pressed += press ? 1 : 0;
                lines.add(new Line(lines.size() + 1, r.task() == null ? "整体" : "任务" + r.task(), r.kind().chinese(), r.level(),
                        Text.dateText(r.dueOn()), r.person() == null ? "" : r.person(), press ? "责任领导" : "责任人", r.message()));
            }
            String unitName = plan.unit(e.getKey()).map(Unit::name).filter(x -> x != null && !x.isBlank()).orElse(e.getKey());
            String opening = "根据" + planName + "有关要求，经梳理，截至" + Text.dateText(date) + "，你单位有以下" + rs.size()
                    + "项事项需抓紧办理" + (pressed > 0 ? "，其中" + pressed + "项请责任领导督办" : "")
                    + "。请对照时限逐项落实，按时报送办理情况。";
            out.add(new Notice(e.getKey(), unitName, office, issued, Text.dateText(issued), "督办通知", planName, opening, lines,
                    "特此通知。"));
        }
        return out;
    }

    /** The notice as one self-contained HTML page. */
    public static String html(Notice n, Path templates) {
        return Bulletins.render(HTML_TEMPLATE, model(n), templates);
    }

    /** The notice as a Word document after GB/T 9704-2012: the bulletin's styles, fonts and page, one page for a usual day. */
    public static byte[] docx(Notice n, Path templates) {
        byte[] document = DocxBulletin.xmlSafe(Bulletins.render(DOCX_TEMPLATE, model(n), templates)).getBytes(StandardCharsets.UTF_8);
        byte[] core = DocxBulletin.coreXml(n.title() + "（" + n.unitName() + "）", n.office(), null, null, n.date());
        byte[] custom = DocxBulletin.customXml(Map.of("unit", n.unit(), "date", n.date().toString()));
        return DocxBulletin.pack(document, core, custom, null);
    }

    /** The templates' model: {@code n}, and the right indents in twips of the signature and its date, as the bulletin's. */
    static Map<String, Object> model(Notice n) {
        int signature = DocxBulletin.halfWidths(n.office());
        int date = DocxBulletin.halfWidths(n.dateText());
        int dateIndent = Math.max(4, signature - date);
        int signatureIndent = dateIndent + date + 4 - signature;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("signatureIndent", signatureIndent * 160);
        m.put("dateIndent", dateIndent * 160);
        return m;
    }

    /**
     * A file name (without extension) for unit {@code unit} that any file system takes: letters,
     * digits, {@code -} and {@code _} kept, anything else {@code _}, at most 60 characters; a name
     * so changed, empty or reserved (CON, NUL …) gets {@code -} and 8 hex digits of the id's
     * sha-256, so two units never share a file.
     */
    public static String fileName(String unit) {
        StringBuilder b = new StringBuilder();
        unit.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                b.appendCodePoint(c);
            } else {
                b.append('_');
            }
        });
        String name = b.toString();
        boolean changed = !name.equals(unit);
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            name = name.substring(0, name.offsetByCodePoints(0, MAX_NAME));
            changed = true;
        }
        if (changed || name.isEmpty() || RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            name = name + "-" + hash(unit);
        }
        return name;
    }

    private static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

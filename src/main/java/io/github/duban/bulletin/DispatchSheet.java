package io.github.duban.bulletin;

import java.time.LocalDate;

import io.github.duban.model.Plan;
import io.github.duban.model.TaskPerson;
import io.github.duban.outcome.BoardEntry;
import io.github.duban.outcome.Finding;
import io.github.duban.outcome.LatestPercent;
import io.github.duban.outcome.RemindDay;
import io.github.duban.outcome.Reminder;
import io.github.duban.outcome.ReportOwed;
import io.github.duban.outcome.Text;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The month's dispatch sheet (调度表) as of a day, an Excel workbook: per lead unit and task, what
 * the unit owes this month (the report and its due date), what is in (the latest percent and the
 * date of the report that gave it), what is late or missing and the task's other findings, the
 * board's light, the day's reminders, and who answers for it (the lead unit, its 责任领导 and
 * 责任人). Every cell is taken from the rules' conclusions ({@link RemindDay}): the sheet formats,
 * it never decides. Thread-safe.
 */
public final class DispatchSheet {
    /** The file name the command line writes. */
    public static final String FILE = "dispatch.xlsx";
    /** The header row, in column order. */
    public static final List<String> HEADER = List.of("序号", "牵头单位", "任务", "任务名称", "挂图作战", "本月应报", "报送时限",
            "最新进度", "报送日期", "所报月份", "迟报、未报及其他问题", "今日催办", "责任领导", "责任人");

    private DispatchSheet() {
    }

    /** One row: a lead unit on a task (task null for a matter on the unit as a whole), every cell as printed. */
    public record Line(String unit, Integer task, String title, String light, String owed, String due, String percent,
                       String reportedOn, String reportMonth, String problems, String reminders, String leader, String person) {
        /** The row's cells after its number, in {@link #HEADER}'s order. */
        public List<String> cells() {
            return java.util.Arrays.asList(unit, task == null ? "" : String.valueOf(task), title, light, owed, due, percent,
                    reportedOn, reportMonth, problems, reminders, leader, person);
        }
    }

    private record Key(String unit, Integer task) {
    }

    private static final Comparator<Key> KEY_ORDER = Comparator.comparing(Key::unit, Text.ORDER)
            .thenComparing(Key::task, Comparator.nullsFirst(Comparator.naturalOrder()));

    /**
     * The rows of the sheet: one per report owed in the month (unit and task) and per other matter
     * the day's reminders or the month's findings name on a lead unit's task, by unit (code point
     * order) and task.
     */
    public static List<Line> lines(Plan plan, RemindDay day) {
        Objects.requireNonNull(plan, "plan");
        Map<Key, List<ReportOwed>> owed = new TreeMap<>(KEY_ORDER);
        day.owed().forEach(o -> owed.computeIfAbsent(new Key(o.unit(), o.task()), k -> new ArrayList<>()).add(o));
        Map<Key, List<Reminder>> reminded = new TreeMap<>(KEY_ORDER);
        day.reminders().forEach(r -> reminded.computeIfAbsent(new Key(r.unit(), r.task()), k -> new ArrayList<>()).add(r));
        Map<Key, List<Finding>> found = new TreeMap<>(KEY_ORDER);
        day.assessment().findings().forEach(f -> found.computeIfAbsent(new Key(f.unit(), f.task()), k -> new ArrayList<>()).add(f));
        Map<Key, LatestPercent> latest = new TreeMap<>(KEY_ORDER);
        day.latest().forEach(l -> latest.put(new Key(l.unit(), l.task()), l));
        Map<Integer, BoardEntry> board = new TreeMap<>();
        day.assessment().board().forEach(b -> board.put(b.task(), b));

        java.util.Set<Key> keys = new java.util.TreeSet<>(KEY_ORDER);
        keys.addAll(owed.keySet());
        keys.addAll(reminded.keySet());
        // the month's findings on a task the unit leads (a supporting unit's or a whole unit's finding only with a reminder)
        found.keySet().stream().filter(k -> k.task() != null && plan.task(k.task()).map(t -> t.isLead(k.unit())).orElse(false))
                .forEach(keys::add);

        List<Line> out = new ArrayList<>(keys.size());
        for (Key k : keys) {
            String title = k.task() == null ? "" : plan.task(k.task()).map(t -> t.title()).orElse("");
            BoardEntry b = k.task() == null ? null : board.get(k.task());
            List<ReportOwed> os = owed.getOrDefault(k, List.of());
            LatestPercent lp = latest.get(k);
            String problems = found.getOrDefault(k, List.of()).stream()
                    .map(f -> f.kind().chinese() + (f.days() == null ? "" : f.days() + "天")).distinct()
                    .collect(Collectors.joining("；"));
            String rs = reminded.getOrDefault(k, List.of()).stream()
                    .map(r -> r.level() + "·" + r.kind().chinese()).distinct().collect(Collectors.joining("；"));
            TaskPerson who = k.task() == null ? null : plan.personsOf(k.task(), k.unit());
            if (who == null) {
                who = plan.unit(k.unit()).map(u -> new TaskPerson(k.unit(), u.leader(), u.person())).orElse(null);
            }
            out.add(new Line(k.unit(), k.task(), title, b == null ? "" : b.light().chinese(),
                    os.stream().map(o -> Text.monthText(o.month()) + "工作进度").collect(Collectors.joining("；")),
                    os.stream().map(o -> Text.dateText(o.due())).collect(Collectors.joining("；")),
                    lp == null ? "" : lp.percent() + "%",
                    lp == null || lp.report() == null ? "" : Text.dateText(lp.report().submittedOn()),
                    lp == null || lp.report() == null ? "" : Text.monthText(lp.report().month()),
                    problems, rs,
                    who == null || who.leader() == null ? "" : who.leader(),
                    who == null || who.person() == null ? "" : who.person()));
        }
        return out;
    }

    /** The sheet as an .xlsx workbook: a title row, the header, then {@link #lines}. */
    public static byte[] xlsx(Plan plan, RemindDay day) {
        List<Line> lines = lines(plan, day);
        // streamed (rows flushed to a temporary file as they are made): a plan of 400 tasks writes in a
        // fraction of the time and memory the in-memory workbook takes
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(Text.monthText(day.assessment().period()) + "调度表");
            Font bold = wb.createFont();
            bold.setBold(true);
            bold.setFontName("黑体");
            Font body = wb.createFont();
            body.setFontName("仿宋_GB2312");
            Font titleFont = wb.createFont();
            titleFont.setFontName("方正小标宋简体");
            titleFont.setFontHeightInPoints((short) 16);
            CellStyle title = wb.createCellStyle();
            title.setFont(titleFont);
            title.setAlignment(HorizontalAlignment.CENTER);
            CellStyle head = boxed(wb, bold);
            head.setAlignment(HorizontalAlignment.CENTER);
            CellStyle cell = boxed(wb, body);
            cell.setWrapText(true);

            Row t = sheet.createRow(0);
            Cell tc = t.createCell(0);
            tc.setCellValue(Text.monthText(day.assessment().period()) + "工作调度表（截至" + Text.dateText(day.date()) + "）");
            tc.setCellStyle(title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADER.size() - 1));
            Row h = sheet.createRow(1);
            for (int i = 0; i < HEADER.size(); i++) {
                Cell c = h.createCell(i);
                c.setCellValue(HEADER.get(i));
                c.setCellStyle(head);
            }
            int r = 2;
            for (Line l : lines) {
                Row row = sheet.createRow(r);
                Cell no = row.createCell(0);
                no.setCellValue(r - 1);
                no.setCellStyle(cell);
                List<String> cells = l.cells();
                for (int i = 0; i < cells.size(); i++) {
                    Cell c = row.createCell(i + 1);
                    if (i == 1 && l.task() != null) {
                        c.setCellValue(l.task());
                    } else {
                        c.setCellValue(cells.get(i));
                    }
                    c.setCellStyle(cell);
                }
                r++;
            }
            int[] widths = {6, 16, 6, 30, 9, 16, 16, 9, 16, 11, 30, 24, 12, 12};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            sheet.createFreezePane(0, 2);
            if (r > 2) {
                sheet.setAutoFilter(new CellRangeAddress(1, r - 1, 0, HEADER.size() - 1));
            }
            wb.write(out);
            return reproducible(out.toByteArray(), day.date());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            wb.dispose();
            try {
                wb.close();
            } catch (IOException e) {
                // nothing held open but the temporary file dispose removed
            }
        }
    }

    private static CellStyle boxed(Workbook wb, Font font) {
        CellStyle s = wb.createCellStyle();
        s.setFont(font);
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        return s;
    }

    /**
     * The workbook with the same bytes for the same day: every zip entry dated 1980-01-01 00:00 and
     * the package's created date the day itself (POI stamps the clock on both).
     */
    static byte[] reproducible(byte[] xlsx, LocalDate date) throws IOException {
        long time = java.sql.Timestamp.valueOf(DocxBulletin.ZIP_TIME).getTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream(xlsx.length);
        try (org.apache.commons.compress.archivers.zip.ZipFile in = new org.apache.commons.compress.archivers.zip.ZipFile(
                new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(xlsx));
             java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            for (org.apache.commons.compress.archivers.zip.ZipArchiveEntry e : java.util.Collections.list(in.getEntriesInPhysicalOrder())) {
                byte[] bytes;
                try (java.io.InputStream entry = in.getInputStream(e)) {
                    bytes = entry.readAllBytes();
                }
                if (e.getName().equals("docProps/core.xml")) {
                    String core = new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                            .replaceAll("(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\\2>)", "$1" + date + "T00:00:00Z$3");
                    bytes = core.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                java.util.zip.ZipEntry copy = new java.util.zip.ZipEntry(e.getName());
                copy.setTime(time);
                zip.putNextEntry(copy);
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}

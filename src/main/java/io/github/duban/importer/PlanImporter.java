package io.github.duban.importer;

import io.github.duban.model.Deadline;
import io.github.duban.model.Goal;
import io.github.duban.model.Milestone;
import io.github.duban.model.Plan;
import io.github.duban.model.ReportingRule;
import io.github.duban.model.Stage;
import io.github.duban.model.Task;
import io.github.duban.model.TaskPerson;
import io.github.duban.model.Unit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a published plan (web page or Word text) or a 责任分解表 exported from Excel into a
 * {@link Plan}, reporting everything it could not read. See docs/import.md.
 * Thread-safe; holds no state.
 */
public final class PlanImporter {

    /** Reporting day when the document names none (DESIGN §3). */
    public static final int DEFAULT_DUE_DAY = 25;

    private static final Pattern IMPLEMENTATION_STAGE = Pattern.compile("全面推进|集中推进|组织实施|全面实施|推进实施|整改落实|集中整治|全面落实|实施推进");
    private static final Pattern DATE_WORD = Pattern.compile("\\d{4}年|\\d{1,2}月|年底|年内|上半年|下半年|季度");

    private PlanImporter() {
    }

    /**
     * Reads the text of a plan. {@code source} names it in problems; {@code year} is the year of
     * dates that name none (null: the year of the document's date).
     */
    public static ImportResult importText(String text, String source, Integer year) {
        return importText(text, source, ImportOptions.ofYear(year));
    }

    /** Reads the text of a plan; {@code options} settle what the document leaves open. */
    public static ImportResult importText(String text, String source, ImportOptions options) {
        return importLines(text, source, options, Locator.LINES);
    }

    /**
     * Reads a plan given as lines of text (a Word file's paragraphs, a web page's blocks, table rows
     * as tab-separated cells); {@code places} says where each line is in the original document.
     */
    static ImportResult importLines(String text, String source, ImportOptions options, Locator places) {
        Objects.requireNonNull(text, "text");
        ImportOptions o = options == null ? ImportOptions.none() : options;
        List<ImportProblem> problems = new ArrayList<>();
        List<String> defaults = new ArrayList<>();
        TextReader r = new TextReader(text, source, problems);
        r.readMetadata();
        int y = year(o, r.issuedOn, problems, defaults, r.all.stream().map(TextReader.Line::text).toList());
        r.readStructure(y);
        List<String> disagreements = new ArrayList<>();
        List<RawTask> tasks;
        if (!r.bodyTasks.isEmpty()) {
            renumber(r.bodyTasks, "the body", problems);
            tasks = r.bodyTasks;
            if (!r.tableTasks.isEmpty()) {
                renumber(r.tableTasks, "the table", problems);
                Disagreements.compare(r.bodyTasks, r.tableTasks, disagreements, problems, r.tableLine);
            }
        } else {
            renumber(r.tableTasks, "the table", problems);
            tasks = r.tableTasks;
        }
        if (tasks.isEmpty()) {
            throw new ImportException(source, 0, "no tasks found: expected numbered measures (1. / 1、 / （一）) followed by "
                    + "牵头单位/责任单位/完成时限 in brackets or on their own lines, or a table with 序号, 工作任务, 牵头单位 columns");
        }
        if (r.issuedOn == null) {
            problems.add(new ImportProblem(0, "no document date (a line such as 2021年2月1日, or 成文日期/发文日期) found; issuedOn is left empty"));
        }
        Plan plan = assemble(r.title, r.docNumber, r.issuedOn, y, r.stages, r.dueDay, r.firstListedLeads, tasks, problems,
                defaults, source, o);
        return new ImportResult(plan, places.locate(problems), disagreements, defaults);
    }

    /**
     * The largest CSV read: every row becomes a task read with its deadline, units and persons, some
     * 100 KB of work a row, so a CSV of 15 MB under the row limit took 1.7 GB of allocations and
     * seconds; a real 责任分解表 is well under 1 MB.
     */
    static final long MAX_CSV_BYTES = 4L << 20;

    /** Reads a 责任分解表 exported from Excel as CSV (UTF-8 or GBK); dates without a year are an import problem. */
    public static ImportResult importCsv(Path file) {
        return importCsv(file, ImportOptions.none());
    }

    /** Reads a 责任分解表 exported from Excel as CSV (UTF-8 or GBK); {@code year} for dates that name none. */
    public static ImportResult importCsv(Path file, Integer year) {
        return importCsv(file, ImportOptions.ofYear(year));
    }

    /** Reads a 责任分解表 exported from Excel as CSV (UTF-8 or GBK); {@code options} settle what it leaves open. */
    public static ImportResult importCsv(Path file, ImportOptions options) {
        List<ImportProblem> problems = new ArrayList<>();
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ImportException(file.toString(), 0, "cannot read the file: " + e.getMessage());
        }
        if (size > MAX_CSV_BYTES) {
            throw new ImportException(file.toString(), 0, String.format(java.util.Locale.ROOT,
                    "the CSV file is %.1f MB, more than %d MB for a 责任分解表 (a real one is well under 1 MB); refused unread (is it the right file?)",
                    size / 1048576.0, MAX_CSV_BYTES >> 20));
        }
        String text = readText(file);
        CsvTable table = CsvTable.read(text, file.toString(), problems);
        return importTable(table, file.toString(), file.getFileName().toString().replaceAll("\\.[^.]+$", ""), options,
                problems, Locator.LINES, text);
    }

    /** A 责任分解表 already split into rows and cells (CSV or a workbook sheet). */
    static ImportResult importTable(CsvTable table, String source, String fallbackTitle, ImportOptions options,
                                    List<ImportProblem> problems, Locator places, String allText) {
        ImportOptions o = options == null ? ImportOptions.none() : options;
        List<String> defaults = new ArrayList<>();
        String joined = String.join("\n", table.titleLines);
        LocalDate issuedOn = TextReader.dateLine(table.titleLines);
        int y = year(o, issuedOn, problems, defaults, List.of(allText));
        boolean firstListed = TextReader.FIRST_LISTED_LEADS.matcher(DeadlineParser.normalize(joined)).find();
        if (!firstListed && !table.roles.contains(Role.LEAD)) {
            problems.add(new ImportProblem(table.headerLine, "the header has no 牵头单位 column"));
        }
        TextReader r = new TextReader("", source, problems);
        String goal = null;
        for (CsvTable.Row row : table.rows) {
            if (row.goalHeading() != null) {
                goal = row.goalHeading();
                continue;
            }
            RawTask t = r.row(row.cells(), table.roles, table.headers, row.line(), goal);
            if (t != null) {
                goal = t.goal;
                r.tableTasks.add(t);
            }
        }
        renumber(r.tableTasks, "the table", problems);
        if (r.tableTasks.isEmpty()) {
            throw new ImportException(source, table.headerLine, "no task rows under the header");
        }
        String title = table.title != null ? table.title : fallbackTitle;
        Integer dueDay = TextReader.dueDayOf(joined);
        Plan plan = assemble(title, TextReader.docNumberOf(table.titleLines), issuedOn, y, List.of(), dueDay, firstListed,
                r.tableTasks, problems, defaults, source, o);
        return new ImportResult(plan, places.locate(problems), List.of(), defaults);
    }

    /**
     * Reads a plan file, choosing the reader by its content and extension: plain text (.txt), a
     * saved web page (.html/.htm), a Word file (.docx), a workbook (.xlsx/.xls, the first sheet or
     * {@code options.sheet()}) or a CSV 责任分解表. A file whose extension does not match its content
     * is read by its content, and that is reported.
     */
    public static ImportResult importFile(Path file, ImportOptions options) {
        ImportOptions o = options == null ? ImportOptions.none() : options;
        Formats.Detected d = Formats.detect(file);
        String source = file.toString();
        ImportResult r;
        try {
            r = switch (d.format()) {
                case TEXT -> importText(readText(file), source, o);
                case CSV -> importCsv(file, o);
                case HTML -> HtmlReader.read(file, o);
                case DOCX -> DocxReader.read(file, o);
                case XLSX, XLS -> XlsxReader.read(file, o);
            };
        } catch (NoClassDefFoundError e) {
            String library = d.format() == Formats.Format.HTML ? "jsoup (org.jsoup:jsoup)" : "Apache POI (org.apache.poi:poi-ooxml)";
            throw new ImportException(source, 0, "reading this file needs " + library + " on the class path, an optional dependency of duban; "
                    + "add it, or use the command line jar, which bundles it");
        }
        if (d.mismatch() == null) {
            return r;
        }
        List<ImportProblem> problems = new ArrayList<>();
        problems.add(new ImportProblem(0, d.mismatch()));
        problems.addAll(r.problems());
        return new ImportResult(r.plan(), problems, r.disagreements(), r.defaults());
    }

    /** A text file's content: UTF-8 (with or without BOM) when it decodes cleanly, else GBK (read as GB18030). */
    public static String readText(Path file) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > Formats.MAX_TEXT_BYTES) {
                throw new ImportException(file.toString(), 0, String.format(java.util.Locale.ROOT,
                        "the file is %.1f MB, more than %d MB for a plan's text; refused unread (is it the right file?)",
                        size / 1048576.0, Formats.MAX_TEXT_BYTES >> 20));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImportException(file.toString(), 0, "cannot read the file: " + e.getMessage());
        }
        return decode(bytes);
    }

    static String decode(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\ufeff") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    // ---- assembly ----

    private static int year(ImportOptions o, LocalDate issuedOn, List<ImportProblem> problems, List<String> defaults, List<String> text) {
        if (o.year() != null) {
            return o.year();
        }
        if (issuedOn != null) {
            return issuedOn.getYear();
        }
        if (o.windowFrom() != null) {
            defaults.add("dates without a year are read in " + o.windowFrom().getYear() + ", the first year of --window (--year to change)");
            return o.windowFrom().getYear();
        }
        Matcher m = Pattern.compile("(?<!\\d)(20\\d{2})年").matcher(DeadlineParser.normalize(String.join("\n", text)));
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        while (m.find()) {
            counts.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
        }
        if (!counts.isEmpty()) {
            int y = counts.firstKey();
            defaults.add("dates without a year are read in " + y + ", the earliest year the document names; it has no date (--year to change)");
            return y;
        }
        if (o.today() != null) {
            int y = o.today().getYear();
            defaults.add("the document names no year and no date: dates without a year are read in " + y
                    + ", the current year (--year to change)");
            return y;
        }
        problems.add(new ImportProblem(0, "no --year, no document date and no year in the text: dates without a year cannot be read"));
        return 0;
    }

    /**
     * Numbers the tasks 1..N in document order. Nested measures restart their numbers under each
     * parent, which is no gap: only the numbers of the top-level tasks are checked, and a numbering
     * that is not 1..N there is reported with the numbers as written.
     */
    private static void renumber(List<RawTask> tasks, String where, List<ImportProblem> problems) {
        List<RawTask> roots = tasks.stream().filter(t -> t.parent == null).toList();
        boolean inOrder = true;
        for (int i = 0; i < roots.size(); i++) {
            if (roots.get(i).no != i + 1) {
                inOrder = false;
                break;
            }
        }
        boolean nested = roots.size() < tasks.size();
        if (inOrder && !nested) {
            return;
        }
        StringBuilder was = new StringBuilder();
        for (int i = 0; i < roots.size(); i++) {
            was.append(i == 0 ? "" : ",").append(roots.get(i).no < 0 ? "?" : String.valueOf(roots.get(i).no));
        }
        for (int i = 0; i < tasks.size(); i++) {
            tasks.get(i).no = i + 1;
        }
        if (!inOrder) {
            problems.add(new ImportProblem(tasks.get(0).line, "task numbers in " + where + " are not 1.." + roots.size()
                    + " in order (" + abbreviate(was.toString()) + "); tasks renumbered 1.." + tasks.size() + " in document order"));
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    private record Read(RawTask raw, List<String> leads, List<String> supporting, DeadlineReading reading, List<TaskPerson> persons) {
    }

    /**
     * The 责任领导 and 责任人 of a task per lead unit: one name each for every lead unit, or one name
     * for all of them (the task's leader), as the document writes it.
     */
    private static List<TaskPerson> taskPersons(RawTask t, List<String> leads) {
        if (leads.isEmpty() || t.leader == null && t.person == null) {
            return List.of();
        }
        List<String> leaders = t.leader == null ? List.of() : Units.split(t.leader);
        List<String> persons = t.person == null ? List.of() : Units.split(t.person);
        List<TaskPerson> out = new ArrayList<>();
        for (int i = 0; i < leads.size(); i++) {
            String leader = pick(leaders, i, leads.size());
            String person = pick(persons, i, leads.size());
            if (leader != null || person != null) {
                out.add(TaskPerson.of(leads.get(i), leader, person));
            }
        }
        return out;
    }

    private static String pick(List<String> names, int i, int units) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return names.size() == units ? names.get(i) : null;
    }

    private static Plan assemble(String title, String docNumber, LocalDate issuedOn, int year, List<Stage> stages,
                                 Integer dueDay, boolean firstListed, List<RawTask> raws, List<ImportProblem> problems,
                                 List<String> defaults, String source, ImportOptions o) {
        Map<String, Integer> goals = new LinkedHashMap<>();
        Map<String, UnitInfo> units = new LinkedHashMap<>();
        List<Read> reads = new ArrayList<>();
        List<Integer> noGoal = new ArrayList<>();
        boolean nested = raws.stream().anyMatch(t -> t.parent != null);
        for (RawTask t : raws) {
            if (t.parent != null) {
                t.inherit(t.parent); // written out on every leaf: the plan never relies on inheritance
            }
        }
        for (RawTask t : raws) {
            List<String> leads = new ArrayList<>(Units.split(t.lead));
            List<String> supporting = new ArrayList<>();
            List<String> responsible = new ArrayList<>(Units.split(t.responsible));
            List<String> support = new ArrayList<>(Units.split(t.support));
            // a cell may mark roles itself: 市行政审批局（牵头）, 市市场监管局牵头, 市财政局配合, 列第一位者为牵头单位
            boolean firstListedHere = Units.dropFirstListedStatement(leads) | Units.dropFirstListedStatement(responsible)
                    | Units.dropFirstListedStatement(support);
            List<String> markedLeads = new ArrayList<>();
            List<String> markedSupport = new ArrayList<>();
            for (List<String> cell : List.of(leads, responsible, support)) {
                Units.takeMarked(cell, markedLeads, markedSupport);
            }
            for (String u : markedLeads) {
                if (!leads.contains(u)) {
                    leads.add(u);
                }
            }
            for (String u : markedSupport) {
                if (!support.contains(u)) {
                    support.add(u);
                }
            }
            // persons written where a unit should be (牵头单位：张三, 责任单位：分管副区长) are never units
            takePersons(t, leads, Role.LEAD, problems);
            takePersons(t, responsible, Role.RESPONSIBLE, problems);
            takePersons(t, support, Role.SUPPORT, problems);
            boolean fromResponsible = false;
            if (leads.isEmpty() && !responsible.isEmpty()) {
                if (firstListed || firstListedHere) {
                    leads.add(responsible.get(0));
                    supporting.addAll(responsible.subList(1, responsible.size()));
                } else {
                    leads.addAll(responsible);
                    fromResponsible = true;
                }
            } else {
                supporting.addAll(responsible);
            }
            for (String s : support) {
                if (!supporting.contains(s)) {
                    supporting.add(s);
                }
            }
            if (leads.isEmpty() && !supporting.isEmpty() && (firstListed || firstListedHere) && (t.lead == null || t.lead.isBlank())) {
                leads.add(supporting.remove(0));
                problems.add(new ImportProblem(t.line, t.column(Role.SUPPORT), "task " + t.no + " names no 牵头单位; " + leads.get(0)
                        + ", listed first, leads as the document says the first-listed unit does"));
            }
            // a group as lead: groups answer for nothing, so it supports and the task may be left without an accountable unit
            List<String> groups = leads.stream().filter(Units::isGroup).toList();
            if (!groups.isEmpty()) {
                leads.removeAll(groups);
                for (int i = groups.size() - 1; i >= 0; i--) {
                    if (!supporting.contains(groups.get(i))) {
                        supporting.add(0, groups.get(i));
                    }
                }
                t.notes.add("原文" + (fromResponsible ? "责任单位" : "牵头单位") + "「" + String.join("、", groups)
                        + "」是单位统称，不能作为牵头单位考核，已列为配合单位。");
                problems.add(new ImportProblem(t.line, t.column(fromResponsible ? Role.RESPONSIBLE : Role.LEAD), "task " + t.no + " 「" + t.title
                        + "」: the lead " + String.join("、", groups) + (groups.size() == 1 ? " is a group" : " are groups")
                        + " of units, which answer for nothing; moved to the supporting units"));
            }
            if (fromResponsible && !leads.isEmpty()) {
                problems.add(new ImportProblem(t.line, t.column(Role.RESPONSIBLE), "task " + t.no + " names no 牵头单位 and the document does not say the first-listed unit leads; "
                        + "its 责任单位 " + String.join("、", leads) + " are taken as lead units"));
            }
            if (leads.isEmpty() && !t.group) {
                t.notes.add("原文未写明可考核的牵头单位，本任务暂无责任单位：不报送、不计分，请补充牵头单位。");
                problems.add(new ImportProblem(t.line, t.column(Role.LEAD), "task " + t.no + " 「" + t.title
                        + "」 has no accountable unit (no 牵头单位 or 责任单位 that is one unit); kept without lead units: it owes no report and scores no one"));
            }
            List<String> dup = supporting.stream().filter(leads::contains).toList();
            if (!dup.isEmpty()) {
                supporting.removeAll(dup);
                problems.add(new ImportProblem(t.line, t.column(Role.SUPPORT), "task " + t.no + " lists " + String.join("、", dup) + " both as lead and as supporting unit; kept as lead"));
            }
            for (String u : leads) {
                units.computeIfAbsent(u, UnitInfo::new);
            }
            for (String u : supporting) {
                units.computeIfAbsent(u, UnitInfo::new);
            }
            assignPersons(t, leads, units, problems);
            List<TaskPerson> persons = t.group && t.leader == null && t.person == null ? List.of() : taskPersons(t, leads);
            String goalTitle = t.goal == null || t.goal.isBlank() ? "工作任务" : t.goal;
            if (t.goal == null || t.goal.isBlank()) {
                noGoal.add(t.no);
            }
            goals.putIfAbsent(goalTitle, goals.size() + 1);
            t.goal = goalTitle;
            DeadlineReading reading = t.deadline == null || t.deadline.isBlank() ? null
                    : DeadlineParser.parse(t.deadline, year, issuedOn == null ? null : YearMonth.from(issuedOn));
            reads.add(new Read(t, List.copyOf(leads), List.copyOf(supporting), reading, persons));
        }
        if (!noGoal.isEmpty()) {
            defaults.add("task" + (noGoal.size() == 1 ? " " : "s ") + list(noGoal) + (noGoal.size() == 1 ? " has" : " have")
                    + " no goal heading above; put under the goal 「工作任务」");
        }
        int due;
        if (o.dueDay() != null) {
            due = o.dueDay();
        } else if (dueDay != null) {
            due = dueDay;
        } else {
            due = DEFAULT_DUE_DAY;
            defaults.add("the document names no monthly reporting day (每月N日前…报送): reports are due on day " + DEFAULT_DUE_DAY
                    + " of each month (--due-day to change)");
        }
        ReportingRule reporting = o.windowFrom() != null
                ? new ReportingRule(o.windowFrom(), o.windowTo(), due)
                : window(issuedOn, due, year, stages, reads, defaults, source);
        LocalDate fallback = reporting.to().atEndOfMonth();

        List<Task> tasks = new ArrayList<>();
        List<Integer> fellBack = new ArrayList<>();
        for (Read rd : reads) {
            RawTask t = rd.raw;
            List<String> notes = new ArrayList<>(t.notes);
            Deadline deadline = t.group && rd.reading == null ? null : deadline(t, rd.reading, fallback, notes, problems, fellBack);
            List<Milestone> milestones = milestones(t.measure, year);
            tasks.add(new Task(t.no, goals.get(t.goal), t.title, t.measure, rd.leads, rd.supporting, deadline, milestones, notes,
                    t.parent == null ? null : t.parent.no, nested ? t.label : null, rd.persons, null));
        }
        if (!fellBack.isEmpty()) {
            defaults.add("task" + (fellBack.size() == 1 ? " " : "s ") + list(fellBack) + ": no 完成时限 that gives a date; due on "
                    + fallback + ", the last day of the reporting window (--window to change)");
        }
        List<Goal> goalList = new ArrayList<>();
        goals.forEach((g, no) -> goalList.add(new Goal(no, g)));
        List<Unit> unitList = units.values().stream()
                .map(u -> new Unit(u.id, u.id, List.of(), Units.isGroup(u.id), u.leader, u.person)).toList();
        try {
            return new Plan(title, docNumber, issuedOn, reporting, stages, goalList, unitList, tasks);
        } catch (IllegalArgumentException e) {
            throw new ImportException(source, 0, "the imported plan is not valid: " + e.getMessage());
        }
    }

    private static String list(List<Integer> nos) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < nos.size(); i++) {
            if (i == 20) {
                return sb.append(", … (").append(nos.size()).append(" in all)").toString();
            }
            sb.append(i == 0 ? "" : ", ").append(nos.get(i));
        }
        return sb.toString();
    }

    /** Moves persons named in a unit list out of it, into a note on the task, and reports each. */
    private static void takePersons(RawTask t, List<String> names, Role role, List<ImportProblem> problems) {
        List<String> persons = names.stream().filter(Units::isPerson).toList();
        if (persons.isEmpty()) {
            return;
        }
        names.removeAll(persons);
        String label = switch (role) {
            case LEAD -> "牵头单位";
            case SUPPORT -> "配合单位";
            default -> "责任单位";
        };
        t.notes.add("原文" + label + "「" + String.join("、", persons) + "」是个人，不是单位，未列为单位。");
        problems.add(new ImportProblem(t.line, t.column(role), "task " + t.no + " 「" + t.title + "」: " + label + " names "
                + String.join("、", persons) + ", a person, not a unit; kept as a note only"));
    }

    private static final class UnitInfo {
        final String id;
        String leader;
        String person;

        UnitInfo(String id) {
            this.id = id;
        }
    }

    private static void assignPersons(RawTask t, List<String> leads, Map<String, UnitInfo> units, List<ImportProblem> problems) {
        for (boolean isLeader : new boolean[]{true, false}) {
            String value = isLeader ? t.leader : t.person;
            if (value == null || value.isBlank()) {
                continue;
            }
            List<String> names = Units.split(value);
            if (leads.isEmpty()) {
                t.notes.add("原文" + (isLeader ? "责任领导" : "责任人") + "「" + value + "」，本任务暂无牵头单位，未能对应到单位。");
                problems.add(new ImportProblem(t.line, t.column(isLeader ? Role.LEADER : Role.PERSON), "task " + t.no + " names "
                        + (isLeader ? "责任领导 " : "责任人 ") + value + " but no lead unit to give it to; kept as a note"));
                continue;
            }
            if (names.size() != leads.size() && names.size() != 1) {
                problems.add(new ImportProblem(t.line, "task " + t.no + " names " + names.size() + (isLeader ? " 责任领导" : " 责任人")
                        + " for " + leads.size() + " lead units; not assigned"));
                continue;
            }
            for (int i = 0; i < leads.size(); i++) {
                String name = names.get(names.size() == 1 ? 0 : i);
                UnitInfo u = units.get(leads.get(i));
                String before = isLeader ? u.leader : u.person;
                if (before != null && !before.equals(name)) {
                    problems.add(new ImportProblem(t.line, "task " + t.no + " names " + name + " for " + u.id + ", an earlier task named " + before + "; the first is kept"));
                } else if (isLeader) {
                    u.leader = name;
                } else {
                    u.person = name;
                }
                if (names.size() == 1) {
                    break;
                }
            }
        }
    }

    /** From: the month of issue when issued on or before the due day, else the month after; not before the implementation stage starts. To: the latest task deadline's month. */
    private static ReportingRule window(LocalDate issuedOn, int due, int year, List<Stage> stages, List<Read> reads,
                                        List<String> defaults, String source) {
        LocalDate latest = null;
        LocalDate earliest = null;
        for (Read r : reads) {
            if (r.reading == null || !r.reading.readable()) {
                continue;
            }
            for (LocalDate d : r.reading.dates()) {
                latest = latest == null || d.isAfter(latest) ? d : latest;
                earliest = earliest == null || d.isBefore(earliest) ? d : earliest;
            }
        }
        Stage implementation = stages.stream().filter(s -> IMPLEMENTATION_STAGE.matcher(s.name()).find()).findFirst()
                .orElseGet(() -> stages.stream().max(java.util.Comparator.comparingLong(
                        s -> java.time.temporal.ChronoUnit.DAYS.between(s.from(), s.to()))).orElse(null));
        YearMonth from;
        if (issuedOn != null) {
            from = YearMonth.from(issuedOn);
            if (issuedOn.getDayOfMonth() > due) {
                from = from.plusMonths(1);
            }
            if (implementation != null && YearMonth.from(implementation.from()).isAfter(from)) {
                from = YearMonth.from(implementation.from());
            }
            if (earliest != null && !earliest.isBefore(issuedOn) && YearMonth.from(earliest).isBefore(from)) {
                from = YearMonth.from(earliest);
            }
        } else if (implementation != null) {
            from = YearMonth.from(implementation.from());
        } else if (year > 0 || earliest != null) {
            from = YearMonth.of(year > 0 ? year : earliest.getYear(), 1);
            defaults.add("no document date and no stage: the reporting window starts in " + from + ", the start of the plan's year (--window to change)");
        } else if (year > 0) {
            from = YearMonth.of(year, 1);
            defaults.add("no document date, no stage and no dated deadline: the reporting window starts in " + from + ", the start of the plan's year (--window to change)");
        } else {
            throw new ImportException(source, 0, "cannot set the reporting window: no document date, no stage, no dated deadline "
                    + "and no year; give --window FROM..TO (such as 2023-01..2023-12) or --year");
        }
        YearMonth to;
        if (latest != null) {
            to = YearMonth.from(latest);
        } else if (implementation != null) {
            to = YearMonth.from(implementation.to());
            defaults.add("no dated deadline: the reporting window ends with stage 「" + implementation.name() + "」 in " + to + " (--window to change)");
        } else {
            to = YearMonth.of(from.getYear(), 12);
            defaults.add("no dated deadline and no stage: the reporting window ends in " + to + ", the end of its first year (--window to change)");
        }
        if (to.isBefore(from)) {
            defaults.add("every deadline (latest " + latest + ") is before the reporting window starts (" + from + "); the window is the single month " + from + " (--window to change)");
            to = from;
        }
        return new ReportingRule(from, to, due);
    }

    private static Deadline deadline(RawTask t, DeadlineReading r, LocalDate fallback, List<String> notes, List<ImportProblem> problems,
                                     List<Integer> fellBack) {
        String where = "task " + t.no + " 「" + t.title + "」";
        String col = t.column(Role.DEADLINE);
        if (r == null) {
            fellBack.add(t.no);
            problems.add(new ImportProblem(t.line, col, where + " has no 完成时限; the end of the reporting window " + fallback + " is used"));
            notes.add("原文未写完成时限，暂按报送期末" + fallback + "督办。");
            return Deadline.of(fallback, "");
        }
        String text = r.phrase();
        switch (r.kind()) {
            case DATE -> {
                LocalDate d = r.dates().get(0);
                if (r.reason().contains(DeadlineParser.MENDED)) {
                    notes.add("完成时限「" + text + "」缺“月”字，按" + d + "督办。");
                    problems.add(new ImportProblem(t.line, col, where + ": 完成时限 «" + text + "» has 月 missing; read as " + d + " (" + r.reason() + ")"));
                }
                if (r.ongoing()) {
                    notes.add("完成时限「" + text + "」含长期坚持，按" + d + "督办。");
                }
                if (r.soft()) {
                    notes.add("完成时限「" + text + "」带有「" + String.join("、", r.qualifiers()) + "」，按" + d + "督办。");
                }
                return Deadline.of(d, text);
            }
            case MULTIPLE -> {
                LocalDate d = r.latest().orElseThrow();
                notes.add("完成时限「" + text + "」含多个日期（" + String.join("、", r.dates().stream().map(LocalDate::toString).toList()) + "），按最晚的" + d + "督办。");
                problems.add(new ImportProblem(t.line, col, where + ": 完成时限 «" + text + "» names several dates; the latest, " + d + ", is the deadline"));
                return Deadline.of(d, text);
            }
            case ONGOING -> {
                return Deadline.ongoing(text);
            }
            case IMMEDIATE -> {
                if (!r.ongoing()) {
                    notes.add("完成时限「" + text + "」为立即办理，无截止日期，按长期任务督办。");
                }
                return Deadline.ongoing(text);
            }
            case RECURRING -> {
                notes.add("完成时限「" + text + "」为周期性要求，无截止日期，按长期任务督办。");
                problems.add(new ImportProblem(t.line, col, where + ": 完成时限 «" + text + "» recurs; the task is kept as ongoing"));
                return Deadline.ongoing(text);
            }
            default -> {
                String why = r.kind() == DeadlineKind.RELATIVE ? "is counted from an event (" + r.reason() + ")" : "cannot be read: " + r.reason();
                fellBack.add(t.no);
                problems.add(new ImportProblem(t.line, col, where + ": 完成时限 «" + text + "» " + why + "; the end of the reporting window " + fallback + " is used"));
                notes.add("完成时限「" + text + "」无法确定日期，暂按报送期末" + fallback + "督办。");
                return Deadline.of(fallback, text);
            }
        }
    }

    /** Clauses of a measure that put a date on a step: 确保2021年5月底前开工. */
    static List<Milestone> milestones(String measure, int year) {
        List<Milestone> out = new ArrayList<>();
        if (measure == null) {
            return out;
        }
        for (String clause : measure.split("[，,；;。]")) {
            String c = clause.strip();
            if (c.isEmpty() || !DATE_WORD.matcher(DeadlineParser.normalize(c)).find()) {
                continue;
            }
            if (!c.matches(".*(确保|力争|争取|要在|之前|前|底|以前).*")) {
                continue;
            }
            DeadlineReading r = DeadlineParser.parse(c, year);
            if (r.kind() == DeadlineKind.DATE) {
                out.add(new Milestone(c, r.dates().get(0)));
            }
        }
        return out;
    }
}

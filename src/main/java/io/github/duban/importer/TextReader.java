package io.github.duban.importer;

import io.github.duban.model.Stage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of a published plan: metadata (title, 文号, date), stages, the reporting day,
 * numbered tasks of the body under their goal headings, and an appendix table if there is one
 * (one row a line split by tabs, pipes or wide spaces, or one cell a line as web pages give it).
 */
final class TextReader {

    record Line(int no, String text) {
    }

    private record Item(int rank, int number, String text, Line line, String mark) {
    }

    private record Block(Item item, List<Line> cont) {
    }

    private record Header(int index, int end, String delimiter, List<Role> roles, List<String> names) {
    }

    static final Pattern CHROME = Pattern.compile(
            "^(您现在所在的位置|当前位置|分享到|扫一扫|【字体|【打印|打印本页|关闭窗口|上一篇|下一篇|责任编辑|附件下载|相关链接|索引号|发文机关|名称\\s*[:：]|文号\\s*[:：]|来源\\s*[:：]).*"
                    + "|.*(【字体|打印\\s*】|在手机打开|\\d{4}-\\d{2}-\\d{2}\\s+来源).*");
    private static final Pattern NOISE = Pattern.compile(
            "[\\u2800-\\u28ff\\u200b-\\u200d\\ufeff]+|</?[a-zA-Z][a-zA-Z0-9:]*(?:\\s[^<>]{0,200})?/?>|(?:</?|/)(?:span|p|div|br|td|tr|th|table|font|strong|b|em|a|li|ul|o:p)\\b[^<>]{0,40}>|<(?:span|p|div|br|td|tr|font)\\b[^<>]*$|&(?:nbsp|lt|gt|amp|quot|#\\d+);");
    private static final Pattern[] ITEM = {
            Pattern.compile("^([一二三四五六七八九十]+)\\s*[、.．]\\s*(.*)$"),
            Pattern.compile("^[(（]\\s*([一二三四五六七八九十]+)\\s*[)）]\\s*[、.．]?\\s*(.*)$"),
            Pattern.compile("^(\\d{1,3})\\s*(?:[.．、](?!\\d)|\\s)\\s*(.*)$"),
            Pattern.compile("^[(（]\\s*(\\d{1,3})\\s*[)）]\\s*(.*)$"),
            Pattern.compile("^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\\s*(.*)$"),
            Pattern.compile("^(\\d{1,3})\\s*[)）]\\s*(.*)$")};
    /** The level of each numbering style: 一、 above （一） above 1. above （1） and 1） above ①. */
    private static final int[] RANK = {1, 2, 3, 4, 5, 4};
    /** A numbering mark inside a line, where a page that lost its line breaks runs tasks together. */
    private static final Pattern INLINE_ITEM = Pattern.compile(
            "(?<![\\d第一二三四五六七八九十])([一二三四五六七八九十]{1,3})、"
                    + "|[(（]([一二三四五六七八九十]{1,3})[)）]"
                    + "|(?<![\\d.．、第(（])(\\d{1,3})[.．、](?![\\d.．、])");
    /** An assignment (牵头单位…完成时限…) is a few hundred characters; beyond this it is text run together. */
    static final int MAX_ASSIGNMENT = 4000;

    /** Opens a cell that a merged cell above continues into (a Word vMerge, an HTML rowspan). */
    static final String MERGED = "\ue000";
    /** Opens a cell that a merged cell on its left spans into (a Word gridSpan, an HTML colspan); read as empty. */
    static final String SPANNED = "\ue001";

    static final Pattern FIRST_LISTED_LEADS = Pattern.compile(
            "(第一|首|第1)(位|个|名)?(的|者)?(责任)?(单位|部门)?(为|是)(牵头|主办|主责)");
    private static final Pattern NATURAL = Pattern.compile("[(（〔【\\[]([^()（）〔〕【】\\[\\]]*)[)）〕】\\]][。.；;]?\\s*$");
    private static final Pattern DOC_NUMBER = Pattern.compile(
            "[\\u4e00-\\u9fa5]{2,14}[〔\\[［【(（]\\s*\\d{4}\\s*[〕\\]］】)）]\\s*\\d{1,4}\\s*号");
    private static final Pattern DUE_DAY = Pattern.compile(
            "每个?月的?(\\d{1,2})[日号](?:前|之前|以前)?[^。]{0,30}?报|报[^。]{0,20}?每个?月的?(\\d{1,2})[日号]");
    private static final Pattern ANY_DUE_DAY = Pattern.compile("每个?月的?(\\d{1,2})[日号]");

    final String source;
    final List<ImportProblem> problems;
    final List<Line> all = new ArrayList<>();
    final List<Line> lines = new ArrayList<>();

    String title;
    String docNumber;
    LocalDate issuedOn;
    Integer dueDay;
    boolean firstListedLeads;
    final List<Stage> stages = new ArrayList<>();
    final List<RawTask> bodyTasks = new ArrayList<>();
    final List<RawTask> tableTasks = new ArrayList<>();
    int tableLine;

    TextReader(String text, String source, List<ImportProblem> problems) {
        this.source = source;
        this.problems = problems;
        String[] raw = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String clean = clean(raw[i], i + 1, problems);
            if (clean.isEmpty()) {
                continue;
            }
            if (clean.indexOf('|') == clean.length() - 1 && clean.length() > 1) {
                clean = clean.substring(0, clean.length() - 1).strip(); // one cell a line, each closed by " |"
            }
            for (String part : runTogether(clean)) {
                Line l = new Line(i + 1, part);
                all.add(l);
                if (!CHROME.matcher(part).matches()) {
                    lines.add(l);
                }
            }
        }
    }

    /** The last number seen at each rank, and when (in items seen), to tell a next item from a number in the text. */
    private final int[] lastNo = new int[7];
    private final int[] lastSeen = new int[7];
    private int seen;

    private void see(int rank, int no) {
        lastNo[rank] = no;
        lastSeen[rank] = ++seen;
    }

    /** True when {@code no} continues the numbering at {@code rank}, or restarts it under a newer heading above. */
    private boolean next(int rank, int no) {
        if (no == lastNo[rank] + 1) {
            return true;
        }
        if (no != 1) {
            return false;
        }
        for (int r = 1; r < rank; r++) {
            if (lastSeen[r] > lastSeen[rank]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Splits a line that holds several numbered items (a web page that lost its line breaks):
     * before a mark that continues the numbering (2. after 1.), or restarts it under a heading seen
     * on the way. Table rows (tabs, pipes) are never split; ① and （1） stay inside their task.
     */
    private List<String> runTogether(String line) {
        Item first = itemOf(new Line(0, line));
        if (first != null) {
            see(first.rank, first.number);
        }
        if (line.indexOf('\t') >= 0 || line.indexOf('|') >= 0 || line.length() < 8) {
            return List.of(line);
        }
        List<String> out = new ArrayList<>();
        Matcher m = INLINE_ITEM.matcher(line);
        int from = 0;
        int searchFrom = 2;
        while (searchFrom < line.length() && m.find(searchFrom)) {
            int at = m.start();
            searchFrom = m.end();
            int rank;
            int no;
            if (m.group(1) != null) {
                rank = 1;
                no = DeadlineParser.chineseNumber(m.group(1));
            } else if (m.group(2) != null) {
                rank = 2;
                no = DeadlineParser.chineseNumber(m.group(2));
            } else {
                rank = 3;
                no = Integer.parseInt(m.group(3));
            }
            if (at - from < 2 || !next(rank, no)) {
                continue;
            }
            out.add(line.substring(from, at).strip());
            from = at;
            see(rank, no);
        }
        out.add(line.substring(from).strip());
        out.removeIf(String::isEmpty);
        return out;
    }

    /** Strips scraping noise (HTML fragments, braille dots, zero-width spaces) and reports what was removed. */
    static String clean(String raw, int lineNo, List<ImportProblem> problems) {
        String s = raw.replace('\u00a0', ' ').replace('\u3000', ' ').replace('｜', '|');
        Matcher m = NOISE.matcher(s);
        StringBuilder removed = new StringBuilder();
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            if (!m.group().isBlank()) {
                removed.append(m.group());
            }
            m.appendReplacement(sb, "");
        }
        m.appendTail(sb);
        String out = sb.toString().strip();
        if (!removed.isEmpty() && problems != null) {
            problems.add(new ImportProblem(lineNo, "scraping noise removed: «" + removed + "»"));
        }
        return out;
    }

    // ---- metadata ----

    void readMetadata() {
        docNumber = docNumberOf(all.stream().map(Line::text).toList());
        for (Line l : all) {
            Matcher m = Pattern.compile("^(?:名称|标题|文件名称)\\s*[:：]\\s*(.+)$").matcher(l.text);
            if (m.matches()) {
                title = m.group(1).replaceAll("[(（][^()（）]*[〔\\[［【][^()（）]*号[)）]\\s*$", "").strip();
                break;
            }
        }
        if (title == null) {
            for (Line l : all) {
                Matcher m = Pattern.compile("关于印发《(.+)》的通知").matcher(l.text);
                if (m.find()) {
                    title = m.group(1).replace('<', '〈').replace('>', '〉');
                    break;
                }
            }
        }
        if (title == null) {
            for (Line l : all) {
                Matcher m = Pattern.compile("关于印发([^《》]{4,80}?)的通知").matcher(l.text);
                if (m.find()) {
                    title = m.group(1).strip();
                    break;
                }
            }
        }
        if (title == null) {
            for (int i = 0; i < lines.size(); i++) {
                String t = lines.get(i).text;
                if (t.length() <= 80 && t.matches(".*(方案|计划|要点|清单|分解表|责任分解|任务分解|任务分工|责任分工|任务书|责任书|实施意见|工作安排|若干措施|工作措施|实施细则)") && itemOf(lines.get(i)) == null) {
                    title = t;
                    break;
                }
            }
        }
        if (title == null) {
            title = lines.isEmpty() ? source : lines.get(0).text;
            problems.add(new ImportProblem(lines.isEmpty() ? 0 : lines.get(0).no,
                    "no title line (名称：… or a line ending in 方案/计划/分解表) found; the first line is used as the title"));
        }
        issuedOn = dateLine(all.stream().map(Line::text).toList());
        String all = String.join("\n", this.all.stream().map(Line::text).toList());
        firstListedLeads = FIRST_LISTED_LEADS.matcher(DeadlineParser.normalize(all)).find();
        dueDay = dueDayOf(all);
    }

    /** The first 文号 such as 冷优组发〔2021〕3号 in the lines, or null. */
    static String docNumberOf(List<String> texts) {
        for (String l : texts) {
            Matcher m = DOC_NUMBER.matcher(l);
            if (m.find()) {
                return m.group().replaceAll("\\s", "").replaceAll("^.*?(?=[\\u4e00-\\u9fa5]{2,14}[〔\\[［【(（])", "");
            }
        }
        return null;
    }

    /** The document's date: a 成文日期, else a line holding only a date (the signature), else a 发文日期/发布日期. */
    static LocalDate dateLine(List<String> texts) {
        LocalDate signed = null;
        LocalDate labelled = null;
        LocalDate published = null;
        for (String l : texts) {
            String n = DeadlineParser.normalize(l);
            Matcher lab = Pattern.compile("成文日期[:：]?(\\d{4})[年./-](\\d{1,2})[月./-](\\d{1,2})").matcher(n);
            if (labelled == null && lab.find()) {
                labelled = date(lab);
            }
            Matcher own = Pattern.compile("^(\\d{4})年(\\d{1,2})月(\\d{1,2})日(?:印发)?$").matcher(n);
            if (signed == null && own.matches()) {
                signed = date(own);
            }
            Matcher pub = Pattern.compile("(?:发文日期|发布日期|印发日期|发布时间)[:：]?(\\d{4})[年./-](\\d{1,2})[月./-](\\d{1,2})").matcher(n);
            if (published == null && pub.find()) {
                published = date(pub);
            }
        }
        return labelled != null ? labelled : signed != null ? signed : published;
    }

    /** The N of 每月N日前…报送 (or 报…每月N日), else of the first 每月N日; null when none. */
    static Integer dueDayOf(String text) {
        String n = DeadlineParser.normalize(text);
        Integer day = null;
        Matcher d = DUE_DAY.matcher(n);
        if (d.find()) {
            day = Integer.parseInt(d.group(1) != null ? d.group(1) : d.group(2));
        } else {
            Matcher a = ANY_DUE_DAY.matcher(n);
            if (a.find()) {
                day = Integer.parseInt(a.group(1));
            }
        }
        return day != null && (day < 1 || day > 31) ? null : day;
    }

    private static LocalDate date(Matcher m) {
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    // ---- structure ----

    void readStructure(int year) {
        Header header = findHeader();
        List<Line> body = header == null ? lines : lines.subList(0, header.index);
        readBody(body, year);
        if (header != null) {
            tableLine = lines.get(header.index).no;
            readTable(header);
        }
    }

    private static Item itemOf(Line l) {
        for (int r = 0; r < ITEM.length; r++) {
            Matcher m = ITEM[r].matcher(l.text);
            if (m.matches()) {
                String num = m.group(1);
                int n;
                if (num.matches("\\d+")) {
                    n = Integer.parseInt(num);
                } else if (num.matches("[一二三四五六七八九十]+")) {
                    n = DeadlineParser.chineseNumber(num);
                } else {
                    n = num.charAt(0) - '①' + 1;
                }
                return new Item(RANK[r], n, m.group(2).strip(), l, l.text.substring(0, m.start(2)).strip());
            }
        }
        return null;
    }

    /**
     * A heading that names who leads everything under it: 一、县示范区管委会牵头工作（8项）, 县发改局牵头负责的任务.
     */
    private static final Pattern LEAD_HEADING = Pattern.compile(
            "^(.{2,40}?)(?:牵头|负责|承办)(?:负责|抓总|落实)?(?:的|推进的)?(?:重点)?(?:工作|任务|事项)(?:任务|事项)?\\s*(?:[(（]\\s*(?:共\\s*)?\\d+\\s*(?:项|条|个|件)\\s*[)）])?$");
    /** A clause naming units for every task below it instead of per task: 以下任务均涉及各市（州），不再重复列出. */
    private static final Pattern BLANKET = Pattern.compile("(以下|下列|下述|上述|所有|各项)[^。]{0,20}(任务|事项|工作)[^。]{0,40}(均|都|全部)[^。]{0,60}(不再(一一)?(重复|列出|单独|逐一)|不再列)");

    private void readBody(List<Line> body, int year) {
        List<Block> blocks = new ArrayList<>();
        Block current = null;
        List<Line> blanket = new ArrayList<>();
        for (Line l : body) {
            Item it = itemOf(l);
            if (it != null) {
                current = new Block(it, new ArrayList<>());
                blocks.add(current);
            } else if (current != null) {
                current.cont.add(l);
            } else {
                readStage(l, null, year);
            }
        }
        int n = blocks.size();
        RawTask[] own = new RawTask[n];
        int[] parent = new int[n];
        List<List<Integer>> children = new ArrayList<>();
        java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            children.add(new ArrayList<>());
            Block b = blocks.get(i);
            own[i] = task(b, year);
            if (own[i] == null) {
                readStage(b.item.line, b.item, year);
            }
            while (!open.isEmpty() && blocks.get(open.peek()).item.rank >= b.item.rank) {
                open.pop();
            }
            parent[i] = open.isEmpty() ? -1 : open.peek();
            if (parent[i] >= 0) {
                children.get(parent[i]).add(i);
            }
            open.push(i);
        }
        // one assignment on a line of its own after the last of several measures that name none covers their group
        for (int p = 0; p < n; p++) {
            List<Integer> kids = children.get(p);
            if (own[p] != null || kids.size() < 2) {
                continue;
            }
            int last = kids.get(kids.size() - 1);
            RawTask t = own[last];
            if (t == null || !t.assignmentOwnLine || !children.get(last).isEmpty()
                    || kids.subList(0, kids.size() - 1).stream().anyMatch(k -> own[k] != null || coveredBelow(k, own, children))) {
                continue;
            }
            RawTask group = plain(blocks.get(p));
            group.takeAssignment(t);
            own[p] = group;
            problems.add(new ImportProblem(t.assignmentLine, "the assignment after " + blocks.get(last).item.mark + " names no step of its own: "
                    + "it is read for the whole of " + blocks.get(p).item.mark + " «" + abbreviate(blocks.get(p).item.text) + "» and each of its "
                    + kids.size() + " steps"));
        }
        // who leads, from a heading: 一、县示范区管委会牵头工作（8项）
        String[] leadOf = new String[n];
        for (int i = 0; i < n; i++) {
            if (own[i] != null) {
                continue;
            }
            Matcher m = LEAD_HEADING.matcher(blocks.get(i).item.text.replaceAll("[:：。]$", ""));
            if (m.matches() && Units.endsLikeUnit(Units.split(m.group(1)).isEmpty() ? "" : Units.split(m.group(1)).get(0))) {
                leadOf[i] = m.group(1);
            }
        }
        // blanket clauses are reported, never spread over the tasks
        for (Line l : body) {
            if (BLANKET.matcher(DeadlineParser.normalize(l.text)).find()) {
                blanket.add(l);
                problems.add(new ImportProblem(l.no, "a clause names units for every task below it instead of naming them per task: «"
                        + abbreviate(l.text) + "»; it is kept as a note on those tasks, and their units are not changed (add the units per task if they answer for it)"));
            }
        }
        RawTask[] tasks = new RawTask[n];
        for (int i = 0; i < n; i++) {
            boolean covered = own[i] != null;
            String lead = null;
            for (int a = parent[i]; a >= 0 && !covered; a = parent[a]) {
                covered = own[a] != null;
            }
            for (int a = i; a >= 0 && lead == null; a = parent[a]) {
                lead = leadOf[a];
            }
            if (!covered && lead == null) {
                continue;
            }
            if (lead != null && own[i] == null && !children.get(i).isEmpty()) {
                continue; // a heading under the lead's heading that only groups: its measures are the tasks
            }
            RawTask t = own[i] != null ? own[i] : plain(blocks.get(i));
            if (lead != null && t.lead == null && inheritedLead(i, parent, own) == null) {
                t.lead = lead;
                t.leadFromHeading = true;
            }
            t.label = blocks.get(i).item.mark;
            int a = parent[i];
            while (a >= 0 && tasks[a] == null) {
                a = parent[a];
            }
            t.parent = a >= 0 ? tasks[a] : null;
            if (t.parent != null) {
                t.parent.group = true;
            }
            int g = parent[i];
            while (g >= 0 && (tasks[g] != null || leadOf[g] != null && own[g] == null && g != i && isLeadOnly(g, leadOf))) {
                g = parent[g];
            }
            t.goal = g < 0 ? null : headingTitle(blocks.get(g).item.text);
            for (Line bl : blanket) {
                if (bl.no < t.line) {
                    t.notes.add("原文：" + bl.text.strip());
                }
            }
            tasks[i] = t;
            bodyTasks.add(t);
        }
    }

    private static boolean isLeadOnly(int g, String[] leadOf) {
        return false; // a lead's heading is still the goal of the tasks under it
    }

    private static String inheritedLead(int i, int[] parent, RawTask[] own) {
        for (int a = parent[i]; a >= 0; a = parent[a]) {
            if (own[a] != null && (own[a].lead != null || own[a].responsible != null)) {
                return own[a].lead != null ? own[a].lead : own[a].responsible;
            }
        }
        return null;
    }

    private static boolean coveredBelow(int i, RawTask[] own, List<List<Integer>> children) {
        for (int k : children.get(i)) {
            if (own[k] != null || coveredBelow(k, own, children)) {
                return true;
            }
        }
        return false;
    }

    /** A numbered block read as a task that names no assignment of its own (its group's or heading's covers it). */
    private RawTask plain(Block b) {
        RawTask t = new RawTask(b.item.line.no);
        t.no = b.item.number;
        List<String> parts = new ArrayList<>();
        parts.add(b.item.text);
        for (Line l : b.cont) {
            parts.add(l.text);
        }
        t.measure = joinMeasure(parts);
        t.title = titleOf(t.measure);
        return t;
    }

    static String headingTitle(String text) {
        String t = text.strip();
        int stop = firstStop(t);
        if (stop > 0) {
            t = t.substring(0, stop);
        }
        return t.replaceAll("[:：,，;；。.\\s]+$", "").strip();
    }

    private static int firstStop(String t) {
        int best = -1;
        for (char c : new char[]{'。', '；', ';', '！', '？'}) {
            int i = t.indexOf(c);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }

    static String titleOf(String measure) {
        if (measure == null) {
            return "";
        }
        int stop = firstStop(measure);
        String t = stop > 0 ? measure.substring(0, stop) : measure;
        return t.replaceAll("[:：,，;；。.\\s]+$", "").strip();
    }

    private void readStage(Line l, Item item, int year) {
        String t = item != null ? item.text : l.text;
        if (!t.contains("阶段") || t.length() > 80) {
            return;
        }
        List<String> errors = new ArrayList<>();
        List<DeadlineParser.Span> spans = DeadlineParser.dateSpans(t, year, errors);
        if (spans.isEmpty()) {
            return;
        }
        String name;
        Matcher ordinal = Pattern.compile("^第[一二三四五六七八九十\\d]+阶段\\s*[:：、]?\\s*(.*)$").matcher(t);
        if (ordinal.matches()) {
            name = ordinal.group(1);
        } else {
            name = t.substring(0, t.indexOf("阶段"));
        }
        name = name.replaceAll("[(（].*$", "").replaceAll("[:：,，。].*$", "").replaceAll("阶段$", "").strip();
        if (name.isEmpty()) {
            return;
        }
        LocalDate from = spans.get(0).start();
        LocalDate to = spans.get(spans.size() - 1).end();
        if (to.isBefore(from)) {
            problems.add(new ImportProblem(l.no, "stage 「" + name + "」 ends " + to + " before it starts " + from + "; skipped"));
            return;
        }
        stages.add(new Stage(name, from, to));
    }

    /** The block as a task, or null when it holds no assignment (then it is a heading). */
    private RawTask task(Block b, int year) {
        List<Line> ls = new ArrayList<>();
        ls.add(new Line(b.item.line.no, b.item.text));
        ls.addAll(b.cont);
        RawTask t = new RawTask(b.item.line.no);
        t.no = b.item.number;
        for (int k = 0; k < ls.size(); k++) {
            Matcher m = Role.LABEL.matcher(ls.get(k).text);
            if (!m.find()) {
                continue;
            }
            String before = ls.get(k).text.substring(0, m.start()).stripTrailing();
            boolean bracketed = before.endsWith("(") || before.endsWith("（") || before.endsWith("〔") || before.endsWith("【")
                    || before.endsWith("[") && m.group(2) == null;
            if (bracketed) {
                before = before.substring(0, before.length() - 1);
            }
            t.assignmentOwnLine = k > 0 && before.isBlank();
            t.assignmentLine = ls.get(k).no;
            List<String> parts = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                parts.add(ls.get(j).text);
            }
            if (!before.isBlank()) {
                parts.add(before.strip());
            }
            StringBuilder assignment = new StringBuilder(ls.get(k).text.substring(m.start()));
            int j = k + 1;
            for (; j < ls.size(); j++) {
                String next = ls.get(j).text;
                String unbracketed = next.replaceFirst("^[(（〔]\\s*", "");
                if (Role.LABEL.matcher(unbracketed).lookingAt()) {
                    assignment.append('；').append(unbracketed);
                } else if (assignment.toString().matches("(?s).*[:：]\\s*$")) {
                    assignment.append(next);
                } else {
                    break;
                }
            }
            for (; j < ls.size(); j++) {
                leftover(ls.get(j), t);
            }
            String a = assignment.toString().strip();
            if (a.length() > MAX_ASSIGNMENT) {
                problems.add(new ImportProblem(ls.get(k).no, "task " + t.no + "'s assignment runs to " + a.length()
                        + " characters (tasks run together without numbering that continues?); only the first " + MAX_ASSIGNMENT + " are read"));
                a = a.substring(0, MAX_ASSIGNMENT);
            }
            if (bracketed || a.matches("(?s).*[)）〕】\\]][。.；;]?$") && !balanced(a)) {
                a = a.replaceFirst("[)）〕】\\]]\\s*[。.；;]?\\s*$", "");
            }
            readLabels(a, t);
            t.measure = joinMeasure(parts);
            t.title = titleOf(t.measure);
            return t;
        }
        // no label: try a natural assignment in brackets at the end: （区发改局牵头，区财政局配合，6月底前完成）
        for (int k = 0; k < ls.size(); k++) {
            Matcher nat = NATURAL.matcher(ls.get(k).text);
            if (nat.find() && natural(nat.group(1), t, year)) {
                List<String> parts = new ArrayList<>();
                for (int j = 0; j < k; j++) {
                    parts.add(ls.get(j).text);
                }
                parts.add(ls.get(k).text.substring(0, nat.start()));
                t.measure = joinMeasure(parts);
                t.title = titleOf(t.measure);
                for (int j = k + 1; j < ls.size(); j++) {
                    leftover(ls.get(j), t);
                }
                return t;
            }
        }
        return null;
    }

    private void leftover(Line l, RawTask t) {
        String n = DeadlineParser.normalize(l.text);
        if (n.matches("\\d{4}年\\d{1,2}月\\d{1,2}日(印发)?|附件\\d*[:：]?.*|[(（]?此件.{0,20}[)）]?")
                || n.length() <= 40 && !n.matches(".*[。；;，,:：].*") && (Units.endsLikeUnit(n) || n.endsWith("领导小组"))) {
            return; // the signature (issuer and date), the appendix reference, 此件公开发布
        }
        problems.add(new ImportProblem(l.no, "text after task " + t.no + "'s assignment is not part of any task: «"
                + abbreviate(l.text) + "»"));
    }

    private static boolean balanced(String s) {
        int d = 0;
        for (char c : s.toCharArray()) {
            if (c == '(' || c == '（' || c == '〔' || c == '【' || c == '[') {
                d++;
            } else if (c == ')' || c == '）' || c == '〕' || c == '】' || c == ']') {
                d--;
            }
        }
        return d == 0;
    }

    static void readLabels(String a, RawTask t) {
        Matcher m = Role.LABEL.matcher(a);
        List<int[]> at = new ArrayList<>();
        List<Role> roles = new ArrayList<>();
        while (m.find()) {
            at.add(new int[]{m.start(), m.end()});
            roles.add(Role.ofLabel(Role.label(m)));
        }
        for (int i = 0; i < at.size(); i++) {
            int end = i + 1 < at.size() ? at.get(i + 1)[0] : a.length();
            t.put(roles.get(i), a.substring(at.get(i)[1], end));
        }
    }

    private static final Pattern NAT_LEAD = Pattern.compile("^(.+?)(?:牵头负责|牵头)$");
    private static final Pattern NAT_SUPPORT = Pattern.compile("^(.+?)(?:协同配合|配合|参与|协助|按职责分工负责|分工负责|共同负责|负责落实)$");
    private static final Pattern NAT_RESPONSIBLE = Pattern.compile("^(.+?)负责$");

    private static boolean natural(String content, RawTask t, int year) {
        boolean any = false;
        for (String seg : content.split("[，,；;]")) {
            String s = seg.strip().replaceAll("[。.]$", "");
            if (s.isEmpty()) {
                continue;
            }
            Matcher m;
            if ((m = NAT_LEAD.matcher(s)).matches()) {
                t.put(Role.LEAD, m.group(1));
                any = true;
            } else if ((m = NAT_SUPPORT.matcher(s)).matches()) {
                t.put(Role.SUPPORT, m.group(1));
                any = true;
            } else if ((m = NAT_RESPONSIBLE.matcher(s)).matches() && m.group(1).length() <= 40) {
                t.put(Role.RESPONSIBLE, m.group(1));
                any = true;
            } else if (DeadlineParser.parse(s, year <= 0 ? 2000 : year).readable()) {
                t.put(Role.DEADLINE, s);
            } else {
                return false;
            }
        }
        return any;
    }

    static String joinMeasure(List<String> parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            String s = p.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (!sb.isEmpty() && !String.valueOf(sb.charAt(sb.length() - 1)).matches("[。；;！!？?：:,，、”」）)]")) {
                sb.append('。');
            }
            sb.append(s);
        }
        return sb.toString();
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    // ---- the appendix table ----

    private Header findHeader() {
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).text;
            for (String delim : new String[]{"\t", "|", " {2,}"}) {
                String[] cells = splitRow(t, delim);
                if (cells.length >= 3) {
                    List<Role> roles = new ArrayList<>();
                    for (String c : cells) {
                        roles.add(Role.ofHeader(c));
                    }
                    if (usable(roles)) {
                        List<String> names = headerNames(cells);
                        int end = i + 1;
                        // a header row spanning two lines: 责任单位 above 牵头单位 | 配合单位
                        if (end < lines.size()) {
                            String[] below = splitRow(lines.get(end).text, delim);
                            if (headerContinues(below)) {
                                for (int c = 0; c < below.length && c < roles.size(); c++) {
                                    String b = below[c].replace(MERGED, "").replace(SPANNED, "").strip();
                                    if (!b.isEmpty()) {
                                        roles.set(c, Role.ofHeader(b));
                                        names.set(c, headerNames(new String[]{b}).get(0));
                                    }
                                }
                                end++;
                            }
                        }
                        return new Header(i, end, delim, Role.settle(roles), names);
                    }
                }
            }
            Role first = Role.ofHeader(t);
            if (first == Role.NO) {
                // one header cell a line; a web page may break a cell over lines (责任 / 领导)
                List<String> fragments = new ArrayList<>();
                int j = i + 1;
                while (j < lines.size() && headerFragment(lines.get(j).text)) {
                    fragments.add(lines.get(j).text.strip());
                    j++;
                }
                int rows = j;
                while (rows < lines.size() && rows < j + 3 && goalRow(lines.get(rows).text)) {
                    rows++; // a goal row between the header and the first row
                }
                List<String> names = mergeHeader(fragments, rows < lines.size() && isRowStart(lines.get(rows).text, 1) ? widestRow(rows) : -1);
                if (names == fragments) {
                    int known = 0;
                    while (known < fragments.size() && Role.ofHeader(fragments.get(known)) != null) {
                        known++;
                    }
                    names = fragments.subList(0, known);
                    j = i + 1 + known;
                }
                List<Role> roles = new ArrayList<>();
                roles.add(first);
                names.forEach(nm -> roles.add(Role.ofHeader(nm)));
                if (usable(roles)) {
                    List<String> all = new ArrayList<>();
                    all.add(t);
                    all.addAll(names);
                    return new Header(i, j, null, Role.settle(roles), headerNames(all.toArray(String[]::new)));
                }
            }
        }
        return null;
    }

    private static final java.util.Set<String> HEADER_WORDS = java.util.Set.of("序号", "工作目标", "工作任务", "重点工作", "重点任务",
            "工作内容", "任务内容", "具体措施", "工作措施", "主要措施", "目标任务", "任务名称", "事项名称", "牵头单位", "责任单位", "配合单位",
            "协办单位", "责任领导", "牵头领导", "分管领导", "责任人", "具体责任人", "联系人", "责任科室", "责任部门", "负责部门", "责任处室",
            "牵头部门", "配合部门", "完成时限", "完成时间", "时间节点", "时限要求", "备注", "工作任务安排", "工作安排", "完成情况", "进展情况");

    /** A line that may be (part of) one header cell: short, no sentence, not a row's number. */
    private static boolean headerFragment(String text) {
        String v = text.strip();
        return !v.isEmpty() && v.length() <= 12 && !v.matches("\\d{1,3}") && !v.matches(".*[。，,；;：:].*")
                && itemOf(new Line(0, v)) == null; // a numbered line (一、优化政务服务) is a goal row, not a header cell
    }

    /** The most cells any row of a one-cell-a-line table has, its rows starting at {@code from}. */
    private int widestRow(int from) {
        int widest = 0;
        int expected = 1;
        int i = from;
        while (i < lines.size() && isRowStart(lines.get(i).text, expected)) {
            int j = i + 1;
            int cells = 0;
            while (j < lines.size() && !isRowStart(lines.get(j).text, expected + 1) && !isRowStart(lines.get(j).text, 1)) {
                cells += goalRow(lines.get(j).text) ? 0 : 1;
                j++;
            }
            widest = Math.max(widest, cells);
            expected++;
            i = j;
        }
        return widest;
    }

    /**
     * Joins header cells a web page broke over lines (责任 / 领导 → 责任领导) into {@code cells} names:
     * only when some line alone names no column, choosing the joins that give the most known header names.
     */
    static List<String> mergeHeader(List<String> fragments, int cells) {
        int n = fragments.size();
        if (cells <= 0 || n <= cells || fragments.stream().allMatch(f -> Role.ofHeader(f) != null)) {
            return fragments;
        }
        double[][] best = new double[n + 1][cells + 1];
        int[][] cut = new int[n + 1][cells + 1];
        for (double[] row : best) {
            java.util.Arrays.fill(row, Double.NEGATIVE_INFINITY);
        }
        best[0][0] = 0;
        for (int i = 1; i <= n; i++) {
            for (int k = 1; k <= Math.min(i, cells); k++) {
                for (int from = Math.max(k - 1, i - 4); from < i; from++) {
                    if (best[from][k - 1] == Double.NEGATIVE_INFINITY) {
                        continue;
                    }
                    String joined = String.join("", fragments.subList(from, i));
                    double score = best[from][k - 1] + (HEADER_WORDS.contains(Role.simplified(joined)) ? 3 : Role.ofHeader(joined) != null ? 1 : 0)
                            - 0.25 * (i - from - 1);
                    if (score > best[i][k]) {
                        best[i][k] = score;
                        cut[i][k] = from;
                    }
                }
            }
        }
        if (best[n][cells] == Double.NEGATIVE_INFINITY) {
            return fragments;
        }
        List<String> out = new ArrayList<>();
        for (int i = n, k = cells; k > 0; k--) {
            out.add(0, String.join("", fragments.subList(cut[i][k], i)));
            i = cut[i][k];
        }
        return out;
    }

    /** True when a row holds only header names (two or more, besides merged cells): the second line of a two-line header, or a repeated header. */
    static boolean headerContinues(String[] cells) {
        int named = 0;
        for (String c : cells) {
            String v = c.strip();
            if (v.startsWith(MERGED) || v.startsWith(SPANNED) || v.isEmpty()) {
                continue;
            }
            if (Role.ofHeader(v) == null) {
                return false;
            }
            named++;
        }
        return named >= 2;
    }

    /** True when a table's first row (or first two rows) names a task column and a unit column. */
    static boolean isTaskHeader(List<String[]> firstRows) {
        for (String[] row : firstRows) {
            List<Role> roles = new ArrayList<>();
            for (String c : row) {
                roles.add(Role.ofHeader(c));
            }
            if (row.length >= 3 && usable(roles)) {
                return true;
            }
        }
        return false;
    }

    static List<String> headerNames(String[] cells) {
        List<String> out = new ArrayList<>();
        for (String c : cells) {
            out.add(c.replace(MERGED, "").replace(SPANNED, "").replaceAll("[\\s\u2800-\u28ff]+", "").replaceAll("/?span>", ""));
        }
        return out;
    }

    static boolean usable(List<Role> roles) {
        long known = roles.stream().filter(r -> r != null).count();
        return known >= 3 && roles.contains(Role.MEASURE)
                && (roles.contains(Role.LEAD) || roles.contains(Role.RESPONSIBLE) || roles.contains(Role.SUPPORT));
    }

    static String[] splitRow(String line, String delim) {
        String t = line;
        if (delim.equals("|")) {
            t = t.replaceAll("^\\s*\\|", "").replaceAll("\\|\\s*$", "");
            return t.split("\\|", -1);
        }
        return t.split(delim, -1);
    }

    private void readTable(Header h) {
        List<Role> roles = h.roles;
        String goal = null;
        if (h.delimiter != null) {
            for (int i = h.end; i < lines.size(); i++) {
                Line l = lines.get(i);
                if (l.text.matches("^[|\\s:：\\-—]+$")) {
                    continue;
                }
                String[] cells = splitRow(l.text, h.delimiter);
                List<String> cs = new ArrayList<>();
                for (String c : cells) {
                    String v = c.strip();
                    cs.add(v.startsWith(SPANNED) ? "" : v);
                }
                if (cs.size() >= 2 && headerContinues(cells)) {
                    continue; // the header repeated (a table continued on the next page)
                }
                if (cs.stream().filter(c -> !c.isEmpty() && !c.startsWith(MERGED)).count() == 1
                        && cs.stream().filter(c -> c.startsWith(MERGED)).count() == 0) {
                    String only = cs.stream().filter(c -> !c.isEmpty()).findFirst().orElseThrow();
                    Item it = itemOf(new Line(l.no, only));
                    String head = it != null ? it.text : only;
                    if (head.length() <= 40 && firstStop(head) < 0 && !head.matches("\\d+")) {
                        goal = headingTitle(head);
                        continue;
                    }
                    problems.add(new ImportProblem(l.no, "table line with a single cell is not a row: «" + abbreviate(only) + "»"));
                    continue;
                }
                if (cs.size() < roles.size()) {
                    problems.add(new ImportProblem(l.no, "table row has " + cs.size() + " cells, the header has " + roles.size() + "; the missing ones are left empty"));
                }
                RawTask t = row(cs, roles, h.names, l.no, goal);
                if (t == null) {
                    continue;
                }
                goal = t.goal;
                tableTasks.add(t);
            }
            return;
        }
        // one cell a line: a row starts at a line holding only the next number
        int expected = 1;
        int i = h.end;
        while (i < lines.size()) {
            Line start = lines.get(i);
            if (!isRowStart(start.text, expected)) {
                if (goalRow(start.text)) {
                    goal = headingTitle(itemOf(start).text);
                } else {
                    problems.add(new ImportProblem(start.no, "table text outside any row: «" + abbreviate(start.text) + "»"));
                }
                i++;
                continue;
            }
            int no = Integer.parseInt(start.text.strip());
            List<String> cells = new ArrayList<>();
            int j = i + 1;
            while (j < lines.size() && !isRowStart(lines.get(j).text, no + 1) && !isRowStart(lines.get(j).text, 1)) {
                cells.add(lines.get(j).text);
                j++;
            }
            int k = roles.size() - 1;
            String nextGoal = null;
            if (cells.size() > k - 1 && !cells.isEmpty() && goalRow(cells.get(cells.size() - 1)) && j < lines.size()) {
                nextGoal = headingTitle(itemOf(new Line(0, cells.remove(cells.size() - 1))).text); // a goal row before the next row
            }
            List<Role> rest = roles.subList(1, roles.size());
            List<String> mapped = new ArrayList<>();
            mapped.add(start.text.strip());
            if (cells.size() == k) {
                mapped.addAll(cells);
            } else if (cells.size() == k - 1 && rest.get(0) == Role.GOAL) {
                mapped.add("");
                mapped.addAll(cells);
            } else if (cells.size() > k) {
                problems.add(new ImportProblem(lines.get(i + 1 + k).no, "table row " + no + " has " + cells.size()
                        + " cells, the header has " + k + " after 序号; extra cells ignored: «"
                        + abbreviate(String.join(" / ", cells.subList(k, cells.size()))) + "»"));
                mapped.addAll(cells.subList(0, k));
            } else {
                problems.add(new ImportProblem(start.no, "table row " + no + " has " + cells.size() + " cells, the header has " + k
                        + " after 序号; the last ones are left empty"));
                mapped.addAll(cells);
            }
            RawTask t = row(mapped, roles, h.names, start.no, goal);
            if (t != null) {
                goal = t.goal;
                tableTasks.add(t);
            }
            if (nextGoal != null) {
                goal = nextGoal;
            }
            expected = no + 1;
            i = j;
        }
    }

    /** A line that is a goal row of a one-cell-a-line table: a short numbered heading (一、项目建设). */
    private static boolean goalRow(String text) {
        Item it = itemOf(new Line(0, text.strip()));
        return it != null && it.rank <= 2 && text.strip().length() <= 30 && firstStop(text) < 0;
    }

    private static boolean isRowStart(String text, int expected) {
        return text.strip().matches("\\d{1,3}") && Integer.parseInt(text.strip()) == expected;
    }

    /** A table row as a task; goal carried from the row above when its cell is empty (merged cells). */
    RawTask row(List<String> cells, List<Role> roles, List<String> headers, int line, String goal) {
        RawTask t = new RawTask(line);
        t.no = -1;
        boolean goalMerged = false;
        for (int c = 0; c < roles.size() && c < cells.size(); c++) {
            Role r = roles.get(c);
            String v = cells.get(c);
            if (r != null && headers != null && c < headers.size()) {
                t.columns.putIfAbsent(r, headers.get(c));
            }
            if (v != null && v.startsWith(SPANNED)) {
                continue;
            }
            if (v != null && v.startsWith(MERGED)) {
                v = v.substring(MERGED.length());
                if (r == Role.GOAL) {
                    goalMerged = true;
                    continue;
                }
            }
            if (r == null || v == null || v.isBlank()) {
                continue;
            }
            if (r == Role.NO) {
                String n = v.strip().replaceAll("[.、．]$", "");
                if (n.matches("\\d{1,3}")) {
                    t.no = Integer.parseInt(n);
                } else if (n.matches("[一二三四五六七八九十]+")) {
                    t.no = DeadlineParser.chineseNumber(n);
                } else {
                    problems.add(new ImportProblem(line, "序号 «" + v + "» is not a number"));
                }
                continue;
            }
            t.put(r, v);
        }
        if (t.goal == null || t.goal.isEmpty() || goalMerged) {
            t.goal = goal;
            t.goalCarried = true;
        } else {
            Item it = itemOf(new Line(line, t.goal));
            t.goal = headingTitle(it != null ? it.text : t.goal);
        }
        if (t.measure == null || t.measure.isBlank()) {
            if (t.hasAssignment() || t.deadline != null) {
                problems.add(new ImportProblem(line, "table row without a task text; skipped"));
            }
            return null;
        }
        t.measure = t.measure.strip();
        if (t.title == null) {
            t.title = titleOf(t.measure);
        } else if (!t.measure.startsWith(t.title)) {
            t.measure = t.title + "。" + t.measure;
        }
        return t;
    }
}

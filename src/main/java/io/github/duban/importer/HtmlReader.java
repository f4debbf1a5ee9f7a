package io.github.duban.importer;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A saved government web page: navigation, share buttons, footers and scripts are dropped; the
 * metadata box (索引号, 发文机关, 文号, 成文日期…) gives 文号 and date; the article's blocks become
 * lines and its tables rows of cells (rowspan and colspan resolved). Problems name the page's
 * source line. Loaded only when a web page is imported (jsoup is an optional dependency).
 */
final class HtmlReader {

    private static final Set<String> SKIP = Set.of("script", "style", "noscript", "iframe", "nav", "footer", "form", "button",
            "select", "input", "textarea", "object", "embed", "svg", "canvas", "head", "template", "map", "audio", "video");
    private static final Set<String> BLOCK = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "td", "th",
            "section", "article", "header", "main", "aside", "blockquote", "pre", "dd", "dt", "dl", "center", "tbody", "thead",
            "caption", "figure", "figcaption", "address", "hr", "body", "html", "table");
    private static final Pattern CHROME_CLASS = Pattern.compile(
            "(?i)(^|[-_\\s])(nav|navbar|navigation|menu|share|bdshare|bdsharebuttonbox|jiathis|footer|foot|breadcrumbs?|crumbs?|position|"
                    + "location|dqwz|weizhi|toolbar|tools|print|fontsize|font-size|zoom|related|xgxx|xglj|copyright|banquan|login|"
                    + "search|sidebar|topbar|top-bar|header|gotop|qrcode|ewm|erweima|pager|pagination|comment|advert|ad)([-_\\s\\d]|$)");
    private static final Pattern META_LABEL = Pattern.compile(
            "(索引号|主题分类|分类|发文机关|发布机构|发文单位|成文日期|发文日期|发布日期|发布时间|发文字号|文号|名称|标题|主题词|有效性|公开方式|公开范围|公开时限|生效日期|废止日期)\\s*[:：]");
    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([a-z0-9_\\-]+)");

    private HtmlReader() {
    }

    static ImportResult read(Path file, ImportOptions options) {
        String source = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImportException(source, 0, "cannot read the file: " + e.getMessage());
        }
        return read(decode(bytes), source, options);
    }

    /** A government page nests its elements a few dozen deep; deeper than this is built to hurt. */
    static final int MAX_DEPTH = 1_000;
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]{0,15})\\b[^<>]{0,2000}?(/?)>");
    /** Elements a page may leave open (their end is implied) or that never hold others: not counted. */
    private static final Set<String> UNCOUNTED = Set.of("p", "li", "td", "th", "tr", "dt", "dd", "option", "optgroup", "thead", "tbody",
            "tfoot", "colgroup", "col", "rb", "rt", "rp", "html", "head", "body", "br", "hr", "img", "meta", "link", "input", "area",
            "base", "wbr", "source", "track", "embed", "param");

    /** How deep the page nests its elements, counted on the text before it is parsed, up to just past {@code limit}. */
    static int depth(String html, int limit) {
        Matcher m = TAG.matcher(html);
        int depth = 0;
        int max = 0;
        while (m.find()) {
            String name = m.group(2).toLowerCase(Locale.ROOT);
            if (UNCOUNTED.contains(name) || !m.group(3).isEmpty()) {
                continue;
            }
            if (m.group(1).isEmpty()) {
                max = Math.max(max, ++depth);
                if (max > limit) {
                    return max;
                }
            } else if (depth > 0) {
                depth--;
            }
        }
        return max;
    }

    static ImportResult read(String html, String source, ImportOptions options) {
        if (depth(html, MAX_DEPTH) > MAX_DEPTH) {
            throw new ImportException(source, 0, "the web page nests its elements more than " + MAX_DEPTH
                    + " deep (a plan's page nests a few dozen); refused unread");
        }
        org.jsoup.nodes.Document doc;
        try {
            doc = Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(true));
        } catch (RuntimeException | StackOverflowError e) {
            throw new ImportException(source, 0, "cannot be read as a web page: " + e.getMessage());
        }
        Document out = new Document();
        Element body = doc.body();
        for (Element e : new ArrayList<>(body.getAllElements())) {
            if (e == body || e.parent() == null) {
                continue;
            }
            if (SKIP.contains(e.normalName()) || chrome(e)) {
                e.remove();
            }
        }
        metadata(body, out);
        new Walker(out).walk(body);
        if (out.isEmpty()) {
            throw new ImportException(source, 0, "the web page holds no text");
        }
        return PlanImporter.importLines(out.text(), source, options, out.locator());
    }

    /** Decoded as the page says (meta charset), else UTF-8 when it decodes cleanly, else GBK. */
    static String decode(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = CHARSET.matcher(head);
        if (m.find()) {
            try {
                Charset cs = Charset.forName(m.group(1).toLowerCase(Locale.ROOT).replace("gb2312", "gb18030").replace("gbk", "gb18030"));
                if (!cs.equals(StandardCharsets.UTF_8)) {
                    return new String(bytes, cs);
                }
            } catch (RuntimeException e) {
                // unknown charset name: fall back to detection
            }
        }
        return PlanImporter.decode(bytes);
    }

    private static boolean chrome(Element e) {
        String marks = e.className() + " " + e.id();
        if (marks.isBlank() || !CHROME_CLASS.matcher(marks).find()) {
            return false;
        }
        return e.text().length() < 600; // never the article itself, whatever its class
    }

    private static int line(Node n) {
        int l = n.sourceRange().start().lineNumber();
        return Math.max(l, 0);
    }

    /** The 索引号/发文机关/文号/成文日期 box as one «label：value» line each, then removed from the page. */
    private static void metadata(Element body, Document out) {
        for (Element e : body.select("table, div, ul, dl")) {
            String text = e.text();
            if (text.length() > 1200) {
                continue;
            }
            Matcher m = META_LABEL.matcher(text);
            int labels = 0;
            while (m.find()) {
                labels++;
            }
            boolean inner = false;
            for (Element child : e.select("table, div, ul, dl")) {
                if (child != e && META_LABEL.matcher(child.text()).results().count() >= 2) {
                    inner = true;
                    break;
                }
            }
            if (labels < 2 || inner) {
                continue;
            }
            int line = line(e);
            Matcher at = META_LABEL.matcher(text);
            List<Integer> starts = new ArrayList<>();
            while (at.find()) {
                starts.add(at.start());
            }
            for (int i = 0; i < starts.size(); i++) {
                String pair = text.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : text.length()).strip();
                out.add(pair.replaceFirst("\\s*[:：]\\s*", "："), line, null);
            }
            e.remove();
            return;
        }
    }

    /** Walks the page in order: a block ends a line, a <br> ends a line, a data table becomes rows. */
    private static final class Walker {
        private final Document out;
        private final StringBuilder cur = new StringBuilder();
        private int curLine;
        private int tables;

        Walker(Document out) {
            this.out = out;
        }

        void walk(Element root) {
            visit(root);
            flush();
        }

        private void visit(Node n) {
            if (n instanceof TextNode t) {
                String s = t.getWholeText().replaceAll("[\\r\\n\\t]+", " ");
                if (!s.isBlank()) {
                    if (cur.toString().isBlank()) {
                        curLine = line(t);
                    }
                    cur.append(s);
                }
                return;
            }
            if (!(n instanceof Element e)) {
                return;
            }
            String tag = e.normalName();
            if (tag.equals("br")) {
                flush();
                return;
            }
            if (tag.equals("table") && dataTable(e)) {
                flush();
                table(e);
                return;
            }
            boolean block = BLOCK.contains(tag);
            if (block) {
                flush();
            }
            for (Node c : e.childNodes()) {
                visit(c);
            }
            if (block) {
                flush();
            }
        }

        private void flush() {
            String s = cur.toString().replace('\u00a0', ' ').strip();
            cur.setLength(0);
            if (!s.isEmpty()) {
                out.add(s, curLine, null);
            }
        }

        /** A table of data, not of layout: no table inside it and rows of two cells or more. */
        private static boolean dataTable(Element t) {
            if (!t.select("table table").isEmpty() || t.select("table").size() > 1) {
                return false;
            }
            int wide = 0;
            for (Element tr : rows(t)) {
                if (tr.select("> td, > th").size() >= 2) {
                    wide++;
                }
            }
            return wide >= 2;
        }

        private static Elements rows(Element t) {
            return t.select("> tr, > thead > tr, > tbody > tr, > tfoot > tr");
        }

        private void table(Element t) {
            tables++;
            List<String[]> rows = new ArrayList<>();
            List<Locator.Place> places = new ArrayList<>();
            Map<Long, String> carry = new HashMap<>(); // (row, col) taken by a rowspan from above
            int r = 0;
            int width = 0;
            List<List<String>> grid = new ArrayList<>();
            for (Element tr : rows(t)) {
                List<String> cells = new ArrayList<>();
                int c = 0;
                for (Element td : tr.select("> td, > th")) {
                    while (carry.containsKey(key(r, c))) {
                        cells.add(carry.remove(key(r, c)));
                        c++;
                    }
                    String v = cellText(td);
                    int colspan = Math.max(1, Math.min(64, number(td.attr("colspan"))));
                    int rowspan = Math.max(1, Math.min(500, number(td.attr("rowspan"))));
                    for (int k = 0; k < colspan; k++) {
                        cells.add(k == 0 ? v : Document.spanned(v));
                        for (int d = 1; d < rowspan; d++) {
                            carry.put(key(r + d, c + k), Document.merged(v));
                        }
                    }
                    c += colspan;
                }
                while (carry.containsKey(key(r, c))) {
                    cells.add(carry.remove(key(r, c)));
                    c++;
                }
                width = Math.max(width, cells.size());
                grid.add(cells);
                places.add(new Locator.Place(line(tr), "table " + tables + ", row " + (r + 1)));
                r++;
            }
            for (List<String> cells : grid) {
                while (cells.size() < width) {
                    cells.add("");
                }
                rows.add(cells.toArray(String[]::new));
            }
            out.table(rows, places);
        }

        private static long key(int r, int c) {
            return ((long) r << 32) | c;
        }

        private static int number(String s) {
            try {
                return s.isBlank() ? 1 : Integer.parseInt(s.strip());
            } catch (NumberFormatException e) {
                return 1;
            }
        }

        private static String cellText(Element td) {
            StringBuilder sb = new StringBuilder();
            for (Element p : td.select("p, div, li")) {
                if (p.select("p, div, li").size() == 1) {
                    String s = p.text().strip();
                    if (!s.isEmpty()) {
                        sb.append(sb.isEmpty() ? "" : " ").append(s);
                    }
                }
            }
            return sb.isEmpty() ? td.text().strip() : sb.toString();
        }
    }
}

package io.github.duban.importer;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compares a document's body with its appendix table; the body is authoritative. */
final class Disagreements {

    private static final int CONTEXT = 6;

    private Disagreements() {
    }

    static void compare(List<RawTask> body, List<RawTask> table, List<String> out, List<ImportProblem> problems, int tableLine) {
        Map<Integer, RawTask> byNo = new LinkedHashMap<>();
        for (RawTask a : table) {
            byNo.putIfAbsent(a.no, a);
        }
        for (RawTask b : body) {
            RawTask a = byNo.remove(b.no);
            if (a == null) {
                add(b, "附件责任分解表中没有此项任务；以正文为准。", out);
                continue;
            }
            if (a.goal != null && !a.goalCarried && b.goal != null && !same(a.goal, b.goal)) {
                add(b, "附件责任分解表的工作目标作「" + a.goal + "」，正文作「" + b.goal + "」；以正文为准。", out);
            }
            compareMeasure(a, b, out);
            compareText("牵头单位", a.lead, b.lead, b, out);
            String aOther = join(a.responsible, a.support);
            String bOther = join(b.responsible, b.support);
            compareText(a.responsible != null ? "责任单位" : "配合单位", aOther, bOther, b, out);
            compareText("完成时限", a.deadline, b.deadline, b, out);
            compareText("责任领导", a.leader, b.leader, b, out);
            compareText("责任人", a.person, b.person, b, out);
        }
        for (RawTask a : byNo.values()) {
            String msg = "任务" + a.no + "：附件责任分解表第" + a.no + "项「" + a.title + "」不见于正文；未导入。";
            out.add(msg);
            problems.add(new ImportProblem(a.line, "table row " + a.no + " has no task in the body; not imported"));
        }
    }

    private static void compareMeasure(RawTask a, RawTask b, List<String> out) {
        if (same(a.measure, b.measure)) {
            return;
        }
        String bRest = rest(b.measure, b.title);
        if (same(bRest, a.measure)) {
            add(b, "附件责任分解表的措施没有标题「" + b.title + "」；以正文为准。", out);
            return;
        }
        if (!same(a.title, b.title)) {
            add(b, "附件责任分解表的标题作「" + a.title + "」，正文作「" + b.title + "」；以正文为准。", out);
            String aRest = rest(a.measure, a.title);
            if (!same(aRest, bRest)) {
                add(b, "附件责任分解表的措施作「" + snippets(aRest, bRest)[0] + "」，正文作「" + snippets(aRest, bRest)[1] + "」；以正文为准。", out);
            }
            return;
        }
        String[] s = snippets(a.measure, b.measure);
        add(b, "附件责任分解表的措施作「" + s[0] + "」，正文作「" + s[1] + "」；以正文为准。", out);
    }

    private static void compareText(String label, String a, String b, RawTask task, List<String> out) {
        if (a == null || b == null || a.isBlank() || b.isBlank() || same(a, b)) {
            return;
        }
        boolean sameUnits = !label.startsWith("完成") && !label.startsWith("责任领导") && !label.equals("责任人")
                && Units.split(a).equals(Units.split(b));
        add(task, "附件责任分解表的" + label + "作「" + a + "」，正文作「" + b + "」"
                + (sameUnits ? "（拆分出的单位相同）" : "") + "；以正文为准。", out);
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + "、" + b;
    }

    private static String rest(String measure, String title) {
        if (measure == null || title == null || !measure.startsWith(title)) {
            return measure;
        }
        return measure.substring(title.length()).replaceFirst("^[。；;！？]", "");
    }

    private static void add(RawTask b, String note, List<String> out) {
        b.notes.add(note);
        out.add("任务" + b.no + "：" + note);
    }

    static boolean same(String a, String b) {
        return norm(a).equals(norm(b));
    }

    private static String norm(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s", "");
    }

    /** The differing middle of two texts with a little context either side. */
    static String[] snippets(String a, String b) {
        int p = 0;
        int max = Math.min(a.length(), b.length());
        while (p < max && a.charAt(p) == b.charAt(p)) {
            p++;
        }
        int s = 0;
        while (s < max - p && a.charAt(a.length() - 1 - s) == b.charAt(b.length() - 1 - s)) {
            s++;
        }
        int start = Math.max(0, p - CONTEXT);
        int keep = Math.max(0, s - CONTEXT);
        return new String[]{cut(a, start, a.length() - keep), cut(b, start, b.length() - keep)};
    }

    private static String cut(String t, int from, int to) {
        String mid = t.substring(from, to);
        if (mid.length() > 60) {
            mid = mid.substring(0, 60) + "…";
        }
        return (from > 0 ? "…" : "") + mid + (to < t.length() ? "…" : "");
    }
}

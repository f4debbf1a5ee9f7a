package io.github.duban.authoring;

import io.github.duban.engine.Duban;
import io.github.duban.model.Facts;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.Finding;
import io.github.duban.outcome.Sanction;
import io.github.duban.outcome.ScoreLine;
import io.github.duban.outcome.Text;
import io.github.duban.outcome.UnitScore;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code duban rules diff}: a month assessed under the ruleset in force and under a proposed one
 * (other rules, another policy, or both), each replayed from the window's first month, and what
 * would change unit by unit: findings, sanctions, score lines (with the rule and policy clauses
 * behind each changed line), scores, ratings and ranks. Thread-safe.
 */
public final class RulesDiff {

    /**
     * One score line that differs: which line ({@code what}, its {@code kind} and {@code task}), how
     * many points it gave before and after (null: absent), and the rule, policy clauses and Chinese
     * reason of the line as it reads after the change (before it, for a line that goes). Immutable
     * and thread-safe.
     */
    public record LineChange(String what, String kind, Integer task, BigDecimal before, BigDecimal after, String rule,
                             List<String> clauses, String reason) {
        /** Copies the clauses, so the line change stays as made. */
        public LineChange {
            clauses = List.copyOf(clauses);
        }
    }

    /** What changes for one unit. Score, rating and rank are null where the unit is not scored. Immutable and thread-safe. */
    public record UnitChange(String unit, BigDecimal scoreBefore, BigDecimal scoreAfter, String ratingBefore, String ratingAfter,
                             Integer rankBefore, Integer rankAfter, List<String> findingsGone, List<String> findingsNew,
                             List<String> sanctionsGone, List<String> sanctionsNew, List<LineChange> lines) {
        /** Copies the lists, so the unit's change stays as made. */
        public UnitChange {
            findingsGone = List.copyOf(findingsGone);
            findingsNew = List.copyOf(findingsNew);
            sanctionsGone = List.copyOf(sanctionsGone);
            sanctionsNew = List.copyOf(sanctionsNew);
            lines = List.copyOf(lines);
        }
    }

    /** The whole comparison. Immutable and thread-safe. */
    public record Diff(YearMonth month, String current, String proposed, int units, List<UnitChange> changes) {
        /** Copies the changes, so the comparison cannot change. */
        public Diff {
            changes = List.copyOf(changes);
        }
    }

    private RulesDiff() {
    }

    /** Compares {@code month} (as of its last day) under {@code current} and {@code proposed}, from the same facts. */
    public static Diff diff(Duban current, Duban proposed, Facts facts, YearMonth month) {
        Assessment a = last(current.replay(current.plan().reporting().from(), month, facts));
        Assessment b = last(proposed.replay(proposed.plan().reporting().from(), month, facts));
        TreeSet<String> units = new TreeSet<>(Text.ORDER);
        a.scores().forEach(s -> units.add(s.unit()));
        b.scores().forEach(s -> units.add(s.unit()));
        a.findings().forEach(f -> units.add(f.unit()));
        b.findings().forEach(f -> units.add(f.unit()));
        List<UnitChange> out = new ArrayList<>();
        for (String u : units) {
            UnitScore sa = score(a, u);
            UnitScore sb = score(b, u);
            List<String> fa = a.findings().stream().filter(f -> f.unit().equals(u)).map(RulesDiff::finding).toList();
            List<String> fb = b.findings().stream().filter(f -> f.unit().equals(u)).map(RulesDiff::finding).toList();
            List<String> xa = a.sanctions().stream().filter(s -> s.unit().equals(u)).map(RulesDiff::sanction).toList();
            List<String> xb = b.sanctions().stream().filter(s -> s.unit().equals(u)).map(RulesDiff::sanction).toList();
            List<LineChange> lines = lines(sa, sb);
            UnitChange c = new UnitChange(u, sa == null ? null : sa.score(), sb == null ? null : sb.score(),
                    sa == null ? null : sa.rating().name() + " " + sa.rating().chinese(), sb == null ? null : sb.rating().name() + " " + sb.rating().chinese(),
                    sa == null ? null : sa.rank(), sb == null ? null : sb.rank(),
                    minus(fa, fb), minus(fb, fa), minus(xa, xb), minus(xb, xa), lines);
            boolean same = Objects.equals(c.scoreBefore(), c.scoreAfter()) && Objects.equals(c.ratingBefore(), c.ratingAfter())
                    && Objects.equals(c.rankBefore(), c.rankAfter()) && c.findingsGone().isEmpty() && c.findingsNew().isEmpty()
                    && c.sanctionsGone().isEmpty() && c.sanctionsNew().isEmpty() && c.lines().isEmpty();
            if (!same) {
                out.add(c);
            }
        }
        return new Diff(month, a.ruleset(), b.ruleset(), units.size(), out);
    }

    private static Assessment last(List<Assessment> l) {
        return l.get(l.size() - 1);
    }

    private static UnitScore score(Assessment a, String unit) {
        return a.scores().stream().filter(s -> s.unit().equals(unit)).findFirst().orElse(null);
    }

    private static String finding(Finding f) {
        return f.kind().name() + (f.task() != null ? " task " + f.task() : "") + " " + f.on();
    }

    private static String sanction(Sanction s) {
        return s.level().name() + (s.task() != null ? " task " + s.task() : "");
    }

    private static List<String> minus(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        for (String x : b) {
            out.remove(x);
        }
        return out;
    }

    private static String identity(ScoreLine l) {
        String src = l.source() instanceof Finding f ? f.kind() + " " + f.on()
                : l.source() instanceof Sanction s ? s.level() + " " + s.issued() : String.valueOf(l.category());
        return l.kind() + (l.task() != null ? " task " + l.task() : "") + " (" + src + ")";
    }

    private static List<LineChange> lines(UnitScore a, UnitScore b) {
        Map<String, List<ScoreLine>> before = group(a);
        Map<String, List<ScoreLine>> after = group(b);
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<LineChange> out = new ArrayList<>();
        for (String k : keys) {
            List<ScoreLine> x = before.getOrDefault(k, List.of());
            List<ScoreLine> y = after.getOrDefault(k, List.of());
            for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
                ScoreLine l1 = i < x.size() ? x.get(i) : null;
                ScoreLine l2 = i < y.size() ? y.get(i) : null;
                if (l1 != null && l2 != null && l1.points().compareTo(l2.points()) == 0) {
                    continue;
                }
                ScoreLine why = l2 != null ? l2 : l1;
                out.add(new LineChange(k, why.kind(), why.task(), l1 == null ? null : l1.points(), l2 == null ? null : l2.points(),
                        why.rule(), why.clauses(), why.reason()));
            }
        }
        return out;
    }

    private static Map<String, List<ScoreLine>> group(UnitScore s) {
        Map<String, List<ScoreLine>> out = new TreeMap<>();
        if (s != null) {
            for (ScoreLine l : s.lines()) {
                out.computeIfAbsent(identity(l), k -> new ArrayList<>()).add(l);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ rendering

    /** The diff as text for a terminal. */
    public static String text(Diff d) {
        StringBuilder sb = new StringBuilder();
        sb.append(d.month()).append(" 现行 current ").append(d.current(), 0, 12).append("… → 拟用 proposed ")
                .append(d.proposed(), 0, 12).append("…\n");
        if (d.current().equals(d.proposed())) {
            sb.append("the two rulesets are the same (same fingerprint)\n");
        }
        for (UnitChange c : d.changes()) {
            sb.append(c.unit()).append(": 得分 score ").append(num(c.scoreBefore())).append(" → ").append(num(c.scoreAfter()))
                    .append("，等次 rating ").append(str(c.ratingBefore())).append(" → ").append(str(c.ratingAfter()))
                    .append("，排名 rank ").append(str(c.rankBefore())).append(" → ").append(str(c.rankAfter())).append('\n');
            for (LineChange l : c.lines()) {
                sb.append("  ").append(l.before() == null ? "+ " : l.after() == null ? "- " : "~ ").append(l.what()).append(": ")
                        .append(num(l.before())).append(" → ").append(num(l.after())).append("   rule \"").append(l.rule()).append('"')
                        .append(l.clauses().isEmpty() ? "" : "; policy " + String.join(", ", l.clauses())).append('\n');
            }
            list(sb, "  发现 findings no longer ", c.findingsGone());
            list(sb, "  发现 findings new ", c.findingsNew());
            list(sb, "  督办 sanctions no longer ", c.sanctionsGone());
            list(sb, "  督办 sanctions new ", c.sanctionsNew());
        }
        sb.append(d.changes().size()).append(" of ").append(d.units()).append(" units change\n");
        return sb.toString();
    }

    /** The diff as a page an office leader can read. */
    public static String html(Diff d) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\">\n<title>考核细则调整影响 ").append(d.month())
                .append("</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                        + "td,th{border:1px solid #999;padding:4px 8px;vertical-align:top}th{background:#eee}.up{color:#060}.down{color:#a00}</style>\n"
                        + "</head>\n<body>\n");
        sb.append("<h1>考核细则调整影响（").append(d.month()).append("）</h1>\n");
        sb.append("<p>现行规则集 <code>").append(esc(d.current())).append("</code><br>拟用规则集 <code>").append(esc(d.proposed()))
                .append("</code></p>\n<p>").append(d.units()).append(" 个单位中有 ").append(d.changes().size()).append(" 个单位的结果发生变化。</p>\n");
        sb.append("<table>\n<tr><th>单位</th><th>得分</th><th>等次</th><th>排名</th><th>变化的加减分（规则与条款）</th><th>督查发现与督办</th></tr>\n");
        for (UnitChange c : d.changes()) {
            int cmp = c.scoreBefore() == null || c.scoreAfter() == null ? 0 : c.scoreAfter().compareTo(c.scoreBefore());
            sb.append("<tr><td>").append(esc(c.unit())).append("</td><td class=\"").append(cmp > 0 ? "up" : cmp < 0 ? "down" : "")
                    .append("\">").append(num(c.scoreBefore())).append(" → ").append(num(c.scoreAfter())).append("</td><td>")
                    .append(esc(str(c.ratingBefore()))).append(" → ").append(esc(str(c.ratingAfter()))).append("</td><td>")
                    .append(str(c.rankBefore())).append(" → ").append(str(c.rankAfter())).append("</td><td>");
            for (LineChange l : c.lines()) {
                sb.append(esc(l.what())).append(": ").append(num(l.before())).append(" → ").append(num(l.after()))
                        .append("<br><small>").append(esc(l.rule())).append(l.clauses().isEmpty() ? "" : "；" + esc(String.join("、", l.clauses())))
                        .append("</small><br>");
            }
            sb.append("</td><td>");
            for (String f : c.findingsNew()) {
                sb.append("新增 ").append(esc(f)).append("<br>");
            }
            for (String f : c.findingsGone()) {
                sb.append("不再 ").append(esc(f)).append("<br>");
            }
            for (String s : c.sanctionsNew()) {
                sb.append("新增督办 ").append(esc(s)).append("<br>");
            }
            for (String s : c.sanctionsGone()) {
                sb.append("不再督办 ").append(esc(s)).append("<br>");
            }
            sb.append("</td></tr>\n");
        }
        sb.append("</table>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void list(StringBuilder sb, String label, List<String> items) {
        if (!items.isEmpty()) {
            sb.append(label).append(items).append('\n');
        }
    }

    private static String num(BigDecimal v) {
        if (v == null) {
            return "—";
        }
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    private static String str(Object o) {
        return o == null ? "—" : o.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

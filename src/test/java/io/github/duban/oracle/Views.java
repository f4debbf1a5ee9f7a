package io.github.duban.oracle;

import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.FindingKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The parts of a month the engine and the oracle are compared on, as sorted lines of text: one
 * line per finding, sanction, score, board entry, case and ignored fact, holding only the fields
 * DESIGN fixes, plus the order units are ranked in (§6: score descending, ties by unit id).
 * Equal views mean the two agree on the month.
 */
final class Views {

    static final List<String> PARTS = List.of("findings", "sanctions", "scores", "ranking", "board", "cases", "ignored", "counts");

    private Views() {
    }

    static Map<String, List<String>> of(Assessment a) {
        Map<String, List<String>> v = new LinkedHashMap<>();
        v.put("findings", sorted(a.findings().stream().map(f -> finding(f.kind(), f.unit(), f.task(), f.on(), f.days()))));
        v.put("sanctions", sorted(a.sanctions().stream().map(s -> line(s.level(), s.unit(), s.task(), s.issued(), s.rectifyBy(), s.persons()))));
        v.put("scores", sorted(a.scores().stream().map(s -> line(s.unit(), num(s.score()), s.rating(), s.rank(), num(s.deductions()), num(s.bonuses())))));
        v.put("ranking", List.of(a.scores().stream().map(s -> s.unit()).toList().toString()));
        v.put("board", sorted(a.board().stream().map(b -> line(b.task(), b.light(), b.status(), b.percent(), b.reportedPercent(), b.deadline(), b.schedule() == null ? null : num(b.schedule()), b.daysOverdue()))));
        v.put("cases", sorted(a.cases().stream().map(c -> line(c.unit(), c.task(), c.level(), c.open() ? "open" : "closed", c.rectifyBy(), "raised", c.raisedOn(), new java.util.TreeSet<>(c.raisedBy()), "closed", c.closedOn()))));
        v.put("ignored", sorted(a.ignored().stream().map(i -> line(i.fact(), i.task(), i.unit(), i.on()))));
        var m = a.summary();
        v.put("counts", List.of(m == null ? "-" : line(m.reportsDue(), m.reportsOwed(), m.reportsOnTime(), m.reportsLate(), m.reportsMissing(),
                m.done(), m.onTrack(), m.lagging(), m.overdue(), m.onSchedule(), "red", m.red(), "yellow", m.yellow())));
        return v;
    }

    static Map<String, List<String>> of(OracleResult a) {
        Map<String, List<String>> v = new LinkedHashMap<>();
        v.put("findings", sorted(a.findings().stream().map(f -> finding(f.kind(), f.unit(), f.task(), f.on(), f.days()))));
        v.put("sanctions", sorted(a.sanctions().stream().map(s -> line(s.level(), s.unit(), s.task(), s.issued(), s.rectifyBy(), s.persons()))));
        v.put("scores", sorted(a.scores().stream().map(s -> line(s.unit(), num(s.score()), s.rating(), s.rank(), num(s.deductions()), num(s.bonuses())))));
        v.put("ranking", List.of(a.scores().stream().map(s -> s.unit()).toList().toString()));
        v.put("board", sorted(a.board().stream().map(b -> line(b.task(), b.light(), b.status(), b.percent(), b.reportedPercent(), b.deadline(), b.schedule() == null ? null : num(b.schedule()), b.daysOverdue()))));
        v.put("cases", sorted(a.cases().stream().map(c -> line(c.unit(), c.task(), c.level(), c.open() ? "open" : "closed", c.rectifyBy(), "raised", c.raisedOn(), new java.util.TreeSet<>(c.raisedBy()), "closed", c.closedOn()))));
        v.put("ignored", sorted(a.ignored().stream().map(i -> line(i.fact(), i.task(), i.unit(), i.on()))));
        var m = a.counts();
        v.put("counts", List.of(line(m.reportsDue(), m.owed(), m.onTime(), m.late(), m.missing(), m.done(), m.onTrack(), m.lagging(),
                m.overdue(), m.onSchedule(), "red", a.board().stream().filter(b -> b.light() == io.github.duban.outcome.Light.RED).count(),
                "yellow", a.board().stream().filter(b -> b.light() == io.github.duban.outcome.Light.YELLOW).count())));
        return v;
    }

    /** Days are compared for every finding that counts them. */
    static String finding(FindingKind k, String unit, Integer task, Object on, Integer days) {
        return line(k, unit, task, on, days);
    }

    static String num(BigDecimal b) {
        return b.stripTrailingZeros().toPlainString();
    }

    static String line(Object... parts) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(Objects.toString(p, "-"));
        }
        return sb.toString();
    }

    private static List<String> sorted(Stream<String> s) {
        return s.sorted().toList();
    }

    /** The differences between two views, part by part: lines only the engine has (-) and only the oracle has (+). */
    static String diff(Map<String, List<String>> engine, Map<String, List<String>> oracle) {
        StringBuilder sb = new StringBuilder();
        for (String part : PARTS) {
            List<String> e = engine.get(part);
            List<String> o = oracle.get(part);
            if (e.equals(o)) {
                continue;
            }
            sb.append(part).append(":\n");
            List<String> onlyE = minus(e, o);
            List<String> onlyO = minus(o, e);
            onlyE.forEach(l -> sb.append("  engine  ").append(l).append('\n'));
            onlyO.forEach(l -> sb.append("  oracle  ").append(l).append('\n'));
        }
        return sb.toString();
    }

    private static List<String> minus(List<String> a, List<String> b) {
        List<String> rest = new ArrayList<>(b);
        List<String> out = new ArrayList<>();
        for (String x : a) {
            if (!rest.remove(x)) {
                out.add(x);
            }
        }
        return out;
    }
}

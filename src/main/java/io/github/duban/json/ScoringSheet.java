package io.github.duban.json;

import io.github.duban.error.InputException;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.duban.model.Policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The 考核细则 as a spreadsheet (CSV, UTF-8, a header row): one row per deduction or bonus item —
 * {@code item} (its name, 迟报), {@code kind} (a finding kind or sanction level), {@code fallsOn}
 * ({@code any}, or a {@code lead} row with a {@code supporting} row), {@code points} (signed) and
 * {@code cap} (the most that item's category may take in a month, 扣完为止; blank: none). The sheet
 * is read into the policy: each row sets the policy key it names ({@code points.reportLate},
 * {@code supportingWeight} from a lead/supporting pair, {@code caps.reports}), so it is checked,
 * fingerprinted and explained exactly like the policy; items it leaves out keep the policy's
 * numbers. Every mistake names the file, the row and the column. The default scoring is shipped as
 * {@code /scoring/default.csv}. Thread-safe.
 */
public final class ScoringSheet {

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("item", "kind", "fallsOn", "points", "cap");

    /** Each kind a row may name → the policy key its points set, and the category its cap sets (null: a bonus). */
    private static final Map<String, String[]> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("REPORT_LATE", new String[] {"points.reportLate", "reports"});
        KINDS.put("REPORT_MISSING", new String[] {"points.reportMissing", "reports"});
        KINDS.put("TASK_OVERDUE", new String[] {"points.taskOverdue", "tasks"});
        KINDS.put("NOTICE", new String[] {"points.notice", "sanctions"});
        KINDS.put("CRITICISM", new String[] {"points.criticism", "sanctions"});
        KINDS.put("EXPOSURE", new String[] {"points.exposure", "sanctions"});
        KINDS.put("TASK_COMPLETED_EARLY", new String[] {"points.completedEarly", null});
        KINDS.put("COMMENDED", new String[] {"points.commended", null});
        KINDS.put("MILESTONE_MISSED", new String[] {"points.milestoneMissed", "reports"});
    }

    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    private ScoringSheet() {
    }

    /** The shipped default sheet's text. */
    public static String defaultSheet() {
        try (InputStream in = ScoringSheet.class.getResourceAsStream("/scoring/default.csv")) {
            if (in == null) {
                throw new IllegalStateException("the default scoring sheet /scoring/default.csv is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a sheet file into {@code policy}. */
    public static Policy read(Path file, Policy policy) {
        try {
            return read(Files.readString(file, StandardCharsets.UTF_8), file.toString(), policy);
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, null, "cannot read the scoring sheet: " + e.getMessage());
        }
    }

    /**
     * Reads a sheet's text into {@code policy}; {@code source} names it in errors.
     *
     * @throws InputException naming the file, the row (its line) and the column of the first mistake
     */
    public static Policy read(String text, String source, Policy policy) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = CSV.readerForListOf(String.class).with(CsvSchema.emptySchema()).readValues(t)) {
            while (it.hasNext()) {
                rows.add(it.next());
            }
        } catch (IOException | RuntimeException e) {
            throw new InputException(source, 0, null, "is not a readable CSV: " + e.getMessage());
        }
        if (rows.isEmpty() || !rows.get(0).stream().map(String::strip).toList().equals(COLUMNS)) {
            throw new InputException(source, 1, null, "the header row is " + (rows.isEmpty() ? "missing" : rows.get(0))
                    + "; expected " + String.join(",", COLUMNS));
        }
        Map<String, Object> values = PolicyJson.flatten(policy);
        Map<String, BigDecimal> lead = new TreeMap<>();
        Map<String, BigDecimal> supporting = new TreeMap<>();
        Map<String, Integer> any = new TreeMap<>();
        Map<String, BigDecimal> caps = new TreeMap<>();
        Map<String, Integer> capRow = new TreeMap<>();
        BigDecimal weight = null;
        int weightRow = 0;
        for (int r = 1; r < rows.size(); r++) {
            int line = r + 1;
            List<String> row = rows.get(r);
            if (row.stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            if (row.size() != COLUMNS.size()) {
                throw new InputException(source, line, null, "has " + row.size() + " columns; expected " + COLUMNS.size() + " (" + String.join(",", COLUMNS) + ")");
            }
            String item = row.get(0).strip();
            String kind = row.get(1).strip();
            String on = row.get(2).strip();
            if (item.isEmpty()) {
                throw new InputException(source, line, "item", "is empty; expected the item's name (迟报)");
            }
            if (kind.startsWith("CEILING_") && Policy.LEVELS.contains(kind.substring(8))) {
                // 等次上限: the points column names the band (GOOD), or is empty for none
                if (!on.equals("any")) {
                    throw new InputException(source, line, "fallsOn", "is " + on + "; a rating ceiling falls on any unit issued the sanction: expected any");
                }
                String band = row.get(3).strip();
                values.put("ratingCeilings." + kind.substring(8), band.isEmpty() ? null : band);
                continue;
            }
            String[] target = KINDS.get(kind);
            if (target == null) {
                List<String> known = new ArrayList<>(KINDS.keySet());
                Policy.LEVELS.forEach(l -> known.add("CEILING_" + l));
                String near = PolicyJson.nearest(kind, known);
                throw new InputException(source, line, "kind", "is " + (kind.isEmpty() ? "empty" : kind) + "; expected one of "
                        + known + (near != null ? " (did you mean " + near + "?)" : ""));
            }
            BigDecimal points = number(source, line, "points", row.get(3));
            if (points == null) {
                throw new InputException(source, line, "points", "is empty; expected the item's signed points (-1, 2)");
            }
            switch (on) {
                case "any" -> {
                    if (any.containsKey(kind) || lead.containsKey(kind)) {
                        throw new InputException(source, line, "kind", kind + " has a row already; expected one any row, or one lead and one supporting row");
                    }
                    any.put(kind, line);
                    lead.put(kind, points);
                }
                case "lead" -> {
                    if (lead.containsKey(kind)) {
                        throw new InputException(source, line, "fallsOn", "a second lead (or any) row for " + kind + "; expected one");
                    }
                    lead.put(kind, points);
                }
                case "supporting" -> {
                    if (supporting.containsKey(kind)) {
                        throw new InputException(source, line, "fallsOn", "a second supporting row for " + kind + "; expected one");
                    }
                    supporting.put(kind, points);
                    BigDecimal l = lead.get(kind);
                    if (l == null || any.containsKey(kind)) {
                        throw new InputException(source, line, "fallsOn", "a supporting row for " + kind
                                + " needs a lead row for it above (not an any row)");
                    }
                    if (l.signum() == 0) {
                        // an item of no points gives supporting units none at any weight
                        if (points.signum() != 0) {
                            throw new InputException(source, line, "points", "is " + points.toPlainString() + " where the lead row gives 0; expected 0");
                        }
                        break;
                    }
                    BigDecimal w = points.divide(l, 6, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
                    if (weight != null && w.compareTo(weight) != 0) {
                        throw new InputException(source, line, "points", "gives supporting units " + w.toPlainString() + " of the lead's points, but row "
                                + weightRow + " gives " + weight.toPlainString() + "; supporting units answer at one weight for every item (supportingWeight)");
                    }
                    weight = w;
                    weightRow = line;
                }
                default -> throw new InputException(source, line, "fallsOn", "is " + (on.isEmpty() ? "empty" : on) + "; expected any, lead or supporting");
            }
            values.put(target[0], lead.get(kind));
            BigDecimal cap = number(source, line, "cap", row.get(4));
            if (cap != null) {
                if (target[1] == null) {
                    throw new InputException(source, line, "cap", "a bonus has no monthly cap of its own (bonuses count up to the policy's bonusCap); expected the column empty");
                }
                BigDecimal before = caps.putIfAbsent(target[1], cap);
                if (before != null && before.compareTo(cap) != 0) {
                    throw new InputException(source, line, "cap", "is " + cap.toPlainString() + " but row " + capRow.get(target[1]) + " caps the "
                            + target[1] + " category at " + before.toPlainString() + "; expected one cap per category");
                }
                capRow.putIfAbsent(target[1], line);
                values.put("caps." + target[1], cap);
            }
        }
        if (weight != null) {
            values.put("supportingWeight", weight);
        }
        try {
            return PolicyJson.fromSettings(values, policy.bands());
        } catch (io.github.duban.error.PolicyException e) {
            throw new InputException(source, 0, e.key(), e.problem());
        }
    }

    private static BigDecimal number(String source, int line, String column, String cell) {
        String c = cell == null ? "" : cell.strip();
        if (c.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(c.replace('−', '-'));
        } catch (NumberFormatException e) {
            throw new InputException(source, line, column, "is \"" + c + "\"; expected a number");
        }
    }

    /** The scoring part of {@code policy} as a sheet (any rows; the supporting weight as lead/supporting pairs when it is not 1). */
    public static String write(Policy policy) {
        Map<String, Object> v = PolicyJson.flatten(policy);
        String[] names = {"迟报", "漏报", "任务逾期", "提醒", "通报批评", "公开曝光", "提前完成", "表扬", "未达到时间节点"};
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        int i = 0;
        boolean weighted = policy.supportingWeight().compareTo(BigDecimal.ONE) != 0;
        for (Map.Entry<String, String[]> e : KINDS.entrySet()) {
            BigDecimal p = (BigDecimal) v.get(e.getValue()[0]);
            Object cap = e.getValue()[1] == null ? null : v.get("caps." + e.getValue()[1]);
            String capText = cap == null ? "" : ((BigDecimal) cap).toPlainString();
            String name = names[i++];
            if (weighted) {
                sb.append(name).append("（主办）,").append(e.getKey()).append(",lead,").append(p.toPlainString()).append(',').append(capText).append('\n');
                BigDecimal s = p.multiply(policy.supportingWeight()).stripTrailingZeros();
                sb.append(name).append("（协办）,").append(e.getKey()).append(",supporting,").append((s.scale() < 0 ? s.setScale(0) : s).toPlainString())
                        .append(',').append(capText).append('\n');
            } else {
                sb.append(name).append(',').append(e.getKey()).append(",any,").append(p.toPlainString()).append(',').append(capText).append('\n');
            }
        }
        // the rating ceilings (等次上限): the band a unit issued the sanction is rated no better than
        Map<String, String> levelNames = Map.of("NOTICE", "受到提醒", "CRITICISM", "受到通报批评", "EXPOSURE", "受到公开曝光");
        for (String level : Policy.LEVELS) {
            String band = policy.ratingCeilings().get(level);
            if (band != null) {
                sb.append(levelNames.get(level)).append("的单位等次上限,CEILING_").append(level).append(",any,").append(band).append(",\n");
            }
        }
        return sb.toString();
    }
}

package io.github.duban.importer;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.text.Normalizer;

/**
 * Reads a deadline phrase (完成时限) of a Chinese government plan: dates and month-ends with or
 * without a year, year-ends, half-years and quarters, ongoing and immediate phrases, compound,
 * recurring and relative phrases, soft qualifiers, and several dates in one phrase.
 * A phrase it cannot read confidently comes back {@link DeadlineKind#AMBIGUOUS} with the reason;
 * it never guesses silently. Thread-safe; holds no state.
 */
public final class DeadlineParser {

    private static final String ONGOING_WORDS =
            "长期坚持|长期推进|长期执行|长期开展|长期实施|持续推进|持续开展|持续实施|持续深化|持续抓好|持续坚持|常态化推进|常态化开展|常态化|常态工作|常态|长效|常年|久久为功|长期|持续";
    private static final String IMMEDIATE_WORDS = "立行立改|立查立改|即知即改|即查即改|即时办理|立即|立刻|马上|即日起|即时";
    private static final String SOFT_WORDS = "原则上|力争|争取|尽快|尽早|力求|暂定|预计|计划于|计划";
    /** An outcome short of done by the date: 2023年底前基本完成或取得明显成效. */
    private static final String SOFT_OUTCOME_WORDS = "基本完成|基本建成|基本形成|基本实现|基本消除|基本解决|初步建成|初步建立|初步形成|初步实现|初见成效|"
            + "取得明显成效|取得显著成效|取得阶段性成效|取得阶段性进展|取得积极成效|取得积极进展|取得实效|取得突破|见到成效|明显改善|明显提升";
    private static final Pattern SOFT_OUTCOME = Pattern.compile(SOFT_OUTCOME_WORDS);
    /** A date only roughly meant: 6月底左右, 年中前后. */
    private static final Pattern APPROXIMATE = Pattern.compile("左右|前后|上下|大约|大概|约于|前后完成");
    /** The start of a repetition: 自2022年起, 从2023年7月开始. */
    private static final Pattern SINCE = Pattern.compile("(?:自|从|由|于)?(\\d{4})年(?:(\\d{1,2})月份?)?(?:起|开始|以来)");
    /** A time of day: 下午5时, 上午10点半, 17:00. */
    private static final Pattern TIME = Pattern.compile(
            "(上午|下午|晚上|晚|中午|早上|早)?(?<!\\d)(\\d{1,2})(?:时|点)(?:(\\d{1,2})分|(半))?|(?<![\\d:])(\\d{1,2}):(\\d{2})(?![\\d:])");
    /** A month counted from the month of issue: 本季度内, 当月中旬, 本月底, 次月10日. */
    private static final Pattern ISSUE_MONTH = Pattern.compile(
            "(本季度|当季度|本季|当季|本月|当月|次月|下月|下个月)(?:份)?(内|底|末|上旬|中旬|下旬|(\\d{1,2})[日号])?");

    private static final Pattern ONGOING = Pattern.compile(ONGOING_WORDS);
    private static final Pattern IMMEDIATE = Pattern.compile(IMMEDIATE_WORDS);
    private static final Pattern SOFT = Pattern.compile(SOFT_WORDS);

    private static final Pattern CN_NUMBER = Pattern.compile(
            "(?<![周期])[〇零一二两三四五六七八九十]+(?=年|月|日|号|个|天|周|季度|工作日|旬)");

    private static final Pattern DOTTED = Pattern.compile(
            "(?<![\\d.])(\\d{4})[./-](\\d{1,2})(?:[./-](\\d{1,2}))?(?![\\d.])");
    private static final Pattern DATE = Pattern.compile(
            "(?:(?<y>(?<!\\d)\\d{4})年|(?<ry>今年|本年度|本年|明年|次年|当年))?"
                    + "(?:(?<m>(?<!\\d)\\d{1,3})月份?(?:(?<d>\\d{1,3})[日号]|(?<mp>底|末|上旬|中旬|下旬|初|中))?"
                    + "|(?<h>上半年|下半年|年中|年初)"
                    + "|第?(?<q>(?<!\\d)\\d)季度(?:末|底)?"
                    + "|(?<ye>年底|年末|年内|年度)"
                    + "|(?<ye2>底|末|内|度))?");
    private static final Pattern RANGE_GAP = Pattern.compile("\\s*(?:-|~|至|到)\\s*");

    private static final Pattern REL = Pattern.compile(
            "(?<!\\d)(\\d{1,3})(个)?(小时|分钟|工作日|日|天|周|星期|月|年)(?:内|以内|之内|前完成|完成|办结)");
    private static final Pattern REL_ANCHOR = Pattern.compile("([^,;。、]*?(?:后|起|以来))$");

    private static final Pattern FLAGGED_LEFTOVER = Pattern.compile("[0-9A-Za-z年月季旬]");

    private DeadlineParser() {
    }

    /**
     * Reads {@code phrase}; dates that name no year take {@code defaultYear} (or the year named
     * earlier in the same phrase). A {@code defaultYear} of 0 or less means the year is unknown:
     * such dates make the reading AMBIGUOUS.
     */
    public static DeadlineReading parse(String phrase, int defaultYear) {
        return parse(phrase, defaultYear, null);
    }

    /**
     * Reads {@code phrase} as {@link #parse(String, int)} does; {@code issued} is the month the plan
     * was issued (null: unknown), which 本季度内, 当月中旬, 本月底 and 次月10日 are counted from.
     */
    public static DeadlineReading parse(String phrase, int defaultYear, YearMonth issued) {
        String original = phrase == null ? "" : phrase.strip();
        if (original.length() > 400) {
            return ambiguous(original.substring(0, 400) + "…", List.of(), "the phrase is " + original.length()
                    + " characters long; a deadline is a few words");
        }
        String n = normalize(original);
        if (n.isEmpty()) {
            return ambiguous(original, List.of(), "the phrase is empty");
        }
        List<String> notes = new ArrayList<>();
        n = mend(n, notes);
        boolean[] used = new boolean[n.length()];
        List<String> errors = new ArrayList<>();

        Recurrence recurrence = recurrence(n, used, notes);
        List<RelativePeriod> relatives = relatives(n, used);
        RelativePeriod relative = relatives.isEmpty() ? null : relatives.get(0);
        LocalDate since = since(n, used, errors);
        LocalTime time = time(n, used, errors);
        if (recurrence != null) {
            recurrence = recurrence.at(time).since(since);
            if (since != null) {
                notes.add("from " + since);
            }
            if (time != null) {
                notes.add("at " + time);
            }
        } else {
            if (since != null && !ONGOING.matcher(n).find()) {
                errors.add("it says when the work starts (" + since + ") but not when it is due");
            }
            if (time != null) {
                notes.add("time of day " + time + " kept in the text only");
            }
        }
        List<Span> spans = new ArrayList<>(issueMonth(n, used, issued, recurrence != null, errors, notes));
        spans.addAll(spans(n, used, defaultYear, errors));
        spans.sort(java.util.Comparator.comparingInt(Span::from));

        List<String> qualifiers = new ArrayList<>();
        boolean ongoing = mark(ONGOING, n, used, null);
        boolean immediate = mark(IMMEDIATE, n, used, null);
        boolean soft = mark(SOFT, n, used, qualifiers);
        soft |= mark(SOFT_OUTCOME, n, used, qualifiers);
        Matcher approx = APPROXIMATE.matcher(n);
        if (approx.find() && free(used, approx.start(), approx.end())) {
            errors.add("«" + approx.group() + "» makes the time only approximate");
        }

        StringBuilder left = new StringBuilder();
        for (int i = 0; i < n.length(); i++) {
            if (!used[i]) {
                left.append(n.charAt(i));
            }
        }
        String leftover = left.toString();
        if (FLAGGED_LEFTOVER.matcher(leftover).find()) {
            errors.add("cannot read «" + leftover.replaceAll("^[\\p{P}\\s]+|[\\p{P}\\s]+$", "") + "» in it");
        }
        if (spans.size() > 1 && leftover.contains("或")) {
            errors.add("it offers alternative dates (或)");
        }
        if (!errors.isEmpty()) {
            String found = spans.isEmpty() ? "" : "; dates seen: " + String.join(", ", spans.stream().map(s -> s.end.toString()).toList());
            return new DeadlineReading(original, DeadlineKind.AMBIGUOUS, List.of(), soft, ongoing, immediate,
                    qualifiers, null, null, String.join("; ", errors) + found);
        }

        Set<LocalDate> distinct = new LinkedHashSet<>();
        List<String> why = new ArrayList<>();
        for (Span s : spans) {
            distinct.add(s.end);
            why.add("«" + s.text + "» → " + s.end + (s.why.isEmpty() ? "" : " (" + s.why + ")"));
        }
        List<LocalDate> dates = List.copyOf(distinct);
        if (soft) {
            why.add("soft: " + String.join("、", qualifiers));
        }
        why.addAll(notes);
        DeadlineKind kind;
        if (dates.size() == 1) {
            kind = DeadlineKind.DATE;
            if (ongoing) {
                why.add("then ongoing");
            }
        } else if (dates.size() > 1) {
            kind = DeadlineKind.MULTIPLE;
            why.add(dates.size() + " dates; the latest is " + dates.stream().max(LocalDate::compareTo).orElseThrow());
        } else if (recurrence != null) {
            kind = DeadlineKind.RECURRING;
        } else if (relative != null) {
            kind = DeadlineKind.RELATIVE;
            for (RelativePeriod rp : relatives) {
                why.add(rp.amount() + " " + rp.unit() + (rp.after() == null ? " from an event the phrase does not name" : " counted from «" + rp.after() + "»"));
            }
            if (relatives.size() > 1) {
                why.add(relatives.size() + " periods, each for its own step");
            }
        } else if (immediate) {
            kind = DeadlineKind.IMMEDIATE;
            why.add(ongoing ? "start at once and keep going" : "start at once");
        } else if (ongoing) {
            kind = DeadlineKind.ONGOING;
            why.add("no end date");
        } else {
            String reason = soft ? "«" + String.join("、", qualifiers) + "» names no date" : "no date, period, ongoing or immediate phrase found";
            return new DeadlineReading(original, DeadlineKind.AMBIGUOUS, List.of(), soft, false, false, qualifiers, null, null, reason);
        }
        if (recurrence != null && kind != DeadlineKind.RECURRING) {
            why.add("also recurring every " + recurrence.every());
        }
        return new DeadlineReading(original, kind, dates, soft, ongoing, immediate, qualifiers, recurrence, relative,
                String.join("; ", why), relatives);
    }

    private static LocalDate since(String n, boolean[] used, List<String> errors) {
        Matcher m = SINCE.matcher(n);
        if (!m.find() || !free(used, m.start(), m.end())) {
            return null;
        }
        take(used, m.start(), m.end());
        int y = Integer.parseInt(m.group(1));
        int mo = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        if (y < 1990 || y > 2100 || mo < 1 || mo > 12) {
            errors.add("«" + m.group() + "» is not a month that exists");
            return null;
        }
        return LocalDate.of(y, mo, 1);
    }

    private static LocalTime time(String n, boolean[] used, List<String> errors) {
        Matcher m = TIME.matcher(n);
        while (m.find()) {
            if (!free(used, m.start(), m.end())) {
                continue;
            }
            take(used, m.start(), m.end());
            int h;
            int min;
            if (m.group(5) != null) {
                h = Integer.parseInt(m.group(5));
                min = Integer.parseInt(m.group(6));
            } else {
                h = Integer.parseInt(m.group(2));
                min = m.group(3) != null ? Integer.parseInt(m.group(3)) : m.group(4) != null ? 30 : 0;
                String part = m.group(1);
                if (part != null && (part.startsWith("下午") || part.startsWith("晚")) && h < 12) {
                    h += 12;
                }
            }
            if (h > 24 || min > 59 || h == 24 && min > 0) {
                errors.add("«" + m.group() + "» is not a time of day");
                return null;
            }
            return h == 24 ? LocalTime.MAX : LocalTime.of(h, min);
        }
        return null;
    }

    /** 本季度内, 当月中旬, 本月底, 次月10日: counted from the month of issue; inside a recurrence, the period's own month. */
    private static List<Span> issueMonth(String n, boolean[] used, YearMonth issued, boolean recurring, List<String> errors,
                                         List<String> notes) {
        List<Span> out = new ArrayList<>();
        Matcher m = ISSUE_MONTH.matcher(n);
        while (m.find()) {
            if (!free(used, m.start(), m.end())) {
                continue;
            }
            take(used, m.start(), m.end());
            if (recurring) {
                notes.add("«" + m.group() + "» read within the recurrence");
                continue;
            }
            if (issued == null) {
                errors.add("«" + m.group() + "» is counted from the month of issue, which is unknown");
                continue;
            }
            String which = m.group(1);
            String part = m.group(2);
            int[] r = {m.start(), m.end()};
            String why = "counted from the month of issue " + issued;
            if (which.contains("季")) {
                if (part != null && !part.equals("内") && !part.equals("底") && !part.equals("末")) {
                    errors.add("«" + m.group() + "» names no clear day");
                    continue;
                }
                YearMonth end = YearMonth.of(issued.getYear(), ((issued.getMonthValue() - 1) / 3 + 1) * 3);
                out.add(new Span(end.minusMonths(2).atDay(1), end.atEndOfMonth(), r[0], r[1], m.group(), why + ", the quarter's last day"));
                continue;
            }
            YearMonth ym = which.equals("本月") || which.equals("当月") ? issued : issued.plusMonths(1);
            if (part == null) {
                errors.add("«" + m.group() + "» names a month but no day in it");
                continue;
            }
            Span s;
            if (m.group(3) != null) {
                s = day(ym.getYear(), ym.getMonthValue(), Integer.parseInt(m.group(3)), r, n, why, errors);
            } else {
                s = month(ym.getYear(), ym.getMonthValue(), part.equals("内") ? "底" : part, r, n, why, errors);
            }
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private static DeadlineReading ambiguous(String phrase, List<String> qualifiers, String reason) {
        return new DeadlineReading(phrase, DeadlineKind.AMBIGUOUS, List.of(), false, false, false, qualifiers, null, null, reason);
    }

    /** Full-width to half-width, no spaces, dashes unified, Chinese numerals before 年/月/日… as digits. */
    /** Says that a slip of the pen was read: {@code 2016年6底前} has 月 missing. */
    static final String MENDED = "read as written with 月 missing";

    private static final Pattern YEAR_RANGE = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{4})年");
    private static final Pattern MONTH_WITHOUT_月 = Pattern.compile("(?<![\\d月.])(\\d{1,2})(底|末)");

    /**
     * Forms that read as a date once written out: a range of years (2016—2017年底前 is 2016年至2017年底),
     * a month whose 月 is missing (2016年6底前, reported in the reason), and 全年 (the year, so its end).
     */
    private static String mend(String n, List<String> notes) {
        String m = YEAR_RANGE.matcher(n).replaceAll("$1年-$2年");
        Matcher typo = MONTH_WITHOUT_月.matcher(m);
        if (typo.find()) {
            int month = Integer.parseInt(typo.group(1));
            if (month >= 1 && month <= 12) {
                notes.add("«" + typo.group() + "» " + MENDED + " (" + month + "月" + typo.group(2) + ")");
                m = typo.replaceFirst("$1月$2");
            }
        }
        if (m.matches("全年(完成|推进|实施|落实|内)?")) {
            m = "年内";
        }
        return m;
    }

    static String normalize(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC)
                .replaceAll("[\\s\\u00a0\\u3000\\u200b-\\u200d\\ufeff]+", "")
                .replaceAll("[—–－―~～]+", "-")
                .replace("星期", "周");
        Matcher m = CN_NUMBER.matcher(n);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Integer.toString(chineseNumber(m.group())));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static int chineseNumber(String s) {
        String digits = "〇一二三四五六七八九";
        s = s.replace('零', '〇').replace('两', '二');
        int ten = s.indexOf('十');
        if (ten < 0) {
            int v = 0;
            for (char c : s.toCharArray()) {
                v = v * 10 + digits.indexOf(c);
            }
            return v;
        }
        String before = s.substring(0, ten);
        String after = s.substring(ten + 1);
        int tens = before.isEmpty() ? 1 : chineseNumber(before);
        int ones = after.isEmpty() ? 0 : chineseNumber(after);
        return tens * 10 + ones;
    }

    private static boolean mark(Pattern p, String n, boolean[] used, List<String> found) {
        Matcher m = p.matcher(n);
        boolean any = false;
        while (m.find()) {
            if (free(used, m.start(), m.end())) {
                take(used, m.start(), m.end());
                any = true;
                if (found != null && !found.contains(m.group())) {
                    found.add(m.group());
                }
            }
        }
        return any;
    }

    private static boolean free(boolean[] used, int from, int to) {
        for (int i = from; i < to; i++) {
            if (used[i]) {
                return false;
            }
        }
        return true;
    }

    private static void take(boolean[] used, int from, int to) {
        for (int i = from; i < to; i++) {
            used[i] = true;
        }
    }

    // ---- recurring ----

    private record RecurringForm(Pattern pattern, java.util.function.Function<Matcher, Recurrence> make) {
    }

    private static final List<RecurringForm> RECURRING = List.of(
            new RecurringForm(Pattern.compile("每个?季度第(\\d)个?月的?(\\d{1,2})[日号]"),
                    m -> new Recurrence(Recurrence.Period.QUARTER, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), false, null)),
            new RecurringForm(Pattern.compile("每个?季度(?:末|底|最后1个月(?:底|末)?)"),
                    m -> new Recurrence(Recurrence.Period.QUARTER, 3, null, true, null)),
            new RecurringForm(Pattern.compile("每个?季度(?:初|首月)?的?(\\d{1,2})[日号]"),
                    m -> new Recurrence(Recurrence.Period.QUARTER, 1, Integer.parseInt(m.group(1)), false, null)),
            new RecurringForm(Pattern.compile("每半年(?:末|底)"),
                    m -> new Recurrence(Recurrence.Period.HALF_YEAR, 6, null, true, null)),
            new RecurringForm(Pattern.compile("每个?年度?(\\d{1,2})月(\\d{1,2})[日号]"),
                    m -> new Recurrence(Recurrence.Period.YEAR, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), false, null)),
            new RecurringForm(Pattern.compile("每个?年度?(\\d{1,2})月(?:底|末|份)?"),
                    m -> new Recurrence(Recurrence.Period.YEAR, Integer.parseInt(m.group(1)), null, true, null)),
            new RecurringForm(Pattern.compile("每个?年度?(?:年底|年末|底|末)"),
                    m -> new Recurrence(Recurrence.Period.YEAR, 12, null, true, null)),
            new RecurringForm(Pattern.compile("每个?月的?(\\d{1,2})[日号]"),
                    m -> new Recurrence(Recurrence.Period.MONTH, null, Integer.parseInt(m.group(1)), false, null)),
            new RecurringForm(Pattern.compile("每个?月(?:底|末|最后1天)"),
                    m -> new Recurrence(Recurrence.Period.MONTH, null, null, true, null)),
            new RecurringForm(Pattern.compile("每周([一二三四五六日天1-7])"),
                    m -> new Recurrence(Recurrence.Period.WEEK, null, null, false, weekday(m.group(1)))),
            new RecurringForm(Pattern.compile("每个?(周|旬|月|季度|半年|年度?|天|日)"),
                    m -> new Recurrence(switch (m.group(1)) {
                        case "周" -> Recurrence.Period.WEEK;
                        case "旬" -> Recurrence.Period.TEN_DAYS;
                        case "月" -> Recurrence.Period.MONTH;
                        case "季度" -> Recurrence.Period.QUARTER;
                        case "半年" -> Recurrence.Period.HALF_YEAR;
                        case "天", "日" -> Recurrence.Period.DAY;
                        default -> Recurrence.Period.YEAR;
                    }, null, null, false, null)));

    private static DayOfWeek weekday(String s) {
        int i = "一二三四五六日".indexOf(s);
        if (i < 0) {
            i = s.equals("天") ? 6 : Integer.parseInt(s) - 1;
        }
        return DayOfWeek.of(i + 1);
    }

    private static Recurrence recurrence(String n, boolean[] used, List<String> notes) {
        Recurrence first = null;
        for (RecurringForm f : RECURRING) {
            Matcher m = f.pattern.matcher(n);
            while (m.find()) {
                if (!free(used, m.start(), m.end())) {
                    continue;
                }
                take(used, m.start(), m.end());
                Recurrence r = f.make.apply(m);
                if (r.day() != null && (r.day() < 1 || r.day() > 31) || r.month() != null && (r.month() < 1 || r.month() > 12)) {
                    used[m.start()] = false; // leave a digit unread: the phrase becomes AMBIGUOUS
                    continue;
                }
                if (first == null) {
                    first = r;
                    notes.add("every " + r.every()
                            + (r.month() != null && r.every() != Recurrence.Period.MONTH ? ", month " + r.month() : "")
                            + (r.day() != null ? ", day " + r.day() : "")
                            + (r.lastDay() ? ", last day" : "")
                            + (r.weekday() != null ? ", " + r.weekday() : ""));
                } else {
                    notes.add("a second recurrence «" + m.group() + "» is not kept");
                }
            }
        }
        return first;
    }

    // ---- relative ----

    private static List<RelativePeriod> relatives(String n, boolean[] used) {
        List<RelativePeriod> out = new ArrayList<>();
        Matcher m = REL.matcher(n);
        String lastAfter = null;
        int lastEnd = 0;
        while (m.find()) {
            String unit = m.group(3);
            if (unit.equals("月") && m.group(2) == null) {
                continue; // 6月内 is a month, not six months
            }
            if (!free(used, m.start(), m.end())) {
                continue;
            }
            int amount = Integer.parseInt(m.group(1));
            if (amount == 0) {
                continue;
            }
            take(used, m.start(), m.end());
            String after = null;
            int from = out.isEmpty() ? 0 : lastEnd;
            Matcher a = REL_ANCHOR.matcher(n.substring(from, m.start()));
            if (a.find()) {
                after = a.group(1).replaceFirst("^[于在须应要]", "");
                take(used, from + a.start(1), from + a.end(1));
            }
            if ((after == null || after.isEmpty()) && lastAfter != null) {
                after = lastAfter; // 接报后2小时内…、12小时内…: the second counts from the same event
            }
            RelativePeriod.Unit u = switch (unit) {
                case "小时" -> RelativePeriod.Unit.HOUR;
                case "分钟" -> RelativePeriod.Unit.MINUTE;
                case "工作日" -> RelativePeriod.Unit.WORKING_DAY;
                case "日", "天" -> RelativePeriod.Unit.DAY;
                case "周", "星期" -> RelativePeriod.Unit.WEEK;
                case "月" -> RelativePeriod.Unit.MONTH;
                default -> RelativePeriod.Unit.YEAR;
            };
            after = after == null || after.isEmpty() ? null : after;
            out.add(new RelativePeriod(amount, u, after));
            lastAfter = after;
            lastEnd = m.end();
        }
        return out;
    }

    // ---- dates ----

    /** A date mention: the days it covers, where it is in the normalized text, and how it was read. */
    record Span(LocalDate start, LocalDate end, int from, int to, String text, String why) {
    }

    /** The date mentions of {@code text} in order, ranges merged; errors collects what could not be read. */
    static List<Span> dateSpans(String text, int defaultYear, List<String> errors) {
        String n = normalize(text);
        return spans(n, new boolean[n.length()], defaultYear, errors);
    }

    private static List<Span> spans(String n, boolean[] used, int defaultYear, List<String> errors) {
        List<Span> raw = new ArrayList<>();
        Integer[] carried = {null};
        // dotted dates first: 2021.4.30, 2021-04-30, 2021/4
        Matcher d = DOTTED.matcher(n);
        List<int[]> dotted = new ArrayList<>();
        while (d.find()) {
            dotted.add(new int[]{d.start(), d.end()});
        }
        Matcher m = DATE.matcher(n);
        int pos = 0;
        int di = 0;
        while (pos < n.length()) {
            if (di < dotted.size() && dotted.get(di)[0] <= pos) {
                int[] r = dotted.get(di++);
                if (r[0] < pos || !free(used, r[0], r[1])) {
                    continue;
                }
                Matcher x = DOTTED.matcher(n.substring(r[0], r[1]));
                if (x.matches()) {
                    int y = Integer.parseInt(x.group(1));
                    Span s = x.group(3) != null
                            ? day(y, Integer.parseInt(x.group(2)), Integer.parseInt(x.group(3)), r, n, "", errors)
                            : month(y, Integer.parseInt(x.group(2)), null, r, n, "", errors);
                    carried[0] = y;
                    if (s != null) {
                        raw.add(s);
                    }
                    take(used, r[0], r[1]);
                }
                pos = r[1];
                continue;
            }
            int limit = di < dotted.size() ? dotted.get(di)[0] : n.length();
            m.region(pos, limit);
            if (!m.find()) {
                pos = limit;
                continue;
            }
            if (m.end() == m.start() || !free(used, m.start(), m.end())) {
                pos = m.start() + 1;
                continue;
            }
            String y = m.group("y");
            String ry = m.group("ry");
            boolean rest = m.group("m") != null || m.group("h") != null || m.group("q") != null
                    || m.group("ye") != null || m.group("ye2") != null;
            if (m.group("ye2") != null && y == null && ry == null) {
                pos = m.start() + 1; // a bare 底/内 is not a date
                continue;
            }
            int[] r = {m.start(), m.end()};
            Integer year;
            String why = "";
            if (y != null) {
                year = Integer.parseInt(y);
                if (year < 1990 || year > 2100) {
                    errors.add("year " + year + " is out of range");
                    take(used, r[0], r[1]);
                    pos = m.end();
                    continue;
                }
                carried[0] = year;
            } else if (ry != null) {
                if (defaultYear <= 0) {
                    errors.add("«" + ry + "» needs the plan's year, which is unknown");
                    take(used, r[0], r[1]);
                    pos = m.end();
                    continue;
                }
                year = ry.equals("明年") || ry.equals("次年") ? defaultYear + 1 : defaultYear;
                why = "«" + ry + "» is " + year;
                carried[0] = year;
            } else if (carried[0] != null) {
                year = carried[0];
                why = "year " + year + " from earlier in the phrase";
            } else if (defaultYear > 0) {
                year = defaultYear;
                why = "year " + year + " from the plan";
            } else {
                errors.add("«" + m.group() + "» names no year and none was given");
                take(used, r[0], r[1]);
                pos = m.end();
                continue;
            }
            take(used, r[0], r[1]);
            pos = m.end();
            Span s = null;
            if (m.group("m") != null) {
                int month = Integer.parseInt(m.group("m"));
                if (m.group("d") != null) {
                    s = day(year, month, Integer.parseInt(m.group("d")), r, n, why, errors);
                } else {
                    s = month(year, month, m.group("mp"), r, n, why, errors);
                }
            } else if (m.group("h") != null) {
                switch (m.group("h")) {
                    case "上半年" -> s = span(LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 30), r, n, why);
                    case "下半年" -> s = span(LocalDate.of(year, 7, 1), LocalDate.of(year, 12, 31), r, n, why);
                    case "年中" -> s = span(LocalDate.of(year, 6, 30), LocalDate.of(year, 6, 30), r, n, join(why, "年中 read as 30 June"));
                    default -> errors.add("«" + m.group() + "» (start of the year) names no day");
                }
            } else if (m.group("q") != null) {
                int q = Integer.parseInt(m.group("q"));
                if (q < 1 || q > 4) {
                    errors.add("quarter " + q + " does not exist");
                } else {
                    YearMonth last = YearMonth.of(year, q * 3);
                    s = span(LocalDate.of(year, q * 3 - 2, 1), last.atEndOfMonth(), r, n, join(why, "end of quarter " + q));
                }
            } else {
                String ye = m.group("ye") != null ? m.group("ye") : m.group("ye2") != null ? m.group("ye2") : "";
                boolean whole = ye.endsWith("内") || ye.endsWith("度") || !rest;
                s = span(whole ? LocalDate.of(year, 1, 1) : LocalDate.of(year, 12, 31), LocalDate.of(year, 12, 31), r, n,
                        join(why, !rest ? "a year alone is read as its last day" : "end of the year"));
            }
            if (s != null) {
                raw.add(s);
            }
        }
        // merge ranges: 2021年1月1日-1月15日, 3月至6月
        List<Span> merged = new ArrayList<>();
        for (Span s : raw) {
            if (!merged.isEmpty()) {
                Span prev = merged.get(merged.size() - 1);
                String gap = n.substring(prev.to, s.from);
                if (RANGE_GAP.matcher(gap).matches() && !gap.isEmpty()) {
                    LocalDate end = s.end;
                    if (end.isBefore(prev.start)) {
                        end = end.plusYears(1);
                    }
                    merged.set(merged.size() - 1, new Span(prev.start, end, prev.from, s.to, n.substring(prev.from, s.to),
                            join(join(prev.why, s.why), "a range from " + prev.start + "; its end is the deadline")));
                    take(used, prev.to, s.from);
                    continue;
                }
            }
            merged.add(s);
        }
        return merged;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + ", " + b;
    }

    private static Span span(LocalDate start, LocalDate end, int[] r, String n, String why) {
        return new Span(start, end, r[0], r[1], n.substring(r[0], r[1]), why);
    }

    private static Span day(int year, int month, int day, int[] r, String n, String why, List<String> errors) {
        try {
            LocalDate date = LocalDate.of(year, month, day);
            return span(date, date, r, n, why);
        } catch (DateTimeException e) {
            errors.add("«" + n.substring(r[0], r[1]) + "» is not a date (" + year + "-" + month + "-" + day + ")");
            return null;
        }
    }

    private static Span month(int year, int month, String part, int[] r, String n, String why, List<String> errors) {
        if (month < 1 || month > 12) {
            errors.add("month " + month + " does not exist");
            return null;
        }
        YearMonth ym = YearMonth.of(year, month);
        if (part == null) {
            return span(ym.atDay(1), ym.atEndOfMonth(), r, n, join(why, "a month alone ends on its last day"));
        }
        return switch (part) {
            case "底", "末" -> span(ym.atEndOfMonth(), ym.atEndOfMonth(), r, n, join(why, "the month's last day"));
            case "上旬" -> span(ym.atDay(1), ym.atDay(10), r, n, join(why, "上旬 ends on the 10th"));
            case "中旬" -> span(ym.atDay(11), ym.atDay(20), r, n, join(why, "中旬 ends on the 20th"));
            case "下旬" -> span(ym.atDay(21), ym.atEndOfMonth(), r, n, join(why, "下旬 ends on the month's last day"));
            default -> {
                errors.add("«" + n.substring(r[0], r[1]) + "» names no clear day");
                yield null;
            }
        };
    }
}

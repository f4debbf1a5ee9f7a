package io.github.duban.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Splits unit lists (区发改局、区财政局及相关区直单位) and recognises groups (各乡镇, 相关区直单位). */
final class Units {

    private static final Pattern UNIT_END = Pattern.compile(
            "(局|委|办|辦|院|室|部|社|会|會|联|聯|队|隊|所|站|中心|公司|园|園|处|處|镇|鎮|乡|鄉|街道|单位|單位|部门|部門|政府|集团|集團|投|行|厅|廳|馆|館|台|组|組|署|府|区|區|县|縣|市|庭|校|团|團|科|股|专班|專班)$");
    private static final Set<String> GROUP_NAMES = Set.of("街道办事处", "街道", "乡镇", "乡镇街道", "乡镇(街道)", "乡镇（街道）",
            "社区", "村(社区)", "村（社区）", "区直单位", "区直部门", "驻区单位", "园区", "县直单位", "市直单位", "区直各单位");
    private static final Set<String> GENERIC_TAIL = Set.of("单位", "部门", "成员单位", "单位组成", "");

    private Units() {
    }

    /** The units of a list as written, in order; trailing 等 dropped, 及/和/与 split where they join units. */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String s = text.strip().replaceAll("^[由\\s]+", "").replaceAll("[。.;；,，、\\s]+$", "");
        if (s.isEmpty() || s.matches("无|/|-|—|暂无")) {
            return out;
        }
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("(（〔【[［".indexOf(c) >= 0) {
                depth++;
            } else if (")）〕】]］".indexOf(c) >= 0 && depth > 0) {
                depth--;
            }
            if (depth == 0 && "、，,；;/ \t".indexOf(c) >= 0) {
                add(out, cur);
                continue;
            }
            if (depth == 0 && c == '等') {
                String rest = restUntilSeparator(s, i + 1);
                if (GENERIC_TAIL.contains(rest)) {
                    add(out, cur);
                    i += rest.length();
                    continue;
                }
                if (endsLikeUnit(cur)) {
                    add(out, cur);
                    continue;
                }
            }
            if (depth == 0 && (c == '及' || c == '和' || c == '与' || c == '并')) {
                String rest = restUntilSeparator(s, i + 1);
                if (endsLikeUnit(cur) && rest.length() >= 2) {
                    add(out, cur);
                    continue;
                }
            }
            if (depth == 0 && c == '以' && i + 1 < s.length() && s.charAt(i + 1) == '及' && endsLikeUnit(cur)) {
                add(out, cur);
                i++;
                continue;
            }
            cur.append(c);
        }
        add(out, cur);
        return out;
    }

    static boolean endsLikeUnit(CharSequence cur) {
        return UNIT_END.matcher(cur.toString().replaceAll("[(（〔【\\[][^()（）〔〕【】\\[\\]]*[)）〕】\\]]$", "")).find();
    }

    private static String restUntilSeparator(String s, int from) {
        int i = from;
        while (i < s.length() && "、，,；;/ \t".indexOf(s.charAt(i)) < 0) {
            i++;
        }
        return s.substring(from, i);
    }

    private static void add(List<String> out, StringBuilder cur) {
        String u = cur.toString().strip().replaceAll("等$", "").replaceAll("^[由和及与]", "").strip();
        cur.setLength(0);
        if (!u.isEmpty() && !out.contains(u)) {
            out.add(u);
        }
    }

    private static final Pattern LEAD_MARK = Pattern.compile("^(.+?)\\s*(?:[(（]\\s*牵头\\s*[)）]|牵头)$");
    private static final Pattern SUPPORT_MARK = Pattern.compile("^(.+?)\\s*(?:[(（]\\s*(?:配合|协助|参与)\\s*[)）]|配合|协助|参与)$");

    /** Removes items that state who leads (列第一位者为牵头单位) rather than name a unit; true if one was there. */
    static boolean dropFirstListedStatement(List<String> items) {
        return items.removeIf(u -> TextReader.FIRST_LISTED_LEADS.matcher(u).find() || u.contains("牵头单位"));
    }

    /**
     * Moves the units a cell marks as leading (市行政审批局（牵头）, 市市场监管局牵头) or supporting
     * (市财政局配合, （协助）) out of {@code items}, unmarked, into {@code leads} and {@code support}.
     */
    static void takeMarked(List<String> items, List<String> leads, List<String> support) {
        for (java.util.Iterator<String> it = items.iterator(); it.hasNext(); ) {
            String u = it.next();
            java.util.regex.Matcher lead = LEAD_MARK.matcher(u);
            java.util.regex.Matcher sup = SUPPORT_MARK.matcher(u);
            if (lead.matches() && endsLikeUnit(lead.group(1))) {
                it.remove();
                leads.add(lead.group(1).strip());
            } else if (sup.matches() && endsLikeUnit(sup.group(1))) {
                it.remove();
                support.add(sup.group(1).strip());
            }
        }
    }

    private static final Pattern PERSON_TITLE = Pattern.compile(
            ".*(书记|区长|县长|市长|镇长|乡长|州长|省长|主任|局长|部长|常委|秘书长|同志|领导|负责人|处长|科长|组长|队长|院长|行长|经理|主席|委员|干部)$");
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧阳";

    /**
     * A person written where a unit should be: a title (分管副区长, 区委书记, 主要负责人, 张三同志) or a
     * bare name of two or three characters with a common surname (李四). Never a group or a name
     * that ends like a unit (区委, 某某局).
     */
    static boolean isPerson(String name) {
        String n = name.strip();
        if (n.isEmpty() || isGroup(n) || n.contains("(") || n.contains("（")) {
            return false;
        }
        if (PERSON_TITLE.matcher(n).matches() && !n.endsWith("委员会")) {
            return true;
        }
        return n.length() >= 2 && n.length() <= 3 && n.codePoints().allMatch(c -> c >= 0x4e00 && c <= 0x9fa5)
                && SURNAMES.indexOf(n.charAt(0)) >= 0 && !endsLikeUnit(n) && !n.matches(".*(业|办|所|站|社|队|中心|公司)$");
    }

    /** A group of units (各乡镇, 街道办事处, 相关区直单位, 项目指挥部各成员单位), never scored. */
    static boolean isGroup(String name) {
        return GROUP_NAMES.contains(name) || name.contains("各") || name.contains("相关") || name.contains("有关")
                || name.endsWith("成员单位") || name.endsWith("等单位");
    }
}

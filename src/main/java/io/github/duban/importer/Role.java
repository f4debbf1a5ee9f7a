package io.github.duban.importer;

import java.util.regex.Pattern;

/** What a label (牵头单位：) or a table column (完成时限) holds. */
enum Role {
    NO, GOAL, TITLE, MEASURE, LEAD, SUPPORT, RESPONSIBLE, LEADER, PERSON, DEADLINE, NOTE;

    static final String LEAD_LABELS = "牵头责任单位|责任牵头单位|牵头单位|牵头部门|主责单位|主办单位|牵头";
    static final String SUPPORT_LABELS = "配合单位|配合部门|协助单位|协办单位|协同单位|参与单位|参加单位|配合";
    static final String RESPONSIBLE_LABELS = "责任单位|责任部门|实施单位|承办单位";
    static final String LEADER_LABELS = "责任领导|牵头领导|分管领导|责任区领导|联系领导|包案领导|责任区级领导";
    static final String PERSON_LABELS = "具体责任人|责任人|联系人|经办人";
    static final String DEADLINE_LABELS = "完成时间节点|完成时限|完成时间|时限要求|完成期限|时间节点|办结时限|截止时间|时间要求|时限";

    /**
     * Traditional characters that labels and header names are written in by copies of a plan kept in
     * traditional script (牽頭單位, 責任單位, 完成時限), with the simplified character each stands for.
     */
    private static final String TRADITIONAL = "牽頭單責時間領導協辦門負聯經參備註間節點項內標稱務舉",
            SIMPLIFIED = "牵头单责时间领导协办门负联经参备注间节点项内标称务举";

    /** {@code s} with the traditional characters of labels and headers written in simplified script. */
    static String simplified(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            int k = TRADITIONAL.indexOf(s.charAt(i));
            if (k >= 0) {
                if (sb == null) {
                    sb = new StringBuilder(s);
                }
                sb.setCharAt(i, SIMPLIFIED.charAt(k));
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static String traditional(String label) {
        StringBuilder sb = new StringBuilder(label);
        for (int i = 0; i < sb.length(); i++) {
            int k = SIMPLIFIED.indexOf(sb.charAt(i));
            if (k >= 0) {
                sb.setCharAt(i, TRADITIONAL.charAt(k));
            }
        }
        return sb.toString();
    }

    private static final String ALL_LABELS = java.util.Arrays.stream(String.join("|", LEAD_LABELS, SUPPORT_LABELS,
                    RESPONSIBLE_LABELS, LEADER_LABELS, PERSON_LABELS, DEADLINE_LABELS).split("\\|"))
            .flatMap(l -> java.util.stream.Stream.of(l, traditional(l))).distinct()
            .sorted(java.util.Comparator.comparingInt(String::length).reversed()).reduce((a, b) -> a + "|" + b).orElseThrow();

    /**
     * A label followed by a colon (牵头单位：), or in square brackets with or without one (【牵头单位】),
     * at the start or after a bracket or separator. The label is {@link #label(java.util.regex.Matcher)}.
     */
    static final Pattern LABEL = Pattern.compile("(?:^|(?<=[\\s(（〔【\\[;；。.,，、]))(?:(" + ALL_LABELS + ")\\s*[:：]|[【\\[](" + ALL_LABELS
            + ")[】\\]]\\s*[:：]?)\\s*");

    /** The label a {@link #LABEL} match found. */
    static String label(java.util.regex.Matcher m) {
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    static Role ofLabel(String written) {
        String label = simplified(written);
        if (label.matches(LEAD_LABELS)) {
            return LEAD;
        }
        if (label.matches(SUPPORT_LABELS)) {
            return SUPPORT;
        }
        if (label.matches(RESPONSIBLE_LABELS)) {
            return RESPONSIBLE;
        }
        if (label.matches(LEADER_LABELS)) {
            return LEADER;
        }
        if (label.matches(PERSON_LABELS)) {
            return PERSON;
        }
        return DEADLINE;
    }

    /**
     * Two task columns and no title column (重点任务 | 具体措施): the first names the task, the second
     * holds its measure. Changes {@code roles} in place and returns it.
     */
    static java.util.List<Role> settle(java.util.List<Role> roles) {
        if (!roles.contains(TITLE) && roles.stream().filter(r -> r == MEASURE).count() >= 2) {
            roles.set(roles.indexOf(MEASURE), TITLE);
        }
        return roles;
    }

    /** The role of a table column header, matched flexibly; null when it is not one we read. */
    static Role ofHeader(String header) {
        if (header.length() > 60) {
            return null; // a cell of text, not a header (a header is a few words): spared the regexes below, run for every cell
        }
        String h = simplified(header).replaceAll("[\\s\\p{P}\\p{S}⠀-⣿\ue000\ue001]", "").replaceAll("[a-zA-Z]+", "");
        if (h.isEmpty() || h.length() > 12) {
            return null;
        }
        if (h.matches("序号|编号|序|项目编号|任务编号|No")) {
            return NO;
        }
        if (h.contains("牵头") && h.contains("领导") || h.matches(".*(领导).*")) {
            return LEADER;
        }
        if (h.contains("牵头") || h.contains("主责") || h.contains("主办")) {
            return LEAD;
        }
        if (h.matches(".*(配合|协助|协办|协同|参与|参加).*")) {
            return SUPPORT;
        }
        if (h.matches(".*(责任人|联系人|经办人).*")) {
            return PERSON;
        }
        if (h.matches(".*(责任单位|责任部门|实施单位|承办单位|责任科室|责任处室|责任股室|负责部门|负责单位|负责科室|责任主体|主体单位).*")) {
            return RESPONSIBLE;
        }
        if (h.matches(".*(完成情况|进展情况|进度情况|落实情况|执行情况|完成进度).*")) {
            return null; // what was done, not what is asked
        }
        if (h.matches(".*(时限|时间|期限|节点|截止).*")) {
            return DEADLINE;
        }
        if (h.matches(".*(备注|说明).*")) {
            return NOTE;
        }
        if (h.matches(".*(类别|领域|板块|分类|方面|专项).*") || h.contains("目标") && !h.matches(".*(任务|措施|内容).*")) {
            return GOAL;
        }
        if (h.matches(".*(任务名称|事项名称|项目名称|名称|标题).*")) {
            return TITLE;
        }
        if (h.matches(".*(任务|措施|内容|事项|举措|工作要求|具体要求|重点工作|工作安排|工作项目|项目).*")) {
            return MEASURE;
        }
        return null;
    }
}

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

    private static final String ALL_LABELS = java.util.Arrays.stream(String.join("|", LEAD_LABELS, SUPPORT_LABELS,
                    RESPONSIBLE_LABELS, LEADER_LABELS, PERSON_LABELS, DEADLINE_LABELS).split("\\|"))
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

    static Role ofLabel(String label) {
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
        String h = header.replaceAll("[\\s\\p{P}\\p{S}⠀-⣿\ue000\ue001]", "").replaceAll("[a-zA-Z]+", "");
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
        if (h.matches(".*(责任单位|责任部门|实施单位|承办单位).*")) {
            return RESPONSIBLE;
        }
        if (h.matches(".*(时限|时间|期限|节点|截止).*")) {
            return DEADLINE;
        }
        if (h.matches(".*(备注|说明).*")) {
            return NOTE;
        }
        if (h.matches(".*(目标|类别|领域|板块|分类|方面|专项).*")) {
            return GOAL;
        }
        if (h.matches(".*(任务名称|事项名称|名称|标题).*")) {
            return TITLE;
        }
        if (h.matches(".*(任务|措施|内容|事项|举措|工作要求|具体要求).*")) {
            return MEASURE;
        }
        return null;
    }
}

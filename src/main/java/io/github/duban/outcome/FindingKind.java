package io.github.duban.outcome;

import io.github.duban.model.InspectionKind;

/**
 * What the rules find (DESIGN §4). A discrete finding is an offence of its own (a late report,
 * an inspection finding); a persistent one describes a state that re-appears every month
 * (overdue, due soon).
 */
public enum FindingKind {
    REPORT_LATE(true, "进度报送迟报"),
    REPORT_MISSING(true, "未报送进度"),
    TASK_DUE_SOON(false, "任务临近时限"),
    TASK_OVERDUE(false, "任务逾期未完成"),
    TASK_COMPLETED_EARLY(false, "任务提前完成"),
    MILESTONE_MISSED(true, "未达到时间节点要求"),
    RECTIFICATION_OVERDUE(false, "逾期未整改"),
    WEAK_LEADERSHIP(true, "组织领导不力"),
    HOLLOW_MEASURES(true, "工作措施不实"),
    LAGGING(true, "工作推进滞后"),
    PERFUNCTORY(true, "敷衍塞责"),
    BUCK_PASSING(true, "互相推诿"),
    COMMENDED(false, "受到表扬");

    private final boolean discrete;
    private final String chinese;

    FindingKind(boolean discrete, String chinese) {
        this.discrete = discrete;
        this.chinese = chinese;
    }

    public boolean discrete() {
        return discrete;
    }

    public String chinese() {
        return chinese;
    }

    public static FindingKind of(InspectionKind kind) {
        return valueOf(kind.name());
    }
}

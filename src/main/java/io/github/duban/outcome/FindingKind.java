package io.github.duban.outcome;

import io.github.duban.model.InspectionKind;

/**
 * What the rules find (DESIGN §4). A discrete finding is an offence of its own (a late report,
 * an inspection finding); a persistent one describes a state that re-appears every month
 * (overdue, due soon).
 */
public enum FindingKind {
    /**
     * A lead unit's first report for the month came after the due date (迟报); a completion by the due date stands
     * for the report. Discrete.
     */
    REPORT_LATE(true, "进度报送迟报"),
    /** A lead unit has no report for the month by the as-of date, which is past the due date (漏报). Discrete. */
    REPORT_MISSING(true, "未报送进度"),
    /**
     * A dated task due within {@code judging.dueSoonDays} of the as-of date, with a lead's latest percent below
     * {@code judging.dueSoonPercent} or unknown (临近时限). Persistent.
     */
    TASK_DUE_SOON(false, "任务临近时限"),
    /**
     * A dated task past its deadline in force and not completed by the as-of date (逾期未完成): a finding on each lead
     * unit, every month it lasts. Persistent.
     */
    TASK_OVERDUE(false, "任务逾期未完成"),
    /**
     * A task completed in the month at least {@code judging.earlyDays} before its original deadline (提前完成); it
     * earns a bonus, never a case.
     */
    TASK_COMPLETED_EARLY(false, "任务提前完成"),
    /** A lead's latest percent by a milestone's date is below the milestone's percent (未达到时间节点). Discrete. */
    MILESTONE_MISSED(true, "未达到时间节点要求"),
    /**
     * A case criticised in the previous month's ledger not rectified by its rectify-by date (逾期未整改); concluded by
     * the escalation rules from the ledger's cases. Persistent.
     */
    RECTIFICATION_OVERDUE(false, "逾期未整改"),
    /** An inspection finding: weak leadership (组织领导不力). Discrete. */
    WEAK_LEADERSHIP(true, "组织领导不力"),
    /** An inspection finding: measures that are not real (工作措施不实). Discrete. */
    HOLLOW_MEASURES(true, "工作措施不实"),
    /** An inspection finding: the work lags behind (工作推进滞后). Discrete. */
    LAGGING(true, "工作推进滞后"),
    /** An inspection finding: perfunctory work (敷衍塞责). Discrete. */
    PERFUNCTORY(true, "敷衍塞责"),
    /** An inspection finding: units passing the buck to each other (互相推诿). Discrete. */
    BUCK_PASSING(true, "互相推诿"),
    /** An inspection commendation (受到表扬); it earns a bonus, never a case. */
    COMMENDED(false, "受到表扬");

    private final boolean discrete;
    private final String chinese;

    FindingKind(boolean discrete, String chinese) {
        this.discrete = discrete;
        this.chinese = chinese;
    }

    /**
     * True for a discrete finding (an offence of its own, counted once); false for a persistent state that comes
     * back every month while it lasts.
     */
    public boolean discrete() {
        return discrete;
    }

    /** The finding's name in Chinese, as the bulletin prints it. */
    public String chinese() {
        return chinese;
    }

    /** The finding an inspection of {@code kind} is recorded as: the kind of the same name. */
    public static FindingKind of(InspectionKind kind) {
        return valueOf(kind.name());
    }
}

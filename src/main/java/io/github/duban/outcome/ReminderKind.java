package io.github.duban.outcome;

/** What a unit is reminded of (催办事项), in the order a day's reminders list them. */
public enum ReminderKind {
    /** a monthly progress report not yet in, its due date near (报送提醒) */
    REPORT_DUE("进度报送提醒"),
    /** a monthly progress report past its due date and not in (逾期催报) */
    REPORT_OVERDUE("逾期催报"),
    /** a task's deadline in force near, the task not completed (完成时限提醒) */
    DEADLINE_DUE("完成时限提醒"),
    /** a milestone with a percent near, the percent not reached (时间节点提醒) */
    MILESTONE_DUE("时间节点提醒"),
    /** an open case's rectify-by date near (整改时限提醒) */
    RECTIFICATION_DUE("整改时限提醒");

    private final String chinese;

    ReminderKind(String chinese) {
        this.chinese = chinese;
    }

    /** The kind's name in Chinese, as a reminder notice prints it. */
    public String chinese() {
        return chinese;
    }
}

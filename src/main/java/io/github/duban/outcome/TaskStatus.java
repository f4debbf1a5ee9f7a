package io.github.duban.outcome;

/**
 * A task's state as the monthly bulletin classes it (已完成 / 正常推进 / 滞后 / 逾期), concluded by the
 * board rules with its light: done; green; red or yellow but not past its deadline; past its
 * deadline in force and not completed.
 */
public enum TaskStatus {
    /** Completed by the as-of date (已完成); the light is DONE. */
    DONE("已完成"),
    /** Going as it should (正常推进); the light is GREEN. */
    ON_TRACK("正常推进"),
    /** Red or yellow but not past its deadline in force (滞后). */
    LAGGING("滞后"),
    /** Past its deadline in force and not completed (逾期). */
    OVERDUE("逾期");

    private final String chinese;

    TaskStatus(String chinese) {
        this.chinese = chinese;
    }

    /** The status's name in Chinese, as the bulletin prints it. */
    public String chinese() {
        return chinese;
    }
}

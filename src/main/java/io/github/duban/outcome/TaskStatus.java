package io.github.duban.outcome;

/**
 * A task's state as the monthly bulletin classes it (已完成 / 正常推进 / 滞后 / 逾期), concluded by the
 * board rules with its light: done; green; red or yellow but not past its deadline; past its
 * deadline in force and not completed.
 */
public enum TaskStatus {
    DONE("已完成"), ON_TRACK("正常推进"), LAGGING("滞后"), OVERDUE("逾期");

    private final String chinese;

    TaskStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}

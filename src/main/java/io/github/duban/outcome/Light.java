package io.github.duban.outcome;

/** A task's light on the board (挂图作战, 红黄绿灯). */
public enum Light {
    /** Completed by the as-of date (已完成). */
    DONE("已完成"),
    /**
     * Overdue, behind schedule by more than {@code board.redBehind} points, or ongoing with a lead's report
     * missing (红灯).
     */
    RED("红灯"),
    /**
     * Due soon for a lead, behind schedule by more than {@code board.yellowBehind} points, or ongoing with a
     * lead's report late (黄灯).
     */
    YELLOW("黄灯"),
    /** None of the above: the task goes as it should (绿灯). */
    GREEN("绿灯");

    private final String chinese;

    Light(String chinese) {
        this.chinese = chinese;
    }

    /** The light's name in Chinese, as the bulletin prints it. */
    public String chinese() {
        return chinese;
    }
}

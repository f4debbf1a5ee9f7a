package io.github.duban.outcome;

/** A task's light on the board (挂图作战, 红黄绿灯). */
public enum Light {
    DONE("已完成"), RED("红灯"), YELLOW("黄灯"), GREEN("绿灯");

    private final String chinese;

    Light(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}

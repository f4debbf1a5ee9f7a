package io.github.duban.outcome;

/** A monthly rating. */
public enum Rating {
    /** 优秀 */
    EXCELLENT("优秀"),
    /** 良好 */
    GOOD("良好"),
    /** 合格 */
    PASS("合格"),
    /** 不合格 */
    FAIL("不合格");

    private final String chinese;

    Rating(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}

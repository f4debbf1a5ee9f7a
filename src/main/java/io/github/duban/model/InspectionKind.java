package io.github.duban.model;

/** What a monthly inspection (督查) records against a unit, or in its favour. */
public enum InspectionKind {
    /** 组织领导不力 */
    WEAK_LEADERSHIP("组织领导不力"),
    /** 工作措施不实 */
    HOLLOW_MEASURES("工作措施不实"),
    /** 工作推进滞后 */
    LAGGING("工作推进滞后"),
    /** 敷衍塞责 */
    PERFUNCTORY("敷衍塞责"),
    /** 互相推诿 */
    BUCK_PASSING("互相推诿"),
    /** 表扬/经验推广 */
    COMMENDED("受到表扬");

    private final String chinese;

    InspectionKind(String chinese) {
        this.chinese = chinese;
    }

    /** The kind's name in Chinese, as an inspection record and the bulletin print it. */
    public String chinese() {
        return chinese;
    }
}

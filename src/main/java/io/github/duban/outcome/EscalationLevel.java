package io.github.duban.outcome;

/** The escalation ladder (督办升级), in order. */
public enum EscalationLevel {
    /** 提醒 */
    NOTICE("提醒"),
    /** 通报批评，限期整改 */
    CRITICISM("通报批评"),
    /** 公开曝光 */
    EXPOSURE("公开曝光");

    private final String chinese;

    EscalationLevel(String chinese) {
        this.chinese = chinese;
    }

    /** The level's name in Chinese, as the bulletin prints it. */
    public String chinese() {
        return chinese;
    }

    /** One level up, EXPOSURE staying EXPOSURE. */
    public EscalationLevel above() {
        return this == EXPOSURE ? EXPOSURE : values()[ordinal() + 1];
    }

    /** The higher of two levels; null stands for no level, so it is the other one (null when both are). */
    public static EscalationLevel higher(EscalationLevel a, EscalationLevel b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.compareTo(b) >= 0 ? a : b;
    }
}

package io.github.duban.generate;

/**
 * What to generate: {@code plans} plan folders of {@code tasks} tasks and {@code units} lead units
 * each, a reporting window of {@code months} months starting {@link PlanGenerator#FIRST_MONTH},
 * everything drawn from {@code seed}. Immutable and thread-safe.
 */
public record Spec(int plans, int tasks, int units, int months, long seed) {

    public Spec {
        if (plans < 1) {
            throw new IllegalArgumentException("plans " + plans + " is not positive");
        }
        if (tasks < 1) {
            throw new IllegalArgumentException("tasks " + tasks + " is not positive");
        }
        if (units < 2) {
            throw new IllegalArgumentException("units " + units + " is below 2 (two-lead tasks need two units)");
        }
        if (months < 1 || months > 24) {
            throw new IllegalArgumentException("months " + months + " is outside 1..24");
        }
    }

    public static Spec of(int plans, int tasks, int units, int months, long seed) {
        return new Spec(plans, tasks, units, months, seed);
    }

    /** A folder name that says what is inside, e.g. {@code p200-t19-u10-m5-s2021}. */
    public String key() {
        return "p" + plans + "-t" + tasks + "-u" + units + "-m" + months + "-s" + seed;
    }
}

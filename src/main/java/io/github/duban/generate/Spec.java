package io.github.duban.generate;

import java.util.Locale;
import java.util.Objects;

/**
 * What to generate: {@code plans} plan folders of {@code tasks} judged tasks and {@code units} lead
 * units each, a reporting window of {@code months} months starting {@link PlanGenerator#FIRST_MONTH},
 * in the given {@link Shape}, everything drawn from {@code seed}. Immutable and thread-safe.
 */
public record Spec(int plans, int tasks, int units, int months, long seed, Shape shape) {

    /**
     * How the tasks are laid out. {@link #FLAT}: {@code tasks} numbered tasks, none grouping others
     * (the generator's first layout, byte for byte). {@link #NESTED}: plans as offices write them
     * (DESIGN §9): {@code tasks} leaves, about a third of them under a group task (一、goal → (一)
     * group → 1. leaf), some leaves taking their group's units and deadline, persons per task and
     * unit, milestones with percents and numeric targets that reports give values against.
     */
    public enum Shape {
        FLAT, NESTED;

        /** The shape named {@code flat} or {@code nested} (any case). */
        public static Shape parse(String name) {
            for (Shape s : values()) {
                if (s.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                    return s;
                }
            }
            throw new IllegalArgumentException("shape " + name + " is neither flat nor nested");
        }

        /** The name as options and folder names spell it: {@code flat}, {@code nested}. */
        public String lower() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The largest a generated set may be: a country's plans, a plan of 20,000 tasks, 2,000 units. */
    public static final int MAX_PLANS = 100_000;
    public static final int MAX_TASKS = 20_000;
    public static final int MAX_UNITS = 2_000;

    public Spec {
        if (plans < 1 || plans > MAX_PLANS) {
            throw new IllegalArgumentException("plans " + plans + " is outside 1.." + MAX_PLANS);
        }
        if (tasks < 1 || tasks > MAX_TASKS) {
            throw new IllegalArgumentException("tasks " + tasks + " is outside 1.." + MAX_TASKS + " (the largest real plans hold a few hundred)");
        }
        if (units < 2 || units > MAX_UNITS) {
            throw new IllegalArgumentException("units " + units + " is outside 2.." + MAX_UNITS + " (two-lead tasks need two units)");
        }
        if (months < 1 || months > 24) {
            throw new IllegalArgumentException("months " + months + " is outside 1..24");
        }
        Objects.requireNonNull(shape, "shape");
    }

    /** A flat spec: {@code tasks} tasks, none grouping others. */
    public static Spec of(int plans, int tasks, int units, int months, long seed) {
        return new Spec(plans, tasks, units, months, seed, Shape.FLAT);
    }

    public static Spec of(int plans, int tasks, int units, int months, long seed, Shape shape) {
        return new Spec(plans, tasks, units, months, seed, shape);
    }

    /** This spec in another shape. */
    public Spec with(Shape other) {
        return new Spec(plans, tasks, units, months, seed, other);
    }

    /**
     * A folder name that says what is inside and which generator made it, e.g.
     * {@code p200-t19-u10-m5-s2021-flat-g2}: the figures, the shape and {@link PlanGenerator#VERSION},
     * so that a cache of generated folders never serves plans of another shape or an older generator.
     */
    public String key() {
        return "p" + plans + "-t" + tasks + "-u" + units + "-m" + months + "-s" + seed + "-" + shape.lower() + "-g" + PlanGenerator.VERSION;
    }
}

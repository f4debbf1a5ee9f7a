package io.github.duban.engine;

import io.github.duban.model.Completion;
import io.github.duban.model.Extension;
import io.github.duban.model.Facts;
import io.github.duban.model.InspectionFinding;
import io.github.duban.model.Plan;
import io.github.duban.model.ProgressReport;
import io.github.duban.model.Rectification;
import io.github.duban.model.Unit;

import java.util.HashMap;
import java.util.Map;

/**
 * Checks facts against a plan before the rules see them: tasks and units must exist (a unit may
 * be named by any alias; it comes back by id), an inspection or rectification names a unit, not a
 * group, and a report's month lies in the reporting window. Thread-safe.
 */
public final class FactCheck {

    /**
     * A fact that does not fit the plan: names the field and what was expected. An
     * {@link io.github.duban.error.InputException} whose file and line the reader that read the fact
     * adds ({@link #at}); {@link #problem()} is the sentence without them.
     */
    public static final class Problem extends io.github.duban.error.InputException {
        public Problem(String field, String message) {
            super("facts", 0, field, message);
        }
    }

    private FactCheck() {
    }

    public static ProgressReport report(Plan plan, ProgressReport r) {
        return report(plan, r, index(plan));
    }

    /** A plan's unit names and task numbers, made once per plan and thread (facts are read a plan at a time). */
    private record Index(Plan plan, Map<String, Unit> units, Map<Integer, io.github.duban.model.Task> tasks,
                         Map<Integer, java.util.List<io.github.duban.model.Task>> children) {
    }

    private static final ThreadLocal<Index> LAST = new ThreadLocal<>();

    private static ProgressReport report(Plan plan, ProgressReport r, Map<String, Unit> units) {
        io.github.duban.model.Task t = task(plan, r.task());
        if (r.value() != null && t.target() == null) {
            throw new Problem("value", "task " + r.task() + " has no target (目标值) to measure a value against; give a percent instead");
        }
        Unit u = unit(plan, units, r.unit());
        if (!plan.reporting().covers(r.month())) {
            throw new Problem("month", "month " + r.month() + " is outside the reporting window "
                    + plan.reporting().from() + ".." + plan.reporting().to());
        }
        return new ProgressReport(r.task(), u.id(), r.month(), r.submittedOn(), r.percent(), r.text(), r.value());
    }

    public static Completion completion(Plan plan, Completion c) {
        judged(plan, c.task(), "a completion");
        return c;
    }

    public static Extension extension(Plan plan, Extension e) {
        judged(plan, e.task(), "an extension");
        return e;
    }

    public static InspectionFinding inspection(Plan plan, InspectionFinding i) {
        return inspection(plan, i, index(plan));
    }

    private static InspectionFinding inspection(Plan plan, InspectionFinding i, Map<String, Unit> units) {
        if (i.task() != null) {
            judged(plan, i.task(), "an inspection finding");
        }
        Unit u = notGroup(unit(plan, units, i.unit()), "an inspection finding");
        return new InspectionFinding(u.id(), i.task(), i.kind(), i.on(), i.person(), i.note());
    }

    public static Rectification rectification(Plan plan, Rectification r) {
        return rectification(plan, r, index(plan));
    }

    private static Rectification rectification(Plan plan, Rectification r, Map<String, Unit> units) {
        if (r.task() != null) {
            judged(plan, r.task(), "a rectification");
        }
        Unit u = notGroup(unit(plan, units, r.unit()), "a rectification");
        return new Rectification(u.id(), r.task(), r.on());
    }

    /** Every fact checked, units by id. */
    public static Facts all(Plan plan, Facts f) {
        Map<String, Unit> units = index(plan);
        return new Facts(
                f.reports().stream().map(r -> report(plan, r, units)).toList(),
                f.completions().stream().map(c -> completion(plan, c)).toList(),
                f.extensions().stream().map(e -> extension(plan, e)).toList(),
                f.inspections().stream().map(i -> inspection(plan, i, units)).toList(),
                f.rectifications().stream().map(r -> rectification(plan, r, units)).toList());
    }

    /** Every name a unit goes by (id, name, aliases) → the unit. */
    private static Map<String, Unit> index(Plan plan) {
        return indexOf(plan).units();
    }

    private static Index indexOf(Plan plan) {
        Index last = LAST.get();
        if (last != null && last.plan() == plan) {
            return last;
        }
        Map<String, Unit> byName = new HashMap<>();
        for (Unit u : plan.units()) {
            for (String n : u.names()) {
                byName.putIfAbsent(n, u);
            }
        }
        Map<Integer, io.github.duban.model.Task> tasks = new HashMap<>();
        Map<Integer, java.util.List<io.github.duban.model.Task>> children = new HashMap<>();
        for (io.github.duban.model.Task t : plan.tasks()) {
            tasks.put(t.no(), t);
            if (t.parent() != null) {
                children.computeIfAbsent(t.parent(), k -> new java.util.ArrayList<>()).add(t);
            }
        }
        Index made = new Index(plan, byName, tasks, children);
        LAST.set(made);
        return made;
    }

    /** The plan as errors name it: its 文号, else its title. */
    static String name(Plan plan) {
        return plan.docNumber() != null && !plan.docNumber().isBlank() ? plan.docNumber() : "«" + plan.title() + "»";
    }

    private static io.github.duban.model.Task task(Plan plan, int no) {
        io.github.duban.model.Task t = indexOf(plan).tasks().get(no);
        if (t == null) {
            throw new Problem("task", "task " + no + " is not in the plan " + name(plan) + " (" + (plan.tasks().isEmpty() ? "it has no tasks"
                    : "it has tasks " + plan.tasks().get(0).no() + ".." + plan.tasks().get(plan.tasks().size() - 1).no()) + ")");
        }
        return t;
    }

    /** A task the rules judge: in the plan and not one that groups others (DESIGN §9). */
    private static void judged(Plan plan, int no, String what) {
        task(plan, no);
        java.util.List<io.github.duban.model.Task> children = indexOf(plan).children().getOrDefault(no, java.util.List.of());
        if (!children.isEmpty()) {
            throw new Problem("task", "task " + no + " groups tasks " + children.stream().map(t -> String.valueOf(t.no()))
                    .collect(java.util.stream.Collectors.joining(", ")) + "; " + what + " must name the task it is about"
                    + (what.equals("an inspection finding") || what.equals("a rectification") ? " (or none, for a matter of the unit as a whole)" : ""));
        }
    }

    private static Unit unit(Plan plan, Map<String, Unit> units, String name) {
        Unit u = units.get(name);
        if (u == null) {
            throw new Problem("unit", "unit " + name + " is not in the plan " + name(plan) + " (expected a unit id or an alias the plan lists)");
        }
        return u;
    }

    private static Unit notGroup(Unit u, String what) {
        if (u.group()) {
            throw new Problem("unit", u.id() + " is a group of units; " + what + " must name one unit");
        }
        return u;
    }
}

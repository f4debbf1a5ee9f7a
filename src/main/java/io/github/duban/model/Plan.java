package io.github.duban.model;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A published plan (实施方案): goals, tasks, units, stages and the reporting rule.
 * Immutable and thread-safe.
 */
public record Plan(String title, String docNumber, LocalDate issuedOn, ReportingRule reporting,
                   List<Stage> stages, List<Goal> goals, List<Unit> units, List<Task> tasks) {

    /**
     * Checks the plan and resolves its nested tasks: a unit name or alias used by one unit only, each task's goal
     * among the plan's goals (when it lists any), a deadline for every task that is not a group, lead units that
     * are single units of the plan, supporting units the plan names, persons named once for a unit of the plan; a
     * task that names no leads, supporting units, deadline or persons of its own takes its parent's. Copies the
     * lists.
     *
     * @throws IllegalArgumentException when a check fails, a task number appears twice, or tasks name a parent the
     *     plan lacks or form a cycle of parents
     */
    public Plan {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(reporting, "reporting");
        stages = List.copyOf(stages);
        goals = List.copyOf(goals);
        units = List.copyOf(units);
        Map<String, String> names = new HashMap<>();
        for (Unit u : units) {
            for (String name : u.names()) {
                String before = names.putIfAbsent(name, u.id());
                if (before != null && !before.equals(u.id())) {
                    throw new IllegalArgumentException("unit name or alias " + name + " is used by both " + before + " and " + u.id());
                }
            }
        }
        Map<String, Unit> byId = new HashMap<>();
        units.forEach(u -> byId.put(u.id(), u));
        java.util.Set<Integer> goalNos = new java.util.HashSet<>();
        goals.forEach(g -> goalNos.add(g.no()));
        tasks = resolve(tasks);
        java.util.Set<Integer> groups = groupNumbers(tasks);
        for (Task t : tasks) {
            if (!goalNos.isEmpty() && !goalNos.contains(t.goal())) {
                throw new IllegalArgumentException("task " + t.no() + " is under goal " + t.goal() + ", which the plan does not have");
            }
            if (t.deadline() == null && !groups.contains(t.no())) {
                throw new IllegalArgumentException("task " + t.no() + " has no deadline (完成时限) and no parent task to take one from");
            }
            for (String id : t.leads()) {
                if (!byId.containsKey(id)) {
                    throw new IllegalArgumentException("task " + t.no() + " names lead unit " + id + ", which is not among the plan's unit ids");
                }
                if (byId.get(id).group()) {
                    throw new IllegalArgumentException("task " + t.no() + " names the group " + id + " as a lead unit; a lead must be one unit");
                }
            }
            for (String id : t.supporting()) {
                if (!names.containsKey(id)) {
                    throw new IllegalArgumentException("task " + t.no() + " names supporting unit " + id + ", which is not among the plan's units");
                }
            }
            java.util.Set<String> named = new java.util.HashSet<>();
            for (TaskPerson p : t.persons()) {
                if (!byId.containsKey(p.unit())) {
                    throw new IllegalArgumentException("task " + t.no() + " names persons for unit " + p.unit() + ", which is not among the plan's unit ids");
                }
                if (!named.add(p.unit())) {
                    throw new IllegalArgumentException("task " + t.no() + " names persons for unit " + p.unit() + " twice");
                }
            }
        }
    }

    /**
     * The tasks in the plan's order, each resolved against its parent: a task that names no leads,
     * no supporting units, no deadline or no persons of its own takes its parent's (after the
     * parent took its own parent's). Refuses a parent that is not in the plan, a task number used
     * twice and a cycle of parents.
     */
    private static List<Task> resolve(List<Task> tasks) {
        Map<Integer, Task> byNo = new java.util.LinkedHashMap<>();
        for (Task t : tasks) {
            if (byNo.put(t.no(), t) != null) {
                throw new IllegalArgumentException("task " + t.no() + " appears twice");
            }
        }
        boolean nested = false;
        for (Task t : tasks) {
            if (t.parent() != null) {
                nested = true;
                if (!byNo.containsKey(t.parent())) {
                    throw new IllegalArgumentException("task " + t.no() + " names parent task " + t.parent() + ", which the plan does not have");
                }
            }
        }
        if (!nested) {
            return List.copyOf(tasks);
        }
        Map<Integer, Task> done = new HashMap<>();
        List<Task> out = new java.util.ArrayList<>(tasks.size());
        for (Task t : tasks) {
            out.add(resolved(t, byNo, done, new java.util.HashSet<>()));
        }
        return List.copyOf(out);
    }

    private static Task resolved(Task t, Map<Integer, Task> byNo, Map<Integer, Task> done, java.util.Set<Integer> path) {
        Task r = done.get(t.no());
        if (r != null) {
            return r;
        }
        if (!path.add(t.no())) {
            throw new IllegalArgumentException("task " + t.no() + " is its own ancestor (a cycle of parent tasks)");
        }
        if (t.parent() == null) {
            r = t;
        } else {
            Task p = resolved(byNo.get(t.parent()), byNo, done, path);
            r = t.resolved(t.leads().isEmpty() ? p.leads() : t.leads(),
                    t.supporting().isEmpty() ? p.supporting() : t.supporting(),
                    t.deadline() == null ? p.deadline() : t.deadline(),
                    t.persons().isEmpty() ? p.persons() : t.persons());
        }
        done.put(t.no(), r);
        return r;
    }

    private static java.util.Set<Integer> groupNumbers(List<Task> tasks) {
        java.util.Set<Integer> groups = new java.util.HashSet<>();
        for (Task t : tasks) {
            if (t.parent() != null) {
                groups.add(t.parent());
            }
        }
        return groups;
    }

    /** A plan from its parts, checked and resolved as the canonical constructor does. */
    public static Plan of(String title, String docNumber, LocalDate issuedOn, ReportingRule reporting,
                          List<Stage> stages, List<Goal> goals, List<Unit> units, List<Task> tasks) {
        return new Plan(title, docNumber, issuedOn, reporting, stages, goals, units, tasks);
    }

    /** True when the plan nests its tasks (some task has a parent). */
    public boolean nested() {
        return tasks.stream().anyMatch(t -> t.parent() != null);
    }

    /** True when task {@code no} has children: it groups them and is judged on nothing. */
    public boolean isGroup(int no) {
        return tasks.stream().anyMatch(t -> t.parent() != null && t.parent() == no);
    }

    /** The tasks the rules judge: every task that has no children, in the plan's order. */
    public List<Task> leaves() {
        java.util.Set<Integer> groups = groupNumbers(tasks);
        return groups.isEmpty() ? tasks : tasks.stream().filter(t -> !groups.contains(t.no())).toList();
    }

    /** The tasks that group others (their children's parents), in the plan's order. */
    public List<Task> groups() {
        java.util.Set<Integer> groups = groupNumbers(tasks);
        return groups.isEmpty() ? List.of() : tasks.stream().filter(t -> groups.contains(t.no())).toList();
    }

    /** The children of task {@code no}, in the plan's order. */
    public List<Task> children(int no) {
        return tasks.stream().filter(t -> t.parent() != null && t.parent() == no).toList();
    }

    /**
     * The 责任领导 and 责任人 of {@code unitId} on task {@code no}: those the task names for the unit
     * (its own or its parent's), else the unit's own, else none.
     */
    public TaskPerson personsOf(int no, String unitId) {
        Optional<TaskPerson> named = task(no).flatMap(t -> t.personsOf(unitId));
        if (named.isPresent()) {
            return named.get();
        }
        Unit u = units.stream().filter(x -> x.id().equals(unitId)).findFirst().orElse(null);
        return new TaskPerson(unitId, u == null ? null : u.leader(), u == null ? null : u.person());
    }

    /** The task numbered {@code no}, if the plan has one. */
    public Optional<Task> task(int no) {
        return tasks.stream().filter(t -> t.no() == no).findFirst();
    }

    /** The unit whose id, name or alias is {@code idOrAlias}, if the plan has one. */
    public Optional<Unit> unit(String idOrAlias) {
        return units.stream().filter(u -> u.names().contains(idOrAlias)).findFirst();
    }
}

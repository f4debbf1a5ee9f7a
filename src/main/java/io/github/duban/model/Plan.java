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

    public Plan {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(reporting, "reporting");
        stages = List.copyOf(stages);
        goals = List.copyOf(goals);
        units = List.copyOf(units);
        tasks = List.copyOf(tasks);
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
        Map<Integer, Task> byNo = new HashMap<>();
        for (Task t : tasks) {
            if (byNo.put(t.no(), t) != null) {
                throw new IllegalArgumentException("task " + t.no() + " appears twice");
            }
            if (!goalNos.isEmpty() && !goalNos.contains(t.goal())) {
                throw new IllegalArgumentException("task " + t.no() + " is under goal " + t.goal() + ", which the plan does not have");
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
        }
    }

    public static Plan of(String title, String docNumber, LocalDate issuedOn, ReportingRule reporting,
                          List<Stage> stages, List<Goal> goals, List<Unit> units, List<Task> tasks) {
        return new Plan(title, docNumber, issuedOn, reporting, stages, goals, units, tasks);
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

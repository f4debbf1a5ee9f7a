package io.github.duban.outcome;

import io.github.duban.model.Task;

/**
 * A task of the plan that groups others (its children are the tasks judged): given to the rules
 * beside the tasks they judge, so that a rule can set aside what is reported against a group.
 */
public record TaskGroup(int no, Task task) {
    /** The group that {@code task} forms, under its number. */
    public static TaskGroup of(Task task) {
        return new TaskGroup(task.no(), task);
    }
}

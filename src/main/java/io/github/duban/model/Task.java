package io.github.duban.model;

import java.util.List;
import java.util.Objects;

/**
 * A numbered task (工作任务) of a goal: its lead units answer for it and report monthly,
 * its supporting units (units or groups) help. A task may have no lead unit (an imported plan whose
 * text names only a group or nobody): it is shown on the board but owes no report and scores no one.
 *
 * <p>Nested measures (一、(一) 1. (1)): a task may name its {@code parent} (the number of the task it
 * belongs to) and its {@code label} (its number as the document prints it, {@code 1.(2)}). A task
 * with children groups them and is judged on nothing; its leaves are. A task written with no leads,
 * no supporting units, no deadline or no persons of its own takes its parent's: {@link Plan}
 * resolves that when it is built, so every leaf of a plan carries its own. {@code deadline} may be
 * null only for a task that has a parent (it inherits one) or children (a group needs none).
 *
 * <p>{@code persons} name the 责任领导 and 责任人 per unit; {@code target} is a numeric target (目标值)
 * that reports may give a value against. Immutable and thread-safe.
 */
public record Task(int no, int goal, String title, String measure, List<String> leads, List<String> supporting,
                   Deadline deadline, List<Milestone> milestones, List<String> notes, Integer parent, String label,
                   List<TaskPerson> persons, Target target) {

    /**
     * Checks that the number is positive, the title is given and the task is not its own parent; a null measure
     * becomes "", null lists none, a blank label none. The lists are copied.
     *
     * @throws IllegalArgumentException when the number is not positive or the task names itself as its parent
     */
    public Task {
        if (no < 1) {
            throw new IllegalArgumentException("task number " + no + " is not positive");
        }
        Objects.requireNonNull(title, "title");
        measure = measure == null ? "" : measure;
        leads = leads == null ? List.of() : List.copyOf(leads);
        supporting = supporting == null ? List.of() : List.copyOf(supporting);
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        notes = notes == null ? List.of() : List.copyOf(notes);
        persons = persons == null ? List.of() : List.copyOf(persons);
        label = label == null || label.isBlank() ? null : label.strip();
        if (parent != null && parent == no) {
            throw new IllegalArgumentException("task " + no + " names itself as its parent");
        }
    }

    /** A task of a flat plan: no parent, label, persons or target. */
    public Task(int no, int goal, String title, String measure, List<String> leads, List<String> supporting,
                Deadline deadline, List<Milestone> milestones, List<String> notes) {
        this(no, goal, title, measure, leads, supporting, Objects.requireNonNull(deadline, "deadline"), milestones, notes,
                null, null, List.of(), null);
    }

    /** True for a task with no date to meet (立行立改，长期坚持). */
    public boolean ongoing() {
        return deadline != null && deadline.ongoing();
    }

    /** True when some unit answers for the task (it has a lead unit). */
    public boolean accountable() {
        return !leads.isEmpty();
    }

    /**
     * True when the unit with id {@code unitId} is a lead unit of the task (牵头单位), which reports and answers in
     * full.
     */
    public boolean isLead(String unitId) {
        return leads.contains(unitId);
    }

    /** The number as the document prints it: the label, else the number. */
    public String printed() {
        return label != null ? label : Integer.toString(no);
    }

    /** The persons named for {@code unitId} on this task, if any. */
    public java.util.Optional<TaskPerson> personsOf(String unitId) {
        return persons.stream().filter(p -> p.unit().equals(unitId)).findFirst();
    }

    /** This task with another number's parent, leads, supporting units, deadline and persons (the plan's resolution). */
    Task resolved(List<String> leads, List<String> supporting, Deadline deadline, List<TaskPerson> persons) {
        return new Task(no, goal, title, measure, leads, supporting, deadline, milestones, notes, parent, label, persons, target);
    }
}

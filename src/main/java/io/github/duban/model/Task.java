package io.github.duban.model;

import java.util.List;
import java.util.Objects;

/**
 * A numbered task (工作任务) of a goal: its lead units answer for it and report monthly,
 * its supporting units (units or groups) help. A task may have no lead unit (an imported plan whose
 * text names only a group or nobody): it is shown on the board but owes no report and scores no one.
 * Immutable and thread-safe.
 */
public record Task(int no, int goal, String title, String measure, List<String> leads, List<String> supporting,
                   Deadline deadline, List<Milestone> milestones, List<String> notes) {

    public Task {
        if (no < 1) {
            throw new IllegalArgumentException("task number " + no + " is not positive");
        }
        Objects.requireNonNull(title, "title");
        measure = measure == null ? "" : measure;
        leads = leads == null ? List.of() : List.copyOf(leads);
        supporting = supporting == null ? List.of() : List.copyOf(supporting);
        Objects.requireNonNull(deadline, "deadline");
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public boolean ongoing() {
        return deadline.ongoing();
    }

    /** True when some unit answers for the task (it has a lead unit). */
    public boolean accountable() {
        return !leads.isEmpty();
    }

    public boolean isLead(String unitId) {
        return leads.contains(unitId);
    }
}

package io.github.duban.outcome;

import io.github.duban.model.Completion;

import java.time.LocalDate;

/** Inferred: the one completion of a dated task that counts (the earliest on or before the as-of date). */
public record CountedCompletion(int task, Completion completion, String rule) {
    /** The date the counted completion gives the task as done. */
    public LocalDate completedOn() {
        return completion.completedOn();
    }
}

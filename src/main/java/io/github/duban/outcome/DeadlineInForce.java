package io.github.duban.outcome;

import io.github.duban.model.Extension;

import java.time.LocalDate;

/** Inferred: a dated task's deadline in force as of the assessment date, its original, and the extension that set it. */
public record DeadlineInForce(int task, LocalDate date, LocalDate original, Extension extension, String rule) {
}

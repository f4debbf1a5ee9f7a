package io.github.duban.importer;

import io.github.duban.model.Plan;

import java.util.List;
import java.util.Objects;

/**
 * What an import produced: the plan, every problem met on the way (line and message), every
 * disagreement between a document's body and its appendix table (Chinese sentences, each
 * starting with the task, also kept as notes on that task), and every default the importer took
 * where the document left something open (one sentence each, said once).
 * Immutable and thread-safe.
 */
public record ImportResult(Plan plan, List<ImportProblem> problems, List<String> disagreements, List<String> defaults) {

    /** Checks that the plan is given and copies the lists. */
    public ImportResult {
        Objects.requireNonNull(plan, "plan");
        problems = List.copyOf(problems);
        disagreements = List.copyOf(disagreements);
        defaults = List.copyOf(defaults);
    }

    /** A result in which the importer took no default. */
    public ImportResult(Plan plan, List<ImportProblem> problems, List<String> disagreements) {
        this(plan, problems, disagreements, List.of());
    }

    /** True when the document was read with no problem, no disagreement and no default taken. */
    public boolean clean() {
        return problems.isEmpty() && disagreements.isEmpty() && defaults.isEmpty();
    }
}

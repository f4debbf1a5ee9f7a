package io.github.duban.importer;

import io.github.duban.model.Plan;

import java.util.List;
import java.util.Objects;

/**
 * What an import produced: the plan, every problem met on the way (line and message), and every
 * disagreement between a document's body and its appendix table (Chinese sentences, each
 * starting with the task, also kept as notes on that task). Immutable and thread-safe.
 */
public record ImportResult(Plan plan, List<ImportProblem> problems, List<String> disagreements) {

    public ImportResult {
        Objects.requireNonNull(plan, "plan");
        problems = List.copyOf(problems);
        disagreements = List.copyOf(disagreements);
    }
}

package io.github.duban.error;

import io.github.duban.engine.RuleProblem;

import java.util.List;
import java.util.stream.Collectors;

/** The rules did not compile; {@link #problems()} says where and why. */
public final class RulesException extends DubanException {
    private final List<RuleProblem> problems;

    public RulesException(List<RuleProblem> problems) {
        super("the rules do not compile:\n" + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}

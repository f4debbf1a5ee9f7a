package io.github.duban.error;

import io.github.duban.engine.RuleProblem;

import java.util.List;
import java.util.stream.Collectors;

/** The rules did not compile; {@link #problems()} says where and why. */
public final class RulesException extends DubanException {
    /** Every problem the compiler reported. */
    private final List<RuleProblem> problems;

    /** Rules that do not compile, with every problem the compiler reported; the message lists them, one a line. */
    public RulesException(List<RuleProblem> problems) {
        super("the rules do not compile:\n" + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /**
     * Every problem the compiler reported: the DRL file, the line and column (0 when unknown), the level and
     * the message. Unmodifiable.
     */
    public List<RuleProblem> problems() {
        return problems;
    }
}

package io.github.duban.jdbc;

import io.github.duban.outcome.UnitScore;

import java.util.Map;

/** The database's score row of a unit, as the result tables write it, for tests outside this package. */
public final class ScoreRows {
    private ScoreRows() {
    }

    public static Map<String, Object> of(String planId, String period, String ruleset, UnitScore u) {
        return ResultTables.scoreRow(planId, period, ruleset, u);
    }
}

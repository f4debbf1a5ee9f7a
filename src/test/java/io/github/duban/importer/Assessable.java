package io.github.duban.importer;

import io.github.duban.engine.Duban;
import io.github.duban.json.PlanJson;
import io.github.duban.model.Facts;
import io.github.duban.model.Plan;
import io.github.duban.outcome.Assessment;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code duban assess} does with an imported plan: read its JSON back and replay its whole window. */
final class Assessable {

    private Assessable() {
    }

    /** The plan survives its JSON and the engine replays every month of its window; returns the replay. */
    static List<Assessment> check(Plan plan) {
        Plan back = PlanJson.read(PlanJson.write(plan), "plan.json");
        assertThat(PlanJson.write(back)).isEqualTo(PlanJson.write(plan));
        Duban duban = Duban.builder().plan(back).build();
        List<Assessment> months = duban.replay(back.reporting().from(), back.reporting().to(), Facts.none());
        assertThat(months).isNotEmpty();
        // every leaf is on the board (a group only groups them)
        assertThat(months.get(months.size() - 1).board()).extracting(b -> b.task())
                .containsAll(back.leaves().stream().map(t -> t.no()).toList());
        return months;
    }
}

package io.github.duban.bulletin;

import io.github.duban.json.PlanJson;
import io.github.duban.engine.Duban;
import io.github.duban.json.FactsJson;
import io.github.duban.model.Facts;
import io.github.duban.outcome.Assessment;

import java.time.YearMonth;
import java.util.List;

/** The embedded plan's sample year, replayed once for the bulletin tests. */
final class SampleYear {
    static final Duban DUBAN = Duban.builder().plan(PlanJson.embedded()).build();
    static final Facts FACTS = FactsJson.sampleYear(DUBAN.plan());
    static final List<Assessment> MONTHS = DUBAN.replay(YearMonth.of(2021, 2), YearMonth.of(2021, 6), FACTS);

    private SampleYear() {
    }

    static Assessment month(int m) {
        return MONTHS.stream().filter(a -> a.period().getMonthValue() == m).findFirst().orElseThrow();
    }

    static Bulletin bulletin(int m) {
        return Bulletin.of(DUBAN, month(m), BulletinSettings.DEFAULT);
    }
}

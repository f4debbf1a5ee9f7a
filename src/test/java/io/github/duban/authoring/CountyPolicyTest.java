package io.github.duban.authoring;

import io.github.duban.json.PlanJson;
import io.github.duban.engine.Duban;
import io.github.duban.json.FactsJson;
import io.github.duban.json.PolicyJson;
import io.github.duban.model.Facts;
import io.github.duban.model.Policy;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.ScoreLine;
import io.github.duban.outcome.UnitScore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A county policy of real shape (src/test/resources/authoring/county.yaml) scores the embedded
 * sample year; the expected numbers are worked out by hand from the sample facts below.
 */
class CountyPolicyTest {

    static final Path COUNTY = Path.of("src/test/resources/authoring/county.yaml");
    static List<Assessment> year;

    @BeforeAll
    static void replayTheSampleYear() {
        Policy county = PolicyJson.read(COUNTY);
        Duban duban = Duban.builder().plan(PlanJson.embedded()).policy(county).build();
        Facts facts = FactsJson.sampleYear(duban.plan());
        year = duban.replay(YearMonth.of(2021, 2), YearMonth.of(2021, 6), facts);
    }

    static UnitScore score(int month, String unit) {
        Assessment a = year.get(month - 2);
        return a.scores().stream().filter(s -> s.unit().equals(unit)).findFirst().orElseThrow();
    }

    @Test
    void theCountyFileIsReadAsWritten() {
        Policy p = PolicyJson.read(COUNTY);
        assertThat(p.base()).isEqualByComparingTo("80");
        assertThat(p.upperBound()).isEqualByComparingTo("100");
        assertThat(p.supportingWeight()).isEqualByComparingTo("0.5");
        assertThat(p.reportLate()).isEqualByComparingTo("-0.1");
        assertThat(p.reportMissing()).isEqualByComparingTo("-0.5");
        assertThat(p.caps()).containsOnlyKeys("sanctions");
        assertThat(p.bands()).extracting(b -> b.chinese()).containsExactly("优秀", "良好", "一般", "较差");
        assertThat(p.dueSoonDays()).as("a key left out keeps its default").isEqualTo(30);
    }

    @Test
    void february_lateAndMissingReports_costTheCountysPoints() {
        // 区科工信局, February: task 2's report 2 days late (迟报 −0.1, and a notice at 0 points),
        // task 5's report missing (漏报 −0.5) and the criticism it brings (−1).
        // 80 − 0.1 − 0 − 0.5 − 1 = 78.4: below 79.5, at least 75 → 一般.
        UnitScore s = score(2, "区科工信局");
        assertThat(s.score()).isEqualByComparingTo("78.4");
        assertThat(s.rating().name()).isEqualTo("FAIR");
        assertThat(s.rating().chinese()).isEqualTo("一般");
        assertThat(s.lines()).extracting(ScoreLine::kind, ScoreLine::task, l -> l.points().toPlainString())
                .containsExactly(tuple("NOTICE", 2, "0"), tuple("REPORT_LATE", 2, "-0.1"),
                        tuple("CRITICISM", 5, "-1"), tuple("REPORT_MISSING", 5, "-0.5"));
    }

    @Test
    void april_anExposureOnATaskTheUnitSupports_countsAtHalfWeight() {
        // 区发改局, April: tasks 1 and 18 completed early (+1 each); task 17's report late
        // (−0.1, notice 0); exposed for buck-passing on task 14, which it supports (区商务局 leads):
        // −3 × 0.5 = −1.5. 80 − 0.1 − 1.5 + 2 = 80.4: 良好 by its band (≥ 79.5, below 81), but a unit
        // exposed this month is rated no better than the third band, 一般 (the county sets no ceilings of its own).
        UnitScore s = score(4, "区发改局");
        assertThat(s.score()).isEqualByComparingTo("80.4");
        assertThat(s.rating().chinese()).isEqualTo("一般");
        assertThat(s.ceiling()).isEqualTo(io.github.duban.outcome.EscalationLevel.EXPOSURE);
        ScoreLine exposure = s.lines().stream().filter(l -> l.kind().equals("EXPOSURE")).findFirst().orElseThrow();
        assertThat(exposure.points()).isEqualByComparingTo("-1.5");
        assertThat(exposure.clauses()).containsExactly("points.exposure", "supportingWeight");
        assertThat(exposure.reason()).contains("协办单位按0.5倍计-1.5分");
    }

    @Test
    void may_aSupportingUnitsCriticism_lands_exactlyOnTheGoodBand() {
        // 区自然资源局, May: criticised for weak leadership on task 9, which 区住建局 leads: −1 × 0.5.
        // 80 − 0.5 = 79.5 → exactly the lower bound of 良好.
        UnitScore s = score(5, "区自然资源局");
        assertThat(s.score()).isEqualByComparingTo("79.5");
        assertThat(s.rating().chinese()).isEqualTo("良好");
    }

    @Test
    void june_twoExposures_stopAtTheSanctionsCap() {
        // 区科工信局, June: exposed on tasks 12 and 13 (−3 each = −6), but sanctions take at most 4
        // points a month: a CAPPED line gives 2 back; task 16, which it co-leads, completed early: +1.
        // 80 − 6 + 2 + 1 = 77 → 一般.
        UnitScore s = score(6, "区科工信局");
        assertThat(s.lines()).extracting(ScoreLine::kind, l -> l.points().toPlainString())
                .containsExactly(tuple("CAPPED", "2"), tuple("EXPOSURE", "-3"), tuple("EXPOSURE", "-3"),
                        tuple("TASK_COMPLETED_EARLY", "1"));
        assertThat(s.lines().get(0).clauses()).containsExactly("caps.sanctions");
        assertThat(s.score()).isEqualByComparingTo("77");
        assertThat(s.rating().chinese()).isEqualTo("一般");
        // 区财政局: exposed on task 11 (−3): 77 too. The two share the lowest rank, one above the
        // number of units scored (every other unit has at least the base, 80).
        UnitScore f = score(6, "区财政局");
        assertThat(f.score()).isEqualByComparingTo("77");
        List<UnitScore> june = year.get(4).scores();
        assertThat(june.subList(june.size() - 2, june.size())).extracting(UnitScore::unit, UnitScore::rank)
                .containsExactly(tuple("区科工信局", june.size() - 1), tuple("区财政局", june.size() - 1));
    }

    @Test
    void aUnitWithNoLines_scoresTheBase() {
        // A lead unit with nothing against it in February scores the base: 80 ≥ 79.5 → 良好.
        UnitScore quiet = year.get(0).scores().stream().filter(s -> s.lines().isEmpty()).findFirst().orElseThrow();
        assertThat(quiet.score()).isEqualByComparingTo(BigDecimal.valueOf(80));
        assertThat(quiet.rating().chinese()).isEqualTo("良好");
    }
}

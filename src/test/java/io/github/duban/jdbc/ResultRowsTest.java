package io.github.duban.jdbc;

import io.github.duban.json.FactsJson;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.BoardEntry;
import io.github.duban.outcome.EscalationLevel;
import io.github.duban.outcome.Light;
import io.github.duban.outcome.MonthSummary;
import io.github.duban.outcome.Rating;
import io.github.duban.outcome.TaskStatus;
import io.github.duban.outcome.UnitScore;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.duban.jdbc.JdbcMonthEndIT.ENGINE;
import static io.github.duban.jdbc.JdbcMonthEndIT.FEB;
import static io.github.duban.jdbc.JdbcMonthEndIT.JUN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The rows the result tables get are the conclusions' fields, formatted, never added up (no database needed). */
class ResultRowsTest {

    static final List<Assessment> SAMPLE_YEAR = ENGINE.replay(FEB, JUN, FactsJson.sampleYear(ENGINE.plan()));

    @Test
    void aScoreRow_isTheUnitScoresFields() {
        UnitScore u = new UnitScore("区住建局", new BigDecimal("84.5"), Rating.GOOD, 3, new BigDecimal("-17.5"), new BigDecimal("2"),
                EscalationLevel.CRITICISM, List.of(), "score-rule", "得分84.5,通报批评不得评为优秀");
        Map<String, Object> row = ResultTables.scoreRow("p", "2021-05", "fp", u);
        assertThat(row).containsExactly(entry("plan_id", "p"), entry("period", "2021-05"), entry("unit", "区住建局"),
                entry("score", new BigDecimal("84.5")), entry("rating", "GOOD"), entry("rating_cn", "良好"), entry("rank", 3),
                entry("ruleset", "fp"), entry("rule", "score-rule"), entry("reason", "得分84.5,通报批评不得评为优秀"),
                entry("deductions", new BigDecimal("-17.5")), entry("bonuses", new BigDecimal("2")), entry("ceiling", "CRITICISM"));
        UnitScore noCeiling = new UnitScore("区财政局", new BigDecimal("100"), Rating.EXCELLENT, 1, BigDecimal.ZERO, BigDecimal.ZERO,
                null, List.of(), null, null);
        assertThat(ResultTables.scoreRow("p", "2021-05", "fp", noCeiling)).containsEntry("ceiling", null)
                .containsEntry("deductions", BigDecimal.ZERO).containsEntry("bonuses", BigDecimal.ZERO);
    }

    @Test
    void everyScoreRowOfTheSampleYear_carriesItsUnitScoresDeductionsBonusesAndCeiling() {
        List<String> checked = new ArrayList<>();
        for (Assessment a : SAMPLE_YEAR) {
            for (UnitScore u : a.scores()) {
                Map<String, Object> row = ResultTables.scoreRow("p", a.period().toString(), a.ruleset(), u);
                assertThat(row.get("score")).isSameAs(u.score());
                assertThat(row.get("deductions")).isSameAs(u.deductions());
                assertThat(row.get("bonuses")).isSameAs(u.bonuses());
                assertThat(row.get("ceiling")).isEqualTo(u.ceiling() == null ? null : u.ceiling().name());
                assertThat(row.get("rank")).isEqualTo(u.rank());
                checked.add(u.unit());
            }
        }
        assertThat(checked).isNotEmpty();
    }

    @Test
    void aBoardRow_isTheBoardEntrysFields_schedulesToTheColumnsFourDecimals() {
        BoardEntry b = new BoardEntry(9, Light.RED, TaskStatus.LAGGING, LocalDate.of(2021, 6, 30), false, 40, 40,
                new BigDecimal("66.666666"), new BigDecimal("26.666666"), null, false, "board-rule", List.of("进度滞后"));
        Map<String, Object> row = ResultTables.boardRow("p", "2021-05", b);
        assertThat(row).containsExactly(entry("plan_id", "p"), entry("period", "2021-05"), entry("task", 9), entry("light", "RED"),
                entry("status", "LAGGING"), entry("status_cn", "滞后"), entry("deadline", LocalDate.of(2021, 6, 30)),
                entry("ongoing", false), entry("percent", 40), entry("reported_percent", 40),
                entry("schedule", new BigDecimal("66.6667")), entry("behind", new BigDecimal("26.6667")), entry("days_overdue", null),
                entry("on_schedule", false), entry("rule", "board-rule"), entry("reasons", "[\"进度滞后\"]"));
        for (Assessment a : SAMPLE_YEAR) {
            for (BoardEntry e : a.board()) {
                Map<String, Object> r = ResultTables.boardRow("p", a.period().toString(), e);
                assertThat(r.get("percent")).isEqualTo(e.percent());
                assertThat(r.get("reported_percent")).isEqualTo(e.reportedPercent());
                assertThat(r.get("days_overdue")).isEqualTo(e.daysOverdue());
                assertThat(r.get("on_schedule")).isEqualTo(e.onSchedule());
                assertThat(r.get("status")).isEqualTo(e.status().name());
            }
        }
    }

    @Test
    void theAssessmentRow_carriesTheMonthSummaryAsConcluded() {
        for (Assessment a : SAMPLE_YEAR) {
            MonthSummary m = a.summary();
            assertThat(m).as("the built-in rules conclude the month's figures").isNotNull();
            Map<String, Object> row = ResultTables.assessmentRow("p", a);
            assertThat(row).containsEntry("reports_owed", m.reportsOwed()).containsEntry("reports_due", m.reportsDue())
                    .containsEntry("reports_on_time", m.reportsOnTime()).containsEntry("reports_late", m.reportsLate())
                    .containsEntry("reports_missing", m.reportsMissing()).containsEntry("tasks", m.tasks())
                    .containsEntry("lagging", m.lagging()).containsEntry("overdue", m.overdue())
                    .containsEntry("units_scored", m.unitsScored()).containsEntry("summary_rule", m.rule());
        }
    }
}

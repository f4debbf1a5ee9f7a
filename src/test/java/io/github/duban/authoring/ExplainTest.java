package io.github.duban.authoring;

import io.github.duban.json.PlanJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.duban.engine.Duban;
import io.github.duban.json.FactsJson;
import io.github.duban.model.Facts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code duban explain} on the embedded sample year: score line → sanction → finding → rule → fact (file:line) → policy clause; each case month by month. */
class ExplainTest {

    @TempDir
    static Path dir;
    static Duban duban;
    static Facts facts;

    @BeforeAll
    static void copyTheSampleYear() throws Exception {
        for (String f : new String[] {"reports.jsonl", "completions.jsonl", "inspections.jsonl", "rectifications.jsonl", "extensions.jsonl"}) {
            try (InputStream in = ExplainTest.class.getResourceAsStream("/sample/2021/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        duban = Duban.builder().plan(PlanJson.embedded()).build();
        facts = FactsJson.read(dir, duban.plan());
    }

    @Test
    void eachScoreLine_leadsToTheRuleTheFactsAndThePolicyClause() throws Exception {
        ObjectNode d = Explain.explain(duban, dir, facts, YearMonth.of(2021, 4), "区发改局", null);
        assertThat(d.get("score").decimalValue()).isEqualByComparingTo("92.5");
        assertThat(d.get("lines")).hasSize(5);
        JsonNode exposure = null;
        for (JsonNode l : d.get("lines")) {
            if (l.get("kind").asText().equals("EXPOSURE")) {
                exposure = l;
            }
        }
        assertThat(exposure).isNotNull();
        assertThat(exposure.get("points").decimalValue()).isEqualByComparingTo("-10");
        assertThat(exposure.get("rule").asText()).isEqualTo("A sanction issued this month costs its unit the points of its level");
        assertThat(exposure.get("ruleAt").asText()).matches("scoring\\.drl:\\d+");
        assertThat(exposure.get("clauses").get(0).get("key").asText()).isEqualTo("points.exposure");
        assertThat(exposure.get("clauses").get(0).get("value").decimalValue()).isEqualByComparingTo("-10");
        assertThat(exposure.get("clauses").get(1).get("key").asText()).as("区发改局 supports task 14").isEqualTo("supportingWeight");
        JsonNode sanction = exposure.get("from");
        assertThat(sanction.get("sanction").asText()).isEqualTo("EXPOSURE");
        JsonNode finding = sanction.get("findings").get(0);
        assertThat(finding.get("finding").asText()).isEqualTo("BUCK_PASSING");
        assertThat(finding.get("ruleAt").asText()).matches("lateness\\.drl:\\d+");
        JsonNode fact = finding.get("facts").get(0);
        int line = Files.readAllLines(dir.resolve("inspections.jsonl")).stream().map(String::strip).toList()
                .indexOf(fact.get("text").asText()) + 1;
        assertThat(line).isPositive();
        assertThat(fact.get("at").asText()).isEqualTo("inspections.jsonl:" + line);
        assertThat(fact.get("text").asText()).contains("\"kind\": \"BUCK_PASSING\"", "区发改局");

        String text = Explain.text(d);
        assertThat(text).contains("条款 policy points.exposure = -10; supportingWeight = 1",
                "← 事实 fact inspections.jsonl:" + line);
    }

    @Test
    void theScoreDeductionsBonusesAndCeiling_areTheOnesTheRulesConcluded() {
        for (String unit : new String[] {"区科工信局", "区发改局", "区住建局"}) {
            for (int m = 2; m <= 6; m++) {
                YearMonth month = YearMonth.of(2021, m);
                io.github.duban.outcome.UnitScore s = scoreOf(unit, month);
                if (s == null) {
                    continue;
                }
                ObjectNode d = Explain.explain(duban, dir, facts, month, unit, null);
                assertThat(d.get("score").decimalValue()).as("%s %s", unit, month).isEqualByComparingTo(s.score());
                assertThat(d.get("deductions").decimalValue()).as("%s %s", unit, month).isEqualByComparingTo(s.deductions());
                assertThat(d.get("bonuses").decimalValue()).as("%s %s", unit, month).isEqualByComparingTo(s.bonuses());
                if (s.ceiling() == null) {
                    assertThat(d.get("ceiling").isNull()).isTrue();
                } else {
                    assertThat(d.get("ceiling").get("level").asText()).isEqualTo(s.ceiling().name());
                    assertThat(d.get("ceiling").get("band").asText()).isEqualTo(duban.policy().ratingCeilings().get(s.ceiling().name()));
                }
            }
        }
    }

    @Test
    void aRatingCappedByASanction_showsItsCeiling_inJsonAndText() {
        io.github.duban.outcome.UnitScore capped = null;
        YearMonth month = null;
        for (int m = 2; m <= 6 && capped == null; m++) {
            month = YearMonth.of(2021, m);
            java.util.List<io.github.duban.outcome.Assessment> months = duban.replay(duban.plan().reporting().from(), month, facts);
            capped = months.get(months.size() - 1).scores().stream().filter(x -> x.ceiling() != null).findFirst().orElse(null);
        }
        assertThat(capped).as("some unit of the sample year is rated under a sanction's ceiling").isNotNull();
        ObjectNode d = Explain.explain(duban, dir, facts, month, capped.unit(), null);
        assertThat(d.get("ceiling").get("key").asText()).isEqualTo("ratingCeilings." + capped.ceiling().name());
        assertThat(d.get("rating").asText()).isEqualTo(capped.rating().name());
        assertThat(Explain.json(d)).contains("\"deductions\" : " + d.get("deductions").toString());
        assertThat(Explain.text(d)).contains("等次上限 rating ceiling " + capped.ceiling().name() + ": ratingCeilings." + capped.ceiling().name(),
                "扣分 deductions ");
    }

    static io.github.duban.outcome.UnitScore scoreOf(String unit, YearMonth month) {
        java.util.List<io.github.duban.outcome.Assessment> months = duban.replay(duban.plan().reporting().from(), month, facts);
        return months.get(months.size() - 1).scores().stream().filter(x -> x.unit().equals(unit)).findFirst().orElse(null);
    }

    @Test
    void aCase_isTracedMonthByMonth_fromRaisedToClosed() {
        ObjectNode d = Explain.explain(duban, dir, facts, YearMonth.of(2021, 6), "区科工信局", 13);
        assertThat(d.get("lines")).hasSize(1);
        assertThat(d.get("cases")).hasSize(1);
        JsonNode history = d.get("cases").get(0).get("history");
        assertThat(history).extracting(h -> h.get("month").asText() + " " + h.get("level").asText() + " " + h.get("open").asBoolean())
                .containsExactly("2021-03 NOTICE true", "2021-04 NOTICE true", "2021-05 CRITICISM true", "2021-06 EXPOSURE false");
        assertThat(history.get(2).get("rectifyBy").asText()).isEqualTo("2021-06-15");
        assertThat(history.get(3).get("raisedBy").toString()).contains("RECTIFICATION_OVERDUE");
        assertThat(history.get(3).get("closedBy").asText()).contains("任务完成");

        // what the rules inferred reads as its Chinese name and its fields, not as a Java record
        JsonNode inferred = d.findValues("facts").stream().flatMap(f -> java.util.stream.StreamSupport.stream(f.spliterator(), false))
                .filter(f -> f.has("inferred")).findFirst().orElseThrow();
        assertThat(inferred.get("text").asText()).startsWith("上月台账中的案件 PreviousCase {").contains("\"unit\":\"区科工信局\"", "\"task\":13")
                .doesNotContain("CaseKey[");
        assertThat(Explain.text(d)).contains("推断 inferred 上月台账中的案件 PreviousCase {").doesNotContain("PreviousCase[");
    }

    @Test
    void aUnitByAlias_isExplainedByItsId_andAnUnknownUnitIsRefused() {
        assertThat(duban.plan().units().stream().filter(u -> !u.aliases().isEmpty()).findFirst()).hasValueSatisfying(u -> {
            ObjectNode d = Explain.explain(duban, dir, facts, YearMonth.of(2021, 2), u.aliases().get(0), null);
            assertThat(d.get("unit").asText()).isEqualTo(u.id());
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Explain.explain(duban, dir, facts, YearMonth.of(2021, 2), "区不存在局", null))
                .hasMessageContaining("区不存在局 is not a unit of the plan");
    }
}

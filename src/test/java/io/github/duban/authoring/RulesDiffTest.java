package io.github.duban.authoring;

import io.github.duban.json.PlanJson;
import io.github.duban.engine.Duban;
import io.github.duban.json.FactsJson;
import io.github.duban.json.PolicyJson;
import io.github.duban.model.Facts;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code duban rules diff}: a lighter criticism in May changes exactly the units criticised that month, and says why. */
class RulesDiffTest {

    @Test
    void aLighterCriticism_changesOnlyTheCriticisedUnits_withTheRuleAndClause() {
        Duban current = Duban.builder().plan(PlanJson.embedded()).build();
        Duban proposed = current.toBuilder().policy(PolicyJson.read("points:\n  criticism: -1\n", "proposed.yaml", true)).build();
        Facts facts = FactsJson.sampleYear(current.plan());
        RulesDiff.Diff d = RulesDiff.diff(current, proposed, facts, YearMonth.of(2021, 5));

        assertThat(d.current()).isEqualTo(current.fingerprint());
        assertThat(d.proposed()).isEqualTo(proposed.fingerprint());
        // May's criticisms (sample year): 区住建局 task 9, 区自然资源局 task 9, 区财政局 task 11, 区科工信局 tasks 12 and 13
        RulesDiff.UnitChange zhujian = d.changes().stream().filter(c -> c.unit().equals("区住建局")).findFirst().orElseThrow();
        assertThat(zhujian.scoreBefore()).isEqualByComparingTo("92");
        assertThat(zhujian.scoreAfter()).isEqualByComparingTo("96");
        // 96 reaches EXCELLENT's band, but a unit criticised this month is rated no better than GOOD
        assertThat(zhujian.ratingBefore()).isEqualTo("GOOD 良好");
        assertThat(zhujian.ratingAfter()).isEqualTo("GOOD 良好");
        assertThat(zhujian.lines()).singleElement().satisfies(l -> {
            assertThat(l.what()).isEqualTo("CRITICISM task 9 (CRITICISM 2021-05)");
            assertThat(l.kind()).isEqualTo("CRITICISM");
            assertThat(l.task()).isEqualTo(9);
            assertThat(l.reason()).contains("区住建局", "任务9", "通报批评").endsWith("-1分");
            assertThat(l.before()).isEqualByComparingTo("-5");
            assertThat(l.after()).isEqualByComparingTo("-1");
            assertThat(l.rule()).isEqualTo("A sanction issued this month costs its unit the points of its level");
            assertThat(l.clauses()).containsExactly("points.criticism");
        });
        assertThat(zhujian.findingsNew()).isEmpty();
        assertThat(zhujian.sanctionsNew()).isEmpty();
        assertThat(d.changes()).allSatisfy(c -> assertThat(c.lines()).allSatisfy(l -> assertThat(l.clauses()).contains("points.criticism")));
        assertThat(d.changes()).extracting(RulesDiff.UnitChange::unit).contains("区住建局", "区自然资源局", "区财政局", "区科工信局")
                .doesNotContain("区发改局", "区司法局");

        assertThat(RulesDiff.text(d)).contains("区住建局: 得分 score 92 → 96");
        assertThat(RulesDiff.html(d)).contains("<td>区住建局</td>", "考核细则调整影响（2021-05）");
    }
}

package io.github.duban.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.duban.engine.Duban;
import io.github.duban.json.AssessmentJson;
import io.github.duban.json.FactsJson;
import io.github.duban.json.PlanJson;
import io.github.duban.model.Facts;
import io.github.duban.outcome.Assessment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ruleset packages of format 1 (src/test/resources/authoring/format1, see its README): made before
 * the rules concluded deductions, bonuses and rating ceilings, each must still re-make the months
 * of the sample year it assessed, finding for finding, sanction for sanction, score for score.
 */
class RulesetPackageFormat1Test {

    static final Path DIR = Path.of("src/test/resources/authoring/format1");
    static final ObjectMapper JSON = new ObjectMapper();
    /** What an assessment says of a unit's score that a format-1 assessment did not write. */
    static final Set<String> NEW_SCORE_FIELDS = Set.of("deductions", "bonuses", "ceiling");
    /** What an assessment says of a board entry that a format-1 assessment did not write. */
    static final Set<String> NEW_BOARD_FIELDS = Set.of("status", "reportedPercent", "behind", "daysOverdue", "onSchedule");

    @ParameterizedTest
    @ValueSource(strings = {"default", "county"})
    void aFormat1Package_reMakesItsSavedSampleYearAssessment(String name) throws Exception {
        RulesetPackage.Contents c = RulesetPackage.read(DIR.resolve(name + "-2021.zip"));
        Duban duban = c.builder().plan(PlanJson.embedded()).build();
        Facts facts = FactsJson.sampleYear(duban.plan());
        List<Assessment> months = duban.replay(YearMonth.of(2021, 2), YearMonth.of(2021, 6), facts);
        assertThat(months).hasSize(5);
        for (Assessment a : months) {
            JsonNode saved = JSON.readTree(Files.readString(DIR.resolve(name).resolve(a.period().toString()).resolve("assessment.json")));
            JsonNode made = JSON.readTree(AssessmentJson.write(a));
            assertThat(made.get("ruleset").asText()).as("the package keeps its fingerprint").isEqualTo(saved.get("ruleset").asText())
                    .isEqualTo(c.fingerprint());
            for (io.github.duban.outcome.UnitScore s : a.scores()) {
                java.math.BigDecimal unclamped = c.policy().base().add(s.deductions()).add(s.bonuses());
                assertThat(s.score()).as("%s %s: the score the format-1 rules gave is base + deductions + bonuses, within bounds", a.period(), s.unit())
                        .isEqualByComparingTo(unclamped.max(c.policy().lowerBound()).min(c.policy().upperBound()));
                assertThat(s.deductions().signum()).isLessThanOrEqualTo(0);
                assertThat(s.bonuses()).isBetween(java.math.BigDecimal.ZERO, c.policy().bonusCap());
            }
            for (JsonNode s : made.get("scores")) {
                assertThat(s.get("ceiling").isNull()).as("%s %s: format 1 had no rating ceilings", a.period(), s.get("unit")).isTrue();
                ((ObjectNode) s).remove(NEW_SCORE_FIELDS);
            }
            for (JsonNode b : made.get("board")) {
                ((ObjectNode) b).remove(NEW_BOARD_FIELDS);
            }
            assertThat(made.get("summary").get("reportsOwed")).isEqualTo(saved.get("reportsOwed"));
            ((ObjectNode) made).remove("summary");
            assertThat(made).as("%s %s", name, a.period()).isEqualTo(saved);
            assertThat(saved.get("scores")).as("the saved month scores units").isNotEmpty();
        }
    }
}

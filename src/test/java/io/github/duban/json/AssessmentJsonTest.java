package io.github.duban.json;

import io.github.duban.engine.Duban;
import io.github.duban.generate.PlanGenerator;
import io.github.duban.generate.Spec;
import io.github.duban.model.Plan;
import io.github.duban.model.Task;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.Ignored;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * assessment.json as streamed is exactly what the Jackson tree built node by node wrote
 * ({@link AssessmentJsonReference}), and its bytes are the UTF-8 of its text: for the sample
 * year, generated plans over their whole window, and facts of classes the file has no name for.
 */
class AssessmentJsonTest {

    @Test
    void eachSampleMonthIsWrittenAsTheTreeWroteIt() {
        Duban duban = Duban.builder().plan(PlanJson.embedded()).build();
        List<Assessment> months = duban.replay(YearMonth.of(2021, 2), YearMonth.of(2021, 6), FactsJson.sampleYear(duban.plan()));
        assertThat(months).hasSize(5);
        months.forEach(AssessmentJsonTest::sameAsTheTree);
    }

    @Test
    void generatedPlansOverTheirWholeWindowAreWrittenAsTheTreeWroteThem() {
        PlanGenerator generator = new PlanGenerator(Spec.of(6, 60, 8, 6, 11));
        int ignored = 0;
        int cases = 0;
        for (int i = 0; i < 6; i++) {
            PlanGenerator.Generated g = generator.plan(i);
            Duban duban = Duban.builder().plan(g.plan()).build();
            for (Assessment a : duban.replay(g.plan().reporting().from(), g.plan().reporting().to(), g.facts())) {
                sameAsTheTree(a);
                ignored += a.ignored().size();
                cases += a.cases().size();
            }
        }
        assertThat(ignored).as("facts set aside, with their source facts").isPositive();
        assertThat(cases).as("cases").isPositive();
    }

    @Test
    void aPlanWithCharactersBeyondTheBasicPlaneIsWrittenAsTheTreeWroteIt() {
        PlanGenerator.Generated g = new PlanGenerator(Spec.of(1, 120, 9, 1, 7)).plan(0);
        Plan p = g.plan();
        List<Task> tasks = p.tasks().stream().map(t -> new Task(t.no(), t.goal(), t.title() + " 𠀋😀\"\\\t/", t.measure(),
                t.leads(), t.supporting(), t.deadline(), t.milestones(), t.notes())).toList();
        Plan odd = new Plan(p.title(), p.docNumber(), p.issuedOn(), p.reporting(), p.stages(), p.goals(), p.units(), tasks);
        Duban duban = Duban.builder().plan(odd).build();
        Assessment a = duban.assess(PlanGenerator.FIRST_MONTH, null, g.facts(), null);
        assertThat(AssessmentJson.write(a)).contains("𠀋😀");
        sameAsTheTree(a);
    }

    /** A rule author's own fact, with a rule of its own and a fact inside that has one too. */
    record Reminder(int task, String unit, BigDecimal weight, Inner inner, String rule) {
    }

    record Inner(LocalDate on, String rule) {
    }

    @Test
    void factsOfClassesTheFileHasNoNameForAreWrittenAsTheTreeWroteThem() {
        Duban duban = Duban.builder().plan(PlanJson.embedded()).build();
        Assessment may = duban.replay(YearMonth.of(2021, 2), YearMonth.of(2021, 5), FactsJson.sampleYear(duban.plan())).get(3);
        List<Ignored> ignored = new ArrayList<>(may.ignored());
        ignored.add(new Ignored("reminder", 3, "区发改局", LocalDate.of(2021, 5, 6), "自定义事实", "an author's rule",
                new Reminder(3, "区发改局", new BigDecimal("1.5"), new Inner(LocalDate.of(2021, 5, 6), "inner rule"), "outer rule")));
        ignored.add(new Ignored("map", null, null, null, "不是记录的事实", "an author's rule", Map.of("rule", "x", "on", "2021-05-06")));
        ignored.add(new Ignored("text", null, null, null, "一段文字", "an author's rule", "just text"));
        ignored.add(new Ignored("none", null, null, null, "无", "an author's rule", null));
        Assessment a = new Assessment(may.period(), may.asOf(), may.ruleset(), may.findings(), may.sanctions(), may.scores(),
                may.board(), may.cases(), ignored, may.summary());
        String text = AssessmentJson.write(a);
        assertThat(text).contains("\"fact\" : \"Reminder\"", "\"weight\" : 1.5", "\"rule\" : \"inner rule\"")
                .doesNotContain("outer rule");
        sameAsTheTree(a);
    }

    @Test
    void aDecimalInAnAuthorsFactKeepsItsScaleWhereTheTreeDroppedIt() {
        Duban duban = Duban.builder().plan(PlanJson.embedded()).build();
        Assessment feb = duban.assess(YearMonth.of(2021, 2), null, FactsJson.sampleYear(duban.plan()), null);
        Inner on = new Inner(LocalDate.of(2021, 2, 6), "inner rule");
        Assessment a = new Assessment(feb.period(), feb.asOf(), feb.ruleset(), feb.findings(), feb.sanctions(), feb.scores(),
                feb.board(), feb.cases(), List.of(
                        new Ignored("reminder", 3, "区发改局", on.on(), "自定义事实", "r", new Reminder(3, "区发改局", new BigDecimal("1.50"), on, "r")),
                        new Ignored("reminder", 4, "区发改局", on.on(), "自定义事实", "r", new Reminder(4, "区发改局", new BigDecimal("100"), on, "r"))),
                feb.summary());
        assertThat(AssessmentJson.write(a)).contains("\"weight\" : 1.50,", "\"weight\" : 100,");
        assertThat(AssessmentJsonReference.write(a)).contains("\"weight\" : 1.5,", "\"weight\" : 1E+2,");
    }

    private static void sameAsTheTree(Assessment a) {
        String text = AssessmentJson.write(a);
        assertThat(text).as(a.period().toString()).isEqualTo(AssessmentJsonReference.write(a));
        assertThat(AssessmentJson.bytes(a)).as(a.period().toString()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        assertThat(AssessmentJson.tree(a).toString()).isEqualTo(AssessmentJsonReference.tree(a).toString());
    }
}

package io.github.duban.json;

import io.github.duban.engine.Duban;
import io.github.duban.generate.PlanGenerator;
import io.github.duban.generate.Spec;
import io.github.duban.model.Plan;
import io.github.duban.model.Task;
import io.github.duban.outcome.Assessment;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** assessment.json as bytes is exactly the UTF-8 of the text written: for the sample year and a large generated plan. */
class AssessmentJsonTest {

    @Test
    void theBytesOfEachSampleMonthAreTheUtf8OfItsText() {
        Duban duban = Duban.builder().build();
        List<Assessment> months = duban.replay(YearMonth.of(2021, 2), YearMonth.of(2021, 6), FactsJson.sampleYear(duban.plan()));
        assertThat(months).hasSize(5);
        for (Assessment a : months) {
            assertThat(AssessmentJson.bytes(a)).as(a.period().toString())
                    .isEqualTo(AssessmentJson.write(a).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void theBytesOfAPlanWithCharactersBeyondTheBasicPlaneAreTheUtf8OfItsText() {
        PlanGenerator.Generated g = new PlanGenerator(Spec.of(1, 120, 9, 1, 7)).plan(0);
        Plan p = g.plan();
        List<Task> tasks = p.tasks().stream().map(t -> new Task(t.no(), t.goal(), t.title() + " 𠀋😀\"\\\t/", t.measure(),
                t.leads(), t.supporting(), t.deadline(), t.milestones(), t.notes())).toList();
        Plan odd = new Plan(p.title(), p.docNumber(), p.issuedOn(), p.reporting(), p.stages(), p.goals(), p.units(), tasks);
        Duban duban = Duban.builder().plan(odd).build();
        Assessment a = duban.assess(PlanGenerator.FIRST_MONTH, null, g.facts(), null);
        String text = AssessmentJson.write(a);
        assertThat(text).contains("𠀋😀");
        assertThat(AssessmentJson.bytes(a)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }
}

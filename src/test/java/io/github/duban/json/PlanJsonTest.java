package io.github.duban.json;

import io.github.duban.error.InputException;

import io.github.duban.model.Plan;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanJsonTest {

    static final Plan EMBEDDED = PlanJson.embedded();

    @Test
    void theEmbeddedPlan_isTheSeed() {
        assertThat(EMBEDDED.tasks()).hasSize(19);
        assertThat(EMBEDDED.goals()).hasSize(8);
        assertThat(EMBEDDED.stages()).extracting(s -> s.name()).containsExactly("前期准备", "初步办理", "全面推进", "总结提升");
        assertThat(EMBEDDED.reporting().from()).hasToString("2021-02");
        assertThat(EMBEDDED.reporting().to()).hasToString("2021-06");
        assertThat(EMBEDDED.reporting().dueDay()).isEqualTo(25);
        assertThat(EMBEDDED.task(1).orElseThrow().leads()).containsExactly("区发改局", "区科工信局");
        assertThat(EMBEDDED.task(4).orElseThrow().ongoing()).isTrue();
        assertThat(EMBEDDED.task(14).orElseThrow().milestones()).singleElement()
                .satisfies(m -> assertThat(m.date()).hasToString("2021-05-31"));
        assertThat(EMBEDDED.units()).filteredOn(u -> u.group()).extracting(u -> u.id())
                .contains("各乡镇", "街道办事处", "相关区直单位", "各行政审批职能部门");
    }

    @Test
    void writingAndReadingBack_givesTheSamePlan() {
        String json = PlanJson.write(EMBEDDED);
        assertThat(PlanJson.read(json, "plan.json")).isEqualTo(EMBEDDED);
        assertThat(PlanJson.write(PlanJson.read(json, "plan.json"))).isEqualTo(json);
    }

    @Test
    void aPlanNamingAnUnknownUnit_orAGroupAsLead_isRefused() {
        String json = PlanJson.write(EMBEDDED);
        assertThat(json).contains("\"leads\" : [\n        \"区住建局\"");
        assertThatThrownBy(() -> PlanJson.read(json.replace("\"leads\" : [\n        \"区住建局\"", "\"leads\" : [\n        \"区建设局\""), "plan.json"))
                .isInstanceOf(InputException.class).hasMessageContaining("区建设局");
        assertThatThrownBy(() -> PlanJson.read(json.replace("\"leads\" : [\n        \"区住建局\"", "\"leads\" : [\n        \"相关区直单位\""), "plan.json"))
                .isInstanceOf(InputException.class).hasMessageContaining("group");
    }

    @Test
    void aMalformedPlan_namesTheLine() {
        assertThatThrownBy(() -> PlanJson.read("{\n \"title\": \"x\",\n \"tasks\": [ }", "plan.json"))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.file()).isEqualTo("plan.json");
                    assertThat(e.line()).isEqualTo(3);
                });
    }
}

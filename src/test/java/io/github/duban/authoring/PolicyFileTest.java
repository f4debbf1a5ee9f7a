package io.github.duban.authoring;

import io.github.duban.error.InputException;
import io.github.duban.json.PolicyJson;
import io.github.duban.model.Policy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A policy file with each kind of mistake is refused with the file, the key path, what was given and what was expected. */
class PolicyFileTest {

    private static InputException refused(String yaml) {
        try {
            PolicyJson.read(yaml, "county.yaml", true);
        } catch (InputException e) {
            assertThat(e.file()).isEqualTo("county.yaml");
            return e;
        }
        throw new AssertionError("accepted: " + yaml);
    }

    @Test
    void theDefaultPolicy_writtenAsYamlOrJson_readsBackEqual() {
        assertThat(PolicyJson.read(PolicyJson.writeYaml(Policy.DEFAULT), "default.yaml", true)).isEqualTo(Policy.DEFAULT);
        assertThat(PolicyJson.read(PolicyJson.write(Policy.DEFAULT), "default.json")).isEqualTo(Policy.DEFAULT);
        assertThat(PolicyJson.read("", "empty.yaml", true)).isEqualTo(Policy.DEFAULT);
    }

    @Test
    void theFlatKeysOfTheFirstPolicyFiles_stillRead() {
        Policy p = PolicyJson.read("{\"reportLate\": -0.5, \"excellent\": 90, \"workingDays\": true}", "old.json");
        assertThat(p.reportLate()).isEqualByComparingTo("-0.5");
        assertThat(p.excellent()).isEqualByComparingTo("90");
        assertThat(p.workingDays()).isTrue();
        assertThat(PolicyJson.read("{\"bonusCap\": 10}", "old.json").upperBound())
                .as("the highest score left out is the base plus the bonus cap").isEqualByComparingTo("110");
        assertThat(PolicyJson.read("base: 80\nbonusCap: 20\n", "county.yaml", true).upperBound()).isEqualByComparingTo("100");
    }

    @Test
    void anUnknownKey_namesTheNearestKnownOne() {
        InputException e = refused("points:\n  reportLat: -0.1\n");
        assertThat(e.field()).isEqualTo("points.reportLat");
        assertThat(e.getMessage()).contains("county.yaml", "points.reportLat", "is not a policy setting", "did you mean points.reportLate?");
        assertThat(refused("supportWeight: 0.5\n").getMessage()).contains("did you mean supportingWeight?");
        assertThat(refused("bands:\n  - {name: A, chinese: 优, lowr: 90}\n").getMessage())
                .contains("bands[0].lowr", "did you mean bands[0].lower?");
    }

    @Test
    void aWrongType_saysWhatWasGivenAndWhatWasExpected() {
        InputException e = refused("points:\n  reportLate: \"-0.1\"\n");
        assertThat(e.field()).isEqualTo("points.reportLate");
        assertThat(e.getMessage()).contains("is \"-0.1\" (text)", "expected a number");
        assertThat(refused("judging:\n  rectifyDays: 1.5\n").getMessage()).contains("judging.rectifyDays", "is 1.5", "expected a whole number");
        assertThat(refused("calendar:\n  workingDays: yes please\n").getMessage()).contains("calendar.workingDays", "expected true or false");
        assertThat(refused("points: -1\n").getMessage()).contains("field points", "expected a group of settings");
    }

    @Test
    void aPositiveDeduction_isRefusedAtItsKey() {
        InputException e = refused("points:\n  reportMissing: 0.5\n");
        assertThat(e.field()).isEqualTo("points.reportMissing");
        assertThat(e.getMessage()).contains("is 0.5", "a deduction must be zero or negative");
        assertThat(refused("caps:\n  sanctions: 4\n").field()).isEqualTo("caps.sanctions");
        assertThat(refused("points:\n  commended: -1\n").getMessage()).contains("points.commended", "a bonus must be zero or positive");
    }

    @Test
    void bandsOutOfOrder_areRefusedAtTheBandThatRises() {
        InputException e = refused("""
                bands:
                  - {name: EXCELLENT, chinese: 优秀, lower: 90}
                  - {name: GOOD, chinese: 良好, lower: 76}
                  - {name: FAIR, chinese: 一般, lower: 80}
                  - {name: POOR, chinese: 较差, lower: 0}
                """);
        assertThat(e.field()).isEqualTo("bands[2].lower");
        assertThat(e.getMessage()).contains("is 80, above bands[1].lower 76", "from the best down");
        assertThat(refused("bands:\n  - {name: A, chinese: 优, lower: 90}\n").getMessage())
                .contains("bands[0].lower", "above bounds.lower 0", "every score has a rating");
        assertThat(refused("bands:\n  - {name: A, chinese: 优, lower: 90}\n  - {name: A, chinese: 差, lower: 0}\n").field())
                .isEqualTo("bands[1].name");
    }

    @Test
    void aLadderWhoseDeductionsFallAsItRises_isRefused() {
        InputException e = refused("points:\n  notice: -2\n  criticism: -1\n");
        assertThat(e.field()).isEqualTo("points.criticism");
        assertThat(e.getMessage()).contains("is -1 but points.notice is -2", "must not fall as the level rises");
        assertThat(refused("points:\n  exposure: -3\n").field()).isEqualTo("points.exposure");
        assertThat(refused("points:\n  reportMissing: -0.5\n").field()).isEqualTo("points.reportMissing");
    }

    @Test
    void scoreBoundsAndWeights_outOfRange_areRefused() {
        assertThat(refused("base: 120\nbounds: {upper: 110}\n").getMessage()).contains("field base", "is 120", "within bounds.lower 0 .. bounds.upper 110");
        assertThat(refused("supportingWeight: 2\n").getMessage()).contains("supportingWeight", "is 2", "0..1");
        assertThat(refused("bounds: {lower: 50, upper: 40}\nbase: 45\n").field()).isEqualTo("bounds.lower");
        assertThat(refused("calendar: {dueDay: 40}\n").field()).isEqualTo("calendar.dueDay");
        assertThat(refused("board: {yellowBehind: 40}\n").field()).isEqualTo("board.yellowBehind");
    }

    @Test
    void yamlThatDoesNotParse_namesTheLine() {
        assertThatThrownBy(() -> PolicyJson.read("base: 80\npoints:\n  reportLate: [\n", "county.yaml", true))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("county.yaml:");
    }

    @Test
    void theReminderSettings_readValidatedAndLeftOutOfTheCanonicalPolicyAtTheirDefaults() {
        // Given a policy that sets every remind key
        Policy p = PolicyJson.read("remind:\n  reportDays: [5, 2, 1]\n  chaseEvery: 3\n  deadlineDays: [14]\n"
                + "  milestoneDays: [3]\n  rectifyDays: [2]\n  escalateAfter: 5\n", "county.yaml", true);
        // Then each is read, and the policy written out reads back equal
        assertThat(p.remind()).isEqualTo(new Policy.Reminding(java.util.List.of(5, 2, 1), 3, java.util.List.of(14),
                java.util.List.of(3), java.util.List.of(2), 5));
        assertThat(PolicyJson.read(PolicyJson.writeYaml(p), "p.yaml", true)).isEqualTo(p);
        assertThat(PolicyJson.read(PolicyJson.write(p), "p.json")).isEqualTo(p);
        // and a policy that does not set them has the default reminders and the canonical text it had before them
        assertThat(Policy.DEFAULT.remind()).isEqualTo(Policy.Reminding.DEFAULT);
        assertThat(PolicyJson.canonical(Policy.DEFAULT)).doesNotContain("remind");
        assertThat(PolicyJson.canonical(p)).contains("\"remind\":{\"chaseEvery\":3,\"deadlineDays\":[14]");
        // while a mistake is refused naming the key
        assertThat(refused("remind:\n  reportDays: [3, 3]\n").getMessage()).contains("remind.reportDays[1]", "already has");
        assertThat(refused("remind:\n  reportDays: 3\n").getMessage()).contains("remind.reportDays", "expected a list of whole numbers");
        assertThat(refused("remind:\n  deadlineDays: [0]\n").getMessage()).contains("remind.deadlineDays[0]", "1..366");
        assertThat(refused("remind:\n  chaseEvery: 0\n").getMessage()).contains("remind.chaseEvery", "1..31");
        assertThat(refused("remind:\n  escalateAftr: 2\n").getMessage()).contains("did you mean remind.escalateAfter?");
    }
}

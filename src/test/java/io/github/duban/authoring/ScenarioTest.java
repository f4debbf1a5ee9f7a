package io.github.duban.authoring;

import io.github.duban.error.InputException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped scenarios (src/test/resources/scenarios: DESIGN §5's worked examples and more) all pass, through the runner authors use. */
class ScenarioTest {

    @Test
    void everyShippedScenarioPasses() {
        List<Scenarios.Result> results = Scenarios.runAll(Path.of("src/test/resources/scenarios"), null);
        assertThat(results).hasSizeGreaterThanOrEqualTo(15);
        assertThat(results).allSatisfy(r -> assertThat(r.differences()).as(r.file() + " " + r.name()).isEmpty());
    }

    @Test
    void aScenarioThatFails_saysExpectedAgainstGot_perUnit() {
        Scenarios.Result r = Scenarios.run(Path.of("src/test/resources/authoring/failing/wrong-expectations.yaml"));
        assertThat(r.passed()).isFalse();
        assertThat(r.differences()).containsExactly(
                "区住建局 findings: expected [REPORT_LATE task 9 days 3], got [REPORT_LATE task 9 days 2]",
                "区住建局 sanctions: expected none, got [NOTICE task 9]",
                "区住建局 score: expected 99, got 98.5 (NOTICE task 9 -0.5, REPORT_LATE task 9 -1)",
                "区住建局 rating: expected GOOD, got EXCELLENT 优秀",
                "task 9 light: expected YELLOW, got GREEN");
    }

    @Test
    void aMistypedKey_isRefusedWithTheNearestOne(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("bad.yaml");
        Files.writeString(f, "month: 2021-02\nexpect:\n  units:\n    区住建局: {scor: 100}\n");
        assertThatThrownBy(() -> Scenarios.run(f)).isInstanceOf(InputException.class)
                .hasMessageContaining("bad.yaml: field expect.units.区住建局.scor: is not a scenario key")
                .hasMessageContaining("did you mean expect.units.区住建局.score?");
    }
}

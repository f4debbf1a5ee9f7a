package io.github.duban.engine;

import io.github.duban.json.FactsJson;
import io.github.duban.json.PlanJson;
import io.github.duban.model.Plan;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that embeds duban and logs Drools at WARN sees no warning from loading and running
 * the rules, built-in or compiled from DRL (Drools once warned at every start that constraints
 * such as {@code $p.inMonth(on)} cause class reactivity). Run in a child JVM whose logger says
 * everything from WARN up.
 */
class DroolsQuietTest {

    /** The child: the sample year on the built-in rules, then on the same rules compiled from their DRL. */
    public static void main(String[] args) {
        Plan p = PlanJson.embedded();
        Duban.builder().plan(p).build().replay(YearMonth.of(2021, 2), YearMonth.of(2021, 6), FactsJson.sampleYear(p));
        Ruleset compiled = Ruleset.compile(Map.copyOf(Ruleset.builtIn().sources()));
        Duban.builder().plan(p).rules(compiled).build().replay(YearMonth.of(2021, 2), YearMonth.of(2021, 6), FactsJson.sampleYear(p));
        System.out.println("ran");
    }

    @Test
    void loadingAndRunningTheRules_logsNoWarning() throws Exception {
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.log.org.drools=warn",
                "-Dorg.slf4j.simpleLogger.log.org.kie=warn",
                "-Dorg.slf4j.simpleLogger.log.org.drools.compiler.kie.builder.impl=warn",
                DroolsQuietTest.class.getName())).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(out).isZero();
        assertThat(out).contains("ran").doesNotContain("WARN").doesNotContain("class reactivity");
    }
}

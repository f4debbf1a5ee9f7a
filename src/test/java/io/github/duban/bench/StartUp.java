package io.github.duban.bench;

import io.github.duban.engine.Duban;
import io.github.duban.json.FactsJson;
import io.github.duban.model.Facts;

import java.lang.management.ManagementFactory;
import java.time.YearMonth;

/**
 * How long the built-in rules take to be ready from JVM start: the built-in ruleset compiled and
 * one month assessed with it. Prints the milliseconds since the JVM started at each step.
 */
public final class StartUp {

    private StartUp() {
    }

    public static void main(String[] args) {
        long start = ManagementFactory.getRuntimeMXBean().getStartTime();
        long main = System.currentTimeMillis();
        Duban duban = Duban.builder().build();
        long ready = System.currentTimeMillis();
        Facts facts = FactsJson.sampleYear(duban.plan());
        duban.assess(YearMonth.of(2021, 2), null, facts, null);
        long assessed = System.currentTimeMillis();
        System.out.printf("JVM start to main %d ms, to rules ready %d ms, to the first month assessed %d ms%n",
                main - start, ready - start, assessed - start);
    }
}

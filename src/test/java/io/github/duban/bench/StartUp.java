package io.github.duban.bench;

import io.github.duban.engine.Duban;
import io.github.duban.engine.Ruleset;
import io.github.duban.json.FactsJson;
import io.github.duban.json.PlanJson;
import io.github.duban.model.Facts;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.time.YearMonth;

/**
 * How long the built-in rules take to be ready from JVM start: the embedded plan read, the
 * built-in ruleset loaded, the engine built with them, and one month assessed. Prints the
 * milliseconds since the JVM started and the classes loaded so far at each step; the line
 * "to rules ready" is the engine built. With {@code --preload} it first calls
 * {@link Ruleset#preloadBuiltIn()}, as a command line or a server would, so the rules load while
 * the plan is read.
 */
public final class StartUp {

    private StartUp() {
    }

    public static void main(String[] args) {
        long start = ManagementFactory.getRuntimeMXBean().getStartTime();
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        long main = System.currentTimeMillis();
        int atMain = classes.getLoadedClassCount();
        if (java.util.List.of(args).contains("--preload")) {
            Ruleset.preloadBuiltIn();
        }
        PlanJson.embedded();
        long plan = System.currentTimeMillis();
        int atPlan = classes.getLoadedClassCount();
        Ruleset rules = Ruleset.builtIn();
        long loaded = System.currentTimeMillis();
        int atRules = classes.getLoadedClassCount();
        Duban duban = Duban.builder().plan(PlanJson.embedded()).rules(rules).build();
        long ready = System.currentTimeMillis();
        int atReady = classes.getLoadedClassCount();
        long cpuAtReady = cpuMillis();
        Facts facts = FactsJson.sampleYear(duban.plan());
        duban.assess(YearMonth.of(2021, 2), null, facts, null);
        long assessed = System.currentTimeMillis();
        System.out.printf("JVM start to main %d ms (%d classes), plan read %d ms (%d), built-in rules loaded %d ms (%d)%n",
                main - start, atMain, plan - start, atPlan, loaded - start, atRules);
        System.out.printf("JVM start to main %d ms, to rules ready %d ms (%d classes, process CPU %d ms), to the first month assessed %d ms (%d classes)%n",
                main - start, ready - start, atReady, cpuAtReady, assessed - start, classes.getLoadedClassCount());
    }

    /** CPU time of the whole process so far (every thread, the JIT and the collector included), or -1. */
    private static long cpuMillis() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
    }
}

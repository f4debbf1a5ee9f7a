package io.github.duban.cli;

/** The command line's own logging: warnings to stderr, Drools' chatter kept to errors. */
final class Logging {
    private Logging() {
    }

    static void quiet() {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.org.drools", "error");
        setIfAbsent("org.slf4j.simpleLogger.log.org.kie", "error");
        // build problems are reported by duban itself, with file and line
        setIfAbsent("org.slf4j.simpleLogger.log.org.drools.compiler.kie.builder.impl", "off");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}

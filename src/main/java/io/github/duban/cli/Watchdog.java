package io.github.duban.cli;

import io.github.duban.engine.Duban;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ends the process when one rule firing has run longer than the limit: a rule whose own action
 * loops in Java, which the engine cannot stop from inside. Says which rule, then exits 2. One
 * daemon thread for the process, started by the first command that builds an engine.
 */
final class Watchdog {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private Watchdog() {
    }

    static void start(int seconds) {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                Duban.stuckRule(seconds).ifPresent(rule -> {
                    System.err.println("duban: the action of rule \"" + rule + "\" has run for more than " + seconds
                            + " seconds without end and the run was stopped (--max-seconds); nothing of this plan-month was written");
                    System.err.flush();
                    Runtime.getRuntime().halt(2);
                });
            }
        }, "duban-watchdog");
        t.setDaemon(true);
        t.start();
    }
}

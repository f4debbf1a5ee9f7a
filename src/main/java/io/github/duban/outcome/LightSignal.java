package io.github.duban.outcome;

/** Inferred: a reason for a task's light to be at least {@code light}. */
public record LightSignal(int task, Light light, String rule, String reason) {
}

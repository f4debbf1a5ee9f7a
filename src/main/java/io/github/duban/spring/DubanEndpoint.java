package io.github.duban.spring;

import io.github.duban.engine.DubanRuntime;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import java.util.Map;

/**
 * Actuator endpoint {@code duban}: GET names the plan and the ruleset fingerprint in force; POST
 * reloads {@code duban.policy} and {@code duban.rules-dir} and swaps them in (hot swap). Exposed
 * only where the application says so ({@code management.endpoints.web.exposure.include=duban}).
 */
@Endpoint(id = "duban")
public class DubanEndpoint {

    private final DubanRuntime runtime;
    private final DubanReloader reloader;
    private final boolean planConfigured;

    /** An endpoint for an application whose plan is {@code duban.plan}. */
    public DubanEndpoint(DubanRuntime runtime, DubanReloader reloader) {
        this(runtime, reloader, true);
    }

    /** {@code planConfigured} false: plans come from the database, and GET names none. */
    public DubanEndpoint(DubanRuntime runtime, DubanReloader reloader, boolean planConfigured) {
        this.runtime = runtime;
        this.reloader = reloader;
        this.planConfigured = planConfigured;
    }

    /**
     * GET: the engine in force: its plan (the 文号, else the title), the plan's title and reporting window, or where
     * plans come from when none is configured, and the ruleset fingerprint.
     */
    @ReadOperation
    public Map<String, Object> current() {
        return DubanAutoConfiguration.describe(runtime.current(), planConfigured);
    }

    /**
     * POST: reloads the configured rules and policy and swaps them in ({@link DubanReloader#reload()}); the outcome
     * names the fingerprint now in force, or every problem found.
     */
    @WriteOperation
    public DubanRuntime.Swap reload() {
        return reloader.reload();
    }
}

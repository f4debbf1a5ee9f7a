package io.github.duban.spring;

import io.github.duban.engine.Duban;
import io.github.duban.engine.DubanRuntime;
import io.github.duban.engine.Ruleset;
import io.github.duban.jdbc.DubanJdbc;
import io.github.duban.json.PlanJson;
import io.github.duban.json.PolicyJson;
import io.github.duban.model.Plan;
import io.github.duban.model.Policy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ResourceUtils;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spring Boot auto-configuration: a {@link Duban} built from {@code duban.plan},
 * {@code duban.policy} and {@code duban.rules-dir}, a {@link DubanRuntime} holding it for hot
 * swaps, a {@link DubanJdbc} over the application's {@link DataSource} when there is one, and,
 * with Actuator, an {@code info} and {@code health} contribution naming the plan and the ruleset
 * fingerprint, and a {@code duban} endpoint that reloads the policy and rules.
 *
 * <p>{@code duban.plan} is required, unless the application has a {@link DataSource}: then plans come
 * from the database ({@code duban_plans}) through {@link DubanJdbc}, the {@link Duban} bean carries only
 * the policy and rules (its plan is the embedded sample, which {@link DubanJdbc} never uses), and
 * info and health say the plans are in the database instead of naming a plan (docs/decisions.md F1).
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Duban.class)
@EnableConfigurationProperties(DubanProperties.class)
public class DubanAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DubanAutoConfiguration.class);

    static final String NO_PLAN = "duban.plan is not set: set it to your plan JSON (a file path, or a classpath: or file:"
            + " location), or to classpath:plan/lengshuitan-2021-3.json for the sample plan 冷优组发〔2021〕3号;"
            + " an application whose plans are in the database (duban_plans) needs a DataSource instead";

    /** What info, health and the endpoint say for the plan when plans come from the database. */
    static final String DATABASE = "the database (duban_plans)";

    /** The engine as configured at start-up; code that must follow hot swaps uses {@link DubanRuntime#current()}. */
    @Bean
    @ConditionalOnMissingBean
    public Duban duban(DubanProperties properties, ResourceLoader resources,
                       org.springframework.beans.factory.ObjectProvider<DataSource> dataSource) {
        Duban.Builder b = Duban.builder();
        if (properties.plan() != null) {
            b.plan(readPlan(properties.plan(), resources));
        } else if (dataSource.getIfAvailable() != null) {
            // plans come from duban_plans: the engine carries the policy and rules only
            b.plan(PlanJson.embedded());
        } else {
            throw new IllegalStateException(NO_PLAN);
        }
        Policy policy = readPolicy(properties, resources);
        if (policy != null) {
            b.policy(policy);
        }
        Ruleset rules = readRules(properties);
        if (rules != null) {
            b.rules(rules);
        }
        Duban duban = b.build();
        LOG.info("duban: plan {}, ruleset {}", properties.plan() != null ? planName(duban.plan()) : DATABASE, duban.fingerprint());
        return duban;
    }

    /** The runtime serving {@code duban} until a reload swaps in another ruleset or policy. */
    @Bean
    @ConditionalOnMissingBean
    public DubanRuntime dubanRuntime(Duban duban) {
        return DubanRuntime.of(duban);
    }

    /** Reloads {@code duban.policy} and {@code duban.rules-dir} into the runtime (what the {@code duban} endpoint calls). */
    @Bean
    @ConditionalOnMissingBean
    public DubanReloader dubanReloader(DubanRuntime runtime, DubanProperties properties, ResourceLoader resources) {
        return new DubanReloader(runtime, () -> readRules(properties), () -> readPolicy(properties, resources));
    }

    /** The database reader and writer, when the application has a DataSource. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(DataSource.class)
    @ConditionalOnBean(DataSource.class)
    static class Jdbc {
        @Bean
        @ConditionalOnMissingBean
        DubanJdbc dubanJdbc(DataSource dataSource, DubanRuntime runtime) {
            return DubanJdbc.of(dataSource, runtime::current);
        }
    }

    /** Actuator: info, health and the duban endpoint. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    static class Actuator {
        @Bean
        @ConditionalOnMissingBean(name = "dubanInfoContributor")
        InfoContributor dubanInfoContributor(DubanRuntime runtime, DubanProperties properties) {
            return info -> info.withDetail("duban", describe(runtime.current(), properties.plan() != null));
        }

        @Bean
        @ConditionalOnMissingBean(name = "dubanHealthIndicator")
        HealthIndicator dubanHealthIndicator(DubanRuntime runtime, DubanProperties properties) {
            return () -> org.springframework.boot.actuate.health.Health.up()
                    .withDetails(describe(runtime.current(), properties.plan() != null)).build();
        }

        @Bean
        @ConditionalOnMissingBean
        DubanEndpoint dubanEndpoint(DubanRuntime runtime, DubanReloader reloader, DubanProperties properties) {
            return new DubanEndpoint(runtime, reloader, properties.plan() != null);
        }
    }

    /**
     * What info, health and the endpoint say of an engine: the plan (when {@code duban.plan} names one;
     * else that plans come from the database) and the ruleset fingerprint.
     */
    static Map<String, Object> describe(Duban d, boolean planConfigured) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (planConfigured) {
            m.put("plan", planName(d.plan()));
            m.put("title", d.plan().title());
            m.put("reporting", d.plan().reporting().from() + ".." + d.plan().reporting().to());
        } else {
            m.put("plans", DATABASE);
        }
        m.put("ruleset", d.fingerprint());
        return m;
    }

    static String planName(Plan p) {
        return p.docNumber() != null ? p.docNumber() : p.title();
    }

    private static Plan readPlan(String location, ResourceLoader resources) {
        return PlanJson.read(text(location, resources, "duban.plan"), location);
    }

    private static Policy readPolicy(DubanProperties properties, ResourceLoader resources) {
        String location = properties.policy();
        return location == null ? null : PolicyJson.read(text(location, resources, "duban.policy"), location);
    }

    private static Ruleset readRules(DubanProperties properties) {
        if (properties.rulesDir() == null) {
            return null;
        }
        Path dir = Path.of(properties.rulesDir());
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("duban.rules-dir " + dir + " is not a folder of .drl files");
        }
        return Ruleset.withFolder(dir);
    }

    /** A file path, or a classpath:/file:/URL location. */
    private static String text(String location, ResourceLoader resources, String property) {
        try {
            if (ResourceUtils.isUrl(location)) {
                Resource r = resources.getResource(location);
                if (!r.exists()) {
                    throw new IllegalArgumentException(property + " " + location + " does not exist");
                }
                return r.getContentAsString(StandardCharsets.UTF_8);
            }
            Path file = Path.of(location);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(property + " " + location + " names no readable file");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + property + " " + location, e);
        }
    }
}

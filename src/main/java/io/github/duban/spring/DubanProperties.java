package io.github.duban.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code duban.*} settings of a Spring Boot application. {@code duban.plan} is required unless the
 * application has a DataSource (plans from the database); without the others the default policy and
 * the built-in rules are used. Immutable and thread-safe.
 *
 * @param plan     the plan JSON: a file path, or a {@code classpath:} / {@code file:} location
 *                 ({@code classpath:plan/lengshuitan-2021-3.json} is the sample plan 冷优组发〔2021〕3号)
 * @param policy   a policy JSON (keys left out keep their defaults): a file path or a location
 * @param rulesDir a folder of {@code .drl} files: same names replace the built-in ones, others are added
 */
@ConfigurationProperties("duban")
public record DubanProperties(String plan, String policy, String rulesDir) {
}

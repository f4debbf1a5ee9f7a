package io.github.duban.spring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.duban.engine.Duban;
import io.github.duban.engine.DubanRuntime;
import io.github.duban.jdbc.DubanJdbc;
import io.github.duban.jdbc.SampleTables;
import io.github.duban.jdbc.TestDatabases;
import io.github.duban.json.AssessmentJson;
import io.github.duban.json.FactsJson;
import io.github.duban.spring.oa.OaApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.YearMonth;

import static io.github.duban.jdbc.SampleTables.PLAN_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DubanAutoConfigurationIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String[] QUIET = {"spring.main.banner-mode=off", "logging.level.root=warn"};

    /** An application with auto-configuration and nothing else. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @org.springframework.boot.autoconfigure.EnableAutoConfiguration
    static class NoDatabase {
    }

    @TempDir
    Path tmp;

    static JsonNode get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static JsonNode post(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void aBootApplication_getsTheBeans_assessesAMonthThroughThem_andShowsTheFingerprintInActuator() throws Exception {
        TestDatabases.Server pg = TestDatabases.postgres();
        DataSource ds = pg.newDatabase();
        SampleTables.load(ds, PLAN_ID);
        String database;
        try (Connection c = ds.getConnection()) {
            database = c.getCatalog();
        }
        Path policy = tmp.resolve("policy.json");
        Files.writeString(policy, "{}\n");

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OaApplication.class).properties(QUIET).properties(
                "server.port=0", "server.address=127.0.0.1",
                "spring.datasource.url=" + pg.url(database), "spring.datasource.username=" + pg.user(),
                "spring.datasource.password=" + pg.password(),
                "duban.plan=classpath:plan/lengshuitan-2021-3.json", "duban.policy=" + policy,
                "management.endpoints.web.exposure.include=info,health,duban",
                "management.endpoint.health.show-details=always").run()) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Duban duban = app.getBean(Duban.class);
            DubanRuntime runtime = app.getBean(DubanRuntime.class);
            assertThat(runtime.current()).isSameAs(duban);
            assertThat(app.getBean(DubanJdbc.class)).isNotNull();

            // the OA's own job assesses February through the bean, into the tables
            DubanJdbc.MonthEnd feb = app.getBean(OaApplication.MonthEndJob.class).run(PLAN_ID, YearMonth.of(2021, 2));
            String expected = AssessmentJson.write(duban.assess(YearMonth.of(2021, 2), null, FactsJson.sampleYear(duban.plan()), null));
            assertThat(AssessmentJson.write(feb.assessment())).isEqualTo(expected);
            assertThat(DubanJdbc.of(ds, duban).assessmentJson(PLAN_ID, YearMonth.of(2021, 2))).hasValue(expected);

            JsonNode info = get(port, "/actuator/info");
            assertThat(info.at("/duban/ruleset").asText()).isEqualTo(duban.fingerprint()).isEqualTo(feb.assessment().ruleset());
            assertThat(info.at("/duban/plan").asText()).isEqualTo("冷优组发〔2021〕3号");
            JsonNode health = get(port, "/actuator/health");
            assertThat(health.at("/status").asText()).isEqualTo("UP");
            assertThat(health.at("/components/duban/details/ruleset").asText()).isEqualTo(duban.fingerprint());

            // hot swap: a new policy file, reloaded through the endpoint; the next run and actuator use it
            Files.writeString(policy, "{\"reportLate\": -2}\n");
            JsonNode swap = post(port, "/actuator/duban");
            assertThat(swap.at("/applied").asBoolean()).as(swap.toString()).isTrue();
            String swapped = swap.at("/fingerprint").asText();
            assertThat(swapped).isNotEqualTo(duban.fingerprint()).isEqualTo(runtime.fingerprint());
            assertThat(swap.at("/previous").asText()).isEqualTo(duban.fingerprint());
            assertThat(get(port, "/actuator/info").at("/duban/ruleset").asText()).isEqualTo(swapped);
            assertThat(get(port, "/actuator/duban").at("/ruleset").asText()).isEqualTo(swapped);
            DubanJdbc.MonthEnd again = app.getBean(OaApplication.MonthEndJob.class).run(PLAN_ID, YearMonth.of(2021, 2));
            assertThat(again.assessment().ruleset()).isEqualTo(swapped);

            // a bad policy is refused and the ruleset in force stays
            Files.writeString(policy, "{\"reportLate\": 5}\n");
            JsonNode refused = post(port, "/actuator/duban");
            assertThat(refused.at("/applied").asBoolean()).isFalse();
            assertThat(refused.at("/problems/0/message").asText()).isNotBlank();
            assertThat(runtime.fingerprint()).isEqualTo(swapped);
        }
    }

    @Test
    void withoutADataSource_thereIsAnEngineForDubanPlanButNoDatabaseBean() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(NoDatabase.class)
                .web(org.springframework.boot.WebApplicationType.NONE)
                .properties(QUIET)
                .properties("spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
                        "duban.plan=classpath:plan/lengshuitan-2021-3.json")
                .run()) {
            assertThat(app.getBean(Duban.class).plan().tasks()).hasSize(19);
            assertThat(app.getBeanNamesForType(DubanJdbc.class)).isEmpty();
        }
    }

    @Test
    void withoutADataSourceOrDubanPlan_theApplicationDoesNotStart_andSaysToSetDubanPlan() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(NoDatabase.class)
                .web(org.springframework.boot.WebApplicationType.NONE)
                .properties(QUIET)
                .properties("spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
                .run().close())
                .hasStackTraceContaining("duban.plan is not set")
                .hasStackTraceContaining("classpath:plan/lengshuitan-2021-3.json");
    }

    @Test
    void withADataSourceAndNoDubanPlan_plansComeFromTheDatabase_andActuatorNamesNoPlan() throws Exception {
        TestDatabases.Server pg = TestDatabases.postgres();
        DataSource ds = pg.newDatabase();
        SampleTables.load(ds, PLAN_ID);
        String database;
        try (Connection c = ds.getConnection()) {
            database = c.getCatalog();
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OaApplication.class).properties(QUIET).properties(
                "server.port=0", "server.address=127.0.0.1",
                "spring.datasource.url=" + pg.url(database), "spring.datasource.username=" + pg.user(),
                "spring.datasource.password=" + pg.password(),
                "management.endpoints.web.exposure.include=info,health,duban",
                "management.endpoint.health.show-details=always").run()) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            DubanJdbc.MonthEnd feb = app.getBean(OaApplication.MonthEndJob.class).run(PLAN_ID, YearMonth.of(2021, 2));
            assertThat(feb.assessment()).isNotNull();
            JsonNode info = get(port, "/actuator/info");
            assertThat(info.at("/duban/plan").isMissingNode()).as(info.toString()).isTrue();
            assertThat(info.at("/duban/plans").asText()).isEqualTo("the database (duban_plans)");
            assertThat(info.toString()).doesNotContain("冷优组发");
            JsonNode health = get(port, "/actuator/health");
            assertThat(health.at("/components/duban/details/plans").asText()).isEqualTo("the database (duban_plans)");
            assertThat(health.toString()).doesNotContain("冷优组发");
            assertThat(get(port, "/actuator/duban").toString()).doesNotContain("冷优组发");
        }
    }
}

package io.github.duban.server;

import io.github.duban.bulletin.BulletinSettings;
import io.github.duban.engine.Duban;
import io.github.duban.engine.Ruleset;
import io.github.duban.jdbc.DubanJdbc;
import io.github.duban.json.FactsJson;
import io.github.duban.json.PlanJson;
import io.github.duban.json.PolicyJson;
import io.github.duban.model.Plan;
import io.github.duban.model.Policy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.embedded.EmbeddedWebServerFactoryCustomizerAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.HttpEncodingAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.MultipartAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code duban serve}: the JSON API under {@code /api/v1} and the console at {@code /}, on embedded
 * Tomcat. Only the Spring Boot configurations it names are loaded (no classpath scan, no
 * {@code application.properties} from the working folder), and its settings are given on Spring's
 * command line, so no environment variable can move its port or loosen its limits. See
 * docs/service.md.
 */
public final class DubanServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DubanServer.class);

    private final ConfigurableApplicationContext context;
    private final int port;

    private DubanServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    /**
     * Tomcat's check for threads left by a web application when it stops: the pool threads the rule
     * compiler starts while a request saves a rules version are shared by the whole process, not
     * leaked, and the server stops only when the process ends. Held here so that the setting stays.
     */
    private static final java.util.logging.Logger THREAD_CHECK = java.util.logging.Logger.getLogger("org.apache.catalina.loader.WebappClassLoaderBase");

    /** Starts a server; it listens when this returns. */
    public static DubanServer start(ServeOptions o) {
        THREAD_CHECK.setLevel(java.util.logging.Level.SEVERE);
        Office office = office(o, Clock.systemDefaultZone());
        Access access = new Access(o.token(), o.adminToken(), o.maxBodyKb() * 1024L, o.maxUploadKb() * 1024L);
        SpringApplication app = new SpringApplication(Config.class);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setRegisterShutdownHook(false);
        app.addInitializers(ctx -> {
            ctx.getBeanFactory().registerSingleton("dubanOffice", office);
            ctx.getBeanFactory().registerSingleton("dubanAccess", access);
        });
        List<String> args = new ArrayList<>(List.of(
                "--spring.config.location=optional:classpath:/io/github/duban/server/none/",
                "--server.address=" + o.bind(),
                "--server.port=" + o.port(),
                "--server.error.include-stacktrace=never",
                "--server.error.include-message=never",
                "--server.error.whitelabel.enabled=false",
                "--server.servlet.session.timeout=8h",
                "--server.servlet.session.cookie.http-only=true",
                "--server.servlet.session.cookie.same-site=strict",
                "--server.servlet.session.cookie.name=DUBAN_SESSION",
                "--server.servlet.session.tracking-modes=cookie",
                "--server.tomcat.max-swallow-size=-1",
                // a city's 驾驶舱 is megabytes of JSON: compressed for clients that ask (Accept-Encoding: gzip)
                "--server.compression.enabled=true",
                "--server.compression.mime-types=application/json,text/html,text/markdown,text/css,text/javascript,application/javascript",
                "--server.compression.min-response-size=4096",
                // behind nginx on the same machine: X-Forwarded-Proto https makes the request secure, so the session cookie is marked Secure
                "--server.forward-headers-strategy=native",
                "--server.tomcat.max-http-form-post-size=" + (o.maxBodyKb() * 1024L),
                "--spring.servlet.multipart.max-file-size=" + o.maxUploadKb() + "KB",
                "--spring.servlet.multipart.max-request-size=" + (o.maxUploadKb() + 64) + "KB",
                "--spring.web.resources.static-locations=classpath:/console/",
                "--spring.web.resources.cache.cachecontrol.no-cache=true",
                "--spring.mvc.problemdetails.enabled=false",
                "--spring.main.allow-bean-definition-overriding=false",
                "--logging.level.org.apache.catalina=warn",
                "--logging.level.org.springframework=warn"));
        ConfigurableApplicationContext ctx = app.run(args.toArray(String[]::new));
        DubanServer s = new DubanServer(ctx);
        LOG.info("duban serve: http://{}:{}/ ({}; rules version {} in force, {})", o.bind(), s.port, office.store().describe(),
                office.versions().active().version(), office.versions().active().fingerprint());
        return s;
    }

    /** What the server serves: its plans, its rules versions, its bulletin settings. */
    static Office office(ServeOptions o, Clock clock) {
        try {
            Files.createDirectories(o.data());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot make the data folder " + o.data(), e);
        }
        Path plans = o.data().resolve("plans");
        if (o.sample() && o.database() == null && !Files.isDirectory(plans.resolve("sample"))) {
            Plan p = PlanJson.embedded();
            new PlanStore.Files_(plans).save("sample", p);
            FactsJson.write(plans.resolve("sample"), FactsJson.sampleYear(p));
            LOG.info("the sample plan and its facts are in {}", plans.resolve("sample"));
        }
        Duban.Builder b = Duban.builder().plan(PlanJson.embedded());
        Policy policy = o.policy() == null ? Policy.DEFAULT : PolicyJson.read(o.policy());
        if (o.scoring() != null) {
            policy = io.github.duban.authoring.ScoringSheets.read(o.scoring(), policy);
        }
        b.policy(policy);
        if (o.rules() != null) {
            b.rules(Ruleset.withFolder(o.rules()));
        }
        RulesVersions versions = new RulesVersions(o.data().resolve("rules"), b.build(), "duban serve", clock);
        PlanStore store = o.database() != null
                ? new PlanStore.Database(DubanJdbc.of(o.database(), versions.runtime()::current))
                : new PlanStore.Files_(plans);
        Path settings = o.data().resolve("bulletin.yaml");
        BulletinSettings bs = Files.isRegularFile(settings) ? BulletinSettings.read(settings) : BulletinSettings.DEFAULT;
        return new Office(store, versions, bs, o.maxFacts(), o.data().resolve("results"));
    }

    /** The port it listens on (the one chosen when asked for port 0). */
    public int port() {
        return port;
    }

    /** Blocks until the server stops. */
    public void await() throws InterruptedException {
        while (context.isRunning()) {
            Thread.sleep(1000);
        }
    }

    @Override
    public void close() {
        context.close();
    }

    /** The Spring configuration: the web server, MVC and Jackson, the controllers, the access filter. */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
            EmbeddedWebServerFactoryCustomizerAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, HttpEncodingAutoConfiguration.class,
            HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class, MultipartAutoConfiguration.class})
    @Import({ApiController.class, RulesController.class, SessionController.class, Errors.class})
    static class Config {
        @Bean
        FilterRegistrationBean<Access> accessFilter(Access access) {
            FilterRegistrationBean<Access> r = new FilterRegistrationBean<>(access);
            r.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            r.addUrlPatterns("/*");
            return r;
        }
    }
}

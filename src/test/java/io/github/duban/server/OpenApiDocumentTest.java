package io.github.duban.server;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document the server serves at /api/v1/openapi.json: it parses without a message,
 * every path is under /api/v1/, every operation answers the errors docs/service.md promises, and
 * its operations are exactly the handlers of the controllers in io.github.duban.server.
 */
class OpenApiDocumentTest {

    static final String DOCUMENT = "/server/openapi.json";
    static final String PAGE = "/server/docs.html";
    static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");

    static String resource(String name) throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name + " on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static OpenAPI parse() throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(resource(DOCUMENT), null, options);
        assertThat(result.getMessages()).as("parser messages").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        return result.getOpenAPI();
    }

    /** "GET /api/v1/plans/{plan}" for every operation of the document. */
    static Set<String> documented(OpenAPI api) {
        Set<String> out = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(m -> out.add(m.name() + " " + path)));
        return out;
    }

    @Test
    void parsesWithoutMessagesAndEveryPathIsUnderApiV1() throws IOException {
        OpenAPI api = parse();
        assertThat(api.getOpenapi()).isEqualTo("3.0.3");
        assertThat(api.getServers()).singleElement().satisfies(s -> assertThat(s.getUrl()).isEqualTo("/"));
        assertThat(api.getPaths()).isNotEmpty();
        assertThat(api.getPaths().keySet()).allSatisfy(p -> assertThat(p).startsWith("/api/v1/"));
        assertThat(api.getComponents().getSecuritySchemes()).containsKeys("bearer", "cookieAuth");
        assertThat(api.getComponents().getSecuritySchemes().get("bearer").getScheme()).isEqualTo("bearer");
        assertThat(api.getComponents().getSecuritySchemes().get("cookieAuth").getName()).isEqualTo("DUBAN_SESSION");
        assertThat(api.getComponents().getSchemas()).containsKeys("Assessment", "Plan", "Facts", "Ledger", "Error", "Diff",
                "Version", "AuditEntry", "Session", "Dashboard", "ImportResult");
        assertThat(api.getComponents().getSchemas().get("Error").getProperties())
                .containsOnlyKeys("status", "error", "message", "file", "line", "field");
    }

    @Test
    void everyOperationSaysItInChineseAndEnglishAndListsTheContractsErrors() throws IOException {
        OpenAPI api = parse();
        Set<String> admin = Set.of("POST /api/v1/rules/versions", "POST /api/v1/rules/versions/{version}/activate");
        List<String> wrong = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            String name = method.name() + " " + path;
            Set<String> codes = op.getResponses().keySet();
            if (op.getSummary() == null || !CHINESE.matcher(op.getSummary()).find() || !LATIN_WORD.matcher(op.getSummary()).find()) {
                wrong.add(name + ": summary not in Chinese and English");
            }
            if (!codes.contains("200") && !codes.contains("204")) {
                wrong.add(name + ": no 200 or 204");
            }
            boolean open = op.getSecurity() != null && op.getSecurity().isEmpty();
            if (!open && !codes.contains("401")) {
                wrong.add(name + ": secured but no 401");
            }
            if (admin.contains(name) != codes.contains("403")) {
                wrong.add(name + ": 403 on admin operations only");
            }
            if (op.getRequestBody() != null && !codes.contains("413")) {
                wrong.add(name + ": takes a body but no 413");
            }
            if (op.getRequestBody() != null && !codes.contains("400")) {
                wrong.add(name + ": takes a body but no 400");
            }
            if (path.contains("{plan}") && method != PathItem.HttpMethod.PUT && !codes.contains("404")) {
                wrong.add(name + ": reads a plan but no 404");
            }
        }));
        assertThat(wrong).as("operations against the contract").isEmpty();
        Operation signIn = api.getPaths().get("/api/v1/session").getPost();
        assertThat(signIn.getSecurity()).as("signing in needs no security").isEmpty();
        assertThat(api.getSecurity()).hasSize(2);
    }

    @Test
    void theDocsPageFetchesTheDocumentAndNothingFromOutside() throws IOException {
        String page = resource(PAGE);
        assertThat(page).contains("/api/v1/openapi.json").contains("<meta name=\"viewport\"");
        assertThat(page).doesNotContainPattern("(src|href)\\s*=\\s*[\"']?(https?:)?//");
        assertThat(page).doesNotContainPattern("@import|url\\(\\s*[\"']?(https?:)?//");
    }

    @Test
    void theOperationsAreExactlyTheControllersHandlers() throws Exception {
        Set<String> handlers = handlers();
        Assumptions.assumeFalse(handlers.isEmpty(), "no controller in io.github.duban.server yet");
        Set<String> documented = documented(parse());
        Set<String> undocumented = new TreeSet<>(handlers);
        undocumented.removeAll(documented);
        Set<String> unserved = new TreeSet<>(documented);
        unserved.removeAll(handlers);
        assertThat(undocumented).as("handlers missing from openapi.json").isEmpty();
        assertThat(unserved).as("operations of openapi.json no handler serves").isEmpty();
    }

    /**
     * "METHOD /path" for every handler method (public or not) of the @RestController classes of the package (and of
     * its @Controller classes under /api/, where a page such as /api/v1/docs may be served):
     * class-level prefix + method path, path variables without their patterns.
     */
    static Set<String> handlers() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        Set<String> out = new TreeSet<>();
        for (BeanDefinition bd : scanner.findCandidateComponents("io.github.duban.server")) {
            Class<?> type = Class.forName(bd.getBeanClassName());
            boolean rest = AnnotatedElementUtils.hasAnnotation(type, RestController.class);
            RequestMapping onType = AnnotatedElementUtils.findMergedAnnotation(type, RequestMapping.class);
            List<String> prefixes = onType == null || paths(onType).length == 0 ? List.of("") : List.of(paths(onType));
            for (Method m : ReflectionUtils.getUniqueDeclaredMethods(type, ReflectionUtils.USER_DECLARED_METHODS)) {
                RequestMapping onMethod = AnnotatedElementUtils.findMergedAnnotation(m, RequestMapping.class);
                if (onMethod == null) {
                    continue;
                }
                String[] tails = paths(onMethod).length == 0 ? new String[]{""} : paths(onMethod);
                RequestMethod[] methods = onMethod.method().length == 0 ? new RequestMethod[]{null} : onMethod.method();
                for (String prefix : prefixes) {
                    for (String tail : tails) {
                        String path = normalize(prefix, tail);
                        if (!rest && !path.startsWith("/api/")) {
                            continue;
                        }
                        for (RequestMethod rm : methods) {
                            out.add((rm == null ? "ANY" : rm.name()) + " " + path);
                        }
                    }
                }
            }
        }
        return out;
    }

    static String[] paths(RequestMapping rm) {
        return rm.path().length > 0 ? rm.path() : rm.value();
    }

    static String normalize(String prefix, String tail) {
        String p = (prefix.startsWith("/") || prefix.isEmpty() ? prefix : "/" + prefix)
                + (tail.isEmpty() || tail.startsWith("/") ? tail : "/" + tail);
        p = p.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? "/" : p;
    }
}

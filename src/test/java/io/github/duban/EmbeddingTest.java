package io.github.duban;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A plain consumer of the library jar inherits Drools, Jackson and the SLF4J API, nothing else:
 * every other dependency the pom declares for the main code is optional (so Maven never hands it
 * on), and the library assesses a month on a class path that holds none of them.
 */
class EmbeddingTest {

    /** What the library may hand on to a consumer: groupId:artifactId patterns. */
    private static final List<Pattern> INHERITED = List.of(
            Pattern.compile("org\\.drools:.*"),
            Pattern.compile("com\\.fasterxml\\.jackson\\..*:.*"),
            Pattern.compile("org\\.slf4j:slf4j-api"));

    /** Jars of the optional dependencies (and what they bring) as they appear on the test class path. */
    private static final Pattern OPTIONAL_JAR = Pattern.compile(
            ".*/(org/apache/poi|org/apache/xmlbeans|org/apache/commons/commons-compress|org/jsoup|org/freemarker"
                    + "|org/springframework|info/picocli|org/slf4j/slf4j-simple|org/postgresql|org/mariadb"
                    + "|com/mysql|com/zaxxer|io/micrometer|org/apache/tomcat|org/openjdk/jmh)/.*");

    @Test
    void everyDependencyOfTheMainCodeBeyondDroolsJacksonAndSlf4jIsOptional() throws Exception {
        var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File("pom.xml"));
        Element dependencies = null;
        NodeList top = pom.getDocumentElement().getChildNodes();
        for (int i = 0; i < top.getLength(); i++) {
            if (top.item(i) instanceof Element e && e.getTagName().equals("dependencies")) {
                dependencies = e;
            }
        }
        assertThat(dependencies).as("the pom's <dependencies>").isNotNull();
        List<String> handedOn = new ArrayList<>();
        NodeList deps = dependencies.getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            if (!d.getParentNode().equals(dependencies)) {
                continue;
            }
            String ga = text(d, "groupId") + ":" + text(d, "artifactId");
            String scope = text(d, "scope");
            boolean optional = "true".equals(text(d, "optional"));
            boolean reaches = scope == null || scope.equals("compile") || scope.equals("runtime");
            if (reaches && !optional && INHERITED.stream().noneMatch(p -> p.matcher(ga).matches())) {
                handedOn.add(ga);
            }
        }
        assertThat(handedOn).as("dependencies a library consumer would inherit beyond Drools, Jackson and the SLF4J API")
                .isEmpty();
    }

    @Test
    void theLibraryAssessesAMonthWithoutAnyOptionalDependency() throws Exception {
        List<URL> urls = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String unix = entry.replace(File.separatorChar, '/');
            if (unix.endsWith("/test-classes") || unix.endsWith("/test-classes/")) {
                continue;
            }
            if (OPTIONAL_JAR.matcher(unix).matches() || unix.contains("/junit") || unix.contains("/assertj")
                    || unix.contains("/quicktheories") || unix.contains("/opentest4j") || unix.contains("/apiguardian")) {
                left.add(unix);
                continue;
            }
            urls.add(Path.of(entry).toUri().toURL());
        }
        assertThat(left).as("the test class path holds the optional jars this check leaves out").isNotEmpty();
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader plain = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Thread.currentThread().setContextClassLoader(plain);
            for (String absent : Set.of("org.apache.poi.xwpf.usermodel.XWPFDocument", "freemarker.template.Configuration",
                    "org.jsoup.Jsoup", "picocli.CommandLine", "org.slf4j.simple.SimpleLogger")) {
                assertThatThrownBy(() -> Class.forName(absent, false, plain)).isInstanceOf(ClassNotFoundException.class);
            }
            Class<?> duban = Class.forName("io.github.duban.engine.Duban", true, plain);
            Object builder = duban.getMethod("builder").invoke(null);
            Class<?> planJson = Class.forName("io.github.duban.json.PlanJson", true, plain);
            Object sample = planJson.getMethod("embedded").invoke(null);
            builder = builder.getClass().getMethod("plan", Class.forName("io.github.duban.model.Plan", false, plain)).invoke(builder, sample);
            Object engine = builder.getClass().getMethod("build").invoke(builder);
            Object plan = duban.getMethod("plan").invoke(engine);
            Class<?> factsJson = Class.forName("io.github.duban.json.FactsJson", true, plain);
            Class<?> planType = Class.forName("io.github.duban.model.Plan", false, plain);
            Object facts = factsJson.getMethod("sampleYear", planType).invoke(null, plan);
            Class<?> factsType = Class.forName("io.github.duban.model.Facts", false, plain);
            Method replay = duban.getMethod("replay", java.time.YearMonth.class, java.time.YearMonth.class, factsType);
            List<?> months = (List<?>) replay.invoke(engine, java.time.YearMonth.of(2021, 2), java.time.YearMonth.of(2021, 5), facts);
            assertThat(months).hasSize(4);
            Class<?> assessment = Class.forName("io.github.duban.outcome.Assessment", false, plain);
            String json = (String) Class.forName("io.github.duban.json.AssessmentJson", true, plain)
                    .getMethod("write", assessment).invoke(null, months.get(3));
            assertThat(json).contains("\"period\" : \"2021-05\"").contains("TASK_OVERDUE");
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    private static String text(Element e, String tag) {
        NodeList l = e.getElementsByTagName(tag);
        for (int i = 0; i < l.getLength(); i++) {
            if (l.item(i).getParentNode().equals(e)) {
                return l.item(i).getTextContent().strip();
            }
        }
        return null;
    }
}

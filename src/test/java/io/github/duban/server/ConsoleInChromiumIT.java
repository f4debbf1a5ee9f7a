package io.github.duban.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The console of {@code duban serve} in a real headless Chromium against a real server on the
 * sample plan: sign in as admin; the 驾驶舱 of 2021-06 ranks the units as the API does; a unit's
 * score opens line by line; in the what-if a scoring-sheet number a unit's deduction rests on is
 * changed and the change list shows that unit's score change; the sheet is saved as a new version
 * and activated, and the header's fingerprint becomes the new ruleset's. A user signed in with the
 * non-admin token can neither save nor activate. At 390 px the pages do not scroll sideways.
 * Screenshots go to target/console-screenshots/, and with {@code -Dduban.writeScreens} also to
 * docs/images/console-{dashboard,whatif}-{1280,390}.png.
 */
class ConsoleInChromiumIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String TOKEN = "console-user-token";
    static final String ADMIN = "console-admin-token";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(60);
    static final Path SHOTS = Path.of("target/console-screenshots");
    static final Path DOCS = Path.of("docs/images");

    @TempDir
    static Path data;

    static AutoCloseable server;
    static String base;
    static HttpClient http;
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("Chromium and its driver are not installed at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": install the Debian packages chromium, chromium-driver and fonts-noto-cjk");
        }
        var running = DubanServer.start(ServeOptions.forTest(data, TOKEN, ADMIN));
        server = running;
        base = "http://127.0.0.1:" + running.port();
        http = HttpClient.newHttpClient();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900",
                "--hide-scrollbars", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theClerkReadsTheMonth_triesAScoringChange_savesAndActivatesIt_andAUserCannot() throws Exception {
        // the API's answer for June, to compare the page with
        JsonNode june = api("GET", "/api/v1/plans/sample/assessment?month=2021-06", null, ADMIN);
        Map<String, Integer> ranks = new LinkedHashMap<>();
        june.get("scores").forEach(s -> ranks.put(s.get("unit").asText(), s.get("rank").asInt()));
        assertThat(ranks).as("units scored in 2021-06").hasSizeGreaterThan(3);

        // sign in as admin
        driver.get(base + "/");
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-form")));
        driver.findElement(By.id("signin-token")).sendKeys(ADMIN);
        driver.findElement(By.id("signin-name")).sendKeys("张督查");
        driver.findElement(By.id("signin-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav")));
        assertThat(driver.findElement(By.id("user-name")).getText()).isEqualTo("张督查");
        assertThat(driver.findElement(By.id("user-role")).getText()).isEqualTo("管理员");

        // the 驾驶舱 of 2021-06 ranks the units as the API does
        driver.get(base + "/#/dashboard?month=2021-06");
        String rows = "table[data-test=ranking][data-plan=sample] tbody tr[data-unit]";
        wait.until(d -> d.findElements(By.cssSelector(rows)).size() == ranks.size());
        assertThat(new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("month"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo("2021-06");
        Map<String, Integer> shown = new LinkedHashMap<>();
        for (WebElement tr : driver.findElements(By.cssSelector(rows))) {
            shown.put(tr.getAttribute("data-unit"), Integer.parseInt(tr.findElement(By.cssSelector("td")).getText().trim()));
        }
        assertThat(shown).as("units and ranks on the page, in the API's order").containsExactlyEntriesOf(ranks);
        JsonNode summary = june.get("summary");
        assertThat(driver.findElement(By.cssSelector("section[data-plan=sample] [data-figure=done]")).getText())
                .contains(summary.get("done").asText() + " / " + summary.get("tasks").asText());
        String fingerprint = api("GET", "/api/v1/ruleset", null, TOKEN).get("fingerprint").asText();
        assertThat(driver.findElement(By.id("fingerprint")).getText()).isEqualTo(fingerprint.substring(0, 12));
        shoot("console-dashboard-1280", 1280);
        shoot("console-dashboard-390", 390);

        // the unit with the lowest score and a deduction: its score line by line
        JsonNode unit = null;
        JsonNode line = null;
        for (JsonNode s : june.get("scores")) {
            for (JsonNode l : s.get("lines")) {
                if (l.get("points").asDouble() < 0 && (unit == null || s.get("score").asDouble() < unit.get("score").asDouble())) {
                    unit = s;
                    line = l;
                }
            }
        }
        assertThat(unit).as("a unit with a deduction in 2021-06").isNotNull();
        String u = unit.get("unit").asText();
        JsonNode explained = api("GET", "/api/v1/plans/sample/explain?month=2021-06&unit=" + enc(u), null, TOKEN);
        driver.findElement(By.cssSelector(rows + "[data-unit='" + u + "']")).click();
        wait.until(d -> d.findElements(By.cssSelector("#panel [data-test=explain-line]")).size() == explained.get("lines").size());
        assertThat(driver.findElement(By.cssSelector("#panel [data-test=explain-score]")).getText())
                .isEqualTo(plain(explained.get("score")));
        assertThat(driver.findElement(By.id("panel-body")).getText()).contains(explained.get("lines").get(0).get("rule").asText());
        shot("console-explain-1280");
        driver.findElement(By.id("panel-close")).click();

        // a red-light task month by month
        JsonNode red = null;
        for (JsonNode b : june.get("board")) {
            if (red == null && "RED".equals(b.get("light").asText())) {
                red = b;
            }
        }
        assertThat(red).as("a red light in 2021-06").isNotNull();
        String task = red.get("task").asText();
        JsonNode history = api("GET", "/api/v1/plans/sample/tasks/" + task + "/history?month=2021-06", null, TOKEN);
        driver.findElement(By.cssSelector("section[data-plan=sample] table[data-test=red-tasks] tr[data-task='" + task + "']")).click();
        wait.until(d -> d.findElements(By.cssSelector("#panel [data-test=history] tr[data-month]")).size() == history.get("months").size());
        assertThat(driver.findElement(By.id("panel-title")).getText()).contains(history.get("title").asText());
        shot("console-history-1280");
        driver.findElement(By.id("panel-close")).click();

        // what-if: the points of the item the unit's deduction rests on, halved
        String kind = line.get("kind").asText();
        JsonNode sheet = api("GET", "/api/v1/scoring", null, TOKEN);
        String item = null;
        double points = 0;
        for (JsonNode r : sheet.get("rows")) {
            if (r.get("kind").asText().equals(kind) && item == null) {
                item = r.get("item").asText();
                points = Double.parseDouble(r.get("points").asText());
            }
        }
        assertThat(item).as("the scoring sheet's row for " + kind).isNotNull();
        driver.get(base + "/#/whatif?plan=sample&month=2021-06");
        String input = "#whatif-table input[data-field=points][data-item='" + item + "']";
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(input)));
        wait.until(d -> d.findElement(By.id("whatif-status")).getText().contains("个单位"));
        WebElement pts = driver.findElement(By.cssSelector(input));
        pts.clear();
        pts.sendKeys(plain(points / 2));
        String change = "#whatif-changes .change[data-unit='" + u + "']";
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(change)));
        WebElement changed = driver.findElement(By.cssSelector(change));
        assertThat(Double.parseDouble(changed.getAttribute("data-score-before"))).isEqualTo(unit.get("score").asDouble());
        assertThat(Double.parseDouble(changed.getAttribute("data-score-after"))).isNotEqualTo(unit.get("score").asDouble());
        assertThat(changed.getText()).contains(u);
        shoot("console-whatif-1280", 1280);
        shoot("console-whatif-390", 390);

        // saved as a new version, activated: the header shows the new fingerprint
        driver.findElement(By.id("version-note")).sendKeys(item + "分值减半");
        driver.findElement(By.id("save-version")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=saved]")));
        WebElement saved = driver.findElement(By.cssSelector("[data-test=saved]"));
        String version = saved.getAttribute("data-version");
        String newPrint = saved.getAttribute("data-fingerprint");
        assertThat(newPrint).isNotEqualTo(fingerprint);
        String activate = "#versions button.activate[data-version='" + version + "']";
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(activate))).click();
        wait.until(d -> newPrint.equals(d.findElement(By.id("fingerprint")).getAttribute("data-fingerprint")));
        JsonNode inForce = api("GET", "/api/v1/ruleset", null, TOKEN);
        assertThat(inForce.get("fingerprint").asText()).isEqualTo(newPrint);
        assertThat(inForce.get("version").asText()).isEqualTo(version);
        assertThat(driver.findElement(By.id("fingerprint")).getText()).isEqualTo(newPrint.substring(0, 12));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#versions tr[data-version='" + version + "'][data-active=true]")));
        assertThat(driver.findElement(By.id("audit")).getText()).contains("张督查");
        shot("console-whatif-activated-1280");

        // the month-end of June under the version now in force: its six files in the data folder
        driver.get(base + "/#/bulletins?plan=sample&month=2021-06");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("month-end")));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("bulletin-month"))).selectByValue("2021-06");
        driver.findElement(By.id("month-end")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=month-end-done]")));
        assertThat(driver.findElement(By.cssSelector("[data-test=month-end-done]")).getAttribute("data-ruleset")).isEqualTo(newPrint);
        Path results = data.resolve("results/sample/2021-06");
        assertThat(results.resolve("bulletin.docx")).isNotEmptyFile();
        assertThat(JSON.readTree(results.resolve("assessment.json").toFile()).get("ruleset").asText()).isEqualTo(newPrint);
        shot("console-month-end-1280");

        // a user: the what-if works, saving and activating do not
        driver.findElement(By.id("signout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-form")));
        driver.findElement(By.id("signin-token")).sendKeys(TOKEN);
        driver.findElement(By.id("signin-name")).sendKeys("李科员");
        driver.findElement(By.id("signin-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav")));
        assertThat(driver.findElement(By.id("user-role")).getText()).isNotEqualTo("管理员");
        driver.get(base + "/#/whatif?plan=sample&month=2021-06");
        wait.until(d -> !d.findElements(By.cssSelector("#versions tr[data-version]")).isEmpty());
        assertThat(driver.findElement(By.id("save-version")).isEnabled()).as("save for a user").isFalse();
        List<WebElement> buttons = driver.findElements(By.cssSelector("#versions button.activate"));
        assertThat(buttons).as("the older version can be activated by an admin").isNotEmpty();
        for (WebElement b : buttons) {
            assertThat(b.isEnabled()).as("activate for a user").isFalse();
        }
        assertThat(driver.findElement(By.id("admin-only")).getText()).contains("管理员");
        shot("console-whatif-user-1280");
    }

    // ---------- helpers ----------

    static JsonNode api(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60));
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(res.statusCode()).as(method + " " + path + ": " + res.body()).isEqualTo(200);
        return JSON.readTree(res.body());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void theApiPage_listsEveryOperationOfTheDocument_underTheServersContentSecurityPolicy() throws Exception {
        JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(base + "/api/v1/openapi.json")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body());
        int operations = 0;
        for (JsonNode path : doc.path("paths")) {
            for (String m : java.util.List.of("get", "post", "put", "delete")) {
                if (path.has(m)) {
                    operations++;
                }
            }
        }
        driver.get(base + "/api/v1/docs");
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10)).until(d ->
                d.getPageSource().contains("/api/v1/rules/versions/{version}/activate"));
        String text = driver.findElement(org.openqa.selenium.By.tagName("body")).getText();
        for (var it = doc.path("paths").fieldNames(); it.hasNext(); ) {
            assertThat(text).contains(it.next());
        }
        assertThat(operations).isGreaterThan(20);
        shoot("api-docs-390", 390);
    }

    /** A number as the console prints it: no trailing zeros. */
    static String plain(JsonNode n) {
        return plain(n.asDouble());
    }

    static String plain(double d) {
        return new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    /** The whole page at a width (a phone's 390 px is emulated: a window cannot be that narrow), kept in target and, when asked, in docs/images. */
    static void shoot(String name, int width) throws Exception {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("width", width);
        metrics.put("height", 900);
        metrics.put("deviceScaleFactor", 1);
        metrics.put("mobile", width < 600);
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", metrics);
        Thread.sleep(300);
        JavascriptExecutor js = driver;
        long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        assertThat(scrollWidth).as(name + ": the page does not scroll sideways").isLessThanOrEqualTo(width);
        long height = ((Number) js.executeScript("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")).longValue();
        metrics.put("height", Math.min(height, 4000));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", metrics);
        Thread.sleep(300);
        shot(name);
        if (System.getProperty("duban.writeScreens") != null) {
            Files.createDirectories(DOCS);
            Files.copy(SHOTS.resolve(name + ".png"), DOCS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", new LinkedHashMap<>());
        Thread.sleep(200);
    }

    static void shot(String name) throws Exception {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name + ".png"), png);
    }
}

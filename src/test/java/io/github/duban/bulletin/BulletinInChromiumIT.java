package io.github.duban.bulletin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * May's bulletin.html opened in a real headless Chromium: the screenshot is not blank, Chinese
 * text in the bulletin's font stack renders as glyphs (not as the boxes that private-use code
 * points give), and no request leaves the page (Chromium's network log, and the HTML itself); at
 * a phone's 390 px and a desktop's 1240 px the page does not scroll sideways (a wide table may
 * scroll inside its own box). Chromium's window is at least 500 px wide, so the page is measured
 * in a frame of the width. With {@code -Dbulletin.screenshots=DIR} the screenshots at both widths
 * are kept there (bulletin-2021-05-390.png, bulletin-2021-05-1240.png).
 */
class BulletinInChromiumIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @BeforeAll
    static void chromiumIsInstalled() {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("Chromium is not installed at " + CHROMIUM + ": install the Debian packages chromium and fonts-noto-cjk "
                    + "(apt-get install chromium fonts-noto-cjk; .ci/run installs them when missing)");
        }
    }

    @Test
    void theBulletinRendersOnANonBlankPage_withTheRedMastheadAndTheLights() throws Exception {
        Path html = write("bulletin.html", Bulletins.html(SampleYear.bulletin(5), null));
        BufferedImage shot = screenshot(html, 1240, 1754, null);
        int ink = 0;
        int red = 0;
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 0; x < shot.getWidth(); x++) {
                int rgb = shot.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r + g + b < 600) {
                    ink++;
                }
                if (r > 150 && g < 80 && b < 80) {
                    red++;
                }
            }
        }
        int all = shot.getWidth() * shot.getHeight();
        assertThat(ink).as("dark pixels").isGreaterThan(all / 50);
        assertThat(red).as("the red masthead").isGreaterThan(2000);
    }

    @Test
    void chineseTextRendersAsGlyphs_notAsMissingGlyphBoxes() throws Exception {
        String stack = fontStack();
        String cjk = "督查通报考核得分排名挂图作战";
        StringBuilder pua = new StringBuilder();
        for (int i = 0; i < cjk.length(); i++) {
            pua.append((char) (0xE000 + i));
        }
        Path probe = write("probe.html", "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>body{margin:0;background:#fff}"
                + "div{position:absolute;left:10px;font-size:48px;line-height:60px;white-space:nowrap;font-family:" + stack + "}</style>"
                + "</head><body><div style=\"top:10px\">" + cjk + "</div><div style=\"top:110px\">" + pua + "</div></body></html>");
        BufferedImage shot = screenshot(probe, 1000, 200, null);
        int inkCjk = 0;
        int differ = 0;
        for (int y = 0; y < 80; y++) {
            for (int x = 0; x < 1000; x++) {
                boolean a = dark(shot.getRGB(x, 10 + y));
                boolean b = dark(shot.getRGB(x, 110 + y));
                inkCjk += a ? 1 : 0;
                differ += a != b ? 1 : 0;
            }
        }
        assertThat(inkCjk).as("the Chinese line has ink").isGreaterThan(3000);
        assertThat(differ).as("the Chinese line differs from the missing-glyph line: is fonts-noto-cjk installed?")
                .isGreaterThan(inkCjk / 3);
    }

    @Test
    void noRequestLeavesThePage_inTheNetworkLogOrInTheHtml() throws Exception {
        String text = Bulletins.html(SampleYear.bulletin(5), null);
        assertThat(text).doesNotContainPattern("(?i)https?:").doesNotContainPattern("(?i)\\b(src|href)\\s*=")
                .doesNotContainPattern("(?i)url\\(").doesNotContainPattern("(?i)<(link|script|img|iframe)\\b").doesNotContain("@import");
        Path html = write("bulletin.html", text);
        Path log = tmp.resolve("net.json");
        screenshot(html, 1240, 1754, log);
        assertThat(pageRequests(log)).allMatch(u -> u.startsWith("file:") || u.startsWith("data:"));
    }

    @Test
    void theNetworkLogCheckSeesARequestAPageMakes() throws Exception {
        Path leak = write("leak.html", "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head>"
                + "<body><img alt=\"\" src=\"http://bulletin-probe.invalid/x.png\">leak</body></html>");
        Path log = tmp.resolve("leak.json");
        screenshot(leak, 400, 200, log);
        assertThat(pageRequests(log)).contains("http://bulletin-probe.invalid/x.png");
    }

    @ParameterizedTest
    @ValueSource(ints = {390, 1240})
    void thePageDoesNotScrollSideways_itsTextRenders_andNoRequestLeavesIt(int width) throws Exception {
        String text = Bulletins.html(SampleYear.bulletin(5), null);
        write("bulletin.html", text);
        String probe = "<script>(function(){var d=document.documentElement,w=[];"
                + "document.querySelectorAll('body *').forEach(function(e){var r=e.getBoundingClientRect();"
                + "if(r.right>d.clientWidth+0.5&&!e.closest('.wide'))w.push(e.tagName.toLowerCase()+(e.className?'.'+e.className:'')+' '+Math.round(r.right));});"
                + "parent.postMessage(d.scrollWidth+' '+d.clientWidth+' '+d.scrollHeight+' '+w.slice(0,6).join(', '),'*');})();</script>";
        write("probed.html", text.replace("</body>", probe + "</body>"));
        Path frame = write("frame-" + width + ".html", frame("probed.html", width, 900));
        String dom = dumpDom(frame, Math.max(width, 500), 900);
        Matcher m = Pattern.compile("data-measure=\"(\\d+) (\\d+) (\\d+) ?([^\"]*)\"").matcher(dom);
        assertThat(m.find()).as("the page reported its size").isTrue();
        int scrollWidth = Integer.parseInt(m.group(1));
        int clientWidth = Integer.parseInt(m.group(2));
        int height = Integer.parseInt(m.group(3));
        assertThat(clientWidth).isEqualTo(width);
        assertThat(scrollWidth).as("scrollWidth at %d px (wider: %s)", width, m.group(4)).isLessThanOrEqualTo(clientWidth);

        Path full = write("full-" + width + ".html", frame("bulletin.html", width, height));
        Path log = tmp.resolve("net-" + width + ".json");
        BufferedImage shot = screenshot(full, Math.max(width, 500), height, log);
        BufferedImage page = shot.getSubimage(0, 0, width, Math.min(height, shot.getHeight()));
        int ink = 0;
        int red = 0;
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < width; x++) {
                int rgb = page.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                ink += r + g + b < 450 ? 1 : 0;
                red += r > 150 && g < 80 && b < 80 ? 1 : 0;
            }
        }
        assertThat(ink).as("dark pixels at %d px", width).isGreaterThan(width * height / 60);
        assertThat(red).as("the red masthead at %d px", width).isGreaterThan(1000);
        assertThat(pageRequests(log)).allMatch(u -> u.startsWith("file:") || u.startsWith("data:"));
        String keep = System.getProperty("bulletin.screenshots");
        if (keep != null && !keep.isBlank()) {
            Path dir = Files.createDirectories(Path.of(keep));
            ImageIO.write(page, "png", dir.resolve("bulletin-2021-05-" + width + ".png").toFile());
        }
    }

    /** A page holding {@code src} in a frame {@code width} × {@code height} px, which writes what the frame posts onto its body. */
    private static String frame(String src, int width, int height) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>html,body{margin:0;background:#fff}"
                + "iframe{display:block;border:0;width:" + width + "px;height:" + height + "px}</style></head><body>"
                + "<iframe src=\"" + src + "\"></iframe><script>addEventListener('message',function(e){"
                + "document.body.setAttribute('data-measure',e.data)});</script></body></html>";
    }

    private String dumpDom(Path html, int width, int height) throws Exception {
        Path profile = Files.createTempDirectory(tmp, "profile");
        List<String> cmd = List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height, "--virtual-time-budget=5000", "--dump-dom", html.toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("Chromium did not finish within 120 s");
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** The body font-family of the built-in HTML template. */
    static String fontStack() throws IOException {
        String template;
        try (var in = BulletinInChromiumIT.class.getResourceAsStream("/bulletin/bulletin.html.ftlh")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher m = Pattern.compile("body \\{[^}]*?font-family: ([^;]+);", Pattern.DOTALL).matcher(template);
        assertThat(m.find()).isTrue();
        String stack = m.group(1).replaceAll("\\s+", " ").trim();
        assertThat(stack).contains("仿宋", "FangSong", "宋体", "SimSun", "Noto Serif CJK SC", "Noto Sans CJK SC");
        return stack;
    }

    /**
     * URLs of requests made in the page's context: their network isolation key is the page's
     * file:// origin (Chromium's own background requests carry another key and no initiator).
     */
    static Set<String> pageRequests(Path log) throws IOException {
        JsonNode root = JSON.readTree(log.toFile());
        Map<String, Integer> types = new HashMap<>();
        root.path("constants").path("logEventTypes").fields().forEachRemaining(e -> types.put(e.getKey(), e.getValue().asInt()));
        int start = types.get("URL_REQUEST_START_JOB");
        Map<Integer, String> urlBySource = new HashMap<>();
        List<Integer> fromPage = new ArrayList<>();
        for (JsonNode e : root.path("events")) {
            JsonNode p = e.path("params");
            int source = e.path("source").path("id").asInt();
            if (p.hasNonNull("url")) {
                urlBySource.putIfAbsent(source, p.get("url").asText());
            }
            if (e.path("type").asInt() == start && (p.path("network_isolation_key").asText().contains("file://")
                    || p.path("initiator").asText().startsWith("file:") || "null".equals(p.path("initiator").asText()))) {
                fromPage.add(source);
            }
        }
        Set<String> urls = new TreeSet<>();
        fromPage.forEach(s -> urls.add(urlBySource.getOrDefault(s, "?")));
        return urls;
    }

    private static boolean dark(int rgb) {
        return ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 450;
    }

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private BufferedImage screenshot(Path html, int width, int height, Path netLog) throws Exception {
        Path png = tmp.resolve(html.getFileName() + ".png");
        Path profile = Files.createTempDirectory(tmp, "profile");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + profile, "--screenshot=" + png, "--window-size=" + width + "," + height));
        if (netLog != null) {
            cmd.add("--log-net-log=" + netLog);
        }
        cmd.add(html.toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("Chromium did not finish within 120 s");
        }
        assertThat(png).as("Chromium wrote a screenshot").exists();
        return ImageIO.read(png.toFile());
    }
}

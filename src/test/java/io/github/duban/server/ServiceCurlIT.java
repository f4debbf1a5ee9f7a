package io.github.duban.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/service.md's curl session, run as written with bash in a fresh folder that sees the clone's
 * {@code src/} and the built {@code target/} (on a free port instead of 8080): the server starts
 * from the command-line jar, every call answers as the page says, and the server stops.
 */
class ServiceCurlIT {
    @TempDir
    Path dir;

    @Test
    void theCurlSessionOfTheServicePageRunsAsWritten() throws Exception {
        Path repo = io.github.duban.DocScripts.seeTheClone(dir);
        String page = Files.readString(repo.resolve("docs/service.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("## A curl session.*?```bash\\n(.*?)```", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("docs/service.md has a curl session").isTrue();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String script = "set -euo pipefail\ntrap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n"
                + m.group(1).replace("serve --data", "serve --port " + port + " --data").replace(":8080", ":" + port);
        io.github.duban.DocScripts.Ran ran = io.github.duban.DocScripts.bash(dir, script, 180);
        String out = ran.out();
        System.out.println(out);
        assertThat(ran.exit()).as(out).isZero();
        assertThat(out).contains("{\"id\":\"sample\",\"docNumber\":\"冷优组发〔2021〕3号\",\"tasks\":19,\"from\":\"2021-02\",\"to\":\"2021-06\"}")
                .contains("{\"unit\":\"区科工信局\",\"score\":82,\"rating\":\"PASS\",\"rank\":10}")
                .contains("\"done\":14,\"tasks\":19,\"red\":2}")
                .contains("\"message\":\"facts.reports:3: field percent: percent 130 is outside 0..100\"")
                .contains("区科工信局本月得分82分")
                .contains("200 application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(dir.resolve("june.docx")).isNotEmptyFile();
        assertThat(dir.resolve("duban-data/rules/0001.zip")).exists();
    }
}

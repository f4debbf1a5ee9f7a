package io.github.duban.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.duban.bulletin.BulletinSettings;
import io.github.duban.bulletin.Bulletins;
import io.github.duban.engine.Duban;
import io.github.duban.json.AssessmentJson;
import io.github.duban.json.FactsJson;
import io.github.duban.json.LedgerJson;
import io.github.duban.json.PlanJson;
import io.github.duban.model.Facts;
import io.github.duban.model.Plan;
import io.github.duban.outcome.Assessment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of {@code duban serve} over real HTTP on loopback: what it answers, and that bad
 * input gets 400 with the command line's file:line:field message, too large 413, no token 401,
 * a user token changing rules 403. Answers are held against the library's own conclusions.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerApiTest {
    static final String TOKEN = "user-token-0123456789abcdef";
    static final String ADMIN = "admin-token-0123456789abcdef";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path data;
    static DubanServer server;
    static Plan plan;
    static Facts facts;
    static List<Assessment> year;

    @BeforeAll
    static void start() {
        server = DubanServer.start(ServeOptions.forTest(data, TOKEN, ADMIN).withLimits(64, 32, 200));
        plan = PlanJson.embedded();
        facts = FactsJson.sampleYear(plan);
        year = Duban.builder().plan(plan).build().replay(YearMonth.of(2021, 2), YearMonth.of(2021, 6), facts);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // ---- helpers

    record Answer(int status, String type, byte[] body, Map<String, List<String>> headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
            }
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    static Answer send(HttpRequest.Builder b) {
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r.headers().map());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    static Answer get(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    static Answer post(String path, String token, String json) {
        return withBody("POST", path, token, json);
    }

    static Answer put(String path, String token, String json) {
        return withBody("PUT", path, token, json);
    }

    static Answer withBody(String method, String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    static Answer upload(String name, byte[] bytes, String token) {
        String boundary = "----duban" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"year\"\r\n\r\n2021\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri("/api/v1/import")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static JsonNode tree(Assessment a) throws IOException {
        return JSON.readTree(AssessmentJson.bytes(a));
    }

    /** The sample year's facts as the API takes them: each facts file's lines as a list of objects. */
    static ObjectNode factsBody() throws IOException {
        Path dir = Files.createTempDirectory(data, "facts");
        FactsJson.write(dir, facts);
        ObjectNode f = JSON.createObjectNode();
        for (String kind : List.of("reports", "completions", "extensions", "inspections", "rectifications")) {
            ArrayNode list = f.putArray(kind);
            Path file = dir.resolve(kind + ".jsonl");
            if (Files.isRegularFile(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        list.add(JSON.readTree(line));
                    }
                }
            }
        }
        return f;
    }

    static void assertBadInput(Answer a, String field) {
        assertThat(a.status()).as(a.text()).isEqualTo(400);
        assertThat(a.json().path("error").asText()).isEqualTo("bad input");
        assertThat(a.json().path("message").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        if (field != null) {
            assertThat(a.json().path("field").asText()).isEqualTo(field);
        }
    }

    // ---- access

    @Test
    void everyCallNeedsTheToken_aWrongOneOrNoneGets401() {
        for (String path : List.of("/api/v1/ruleset", "/api/v1/plans", "/api/v1/plans/sample", "/api/v1/dashboard",
                "/api/v1/plans/sample/assessment?month=2021-06", "/api/v1/policy", "/api/v1/scoring", "/api/v1/rules/versions",
                "/api/v1/rules/audit", "/api/v1/plans/sample/bulletin?month=2021-06&format=md")) {
            assertThat(get(path, null).status()).as(path).isEqualTo(401);
            assertThat(get(path, "not-the-token-at-all-000").status()).as(path).isEqualTo(401);
            assertThat(get(path, TOKEN).status()).as(path).isEqualTo(200);
        }
        assertThat(post("/api/v1/assess", null, "{}").status()).isEqualTo(401);
        assertThat(get("/api/v1/ruleset", null).json().path("message").asText()).contains("Bearer");
        Answer basic = send(HttpRequest.newBuilder(uri("/api/v1/ruleset")).header("Authorization", "Basic dXNlcjpwYXNz"));
        assertThat(basic.status()).isEqualTo(401);
    }

    @Test
    void answersCarryHeadersThatKeepThemFromBeingFramedOrSniffed() {
        Answer a = get("/api/v1/ruleset", TOKEN);
        assertThat(a.headers().get("x-frame-options")).containsExactly("DENY");
        assertThat(a.headers().get("x-content-type-options")).containsExactly("nosniff");
        assertThat(a.headers().get("cache-control")).containsExactly("no-store");
    }

    @Test
    void aLargeAnswerIsCompressedForAClientThatAsks() throws IOException {
        Answer plain = get("/api/v1/dashboard?month=2021-06", TOKEN);
        Answer gzip = send(HttpRequest.newBuilder(uri("/api/v1/dashboard?month=2021-06")).header("Authorization", "Bearer " + TOKEN)
                .header("Accept-Encoding", "gzip"));
        assertThat(plain.headers()).doesNotContainKey("content-encoding");
        assertThat(gzip.headers().get("content-encoding")).containsExactly("gzip");
        assertThat(gzip.body().length).isLessThan(plain.body().length / 3);
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzip.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.body());
        }
    }

    @Test
    void anUnknownPathIs404AsJson() {
        Answer a = get("/api/v1/nothing-here", TOKEN);
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.json().path("status").asInt()).isEqualTo(404);
    }

    // ---- plans

    @Test
    void plans_listsTheSamplePlan_andGivesItBackAsPlanJson() {
        JsonNode sample = null;
        for (JsonNode p : get("/api/v1/plans", TOKEN).json()) {
            if (p.path("id").asText().equals("sample")) {
                sample = p;
            }
        }
        assertThat(sample).isNotNull();
        assertThat(sample.path("tasks").asInt()).isEqualTo(plan.leaves().size());
        assertThat(sample.path("docNumber").asText()).isEqualTo(plan.docNumber());
        assertThat(get("/api/v1/plans/sample", TOKEN).text()).isEqualTo(PlanJson.write(plan));
        assertThat(get("/api/v1/plans/nosuch", TOKEN).status()).isEqualTo(404);
        assertBadInput(get("/api/v1/plans/" + enc("..") + "x", TOKEN), "id");
    }

    @Test
    void putPlan_storesAPlanUnderItsId_badPlansAre400_largeOnes413() throws IOException {
        ObjectNode p = (ObjectNode) JSON.readTree(PlanJson.write(plan));
        p.put("title", "另一个方案");
        Answer a = put("/api/v1/plans/other-1", TOKEN, p.toString());
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.json().path("tasks").asInt()).isEqualTo(plan.leaves().size());
        assertThat(JSON.readTree(get("/api/v1/plans/other-1", TOKEN).body()).path("title").asText()).isEqualTo("另一个方案");
        assertThat(Files.isRegularFile(data.resolve("plans/other-1/plan.json"))).isTrue();

        ObjectNode bad = p.deepCopy();
        ((ObjectNode) bad.path("tasks").get(0)).put("deadline", "2021-02-30");
        Answer refused = put("/api/v1/plans/other-2", TOKEN, bad.toString());
        assertBadInput(refused, null);
        assertThat(refused.json().path("message").asText()).contains("2021-02-30");
        assertThat(Files.exists(data.resolve("plans/other-2"))).isFalse();

        assertBadInput(put("/api/v1/plans/" + enc("a b"), TOKEN, p.toString()), "id");
        Answer big = put("/api/v1/plans/other-3", TOKEN, "{\"title\": \"" + "长".repeat(40_000) + "\"}");
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.json().path("message").asText()).contains("--max-body-kb");
        assertThat(put("/api/v1/plans/other-4", null, p.toString()).status()).isEqualTo(401);
    }

    // ---- assessing

    @Test
    void assess_aHeldPlan_isTheLibrarysMonth() throws IOException {
        Answer a = post("/api/v1/assess", TOKEN, "{\"month\": \"2021-06\", \"plan\": \"sample\"}");
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.json()).isEqualTo(tree(year.get(4)));
        assertThat(get("/api/v1/plans/sample/assessment?month=2021-06", TOKEN).json()).isEqualTo(tree(year.get(4)));
        Answer early = get("/api/v1/plans/sample/assessment?month=2021-06&asOf=2021-06-15", TOKEN);
        assertThat(early.json().path("asOf").asText()).isEqualTo("2021-06-15");
        assertThat(early.json()).isNotEqualTo(tree(year.get(4)));
    }

    @Test
    void assess_aPlanAndFactsGivenWhole_replaysOrTakesTheLedger() throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("month", "2021-06");
        body.set("plan", JSON.readTree(PlanJson.write(plan)));
        body.set("facts", factsBody());
        Answer replayed = post("/api/v1/assess", TOKEN, body.toString());
        assertThat(replayed.status()).as(replayed.text()).isEqualTo(200);
        assertThat(replayed.json()).isEqualTo(tree(year.get(4)));

        body.set("ledger", JSON.readTree(LedgerJson.write(year.get(3).ledger())));
        assertThat(post("/api/v1/assess", TOKEN, body.toString()).json()).isEqualTo(tree(year.get(4)));

        body.put("month", "2021-05");
        Answer wrongLedger = post("/api/v1/assess", TOKEN, body.toString());
        assertBadInput(wrongLedger, null);
    }

    @Test
    void assess_theSameFactsInAnyOrder_giveTheSameBytes() throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("month", "2021-06");
        body.put("plan", "sample");
        body.set("facts", factsBody());
        byte[] first = post("/api/v1/assess", TOKEN, body.toString()).body();
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 3; round++) {
            ObjectNode shuffled = body.deepCopy();
            for (JsonNode list : shuffled.path("facts")) {
                List<JsonNode> items = new java.util.ArrayList<>();
                list.forEach(items::add);
                java.util.Collections.shuffle(items, random);
                ((ArrayNode) list).removeAll();
                items.forEach(((ArrayNode) list)::add);
            }
            assertThat(post("/api/v1/assess", TOKEN, shuffled.toString()).body()).as("round " + round).isEqualTo(first);
        }
    }

    @Test
    void assess_aBadFact_isNamedByItsListPositionAndField() throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("month", "2021-06");
        body.put("plan", "sample");
        ObjectNode f = factsBody();
        ((ObjectNode) f.withArray("reports").get(2)).put("percent", 130);
        body.set("facts", f);
        Answer a = post("/api/v1/assess", TOKEN, body.toString());
        assertBadInput(a, "percent");
        assertThat(a.json().path("file").asText()).isEqualTo("facts.reports");
        assertThat(a.json().path("line").asInt()).isEqualTo(3);
        assertThat(a.json().path("message").asText()).startsWith("facts.reports:3: field percent:").contains("130");
    }

    @Test
    void assess_badRequests_are400WithWhatWasExpected() {
        assertBadInput(post("/api/v1/assess", TOKEN, "{\"month\": \"2021-13\", \"plan\": \"sample\"}"), "month");
        assertBadInput(post("/api/v1/assess", TOKEN, "{\"plan\": \"sample\"}"), "month");
        assertBadInput(post("/api/v1/assess", TOKEN, "{\"month\": \"2021-06\"}"), "plan");
        assertBadInput(post("/api/v1/assess", TOKEN, "{\"month\": \"2021-06\", \"plan\": 7}"), "plan");
        assertBadInput(post("/api/v1/assess", TOKEN, "{\"month\": \"2021-06\", \"plan\": \"sample\", \"facts\": {\"memos\": []}}"), "facts.memos");
        Answer notJson = post("/api/v1/assess", TOKEN, "{\"month\": ");
        assertBadInput(notJson, null);
        assertThat(notJson.json().path("message").asText()).contains("not the JSON expected");
        assertThat(post("/api/v1/assess", TOKEN, "{\"month\": \"2021-06\", \"plan\": \"nosuch\"}").status()).isEqualTo(404);
        Answer outside = post("/api/v1/assess", TOKEN, "{\"month\": \"2022-06\", \"plan\": \"sample\"}");
        assertBadInput(outside, null);
    }

    @Test
    void assess_tooManyFactsOrTooLargeABody_is413() throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("month", "2021-06");
        body.put("plan", "sample");
        ArrayNode reports = body.putObject("facts").putArray("reports");
        for (int i = 0; i < 201; i++) {
            reports.addObject().put("task", 1);
        }
        Answer many = post("/api/v1/assess", TOKEN, body.toString());
        assertThat(many.status()).as(many.text()).isEqualTo(413);
        assertThat(many.json().path("message").asText()).contains("--max-facts");

        // a body sent without its length is cut off as it streams past the limit
        byte[] big = ("{\"month\": \"2021-06\", \"plan\": \"sample\", \"pad\": \"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        Answer streamed = send(HttpRequest.newBuilder(uri("/api/v1/assess")).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))));
        assertThat(streamed.status()).as(streamed.text()).isEqualTo(413);
    }

    @Test
    void replay_givesEveryMonthOfTheWindowUpToTo() throws IOException {
        Answer a = post("/api/v1/replay", TOKEN, "{\"to\": \"2021-04\", \"plan\": \"sample\"}");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("months")).hasSize(3);
        assertThat(a.json().path("months").get(2)).isEqualTo(tree(year.get(2)));
        ObjectNode body = JSON.createObjectNode();
        body.put("to", "2021-03");
        body.set("plan", JSON.readTree(PlanJson.write(plan)));
        body.set("facts", factsBody());
        assertThat(post("/api/v1/replay", TOKEN, body.toString()).json().path("months").get(1)).isEqualTo(tree(year.get(1)));
        assertBadInput(post("/api/v1/replay", TOKEN, "{\"plan\": \"sample\"}"), "to");
    }

    // ---- month-end

    @Test
    void monthEnd_writesTheMonthsSixFilesAsAssessOutDoes_andARerunReplacesThem() throws IOException {
        Map<String, byte[]> expected = io.github.duban.batch.MonthFiles.of(Duban.builder().plan(plan).build(), year.get(4), BulletinSettings.DEFAULT);
        for (int run = 0; run < 2; run++) {
            Answer a = post("/api/v1/plans/sample/month-end", TOKEN, "{\"month\": \"2021-06\"}");
            assertThat(a.status()).as(a.text()).isEqualTo(200);
            assertThat(a.json().path("written").asText()).isEqualTo("results/sample/2021-06");
            assertThat(a.json().path("store").asText()).isEqualTo("files");
            assertThat(a.json().path("ruleset").asText()).isEqualTo(year.get(4).ruleset());
            assertThat(a.json().path("summary")).isEqualTo(tree(year.get(4)).path("summary"));
            Path dir = data.resolve("results/sample/2021-06");
            try (var files = Files.list(dir)) {
                assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                        .containsExactlyElementsOf(expected.keySet().stream().sorted().toList());
            }
            for (Map.Entry<String, byte[]> f : expected.entrySet()) {
                assertThat(Files.readAllBytes(dir.resolve(f.getKey()))).as(f.getKey()).isEqualTo(f.getValue());
            }
        }
        assertBadInput(post("/api/v1/plans/sample/month-end", TOKEN, "{\"month\": \"2021-6\"}"), "month");
        assertThat(post("/api/v1/plans/nosuch/month-end", TOKEN, "{\"month\": \"2021-06\"}").status()).isEqualTo(404);
        assertThat(post("/api/v1/plans/sample/month-end", null, "{\"month\": \"2021-06\"}").status()).isEqualTo(401);
        assertThat(Files.exists(data.resolve("results/nosuch"))).isFalse();
    }

    // ---- reading a month

    @Test
    void explain_givesAUnitsScoreLineByLine() {
        io.github.duban.outcome.UnitScore lastRanked = year.get(4).scores().get(year.get(4).scores().size() - 1);
        String unit = lastRanked.unit();
        Answer a = get("/api/v1/plans/sample/explain?month=2021-06&unit=" + enc(unit), TOKEN);
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.json().path("unit").asText()).isEqualTo(unit);
        assertThat(a.json().path("score").decimalValue()).isEqualByComparingTo(lastRanked.score());
        assertThat(a.json().path("ruleset").asText()).isEqualTo(year.get(4).ruleset());
        assertBadInput(get("/api/v1/plans/sample/explain?month=2021-06&unit=" + enc("不存在的单位"), TOKEN), null);
        assertBadInput(get("/api/v1/plans/sample/explain?month=2021-06", TOKEN), null);
        assertBadInput(get("/api/v1/plans/sample/explain?month=June&unit=x", TOKEN), "month");
    }

    @Test
    void history_givesATaskMonthByMonth_asTheBoardShowedIt() throws IOException {
        Answer a = get("/api/v1/plans/sample/tasks/12/history?month=2021-06", TOKEN);
        assertThat(a.status()).isEqualTo(200);
        JsonNode months = a.json().path("months");
        assertThat(months).hasSize(5);
        for (int i = 0; i < 5; i++) {
            JsonNode board = tree(year.get(i)).path("board");
            JsonNode expected = null;
            for (JsonNode e : board) {
                if (e.path("task").asInt() == 12) {
                    expected = e;
                }
            }
            ObjectNode got = months.get(i).deepCopy();
            assertThat(got.remove("month").asText()).isEqualTo(year.get(i).period().toString());
            assertThat(got).isEqualTo(expected);
        }
        assertThat(get("/api/v1/plans/sample/tasks/999/history?month=2021-06", TOKEN).status()).isEqualTo(404);
        assertBadInput(get("/api/v1/plans/sample/tasks/x/history?month=2021-06", TOKEN), "task");
    }

    @Test
    void bulletin_isTheMonthsFileInEachFormat() {
        Map<String, byte[]> files = Bulletins.files(Duban.builder().plan(plan).build(), year.get(4), BulletinSettings.DEFAULT);
        Answer md = get("/api/v1/plans/sample/bulletin?month=2021-06&format=md", TOKEN);
        assertThat(md.type()).startsWith("text/markdown");
        assertThat(md.body()).isEqualTo(files.get("bulletin.md"));
        Answer html = get("/api/v1/plans/sample/bulletin?month=2021-06&format=html", TOKEN);
        assertThat(html.type()).startsWith("text/html");
        assertThat(html.body()).isEqualTo(files.get("bulletin.html"));
        Answer docx = get("/api/v1/plans/sample/bulletin?month=2021-06&format=docx", TOKEN);
        assertThat(docx.type()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(docx.body()).isEqualTo(files.get("bulletin.docx"));
        assertThat(docx.headers().get("content-disposition").get(0)).startsWith("attachment");
        assertBadInput(get("/api/v1/plans/sample/bulletin?month=2021-06&format=pdf", TOKEN), "format");
    }

    @Test
    void theDataFoldersBulletinSettings_shapeTheBulletins(@TempDir Path other) throws IOException {
        Files.writeString(other.resolve("bulletin.yaml"), "series: 优化营商环境督查通报\noffice: 区优化办\n", StandardCharsets.UTF_8);
        try (DubanServer s = DubanServer.start(ServeOptions.forTest(other, TOKEN, ADMIN))) {
            HttpResponse<String> md = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port()
                    + "/api/v1/plans/sample/bulletin?month=2021-06&format=md")).header("Authorization", "Bearer " + TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(md.statusCode()).isEqualTo(200);
            assertThat(md.body()).contains("优化营商环境督查通报", "区优化办");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertThat(get("/api/v1/plans/sample/bulletin?month=2021-06&format=md", TOKEN).text()).doesNotContain("优化营商环境督查通报");
    }

    @Test
    void reminders_areTheDaysReminders() {
        Duban d = Duban.builder().plan(plan).build();
        for (String day : List.of("2021-06-20", "2021-06-23", "2021-06-26")) {
            Answer a = get("/api/v1/plans/sample/reminders?date=" + day, TOKEN);
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.json().path("reminders")).as(day).hasSize(d.reminders(java.time.LocalDate.parse(day), facts).size());
        }
        assertBadInput(get("/api/v1/plans/sample/reminders?date=2021-06-31", TOKEN), "date");
    }

    @Test
    void dashboard_opensOnTheLatestReportedMonth_withEachPlansAssessment() throws IOException {
        JsonNode d = get("/api/v1/dashboard", TOKEN).json();
        assertThat(d.path("month").asText()).isEqualTo("2021-06");
        assertThat(d.path("months").toString()).contains("2021-02", "2021-06");
        JsonNode sample = null;
        for (JsonNode p : d.path("plans")) {
            if (p.path("id").asText().equals("sample")) {
                sample = p;
            }
        }
        assertThat(sample).isNotNull();
        JsonNode overview = sample.path("assessment");
        JsonNode full = tree(year.get(4));
        assertThat(overview.path("summary")).isEqualTo(full.path("summary"));
        assertThat(overview.path("sanctions")).isEqualTo(full.path("sanctions"));
        assertThat(overview.path("board")).isEqualTo(full.path("board"));
        assertThat(overview.path("scores")).hasSameSizeAs(full.path("scores"));
        for (int i = 0; i < full.path("scores").size(); i++) {
            ObjectNode s = full.path("scores").get(i).deepCopy();
            s.remove("lines");
            assertThat(overview.path("scores").get(i)).isEqualTo(s);
        }
        assertThat(overview.has("findings") || overview.has("cases") || overview.has("ignored")).isFalse();
        assertThat(sample.path("units").path("区科工信局").asText()).isNotBlank();
        assertThat(get("/api/v1/dashboard?month=2021-03", TOKEN).json().path("month").asText()).isEqualTo("2021-03");
        assertBadInput(get("/api/v1/dashboard?month=x", TOKEN), "month");
    }

    // ---- import

    @Test
    void import_readsAPlanFile_andSaysEveryProblem() throws IOException {
        byte[] text = Files.readAllBytes(Path.of("src/test/resources/import/natural.txt"));
        Answer a = upload("natural.txt", text, TOKEN);
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.json().path("tasks").asInt()).isGreaterThan(0);
        assertThat(a.json().path("plan").path("tasks").size()).isGreaterThan(0);
        assertThat(a.json().path("problems").isArray()).isTrue();

        Answer pdf = upload("plan.pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8), TOKEN);
        assertBadInput(pdf, null);
        assertThat(pdf.json().path("message").asText()).startsWith("plan.pdf").contains(".docx");
        Answer big = upload("big.txt", new byte[40 * 1024], TOKEN);
        assertThat(big.status()).as(big.text()).isEqualTo(413);
        assertThat(big.json().path("message").asText()).contains("--max-upload-kb");
        assertThat(upload("natural.txt", text, null).status()).isEqualTo(401);
    }

    // ---- policy, scoring sheet, what-if

    @Test
    void policyAndScoringSheet_readAndValidate() {
        JsonNode p = get("/api/v1/policy", TOKEN).json();
        assertThat(p.path("points").isObject()).isTrue();
        assertThat(post("/api/v1/policy/validate", TOKEN, p.toString()).json().path("ok").asBoolean()).isTrue();
        JsonNode bad = post("/api/v1/policy/validate", TOKEN, "points:\n  reportLate: 5\n").json();
        assertThat(bad.path("ok").asBoolean()).isFalse();
        assertThat(bad.path("problems").get(0).path("field").asText()).isEqualTo("points.reportLate");

        JsonNode s = get("/api/v1/scoring", TOKEN).json();
        assertThat(s.path("rows").size()).isGreaterThan(5);
        assertThat(s.path("rows").get(0).path("kind").asText()).isEqualTo("REPORT_LATE");
        assertThat(post("/api/v1/scoring/validate", TOKEN, s.path("csv").asText()).json().path("ok").asBoolean()).isTrue();
        JsonNode badSheet = post("/api/v1/scoring/validate", TOKEN, "item,kind,fallsOn,points,cap\n迟报,REPORT_LAET,any,-1,\n").json();
        assertThat(badSheet.path("ok").asBoolean()).isFalse();
        assertThat(badSheet.path("problems").get(0).path("message").asText()).contains("REPORT_LATE");
    }

    /** The scoring sheet in force with the points of {@code kind} moved by {@code by}. */
    static String sheetWith(String kind, int by) {
        String csv = get("/api/v1/scoring", TOKEN).json().path("csv").asText();
        StringBuilder sb = new StringBuilder();
        for (String line : csv.split("\n")) {
            String[] c = line.split(",", -1);
            if (c.length > 3 && c[1].equals(kind)) {
                c[3] = new java.math.BigDecimal(c[3]).add(java.math.BigDecimal.valueOf(by)).toPlainString();
                line = String.join(",", c);
            }
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    @Test
    void diff_showsWhichUnitsAChangeMoves_andWhy() {
        ObjectNode body = JSON.createObjectNode();
        body.put("plan", "sample");
        body.put("month", "2021-06");
        body.put("scoring", sheetWith("EXPOSURE", -2));
        Answer a = post("/api/v1/rules/diff", TOKEN, body.toString());
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        List<String> exposed = year.get(4).scores().stream().filter(s -> s.lines().stream().anyMatch(l -> String.valueOf(l.kind()).equals("EXPOSURE")))
                .map(s -> s.unit()).toList();
        assertThat(exposed).isNotEmpty();
        List<String> changed = a.json().path("changes").findValuesAsText("unit");
        assertThat(changed).containsExactlyInAnyOrderElementsOf(exposed);
        assertThat(a.json().path("proposed").asText()).isNotEqualTo(a.json().path("current").asText());
        body.put("scoring", "item,kind,fallsOn,points,cap\n迟报,REPORT_LATE,any,abc,\n");
        assertBadInput(post("/api/v1/rules/diff", TOKEN, body.toString()), null);
    }

    // ---- versions: last, since they change the rules in force

    @Test
    @Order(Integer.MAX_VALUE)
    void versions_aUserMayNotSaveOrActivate_anAdminSavesActivatesAndGoesBack_everyStepAudited() {
        String before = get("/api/v1/ruleset", TOKEN).json().path("fingerprint").asText();
        ObjectNode body = JSON.createObjectNode();
        body.put("scoring", sheetWith("EXPOSURE", -2));
        body.put("note", "曝光扣12分");
        Answer denied = post("/api/v1/rules/versions", TOKEN, body.toString());
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().path("message").asText()).contains("admin token");
        assertThat(post("/api/v1/rules/versions/1/activate", TOKEN, "").status()).isEqualTo(403);

        Answer saved = send(HttpRequest.newBuilder(uri("/api/v1/rules/versions")).header("Authorization", "Bearer " + ADMIN)
                .header("X-Duban-User", enc("张三")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        int v = saved.json().path("version").asInt();
        String fp = saved.json().path("fingerprint").asText();
        assertThat(v).isEqualTo(2);
        assertThat(fp).isNotEqualTo(before);
        assertThat(get("/api/v1/ruleset", TOKEN).json().path("fingerprint").asText()).as("saving does not activate").isEqualTo(before);

        Answer act = post("/api/v1/rules/versions/" + v + "/activate", ADMIN, "");
        assertThat(act.status()).as(act.text()).isEqualTo(200);
        assertThat(act.json().path("previous").asText()).isEqualTo(before);
        assertThat(get("/api/v1/ruleset", TOKEN).json().path("fingerprint").asText()).isEqualTo(fp);
        JsonNode june = post("/api/v1/assess", TOKEN, "{\"month\": \"2021-06\", \"plan\": \"sample\"}").json();
        assertThat(june.path("ruleset").asText()).isEqualTo(fp);
        assertThat(june).isNotEqualTo(get("/api/v1/plans/sample/assessment?month=2021-05", TOKEN).json());

        assertThat(post("/api/v1/rules/versions/99/activate", ADMIN, "").status()).isEqualTo(404);
        body.put("scoring", "item,kind,fallsOn,points,cap\n迟报,REPORT_LATE,any,5,\n");
        assertBadInput(post("/api/v1/rules/versions", ADMIN, body.toString()), null);

        assertThat(post("/api/v1/rules/versions/1/activate", ADMIN, "").status()).isEqualTo(200);
        assertThat(get("/api/v1/ruleset", TOKEN).json().path("fingerprint").asText()).isEqualTo(before);
        JsonNode versions = get("/api/v1/rules/versions", TOKEN).json();
        assertThat(versions.findValuesAsText("version")).containsExactly("1", "2");
        assertThat(versions.get(0).path("active").asBoolean()).isTrue();
        assertThat(versions.get(1).path("savedBy").asText()).contains("张三").contains("admin");

        JsonNode audit = get("/api/v1/rules/audit", TOKEN).json();
        assertThat(audit.findValuesAsText("action")).containsExactly("save", "activate", "save", "activate", "activate");
        assertThat(audit.get(4).path("version").asInt()).isEqualTo(1);
        assertThat(audit.get(4).path("previous").asInt()).isEqualTo(2);
    }

    // ---- the console's sign-in

    @Nested
    class SignIn {
        Answer signIn(String token, String name) {
            ObjectNode b = JSON.createObjectNode();
            b.put("token", token);
            b.put("name", name);
            return post("/api/v1/session", null, b.toString());
        }

        String cookie(Answer a) {
            return a.headers().getOrDefault("set-cookie", List.of()).stream().filter(c -> c.startsWith("DUBAN_SESSION="))
                    .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        }

        @Test
        void aWrongTokenIs401_theRightOneGivesAnHttpOnlyStrictCookie_andWritesNeedTheCsrfToken() {
            assertThat(signIn("wrong-token-00000000000", "李四").status()).isEqualTo(401);
            assertBadInput(signIn(TOKEN, " "), "name");
            Answer ok = signIn(TOKEN, "李四");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.json().path("role").asText()).isEqualTo("user");
            String setCookie = ok.headers().get("set-cookie").get(0);
            assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
            String cookie = cookie(ok);
            String csrf = ok.json().path("csrf").asText();
            assertThat(csrf).hasSizeGreaterThan(20);

            Answer me = send(HttpRequest.newBuilder(uri("/api/v1/session")).header("Cookie", cookie));
            assertThat(me.json().path("name").asText()).isEqualTo("李四");
            assertThat(send(HttpRequest.newBuilder(uri("/api/v1/dashboard")).header("Cookie", cookie)).status()).isEqualTo(200);

            String diff = "{\"plan\": \"sample\", \"month\": \"2021-06\"}";
            Answer noCsrf = send(HttpRequest.newBuilder(uri("/api/v1/rules/diff")).header("Cookie", cookie)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(diff)));
            assertThat(noCsrf.status()).isEqualTo(403);
            assertThat(noCsrf.json().path("message").asText()).contains("X-CSRF-Token");
            Answer withCsrf = send(HttpRequest.newBuilder(uri("/api/v1/rules/diff")).header("Cookie", cookie).header("X-CSRF-Token", csrf)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(diff)));
            assertThat(withCsrf.status()).as(withCsrf.text()).isEqualTo(200);
            Answer saveAsUser = send(HttpRequest.newBuilder(uri("/api/v1/rules/versions")).header("Cookie", cookie).header("X-CSRF-Token", csrf)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(saveAsUser.status()).isEqualTo(403);

            assertThat(send(HttpRequest.newBuilder(uri("/api/v1/session")).header("Cookie", cookie).DELETE()).status()).isEqualTo(204);
            assertThat(send(HttpRequest.newBuilder(uri("/api/v1/dashboard")).header("Cookie", cookie)).status()).isEqualTo(401);
        }

        @Test
        void behindATlsProxyOnTheSameMachine_theCookieIsSecure() {
            ObjectNode b = JSON.createObjectNode();
            b.put("token", TOKEN);
            b.put("name", "李四");
            Answer viaProxy = send(HttpRequest.newBuilder(uri("/api/v1/session")).header("Content-Type", "application/json")
                    .header("X-Forwarded-Proto", "https").POST(HttpRequest.BodyPublishers.ofString(b.toString(), StandardCharsets.UTF_8)));
            assertThat(viaProxy.headers().get("set-cookie").get(0)).contains("Secure");
            assertThat(signIn(TOKEN, "李四").headers().get("set-cookie").get(0)).doesNotContain("Secure");
        }

        @Test
        void theAdminTokenSignsInAsAdmin() {
            Answer ok = signIn(ADMIN, "王五");
            assertThat(ok.json().path("role").asText()).isEqualTo("admin");
        }
    }

    @Test
    void theConsoleOpensAtTheRoot_withoutAToken() {
        Answer a = get("/", null);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.type()).startsWith("text/html");
    }
}

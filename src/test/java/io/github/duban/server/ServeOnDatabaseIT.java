package io.github.duban.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.duban.engine.Duban;
import io.github.duban.jdbc.SampleTables;
import io.github.duban.jdbc.TestDatabases;
import io.github.duban.json.AssessmentJson;
import io.github.duban.json.FactsJson;
import io.github.duban.json.PlanJson;
import io.github.duban.model.Plan;
import io.github.duban.outcome.Assessment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code duban serve --jdbc}: plans and facts from the OA database's duban tables, on a real
 * PostgreSQL and MariaDB: the month answered is the file-based month, the plan list is the
 * table's, and storing a plan through the server is refused (the OA system owns those tables).
 */
class ServeOnDatabaseIT {
    static final String TOKEN = "user-token-0123456789abcdef";

    @TempDir
    Path data;

    @Test
    void theMonthFromTheTablesIsTheFileMonth_onBothDatabases() throws Exception {
        Plan plan = PlanJson.embedded();
        List<Assessment> year = Duban.builder().plan(plan).build().replay(YearMonth.of(2021, 2), YearMonth.of(2021, 6), FactsJson.sampleYear(plan));
        ObjectMapper json = new ObjectMapper();
        JsonNode june = json.readTree(AssessmentJson.bytes(year.get(4)));
        HttpClient http = HttpClient.newHttpClient();
        for (TestDatabases.Server db : TestDatabases.both()) {
            DataSource ds = db.newDatabase();
            SampleTables.load(ds, SampleTables.PLAN_ID);
            ServeOptions o = ServeOptions.forTest(data.resolve(db.dialect().toString()), TOKEN, null);
            o = new ServeOptions(o.bind(), 0, o.data(), ds, TOKEN, null, null, null, null, false, o.maxBodyKb(), o.maxUploadKb(), o.maxFacts());
            try (DubanServer server = DubanServer.start(o)) {
                String api = "http://127.0.0.1:" + server.port() + "/api/v1";
                HttpResponse<String> plans = http.send(HttpRequest.newBuilder(URI.create(api + "/plans"))
                        .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(json.readTree(plans.body()).findValuesAsText("id")).as(db.dialect().toString()).containsExactly(SampleTables.PLAN_ID);
                HttpResponse<String> a = http.send(HttpRequest.newBuilder(URI.create(api + "/assess"))
                        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"month\": \"2021-06\", \"plan\": \"" + SampleTables.PLAN_ID + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(a.statusCode()).as(a.body()).isEqualTo(200);
                assertThat(json.readTree(a.body())).as(db.dialect().toString()).isEqualTo(june);
                HttpResponse<String> monthEnd = http.send(HttpRequest.newBuilder(URI.create(api + "/plans/" + SampleTables.PLAN_ID + "/month-end"))
                        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"month\": \"2021-06\"}")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(monthEnd.statusCode()).as(monthEnd.body()).isEqualTo(200);
                assertThat(json.readTree(monthEnd.body()).path("store").asText()).isEqualTo("database");
                String stored = io.github.duban.jdbc.DubanJdbc.of(ds, () -> Duban.builder().plan(plan).build())
                        .assessmentJson(SampleTables.PLAN_ID, YearMonth.of(2021, 6)).orElseThrow();
                assertThat(json.readTree(stored)).as(db.dialect() + ": the result tables hold the month").isEqualTo(june);
                HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(api + "/plans/other"))
                        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(PlanJson.write(plan))).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(put.statusCode()).isEqualTo(409);
                assertThat(json.readTree(put.body()).path("message").asText()).contains("duban sql load");
                HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(api + "/plans/nosuch/assessment?month=2021-06"))
                        .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(missing.statusCode()).isEqualTo(404);
            }
        }
    }
}

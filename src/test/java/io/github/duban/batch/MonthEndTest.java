package io.github.duban.batch;

import io.github.duban.json.PlanJson;
import io.github.duban.cli.Main;
import io.github.duban.engine.Duban;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The month-end run over many plans: broken plans, parallel determinism, whole folders, file modes. */
class MonthEndTest {
    static final List<String> MONTH_FILES = List.of("assessment.json", "bulletin.docx", "bulletin.html", "bulletin.md",
            "ledger.json", "scores.csv");
    static final YearMonth MAY = YearMonth.of(2021, 5);
    static final MonthEnd.Options OPTIONS = new MonthEnd.Options(Duban.builder().plan(PlanJson.embedded()).build(), null, 2, null, null);

    @TempDir
    Path tmp;

    @Test
    void oneBrokenPlanAmongMany_isReportedWithFileLineAndField_andTheOthersAreWhole() throws IOException {
        Path plans = PlanFolders.make(tmp.resolve("plans"), "a-district", "b-district", "c-district", "d-district");
        Files.writeString(plans.resolve("c-district/reports.jsonl"),
                "{\"task\": 9, \"unit\": \"区住建局\", \"month\": \"2021-04\", \"submittedOn\": \"2021-04-23\", \"percent\": 130}\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Path out = tmp.resolve("out");

        int code = Main.run("assess", "--plans", plans.toString(), "--month", "2021-05", "--out", out.toString(), "--threads", "2");

        assertThat(code).isNotZero();
        for (String ok : List.of("a-district", "b-district", "d-district")) {
            assertThat(Files.list(out.resolve(ok)).map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(MONTH_FILES);
        }
        assertThat(out.resolve("c-district")).doesNotExist();
        String summary = Files.readString(out.resolve("summary.csv"), StandardCharsets.UTF_8);
        assertThat(summary.lines().toList()).hasSize(5);
        String broken = summary.lines().filter(l -> l.startsWith("c-district,")).findFirst().orElseThrow();
        assertThat(broken).contains("refused", "c-district/reports.jsonl:", "field percent", "130");
        assertThat(summary).contains("a-district,ok,");
        String index = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(index).contains("href=\"a-district/bulletin.html\"", "未能考核", "field percent");
    }

    @Test
    void aPlanFolderWithoutPlanJsonIsRefusedByName() throws IOException {
        Path plans = PlanFolders.make(tmp.resolve("plans"), "one");
        Files.createDirectories(plans.resolve("two"));
        MonthEnd.Result r = MonthEnd.run(plans, MAY, tmp.resolve("out"), OPTIONS);
        assertThat(r.plans()).extracting(MonthEnd.PlanResult::plan).containsExactly("one", "two");
        assertThat(r.plans().get(0).ok()).isTrue();
        assertThat(r.plans().get(1).ok()).isFalse();
        assertThat(r.plans().get(1).problem()).contains("two/plan.json", "missing");
    }

    @Test
    void oneThreadAndTwoThreadsWriteTheSameBytes_andTheSummaryCountsWhatTheAssessmentSays() throws IOException {
        Path plans = PlanFolders.make(tmp.resolve("plans"), "p1", "p2", "p3");
        MonthEnd.Result one = MonthEnd.run(plans, MAY, tmp.resolve("one"), OPTIONS.withThreads(1));
        MonthEnd.run(plans, MAY, tmp.resolve("two"), OPTIONS.withThreads(2));

        Map<String, byte[]> a = PlanFolders.tree(tmp.resolve("one"));
        Map<String, byte[]> b = PlanFolders.tree(tmp.resolve("two"));
        assertThat(b.keySet()).isEqualTo(a.keySet()).hasSize(3 * 6 + 2);
        a.forEach((k, v) -> assertThat(Arrays.equals(v, b.get(k))).as(k).isTrue());

        MonthEnd.PlanResult p1 = one.plans().get(0);
        assertThat(p1.units()).isEqualTo(10);
        assertThat(p1.overdue()).isEqualTo(2);                // tasks 9 and 13 in May of the sample year
        assertThat(p1.red()).isEqualTo(4);                    // tasks 9, 12, 13, and 4 whose lead unit is exposed
        assertThat(p1.sanctions()).isEqualTo(6);
        assertThat(p1.lowestScore()).isEqualByComparingTo("85");
        assertThat(p1.lowestUnit()).isEqualTo("区科工信局");
    }

    @Test
    void aLedgerInThePlanFolderIsUsedInsteadOfReplaying() throws IOException {
        Path plans = PlanFolders.make(tmp.resolve("plans"), "p1");
        MonthEnd.run(plans, YearMonth.of(2021, 4), tmp.resolve("april"), OPTIONS);
        MonthEnd.run(plans, MAY, tmp.resolve("replayed"), OPTIONS);
        Files.copy(tmp.resolve("april/p1/ledger.json"), plans.resolve("p1/ledger.json"));
        MonthEnd.run(plans, MAY, tmp.resolve("from-ledger"), OPTIONS);
        assertThat(tmp.resolve("from-ledger/p1/assessment.json")).hasSameBinaryContentAs(tmp.resolve("replayed/p1/assessment.json"));

        Files.copy(tmp.resolve("april/p1/ledger.json"), plans.resolve("p1/ledger.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        MonthEnd.Result wrong = MonthEnd.run(plans, YearMonth.of(2021, 6), tmp.resolve("june"), OPTIONS);
        assertThat(wrong.plans().get(0).problem()).contains("p1/ledger.json", "2021-04", "2021-05");
    }

    @Test
    void aRerunReplacesTheOldFolderWhole() throws IOException {
        Path plans = PlanFolders.make(tmp.resolve("plans"), "p1");
        Path out = tmp.resolve("out");
        MonthEnd.run(plans, MAY, out, OPTIONS);
        Files.writeString(out.resolve("p1/stale.txt"), "from before");
        MonthEnd.run(plans, MAY, out, OPTIONS);
        assertThat(Files.list(out.resolve("p1")).map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(MONTH_FILES);
        assertThat(Files.list(out).map(p -> p.getFileName().toString()).filter(n -> n.startsWith("."))).isEmpty();
    }

    @Test
    void aFolderSetAsideByAKilledRunIsPutBack_andWorkFoldersAreRemoved() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path old = Files.createDirectories(out.resolve(".p1.old-123-4"));
        Files.writeString(old.resolve("assessment.json"), "{}");
        Files.createDirectories(out.resolve(".p2.tmp-123-5"));
        SafeOutput.recover(out);
        assertThat(out.resolve("p1/assessment.json")).hasContent("{}");
        assertThat(out.resolve(".p2.tmp-123-5")).doesNotExist();
        assertThat(old).doesNotExist();
    }

    @Test
    void outputsGetTheModeTheUmaskGives_notTheModeOfTemporaryFiles() throws IOException {
        Path probe = tmp.resolve("probe");
        try (OutputStream o = Files.newOutputStream(probe)) {
            o.write(1);
        }
        Set<PosixFilePermission> umaskMode = Files.getPosixFilePermissions(probe);
        Path plans = PlanFolders.make(tmp.resolve("plans"), "p1");
        Path out = tmp.resolve("out");
        MonthEnd.run(plans, MAY, out, OPTIONS);
        assertThat(Files.getPosixFilePermissions(out.resolve("summary.csv"))).isEqualTo(umaskMode);
        assertThat(Files.getPosixFilePermissions(out.resolve("p1/bulletin.html"))).isEqualTo(umaskMode);
        SafeOutput.writeFiles(tmp.resolve("single"), Map.of("scores.csv", new byte[] {1}));
        assertThat(Files.getPosixFilePermissions(tmp.resolve("single/scores.csv"))).isEqualTo(umaskMode);
    }

    @Test
    void progressCountsPlansAndGivesRateAndTimeLeft() throws IOException {
        Path plans = PlanFolders.make(tmp.resolve("plans"), "p1", "p2");
        java.io.StringWriter sink = new java.io.StringWriter();
        long[] now = {0};
        Progress p = new Progress(new java.io.PrintWriter(sink), false, () -> now[0] += 500_000_000L);
        MonthEnd.run(plans, MAY, tmp.resolve("out"), OPTIONS.withProgress(p));
        assertThat(sink.toString()).contains("1/2 plans", "2/2 plans", "plans/s", "ETA");
    }
}

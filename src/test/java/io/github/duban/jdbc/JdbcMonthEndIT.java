package io.github.duban.jdbc;

import io.github.duban.json.PlanJson;
import io.github.duban.engine.Duban;
import io.github.duban.json.AssessmentJson;
import io.github.duban.json.FactsJson;
import io.github.duban.error.InputException;
import io.github.duban.model.Facts;
import io.github.duban.outcome.Assessment;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static io.github.duban.jdbc.SampleTables.PLAN_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcMonthEndIT {

    static final Duban ENGINE = Duban.builder().plan(PlanJson.embedded()).build();
    static final YearMonth FEB = YearMonth.of(2021, 2);
    static final YearMonth JUN = YearMonth.of(2021, 6);

    /** assessment.json of every month of the sample year, from the files. */
    static final List<String> FROM_FILES;

    static {
        Facts facts = FactsJson.sampleYear(ENGINE.plan());
        FROM_FILES = ENGINE.replay(FEB, JUN, facts).stream().map(AssessmentJson::write).toList();
    }

    static DataSource sampleDatabase(TestDatabases.Server server) throws SQLException {
        DataSource ds = server.newDatabase();
        SampleTables.load(ds, PLAN_ID);
        return ds;
    }

    @Test
    void theSampleYearInTheTables_givesMonthByMonthExactlyTheAssessmentsTheFilesGive() throws SQLException {
        for (TestDatabases.Server server : TestDatabases.both()) {
            DataSource ds = sampleDatabase(server);
            DubanJdbc db = DubanJdbc.of(ds, ENGINE);
            int i = 0;
            for (YearMonth m = FEB; !m.isAfter(JUN); m = m.plusMonths(1), i++) {
                DubanJdbc.MonthEnd done = db.assess(PLAN_ID, m);
                assertThat(done.replayedFrom()).as("%s %s reads the ledger the month before wrote", server.dialect(), m).isNull();
                assertThat(AssessmentJson.write(done.assessment())).isEqualTo(FROM_FILES.get(i));
                assertThat(db.assessmentJson(PLAN_ID, m)).as("%s %s read back from the tables", server.dialect(), m)
                        .hasValue(FROM_FILES.get(i));
            }
            assertThat(FROM_FILES.get(3)).contains("\"sanctions\"").contains("CRITICISM");
        }
    }

    @Test
    void aMonthWhoseLedgerIsNotInTheTables_isReplayedFromTheWindowsFirstMonth() throws SQLException {
        for (TestDatabases.Server server : TestDatabases.both()) {
            DataSource ds = sampleDatabase(server);
            DubanJdbc.MonthEnd may = DubanJdbc.of(ds, ENGINE).assess(PLAN_ID, YearMonth.of(2021, 5));
            assertThat(may.replayedFrom()).isEqualTo(FEB);
            assertThat(AssessmentJson.write(may.assessment())).isEqualTo(FROM_FILES.get(3));
            assertThat(SampleTables.counts(ds, PLAN_ID, "2021-04").values()).as("only the month asked for is written").containsOnly(0);
        }
    }

    @Test
    void aRerun_leavesExactlyOneCopyOfThePlanMonth() throws SQLException {
        for (TestDatabases.Server server : TestDatabases.both()) {
            DataSource ds = sampleDatabase(server);
            DubanJdbc db = DubanJdbc.of(ds, ENGINE);
            YearMonth may = YearMonth.of(2021, 5);
            db.assess(PLAN_ID, may);
            Map<String, Integer> once = SampleTables.counts(ds, PLAN_ID, "2021-05");
            db.assess(PLAN_ID, may);
            db.assess(PLAN_ID, may);
            assertThat(SampleTables.counts(ds, PLAN_ID, "2021-05")).isEqualTo(once);
            assertThat(once.get("duban_scores")).isEqualTo(ENGINE.assess(may, null, FactsJson.sampleYear(ENGINE.plan()),
                    ENGINE.replay(FEB, may.minusMonths(1), FactsJson.sampleYear(ENGINE.plan())).get(2).ledger()).scores().size());
            assertThat(once.get("duban_assessments")).isEqualTo(1);
            assertThat(once.get("duban_ledgers")).isEqualTo(1);
            assertThat(db.assessmentJson(PLAN_ID, may)).hasValue(FROM_FILES.get(3));
        }
    }

    @Test
    void aPlanIdWithSql_isOnlyAnUnknownPlan() throws SQLException {
        String evil = "x'; DROP TABLE duban_scores; --";
        for (TestDatabases.Server server : TestDatabases.both()) {
            DataSource ds = sampleDatabase(server);
            DubanJdbc db = DubanJdbc.of(ds, ENGINE);
            assertThatThrownBy(() -> db.assess(evil, FEB))
                    .isInstanceOfSatisfying(InputException.class, e -> {
                        assertThat(e.file()).isEqualTo("duban_plans");
                        assertThat(e.field()).isEqualTo("plan_id");
                        assertThat(e.problem()).isEqualTo("no plan with plan_id \"" + evil + "\"");
                    });
            assertThat(db.assessmentJson(evil, FEB)).isEmpty();
            assertThat(SampleTables.counts(ds, PLAN_ID, "2021-02").get("duban_scores")).as("duban_scores still exists").isZero();
            assertThat(db.planIds()).containsExactly(PLAN_ID);
        }
    }

    @Test
    void aMonthOutsideTheWindow_isRefusedAndNothingIsWritten() throws SQLException {
        DataSource ds = sampleDatabase(TestDatabases.postgres());
        DubanJdbc db = DubanJdbc.of(ds, ENGINE);
        assertThatThrownBy(() -> db.assess(PLAN_ID, YearMonth.of(2021, 9)))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.field()).isEqualTo("month");
                    assertThat(e.problem()).isEqualTo("month 2021-09 is outside the reporting window 2021-02..2021-06");
                });
        assertThat(SampleTables.counts(ds, PLAN_ID, "2021-09").values()).containsOnly(0);
    }
}

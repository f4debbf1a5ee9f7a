package io.github.duban.engine;

import io.github.duban.json.PlanJson;
import io.github.duban.error.InputException;
import io.github.duban.error.LedgerException;
import io.github.duban.outcome.Case;

import io.github.duban.error.RulesException;

import io.github.duban.json.FactsJson;
import io.github.duban.model.Completion;
import io.github.duban.model.Facts;
import io.github.duban.model.InspectionFinding;
import io.github.duban.model.InspectionKind;
import io.github.duban.model.ProgressReport;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.Ledger;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineTest {

    static final Duban DUBAN = Duban.builder().plan(PlanJson.embedded()).build();
    static final YearMonth FEB = YearMonth.of(2021, 2);
    static final YearMonth MAR = YearMonth.of(2021, 3);
    static final YearMonth APR = YearMonth.of(2021, 4);

    @Test
    void anEngineWithoutAPlan_isRefused_sayingHowToGiveOne() {
        assertThatThrownBy(() -> Duban.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(".plan(PlanJson.read(path))")
                .hasMessageContaining(".plan(PlanJson.embedded())")
                .hasMessageContaining("冷优组发〔2021〕3号");
        assertThat(Duban.builder().plan(PlanJson.embedded()).build().plan().docNumber()).isEqualTo("冷优组发〔2021〕3号");
    }

    @Test
    void theFingerprintOfRulesPolicyAndCalendar_isTheEnginesWhateverItsPlan() {
        assertThat(Duban.fingerprint(DUBAN.rules(), DUBAN.policy(), DUBAN.calendar())).isEqualTo(DUBAN.fingerprint());
    }

    @Test
    void theBuiltInRules_allCompile_withUniqueSentenceNames() {
        List<String> names = DUBAN.rules().ruleNames();
        assertThat(names).hasSize(87);
        assertThat(new HashSet<>(names)).hasSameSizeAs(names);
        assertThat(DUBAN.rules().sources()).containsOnlyKeys("board.drl", "escalation.drl", "lateness.drl", "reminders.drl", "scoring.drl", "summary.drl");
        assertThat(names).allSatisfy(n -> assertThat(n).matches("^[A-Z].* .*[a-z]$"));
    }

    @Test
    void aRuleFileThatDoesNotCompile_isReportedWithFileAndLine() {
        Map<String, String> sources = new TreeMap<>(DUBAN.rules().sources());
        sources.put("extra.drl", "package rules;\nimport io.github.duban.outcome.Finding;\n\nrule \"A broken rule\"\nwhen\n"
                + "    $f : Finding( kind == FindingKind.NOPE )\nthen\nend\n");
        assertThatThrownBy(() -> Ruleset.compile(sources))
                .isInstanceOfSatisfying(RulesException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.file()).isEqualTo("extra.drl");
                            assertThat(p.line()).isEqualTo(6);
                            assertThat(p.message()).contains("FindingKind.NOPE");
                        }));
    }

    @Test
    void aSyntaxError_isReportedAtItsLine_withoutTheParserEcho() {
        Map<String, String> sources = new TreeMap<>(DUBAN.rules().sources());
        sources.put("extra.drl", "package rules;\nrule \"x\"\nwhen\n  $f : Finding( \nthen\nend\n");
        assertThatThrownBy(() -> Ruleset.compile(sources))
                .isInstanceOfSatisfying(RulesException.class, e -> {
                    assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.message()).doesNotContain("null Package"));
                    assertThat(e.problems()).anySatisfy(p -> assertThat(p.line()).isEqualTo(6));
                });
    }

    @Test
    void theFirstMonth_refusesALedger_andLaterMonthsNeedThePreviousOne() {
        Facts none = Facts.none();
        Assessment feb = DUBAN.assess(FEB, null, none, null);
        assertThatThrownBy(() -> DUBAN.assess(FEB, null, none, feb.ledger()))
                .isInstanceOfSatisfying(LedgerException.class, e -> {
                    assertThat(e.found()).isEqualTo(FEB);
                    assertThat(e.expected()).isNull();
                }).hasMessageContaining("first of the window");
        assertThatThrownBy(() -> DUBAN.assess(MAR, null, none, null))
                .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.expected()).isEqualTo(FEB))
                .hasMessageContaining("needs the ledger of 2021-02");
        assertThatThrownBy(() -> DUBAN.assess(APR, null, none, feb.ledger()))
                .isInstanceOfSatisfying(LedgerException.class, e -> {
                    assertThat(e.found()).isEqualTo(FEB);
                    assertThat(e.expected()).isEqualTo(MAR);
                })
                .hasMessageContaining("the ledger is of 2021-02, but assessing 2021-04 needs the ledger of 2021-03");
        Ledger wrongVersion = new Ledger(99, FEB, feb.asOf(), feb.ruleset(), List.of());
        assertThatThrownBy(() -> DUBAN.assess(MAR, null, none, wrongVersion))
                .isInstanceOf(LedgerException.class).hasMessageContaining("version 99");
    }

    @Test
    void aLedgerWithACaseThePlanCannotHave_isRefused_notCarriedForEver() {
        Assessment feb = DUBAN.assess(FEB, null, Facts.none(), null);
        Case ghost = new Case("区住建局", 999, io.github.duban.outcome.EscalationLevel.EXPOSURE, null, true, LocalDate.of(2021, 2, 10),
                List.of(io.github.duban.outcome.FindingKind.PERFUNCTORY), LocalDate.of(2021, 2, 10), null, null, "r", "x");
        Case stranger = new Case("外省某局", null, io.github.duban.outcome.EscalationLevel.NOTICE, null, true, LocalDate.of(2021, 2, 10),
                List.of(io.github.duban.outcome.FindingKind.REPORT_LATE), LocalDate.of(2021, 2, 10), null, null, "r", "x");
        assertThatThrownBy(() -> DUBAN.assess(MAR, null, Facts.none(), new Ledger(Ledger.VERSION, FEB, feb.asOf(), feb.ruleset(), List.of(ghost))))
                .isInstanceOf(LedgerException.class).hasMessageContaining("task 999");
        assertThatThrownBy(() -> DUBAN.assess(MAR, null, Facts.none(), new Ledger(Ledger.VERSION, FEB, feb.asOf(), feb.ruleset(), List.of(stranger))))
                .isInstanceOf(LedgerException.class).hasMessageContaining("外省某局");
    }

    @Test
    void aMonthOutsideTheWindow_orAnAsOfOutsideTheMonth_isRefused() {
        assertThatThrownBy(() -> DUBAN.assess(YearMonth.of(2021, 7), null, Facts.none(), null))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.field()).isEqualTo("month");
                    assertThat(e.found()).isEqualTo("2021-07");
                })
                .hasMessageContaining("outside the reporting window 2021-02..2021-06");
        assertThatThrownBy(() -> DUBAN.assess(FEB, LocalDate.of(2021, 3, 1), Facts.none(), null))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.field()).isEqualTo("asOf"))
                .hasMessageContaining("not in the month assessed");
    }

    @Test
    void factsDatedAfterTheAsOfDate_playNoPart_soAnOldMonthGivesTheOldAnswer() {
        // Given: on 02-20 nothing of task 9 is known yet; the report comes on 02-24
        Facts facts = Facts.of(List.of(ProgressReport.of(9, "区住建局", FEB, LocalDate.of(2021, 2, 24), 30)),
                List.of(), List.of(), List.of(InspectionFinding.of("区住建局", 9, InspectionKind.LAGGING, LocalDate.of(2021, 2, 22))), List.of());
        // When
        Assessment early = DUBAN.assess(FEB, LocalDate.of(2021, 2, 20), facts, null);
        Assessment alone = DUBAN.assess(FEB, LocalDate.of(2021, 2, 20), Facts.none(), null);
        // Then: the same as with no facts at all, and no report is missing yet (due 02-25)
        assertThat(early.findings()).isEqualTo(alone.findings());
        assertThat(early.findings()).noneMatch(f -> f.kind().name().equals("REPORT_MISSING"));
    }

    @Test
    void anUnknownTaskOrUnit_isRefusedByTheApiToo() {
        Facts badTask = Facts.of(List.of(), List.of(Completion.of(99, LocalDate.of(2021, 2, 3))), List.of(), List.of(), List.of());
        assertThatThrownBy(() -> DUBAN.assess(FEB, null, badTask, null)).hasMessageContaining("task 99 is not in the plan");
        Facts group = Facts.of(List.of(), List.of(), List.of(),
                List.of(InspectionFinding.of("各乡镇", 1, InspectionKind.LAGGING, LocalDate.of(2021, 2, 3))), List.of());
        assertThatThrownBy(() -> DUBAN.assess(FEB, null, group, null)).hasMessageContaining("各乡镇 is a group of units");
    }

    @Test
    void aUnitWideCase_isClosedOnlyByAUnitWideRectification() {
        // Given: a unit-wide finding on 02-10; a rectification of a task on 02-15, a unit-wide one on 02-20
        InspectionFinding weak = InspectionFinding.of("区财政局", null, InspectionKind.WEAK_LEADERSHIP, LocalDate.of(2021, 2, 10));
        Facts taskOnly = Facts.of(List.of(), List.of(), List.of(), List.of(weak),
                List.of(io.github.duban.model.Rectification.of("区财政局", 10, LocalDate.of(2021, 2, 15))));
        Facts unitWide = Facts.of(List.of(), List.of(), List.of(), List.of(weak),
                List.of(io.github.duban.model.Rectification.of("区财政局", null, LocalDate.of(2021, 2, 20))));
        // When
        Assessment open = DUBAN.assess(FEB, null, taskOnly, null);
        Assessment closed = DUBAN.assess(FEB, null, unitWide, null);
        // Then
        assertThat(open.cases()).filteredOn(c -> c.unit().equals("区财政局") && c.task() == null).singleElement()
                .satisfies(c -> assertThat(c.open()).isTrue());
        assertThat(closed.cases()).filteredOn(c -> c.unit().equals("区财政局") && c.task() == null).singleElement()
                .satisfies(c -> {
                    assertThat(c.open()).isFalse();
                    assertThat(c.closedOn()).isEqualTo(LocalDate.of(2021, 2, 20));
                });
        assertThat(closed.sanctions()).filteredOn(s -> s.unit().equals("区财政局") && s.task() == null)
                .extracting(s -> s.level().name()).containsExactly("CRITICISM");
    }

    @Test
    void aUnitMayBeNamedByAlias() {
        Facts byAlias = Facts.of(List.of(ProgressReport.of(9, "区住房和城乡建设局", FEB, LocalDate.of(2021, 2, 26), 30)),
                List.of(), List.of(), List.of(), List.of());
        Assessment a = DUBAN.assess(FEB, null, byAlias, null);
        assertThat(a.findings()).anySatisfy(f -> {
            assertThat(f.unit()).isEqualTo("区住建局");
            assertThat(f.kind().name()).isEqualTo("REPORT_LATE");
        });
    }

    @Test
    void theSampleYear_coversEveryFindingKind_everyLevel_andEveryLight() {
        Facts sample = FactsJson.sampleYear(DUBAN.plan());
        List<Assessment> year = DUBAN.replay(FEB, YearMonth.of(2021, 6), sample);
        // every kind but a missed milestone: the plan's one milestone (task 14, 确保2021年5月底前开工) names no
        // percent, so it is shown and not judged (LatenessRulesTest holds the milestone rules)
        assertThat(year.stream().flatMap(a -> a.findings().stream()).map(f -> f.kind()).distinct())
                .containsExactlyInAnyOrderElementsOf(java.util.EnumSet.complementOf(
                        java.util.EnumSet.of(io.github.duban.outcome.FindingKind.MILESTONE_MISSED)));
        assertThat(year.stream().flatMap(a -> a.sanctions().stream()).map(s -> s.level()).distinct())
                .containsExactlyInAnyOrder(io.github.duban.outcome.EscalationLevel.values());
        assertThat(year.stream().flatMap(a -> a.board().stream()).map(b -> b.light()).distinct())
                .containsExactlyInAnyOrder(io.github.duban.outcome.Light.values());
        assertThat(year.stream().flatMap(a -> a.ignored().stream()).map(i -> i.fact()).distinct())
                .containsExactlyInAnyOrder("report", "completion", "extension");
        // the ladder's steps: a repeat raising NOTICE to CRITICISM, a jump straight to EXPOSURE, an overdue rectification
        assertThat(year.stream().flatMap(a -> a.sanctions().stream()))
                .anySatisfy(s -> assertThat(s.findings()).extracting(f -> f.kind().name()).containsExactly("REPORT_LATE"))
                .anySatisfy(s -> assertThat(s.findings()).extracting(f -> f.kind().name()).containsExactly("BUCK_PASSING"))
                .anySatisfy(s -> assertThat(s.findings()).extracting(f -> f.kind().name()).contains("RECTIFICATION_OVERDUE"));
    }
}

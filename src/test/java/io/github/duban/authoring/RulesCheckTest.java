package io.github.duban.authoring;

import io.github.duban.authoring.RulesCheck.Level;
import io.github.duban.authoring.RulesCheck.Problem;
import io.github.duban.authoring.RulesCheck.Report;
import io.github.duban.model.Policy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** {@code rules check}: each kind of mistake in a rule file is reported at the right file, line and column, in words an author can act on. */
class RulesCheckTest {

    static final String HEAD = """
            package rules;
            import io.github.duban.outcome.Finding;
            import io.github.duban.outcome.FindingKind;
            import io.github.duban.model.Task;
            import io.github.duban.outcome.ScoreLine;
            import java.math.BigDecimal;

            """; // 7 lines: a rule written after it starts on line 8

    /** The county file alone (compiling it with the built-in rules gives the same messages, only slower). */
    static Report check(String extra) {
        return RulesCheck.checkAlone(Map.of("county.drl", HEAD + extra), Policy.DEFAULT);
    }

    static List<Problem> errors(Report r) {
        return r.problems().stream().filter(p -> p.level() == Level.ERROR).toList();
    }

    @Test
    void theBuiltInRules_areClean() {
        Report r = RulesCheck.check(Map.of(), Policy.DEFAULT, true);
        assertThat(r.problems()).isEmpty();
        assertThat(r.clean()).isTrue();
        assertThat(r.rules()).isGreaterThan(60);
    }

    @Test
    void aSyntaxError_isReportedAtItsLineAndColumn_withoutTheParserEcho() {
        Report r = check("""
                rule "A late report from a county unit"
                when
                    $f : Finding( kind ==
                then
                end
                """);
        assertThat(errors(r)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("county.drl");
            assertThat(p.line()).isEqualTo(12);
            assertThat(p.column()).isEqualTo(1);
            assertThat(p.message()).startsWith("syntax error: did not expect 'end' here in rule \"A late report from a county unit\"");
            assertThat(p.toString()).startsWith("county.drl:12:1: error: syntax error");
        });
    }

    @Test
    void anUnknownField_namesTheTypeTheFieldAndTheNearestOne() {
        Report r = check("""
                rule "A late report counts its days"
                when
                    $f : Finding( dayz > 1 )
                then
                end
                """);
        assertThat(errors(r)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.column()).isEqualTo(19);
            assertThat(p.message()).isEqualTo("Finding has no field dayz (in 'dayz > 1'); did you mean days?");
        });
    }

    @Test
    void aTypeMismatch_isFoundAtItsLine_thoughTheCompilerGivesNone() {
        Report r = check("""
                rule "A task with a deadline"
                when
                    $t : Task( no > 0 )
                    $u : Task( deadline > 5 )
                then
                end
                """);
        assertThat(errors(r)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(11);
            assertThat(p.column()).isEqualTo(16);
            assertThat(p.message()).isEqualTo("type mismatch in 'deadline > 5': a Deadline cannot be compared with a Integer");
        });
    }

    @Test
    void anUndefinedVariable_inAConditionOrAnAction_isFoundAtItsLine() {
        Report condition = check("""
                rule "A finding on the same unit"
                when
                    $f : Finding( )
                    $g : Finding( unit == $nope.unit() )
                then
                end
                """);
        assertThat(errors(condition)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(11);
            assertThat(p.column()).isEqualTo(27);
            assertThat(p.message()).startsWith("$nope is not bound: no pattern before it says $nope : Type( … )");
        });
        Report action = check("""
                rule "A finding costs a point"
                when
                    $f : Finding( )
                then
                    insertLogical(new ScoreLine($nope, "X", null, BigDecimal.ONE, drools.getRule().getName(), "扣分", $f));
                end
                """);
        assertThat(errors(action)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(12);
            assertThat(p.column()).isEqualTo(33);
            assertThat(p.message()).startsWith("in the action: $nope is not defined");
        });
    }

    @Test
    void anUnknownFactType_suggestsTheImportedOne() {
        Report r = check("rule \"A finding\"\nwhen\n    $f : Findng( )\nthen\nend\n");
        assertThat(errors(r)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.message()).isEqualTo("unknown fact type Findng: import it or check its spelling (did you mean Finding?)");
        });
    }

    @Test
    void aRuleNameUsedTwice_isWarnedAtTheSecond_andTheCompilerEchoIsDropped() {
        Report r = RulesCheck.check(Map.of("county.drl", HEAD + """
                rule "A late report costs its unit the late-report points"
                when
                    $f : Finding( )
                then
                end
                """), Policy.DEFAULT, false);
        assertThat(r.problems()).anySatisfy(p -> {
            assertThat(p.level()).isEqualTo(Level.WARNING);
            assertThat(p.file()).isEqualTo("county.drl");
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.message()).contains("is used twice (first at scoring.drl:");
        });
        assertThat(r.problems()).noneMatch(p -> p.message().contains("Rule_"));
    }

    @Test
    void aConclusionWithoutRuleNameOrReason_isWarned() {
        Report r = check("""
                rule "A commended unit earns a point"
                when
                    $f : Finding( kind == FindingKind.COMMENDED )
                then
                    insertLogical(new ScoreLine($f.unit(), "COMMENDED", $f.task(), BigDecimal.ONE, "my rule", null, $f));
                end
                """);
        assertThat(r.problems()).filteredOn(p -> p.level() == Level.WARNING).extracting(Problem::line, Problem::message)
                .anySatisfy(t -> assertThat(t.toList()).containsExactly(12,
                        "rule \"A commended unit earns a point\" inserts a conclusion without the rule's name; pass drools.getRule().getName() so that every conclusion says which rule made it"))
                .anySatisfy(t -> assertThat(t.toList().get(1).toString()).contains("inserts a ScoreLine without a reason"));
    }

    @Test
    void aLatenessFindingInsertedLogically_orAFactTheStagedRulesReadDrawnAfterTheTally_isWarned() {
        String county = HEAD + """
                import io.github.duban.engine.Settled;
                import io.github.duban.engine.Tally;
                import io.github.duban.model.ProgressReport;
                import io.github.duban.outcome.LatestPercent;
                import java.time.LocalDate;
                import java.util.List;

                rule "A county task with no report is overdue for its first lead"
                when
                    $t : Task( !leads.isEmpty() )
                then
                    insertLogical(new Finding(FindingKind.TASK_OVERDUE, $t.leads().get(0), $t.no(), LocalDate.of(2021, 5, 31), 1, null,
                        drools.getRule().getName(), "任务" + $t.no() + "逾期", List.of($t)));
                end

                rule "A county report's percent counts once the month is tallied"
                when
                    Tally()
                    $r : ProgressReport( percent != null )
                then
                    insert(new LatestPercent($r.task(), $r.unit(), $r.percent(), $r, drools.getRule().getName()));
                end

                rule "A county task with no report is overdue for its first lead once settled"
                when
                    Settled()
                    $t : Task( !leads.isEmpty() )
                then
                    insert(new Finding(FindingKind.TASK_OVERDUE, $t.leads().get(0), $t.no(), LocalDate.of(2021, 5, 31), 1, null,
                        drools.getRule().getName(), "任务" + $t.no() + "逾期", List.of($t)));
                end
                """;
        Report r = RulesCheck.check(Map.of("county.drl", county), Policy.DEFAULT, false);
        List<Problem> staged = r.problems().stream().filter(p -> p.message().contains("the Settled fact")).toList();
        assertThat(staged).extracting(Problem::file, Problem::line, Problem::level).containsExactly(
                tuple("county.drl", 19, Level.WARNING), tuple("county.drl", 28, Level.WARNING));
        assertThat(staged.get(0).message()).startsWith("rule \"A county task with no report is overdue for its first lead\" inserts a lateness Finding logically");
        assertThat(staged.get(1).message()).startsWith("rule \"A county report's percent counts once the month is tallied\" concludes a LatestPercent only once Settled or Tally is in");

        // with board.drl and lateness.drl replaced by the author's own, the built-in stages are not there to break
        Report replaced = RulesCheck.check(Map.of("county.drl", county, "board.drl", HEAD + "\n", "lateness.drl", HEAD + "\n"),
                Policy.DEFAULT, false);
        assertThat(replaced.problems()).noneMatch(p -> p.message().contains("the Settled fact"));
    }

    @Test
    void aRuleMatchingATypeNothingInserts_canNeverFire() {
        Report r = check("""
                rule "A task with a line costs nothing"
                when
                    $l : BigDecimal( )
                then
                end
                """);
        assertThat(r.problems()).anySatisfy(p -> {
            assertThat(p.level()).isEqualTo(Level.WARNING);
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.message()).isEqualTo("rule \"A task with a line costs nothing\" can never fire: it matches BigDecimal, which neither the engine nor any rule inserts");
        });
    }

    @Test
    void aFileReplacingABuiltIn_isSaid_notHidden() {
        Report r = RulesCheck.check(Map.of("board.drl", "package rules;\n// the board is not used in this county\n"), Policy.DEFAULT, false);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.level()).isEqualTo(Level.NOTE);
            assertThat(p.toString()).startsWith("board.drl:1:1: note: replaces the built-in board.drl (");
        });
        assertThat(r.clean()).isTrue();
    }
}

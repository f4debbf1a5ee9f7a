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
    void theBuiltInRules_areClean_andRunCleanOnTheSampleYear() {
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
    void plainRulesThatConcludeLogically_areClean_andAStageFactNoLongerInserted_canNeverFire() {
        String county = HEAD + """
                import io.github.duban.engine.Settled;
                import java.time.LocalDate;
                import java.util.List;

                rule "A county task with no report is overdue for its first lead"
                when
                    $t : Task( !leads.isEmpty() )
                then
                    insertLogical(new Finding(FindingKind.TASK_OVERDUE, $t.leads().get(0), $t.no(), LocalDate.of(2021, 5, 31), 1, null,
                        drools.getRule().getName(), "任务" + $t.no() + "逾期", List.of($t)));
                end

                rule "A county task with no report is overdue once settled"
                when
                    Settled()
                    $t : Task( !leads.isEmpty() )
                then
                    insertLogical(new Finding(FindingKind.TASK_OVERDUE, $t.leads().get(0), $t.no(), LocalDate.of(2021, 5, 31), 1, null,
                        drools.getRule().getName(), "任务" + $t.no() + "逾期", List.of($t)));
                end
                """;
        Report r = RulesCheck.check(Map.of("county.drl", county), Policy.DEFAULT, false);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.level()).isEqualTo(Level.WARNING);
            assertThat(p.file()).isEqualTo("county.drl");
            assertThat(p.line()).isEqualTo(20);
            assertThat(p.column()).isEqualTo(1);
            assertThat(p.message()).startsWith("rule \"A county task with no report is overdue once settled\" can never fire: it matches Settled,"
                    + " which neither the engine nor any rule inserts (the engine gives Settled only to ruleset packages of format 1");
        });
        assertThat(r.problems()).noneMatch(p -> p.message().contains("Tally") || p.message().contains("logically"));
    }

    @Test
    void everyTypeTheEngineInserts_canBeMatched() {
        Report r = check("""
                import io.github.duban.model.ReportingRule;
                import io.github.duban.model.Unit;
                import io.github.duban.outcome.TaskGroup;
                import io.github.duban.outcome.PreviousCase;
                import io.github.duban.engine.Period;

                rule "A group of tasks of a unit reporting monthly"
                when
                    ReportingRule( )
                    Period( )
                    $u : Unit( )
                    TaskGroup( )
                    Task( )
                    exists PreviousCase( )
                then
                end
                """);
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void theTypesTheCheckTakesForInsertedByTheEngine_areTheOnesASessionIsGiven() {
        StringBuilder drl = new StringBuilder("package rules;\nimport io.github.duban.outcome.Ignored;\n");
        for (Class<?> c : RulesCheck.ENGINE_FACTS) {
            drl.append("import ").append(c.getName()).append(";\n");
        }
        for (Class<?> c : RulesCheck.ENGINE_FACTS) {
            drl.append("rule \"A ").append(c.getSimpleName()).append(" is given\"\nwhen\n    exists ").append(c.getSimpleName())
                    .append("( )\nthen\n    insertLogical(new Ignored(\"given\", null, null, null, \"").append(c.getSimpleName())
                    .append("\", drools.getRule().getName(), null));\nend\n");
        }
        Map<String, String> sources = new java.util.TreeMap<>(io.github.duban.engine.Ruleset.builtIn().sources());
        sources.put("given.drl", drl.toString());
        // the embedded plan with its task 1 put under a task that groups it, so that a TaskGroup is given too
        io.github.duban.model.Plan embedded = io.github.duban.json.PlanJson.embedded();
        int group = embedded.tasks().stream().mapToInt(io.github.duban.model.Task::no).max().orElseThrow() + 1;
        List<io.github.duban.model.Task> tasks = new java.util.ArrayList<>();
        for (io.github.duban.model.Task t : embedded.tasks()) {
            tasks.add(t.no() != 1 ? t : new io.github.duban.model.Task(t.no(), t.goal(), t.title(), t.measure(), t.leads(), t.supporting(),
                    t.deadline(), t.milestones(), t.notes(), group, t.label(), t.persons(), t.target()));
        }
        io.github.duban.model.Task first = embedded.tasks().get(0);
        tasks.add(new io.github.duban.model.Task(group, first.goal(), "一组任务", "", first.leads(), List.of(), first.deadline(), List.of(),
                List.of(), null, null, List.of(), null));
        io.github.duban.model.Plan plan = new io.github.duban.model.Plan(embedded.title(), embedded.docNumber(), embedded.issuedOn(),
                embedded.reporting(), embedded.stages(), embedded.goals(), embedded.units(), tasks);
        io.github.duban.engine.Duban d = io.github.duban.engine.Duban.builder().plan(plan)
                .rules(io.github.duban.engine.Ruleset.compile(sources)).build();
        java.util.Set<String> given = new java.util.TreeSet<>();
        for (io.github.duban.outcome.Assessment a : d.replay(java.time.YearMonth.of(2021, 2), java.time.YearMonth.of(2021, 6),
                io.github.duban.json.FactsJson.sampleYear(d.plan()))) {
            a.ignored().stream().filter(i -> i.fact().equals("given")).forEach(i -> given.add(i.reason()));
        }
        assertThat(given).containsExactlyInAnyOrderElementsOf(RulesCheck.ENGINE_FACTS.stream().map(Class::getSimpleName).toList());
    }

    @Test
    void anActionThatDoesInputOrOutput_isWarnedWhereItDoesSo() {
        Report r = check("""
                import java.nio.file.Files;
                import java.nio.file.Path;

                rule "A finding is written to a file"
                when
                    $f : Finding( )
                then
                    // a reason with the word Thread in it is not code: "Thread"
                    Files.writeString(Path.of("findings.txt"), $f.reason());
                end

                rule "A finding stops the engine"
                when
                    $f : Finding( days > 100 )
                then
                    System.exit(1);
                end

                rule "A finding starts a process"
                when
                    $f : Finding( days > 200 )
                then
                    new ProcessBuilder("notify", $f.unit()).start();
                end

                function void log(String s) {
                    new java.io.FileWriter("log.txt").write(s);
                }
                """);
        List<Problem> io = r.problems().stream().filter(p -> p.message().contains("input or output")).toList();
        assertThat(io).extracting(Problem::line, Problem::column, Problem::level).containsExactly(
                tuple(16, 5, Level.WARNING), tuple(23, 5, Level.WARNING), tuple(30, 9, Level.WARNING), tuple(34, 9, Level.WARNING));
        assertThat(io.get(0).message()).startsWith("rule \"A finding is written to a file\" uses Files in its action: rules do no input or output");
        assertThat(io.get(1).message()).startsWith("rule \"A finding stops the engine\" uses System.exit in its action");
        assertThat(io.get(2).message()).startsWith("rule \"A finding starts a process\" uses ProcessBuilder in its action");
        assertThat(io.get(3).message()).startsWith("function log uses java.io.FileWriter: ");
        assertThat(check("""
                rule "A task is counted"
                when
                    $t : Task( )
                then
                    String note = "Thread, Files and System.exit in a string are words";
                end
                """).problems()).isEmpty();
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

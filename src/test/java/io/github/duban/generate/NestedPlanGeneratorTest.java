package io.github.duban.generate;

import io.github.duban.engine.Duban;
import io.github.duban.json.FactsJson;
import io.github.duban.json.PlanJson;
import io.github.duban.model.Completion;
import io.github.duban.model.Extension;
import io.github.duban.model.Facts;
import io.github.duban.model.InspectionFinding;
import io.github.duban.model.Milestone;
import io.github.duban.model.Plan;
import io.github.duban.model.ProgressReport;
import io.github.duban.model.Rectification;
import io.github.duban.model.Task;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.FindingKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --shape nested}: plans as offices write them (DESIGN §9), facts on leaves only. */
class NestedPlanGeneratorTest {

    static final Spec NESTED = Spec.of(6, 60, 8, 5, 7, Spec.Shape.NESTED);

    @TempDir
    Path tmp;

    @Test
    void aNestedPlan_hasTheSpecsLeaves_groupsOfTwoOrMoreChildren_andTheNewFeatures_inPlausibleShares() {
        PlanGenerator g = new PlanGenerator(Spec.of(10, 400, 18, 5, 2021, Spec.Shape.NESTED));
        long leaves = 0;
        long grouped = 0;
        long milestones = 0;
        long targets = 0;
        long persons = 0;
        for (int i = 0; i < 10; i++) {
            Plan p = g.plan(i).plan();
            assertThat(p.nested()).isTrue();
            assertThat(p.leaves()).as("leaves of plan %d", i).hasSize(400);
            assertThat(p.groups()).as("groups of plan %d", i).isNotEmpty();
            assertThat(p.tasks()).hasSize(400 + p.groups().size());
            for (Task group : p.groups()) {
                List<Task> children = p.children(group.no());
                assertThat(children).as("children of group %d", group.no()).hasSizeBetween(2, 5);
                // 一、goal → （一）group → 1. leaf: a group sits at the top, its children share its goal
                assertThat(group.parent()).isNull();
                assertThat(group.label()).startsWith("（");
                assertThat(group.target()).isNull();
                assertThat(group.milestones()).isEmpty();
                for (int k = 0; k < children.size(); k++) {
                    assertThat(children.get(k).label()).isEqualTo((k + 1) + ".");
                    assertThat(children.get(k).goal()).isEqualTo(group.goal());
                }
            }
            for (Task t : p.leaves()) {
                leaves++;
                grouped += t.parent() != null ? 1 : 0;
                milestones += t.milestones().stream().anyMatch(Milestone::judged) ? 1 : 0;
                targets += t.target() != null ? 1 : 0;
                persons += t.persons().isEmpty() ? 0 : 1;
                assertThat(t.accountable()).isTrue();
                assertThat(t.deadline()).isNotNull();
                for (Milestone m : t.milestones()) {
                    assertThat(t.ongoing()).isFalse();
                    assertThat(m.date()).isBefore(t.deadline().date());
                }
            }
        }
        assertThat((double) grouped / leaves).as("leaves under a group").isBetween(0.25, 0.42);
        assertThat((double) milestones / leaves).as("leaves with a judged milestone").isBetween(0.15, 0.25);
        assertThat((double) targets / leaves).as("leaves with a target").isBetween(0.07, 0.13);
        assertThat((double) persons / leaves).as("leaves naming persons").isBetween(0.65, 0.9);
    }

    @Test
    void someChildren_takeTheirGroupsUnitsAndDeadline_andOthersHaveTheirOwn() {
        PlanGenerator g = new PlanGenerator(Spec.of(4, 400, 18, 5, 3, Spec.Shape.NESTED));
        long sameUnits = 0;
        long ownUnits = 0;
        long sameDeadline = 0;
        long ownDeadline = 0;
        for (int i = 0; i < 4; i++) {
            Plan p = g.plan(i).plan();
            for (Task t : p.leaves()) {
                if (t.parent() == null) {
                    continue;
                }
                Task group = p.task(t.parent()).orElseThrow();
                if (t.leads().equals(group.leads()) && t.supporting().equals(group.supporting()) && t.persons().equals(group.persons())) {
                    sameUnits++;
                } else {
                    ownUnits++;
                }
                if (t.deadline().equals(group.deadline())) {
                    sameDeadline++;
                } else {
                    ownDeadline++;
                }
            }
        }
        // half the children take the group's units, 60 % its deadline (some with their own happen to match)
        assertThat(sameUnits).isGreaterThan(ownUnits / 2).isPositive();
        assertThat(ownUnits).isPositive();
        assertThat(sameDeadline).isGreaterThan(ownDeadline).isPositive();
        assertThat(ownDeadline).isPositive();
    }

    @Test
    void theFacts_nameLeavesOnly_andReportsGiveValuesAgainstTargets() {
        PlanGenerator g = new PlanGenerator(Spec.of(6, 200, 12, 5, 11, Spec.Shape.NESTED));
        long valueOnly = 0;
        long both = 0;
        long targetReports = 0;
        for (int i = 0; i < 6; i++) {
            PlanGenerator.Generated x = g.plan(i);
            Plan p = x.plan();
            Facts f = x.facts();
            Set<Integer> leaves = p.leaves().stream().map(Task::no).collect(Collectors.toSet());
            Set<Integer> groups = p.groups().stream().map(Task::no).collect(Collectors.toSet());
            assertThat(groups).isNotEmpty();
            assertThat(f.reports().stream().map(ProgressReport::task)).allMatch(leaves::contains);
            assertThat(f.completions().stream().map(Completion::task)).allMatch(leaves::contains);
            assertThat(f.extensions().stream().map(Extension::task)).allMatch(leaves::contains);
            assertThat(f.inspections().stream().map(InspectionFinding::task).filter(Objects::nonNull)).allMatch(leaves::contains);
            assertThat(f.rectifications().stream().map(Rectification::task).filter(Objects::nonNull)).allMatch(leaves::contains);
            for (ProgressReport r : f.reports()) {
                Task t = p.task(r.task()).orElseThrow();
                if (r.value() != null) {
                    assertThat(t.target()).as("task %d of a report with a value", t.no()).isNotNull();
                    assertThat(r.value()).isLessThanOrEqualTo(t.target().value());
                }
                if (t.target() != null) {
                    targetReports++;
                    valueOnly += r.value() != null && r.percent() == null ? 1 : 0;
                    both += r.value() != null && r.percent() != null ? 1 : 0;
                }
            }
        }
        assertThat((double) valueOnly / targetReports).isBetween(0.45, 0.7);
        assertThat((double) both / targetReports).isBetween(0.1, 0.3);
    }

    @Test
    void theSameSeed_writesTheSameNestedBytes_onAnyNumberOfThreads_andTheyReadBack() throws IOException {
        PlanFolders.Written w = PlanFolders.write(tmp.resolve("a"), NESTED, 1);
        PlanFolders.write(tmp.resolve("b"), NESTED, 3);
        TreeMap<String, byte[]> a = PlanGeneratorTest.tree(tmp.resolve("a"));
        TreeMap<String, byte[]> b = PlanGeneratorTest.tree(tmp.resolve("b"));
        assertThat(a.keySet()).hasSize(6 * 6).containsExactlyElementsOf(b.keySet());
        for (String f : a.keySet()) {
            assertThat(b.get(f)).as(f).isEqualTo(a.get(f));
        }
        assertThat(w.leaves()).isEqualTo(6 * 60);
        assertThat(w.tasks()).isGreaterThan(w.leaves());
        PlanGenerator g = new PlanGenerator(NESTED);
        for (int i = 0; i < 6; i++) {
            Path dir = tmp.resolve("a").resolve(g.id(i));
            Plan plan = PlanJson.read(dir.resolve("plan.json"));
            assertThat(plan).isEqualTo(g.plan(i).plan());
            // the facts read back: as many of each kind, the values against targets kept
            Facts read = FactsJson.read(dir, plan);
            Facts made = g.plan(i).facts();
            assertThat(List.of(read.reports().size(), read.completions().size(), read.extensions().size(), read.inspections().size(),
                    read.rectifications().size())).isEqualTo(List.of(made.reports().size(), made.completions().size(),
                    made.extensions().size(), made.inspections().size(), made.rectifications().size()));
            assertThat(read.reports().stream().filter(r -> r.value() != null).count())
                    .isEqualTo(made.reports().stream().filter(r -> r.value() != null).count()).isPositive();
        }
    }

    @Test
    void aNestedPlan_isAssessedByTheEngine_everyMonth_withMissedMilestonesAmongTheFindings() {
        PlanGenerator g = new PlanGenerator(Spec.of(3, 120, 10, 5, 2021, Spec.Shape.NESTED));
        long missed = 0;
        for (int i = 0; i < 3; i++) {
            PlanGenerator.Generated x = g.plan(i);
            Plan p = x.plan();
            List<Assessment> months = Duban.builder().plan(p).build().replay(p.reporting().from(), p.reporting().to(), x.facts());
            assertThat(months).hasSize(5);
            Set<Integer> groups = p.groups().stream().map(Task::no).collect(Collectors.toSet());
            for (Assessment a : months) {
                assertThat(a.findings()).isNotEmpty();
                assertThat(a.findings().stream().map(f -> f.task()).filter(Objects::nonNull)).noneMatch(groups::contains);
                missed += a.findings().stream().filter(f -> f.kind() == FindingKind.MILESTONE_MISSED).count();
            }
        }
        assertThat(missed).isPositive();
    }

    @Test
    void theLeavesAlone_makeAFlatPlanOfTheSameJudgedTasks() {
        Plan nested = new PlanGenerator(NESTED).plan(0).plan();
        Plan flat = PlanGenerator.leavesOnly(nested);
        assertThat(flat.nested()).isFalse();
        assertThat(flat.tasks()).hasSize(60);
        assertThat(flat.tasks().stream().map(Task::no).toList()).isEqualTo(nested.leaves().stream().map(Task::no).toList());
        for (int k = 0; k < 60; k++) {
            Task a = flat.tasks().get(k);
            Task b = nested.leaves().get(k);
            assertThat(List.of(a.leads(), a.supporting(), a.persons(), a.milestones())).isEqualTo(
                    List.of(b.leads(), b.supporting(), b.persons(), b.milestones()));
            assertThat(a.deadline()).isEqualTo(b.deadline());
            assertThat(a.target()).isEqualTo(b.target());
        }
    }

    /** Small and long shapes too: one leaf, two units, a one-month window, a two-year one. */
    @ParameterizedTest(name = "{0} plans of {1} leaves, {2} units, {3} months")
    @CsvSource({"1, 1, 2, 1", "3, 2, 2, 1", "2, 7, 3, 2", "2, 35, 40, 12", "1, 30, 5, 24"})
    void anyFigures_giveNestedPlansOfThatManyLeaves_assessedAsTheReferenceAssessesThem(int plans, int tasks, int units, int months) {
        PlanGenerator g = new PlanGenerator(Spec.of(plans, tasks, units, months, 13, Spec.Shape.NESTED));
        for (int i = 0; i < plans; i++) {
            PlanGenerator.Generated x = g.plan(i);
            assertThat(x.plan().leaves()).hasSize(tasks);
            io.github.duban.oracle.Differential.check(x.plan(), io.github.duban.model.Policy.DEFAULT, x.facts());
        }
    }

    /** The nested/flat benchmark weighs the same work: the engine finds the same on a nested plan and on its leaves alone. */
    @Test
    void theEngine_findsTheSame_onANestedPlanAndOnItsLeavesAlone() {
        PlanGenerator g = new PlanGenerator(Spec.of(2, 120, 10, 5, 77, Spec.Shape.NESTED));
        for (int i = 0; i < 2; i++) {
            PlanGenerator.Generated x = g.plan(i);
            Plan p = x.plan();
            Plan flat = PlanGenerator.leavesOnly(p);
            List<Assessment> a = Duban.builder().plan(p).build().replay(p.reporting().from(), p.reporting().to(), x.facts());
            List<Assessment> b = Duban.builder().plan(flat).build().replay(p.reporting().from(), p.reporting().to(), x.facts());
            for (int m = 0; m < a.size(); m++) {
                assertThat(a.get(m).findings()).as("findings of %s", a.get(m).period()).isEqualTo(b.get(m).findings());
                assertThat(a.get(m).sanctions()).as("sanctions of %s", a.get(m).period()).isEqualTo(b.get(m).sanctions());
                assertThat(a.get(m).scores()).as("scores of %s", a.get(m).period()).isEqualTo(b.get(m).scores());
            }
        }
    }

    /**
     * Flat plans are the bytes of the generator's first version (what earlier benchmark figures were
     * measured on). A change here is a change of the generated data: bump PlanGenerator.VERSION.
     */
    @Test
    void flatPlans_areTheFirstVersionsBytes() throws IOException, NoSuchAlgorithmException {
        PlanFolders.write(tmp.resolve("flat"), Spec.of(2, 30, 6, 3, 7), 2);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Map.Entry<String, byte[]> e : PlanGeneratorTest.tree(tmp.resolve("flat")).entrySet()) {
            sha.update(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(e.getValue());
        }
        assertThat(HexFormat.of().formatHex(sha.digest())).isEqualTo(FLAT_V1);
    }

    static final String FLAT_V1 = "25bc336a73fe0d626b563842118040a133552a2950b032699ffa848f03a28fd9";

    @Test
    void theCacheKey_namesTheShapeAndTheGeneratorsVersion() {
        Spec flat = Spec.of(40, 400, 18, 5, 2021);
        assertThat(flat.shape()).isEqualTo(Spec.Shape.FLAT);
        assertThat(flat.key()).isEqualTo("p40-t400-u18-m5-s2021-flat-g" + PlanGenerator.VERSION);
        assertThat(flat.with(Spec.Shape.NESTED).key()).isEqualTo("p40-t400-u18-m5-s2021-nested-g" + PlanGenerator.VERSION);
        assertThat(PlanGenerator.VERSION).isGreaterThanOrEqualTo(2);
        assertThat(Spec.Shape.parse("Nested")).isEqualTo(Spec.Shape.NESTED);
    }

    @Test
    void theCommand_writesNestedPlans_andRefusesAnUnknownShape() {
        int ok = io.github.duban.cli.Main.run("generate", "--plans", "2", "--tasks", "30", "--units", "5", "--months", "4",
                "--seed", "5", "--shape", "nested", "--out", tmp.resolve("cli").toString());
        assertThat(ok).isZero();
        Plan p = PlanJson.read(tmp.resolve("cli/plan-0002/plan.json"));
        assertThat(p.leaves()).hasSize(30);
        int bad = io.github.duban.cli.Main.run("generate", "--shape", "deep", "--out", tmp.resolve("bad").toString());
        assertThat(bad).isEqualTo(2);
        assertThat(tmp.resolve("bad")).doesNotExist();
    }
}

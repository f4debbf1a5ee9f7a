package io.github.duban.generate;

import io.github.duban.json.FactsJson;
import io.github.duban.json.PlanJson;
import io.github.duban.model.Facts;
import io.github.duban.model.InspectionFinding;
import io.github.duban.model.InspectionKind;
import io.github.duban.model.Plan;
import io.github.duban.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PlanGeneratorTest {

    static final Spec SMALL = Spec.of(6, 60, 8, 5, 7);

    @TempDir
    Path tmp;

    static TreeMap<String, byte[]> tree(Path root) throws IOException {
        TreeMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    @Test
    void theSameSeed_writesTheSameBytes_onAnyNumberOfThreads() throws IOException {
        PlanFolders.write(tmp.resolve("a"), SMALL, 1);
        PlanFolders.write(tmp.resolve("b"), SMALL, 3);
        TreeMap<String, byte[]> a = tree(tmp.resolve("a"));
        TreeMap<String, byte[]> b = tree(tmp.resolve("b"));
        assertThat(a.keySet()).hasSize(6 * 6).containsExactlyElementsOf(b.keySet());
        for (String f : a.keySet()) {
            assertThat(b.get(f)).as(f).isEqualTo(a.get(f));
        }
    }

    @Test
    void anotherSeed_writesOtherFacts() throws IOException {
        PlanFolders.write(tmp.resolve("a"), SMALL, 1);
        PlanFolders.write(tmp.resolve("c"), Spec.of(6, 60, 8, 5, 8), 1);
        assertThat(tree(tmp.resolve("c")).get("plan-0001/reports.jsonl"))
                .isNotEqualTo(tree(tmp.resolve("a")).get("plan-0001/reports.jsonl"));
    }

    @Test
    void theFolders_readBackAsPlansAndFacts_inTheLayoutOfAssessPlans() {
        PlanFolders.Written w = PlanFolders.write(tmp, SMALL, 2);
        assertThat(w.plans()).isEqualTo(6);
        assertThat(w.tasks()).isEqualTo(6 * 60);
        long facts = 0;
        for (int i = 1; i <= 6; i++) {
            Path dir = tmp.resolve(String.format("plan-%04d", i));
            Plan plan = PlanJson.read(dir.resolve("plan.json"));
            Facts f = FactsJson.read(dir, plan);
            assertThat(plan.tasks()).hasSize(60);
            assertThat(plan.reporting().from()).hasToString("2021-02");
            assertThat(plan.reporting().to()).hasToString("2021-06");
            facts += f.reports().size() + f.completions().size() + f.extensions().size() + f.inspections().size()
                    + f.rectifications().size();
        }
        assertThat(facts).isEqualTo(w.facts());
    }

    @Test
    void aPlan_hasTwoLeadAndOngoingTasks_inPlausibleShares() {
        PlanGenerator g = new PlanGenerator(Spec.of(20, 400, 18, 5, 2021));
        for (int i = 0; i < 20; i++) {
            List<Task> tasks = g.plan(i).plan().tasks();
            long two = tasks.stream().filter(t -> t.leads().size() == 2).count();
            long ongoing = tasks.stream().filter(Task::ongoing).count();
            assertThat(two).as("two-lead tasks of plan %d", i).isBetween(20L, 40L);
            assertThat(ongoing).as("ongoing tasks of plan %d", i).isBetween(1L, 20L);
        }
    }

    @Test
    void theFacts_holdEveryKindOfFindingAndTheDeviationsTheRulesLookFor() {
        PlanGenerator g = new PlanGenerator(Spec.of(5, 200, 12, 5, 11));
        Set<InspectionKind> kinds = EnumSet.noneOf(InspectionKind.class);
        long persons = 0;
        long unitWide = 0;
        long late = 0;
        long resubmitted = 0;
        long noPercent = 0;
        long extensions = 0;
        long twice = 0;
        long rectifications = 0;
        long reports = 0;
        for (int i = 0; i < 5; i++) {
            PlanGenerator.Generated p = g.plan(i);
            Facts f = p.facts();
            for (InspectionFinding x : f.inspections()) {
                kinds.add(x.kind());
                persons += x.person() != null ? 1 : 0;
                unitWide += x.task() == null ? 1 : 0;
            }
            late += f.reports().stream().filter(r -> r.submittedOn().isAfter(r.month().atDay(25))).count();
            noPercent += f.reports().stream().filter(r -> r.percent() == null).count();
            resubmitted += f.reports().size() - f.reports().stream().map(r -> List.of(r.task(), r.unit(), r.month())).distinct().count();
            reports += f.reports().size();
            extensions += f.extensions().size();
            twice += f.completions().size() - f.completions().stream().map(c -> c.task()).collect(Collectors.toSet()).size();
            rectifications += f.rectifications().size();
        }
        assertThat(kinds).containsExactlyInAnyOrder(InspectionKind.values());
        assertThat(persons).isPositive();
        assertThat(unitWide).isPositive();
        assertThat(extensions).isPositive();
        assertThat(twice).isPositive();
        assertThat(rectifications).isPositive();
        assertThat(noPercent).isPositive();
        assertThat((double) late / reports).isBetween(0.05, 0.15);
        assertThat((double) resubmitted / reports).isBetween(0.03, 0.12);
    }

    @Test
    void theCommand_writesTheFolders_andRefusesABadCount() {
        int ok = io.github.duban.cli.Main.run("generate", "--plans", "2", "--tasks", "12", "--units", "4", "--months", "3",
                "--seed", "5", "--out", tmp.resolve("cli").toString());
        assertThat(ok).isZero();
        assertThat(tmp.resolve("cli/plan-0002/plan.json")).exists();
        assertThat(tmp.resolve("cli/plan-0002/reports.jsonl")).exists();
        int bad = io.github.duban.cli.Main.run("generate", "--plans", "0", "--out", tmp.resolve("bad").toString());
        assertThat(bad).isEqualTo(2);
        assertThat(tmp.resolve("bad")).doesNotExist();
    }
}

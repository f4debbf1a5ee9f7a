package io.github.duban.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.duban.model.Plan;
import io.github.duban.model.Task;
import io.github.duban.model.TaskPerson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Field accuracy on the real plans of the corpus (RealPlans), in every form an office has them:
 * per plan and form, the share of fields right against the hand-checked expectations: title,
 * leads, supporting units and deadline text of every task, and its parent, label and persons where
 * the expectation names them. Tasks are compared in document order. Prints the table.
 */
class RealPlansAccuracyTest {

    static final double REQUIRED = 0.90;
    static final ImportOptions OPTIONS = ImportOptions.none().withToday(LocalDate.of(2025, 6, 1));

    @TempDir
    static Path dir;

    record Score(String plan, RealPlans.Form form, int right, int total, String refused, List<String> wrong) {
        double share() {
            return total == 0 ? 0 : (double) right / total;
        }
    }

    static final List<Score> scores = new ArrayList<>();

    @BeforeAll
    static void importEveryPlanInEveryForm() throws Exception {
        for (Path plan : RealPlans.plans()) {
            JsonNode expected = new ObjectMapper().readTree(plan.resolve("expected.json").toFile());
            for (RealPlans.Form form : RealPlans.forms(plan)) {
                Path sub = Files.createDirectories(dir.resolve(form.name()));
                Path file = RealPlans.write(plan, form, sub);
                String name = plan.getFileName().toString();
                try {
                    ImportResult r = PlanImporter.importFile(file, OPTIONS);
                    scores.add(score(name, form, expected, r.plan()));
                } catch (ImportException e) {
                    scores.add(new Score(name, form, 0, count(expected), e.getMessage(), List.of()));
                }
            }
        }
        print();
    }

    private static int count(JsonNode expected) {
        int n = 0;
        for (JsonNode t : expected.get("tasks")) {
            n += fields(t).size();
        }
        return n;
    }

    private static List<String> fields(JsonNode t) {
        List<String> f = new ArrayList<>(List.of("title", "leads", "supporting", "deadline"));
        for (String optional : List.of("parent", "label", "persons")) {
            if (t.has(optional)) {
                f.add(optional);
            }
        }
        return f;
    }

    static Score score(String name, RealPlans.Form form, JsonNode expected, Plan plan) {
        List<Task> got = plan.tasks();
        Map<Integer, Integer> position = new HashMap<>();
        for (int i = 0; i < got.size(); i++) {
            position.put(got.get(i).no(), i + 1);
        }
        int right = 0;
        int total = 0;
        List<String> wrong = new ArrayList<>();
        int i = 0;
        for (JsonNode want : expected.get("tasks")) {
            Task t = i < got.size() ? got.get(i) : null;
            i++;
            for (String field : fields(want)) {
                total++;
                String w = wanted(want, field);
                String g = t == null ? "(no task)" : actual(t, field, position);
                if (w.equals(g)) {
                    right++;
                } else {
                    wrong.add("task " + i + " " + field + ": expected «" + w + "», got «" + g + "»");
                }
            }
        }
        if (got.size() > i) {
            wrong.add((got.size() - i) + " task(s) more than expected");
            total += (got.size() - i) * 4;
        }
        return new Score(name, form, right, total, null, wrong);
    }

    static String norm(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    private static String wanted(JsonNode want, String field) {
        return switch (field) {
            case "title", "deadline", "label" -> norm(want.get(field).asText());
            case "parent" -> want.get("parent").isNull() ? "-" : want.get("parent").asText();
            case "leads", "supporting" -> list(want.get(field));
            case "persons" -> {
                Set<String> s = new TreeSet<>();
                for (JsonNode p : want.get("persons")) {
                    s.add(norm(p.get("unit").asText()) + "/" + norm(p.path("leader").asText("")) + "/" + norm(p.path("person").asText("")));
                }
                yield String.join(";", s);
            }
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static String actual(Task t, String field, Map<Integer, Integer> position) {
        return switch (field) {
            case "title" -> norm(t.title());
            case "deadline" -> norm(t.deadline() == null ? "" : t.deadline().text());
            case "label" -> norm(t.label());
            case "parent" -> t.parent() == null ? "-" : String.valueOf(position.get(t.parent()));
            case "leads" -> String.join("|", t.leads().stream().map(RealPlansAccuracyTest::norm).toList());
            case "supporting" -> String.join("|", t.supporting().stream().map(RealPlansAccuracyTest::norm).toList());
            case "persons" -> {
                Set<String> s = new TreeSet<>();
                for (TaskPerson p : t.persons()) {
                    s.add(norm(p.unit()) + "/" + norm(p.leader()) + "/" + norm(p.person()));
                }
                yield String.join(";", s);
            }
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static String list(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(x -> out.add(norm(x.asText())));
        return String.join("|", out);
    }

    static void print() {
        Map<String, Map<RealPlans.Form, Score>> byPlan = new LinkedHashMap<>();
        for (Score s : scores) {
            byPlan.computeIfAbsent(s.plan(), k -> new LinkedHashMap<>()).put(s.form(), s);
        }
        StringBuilder sb = new StringBuilder("\nField accuracy on the real plans (fields right / fields checked)\n");
        sb.append(String.format("%-16s %-14s %-14s %-14s %-14s%n", "plan", "text", "docx", "html", "xlsx"));
        int[] sum = new int[8];
        for (var e : byPlan.entrySet()) {
            sb.append(String.format("%-16s", e.getKey()));
            int k = 0;
            for (RealPlans.Form f : RealPlans.Form.values()) {
                Score s = e.getValue().get(f);
                sb.append(' ').append(String.format("%-14s", s == null ? "—" : s.refused() != null ? "REFUSED"
                        : String.format("%d/%d %3.0f%%", s.right(), s.total(), 100 * s.share())));
                if (s != null) {
                    sum[k] += s.right();
                    sum[k + 1] += s.total();
                }
                k += 2;
            }
            sb.append('\n');
        }
        sb.append(String.format("%-16s", "all"));
        for (int k = 0; k < 8; k += 2) {
            sb.append(' ').append(String.format("%-14s", sum[k + 1] == 0 ? "—" : String.format("%d/%d %3.0f%%", sum[k], sum[k + 1], 100.0 * sum[k] / sum[k + 1])));
        }
        sb.append('\n');
        for (Score s : scores) {
            if (s.refused() != null) {
                sb.append(s.plan()).append(' ').append(s.form()).append(": refused: ").append(s.refused()).append('\n');
            }
            for (String w : s.wrong()) {
                sb.append(s.plan()).append(' ').append(s.form()).append(": ").append(w).append('\n');
            }
        }
        System.out.println(sb);
    }

    @Test
    void everyRealPlan_inEveryForm_isRead_withAtLeastNinetyPercentOfItsFieldsRight() {
        assertThat(scores).isNotEmpty();
        for (Score s : scores) {
            assertThat(s.refused()).as("%s as %s", s.plan(), s.form()).isNull();
            assertThat(s.share()).as("%s as %s: %s", s.plan(), s.form(), s.wrong()).isGreaterThanOrEqualTo(REQUIRED);
        }
    }

    @Test
    void everyFormOfATable_givesTheSamePlan() throws Exception {
        for (Path plan : RealPlans.plans()) {
            if (!RealPlans.tabular(plan)) {
                continue;
            }
            List<String> tasks = new ArrayList<>();
            for (RealPlans.Form form : RealPlans.forms(plan)) {
                Path sub = Files.createDirectories(dir.resolve("same-" + form.name()));
                Plan p = PlanImporter.importFile(RealPlans.write(plan, form, sub), OPTIONS).plan();
                tasks.add(p.tasks().stream().map(t -> norm(t.title()) + "|" + t.leads() + "|" + t.supporting() + "|"
                        + t.deadline().text() + "|" + t.persons()).toList().toString());
            }
            assertThat(tasks).as(plan.getFileName().toString()).allMatch(t -> t.equals(tasks.get(0)));
        }
    }

    @Test
    void aNoticeWithoutItsTables_holdsNoTask_andIsRefusedSayingWhatAPlanNeeds() {
        Path notice = RealPlans.ROOT.resolve("xingqing-2018/plan.txt");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PlanImporter.importFile(notice, OPTIONS))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("no tasks found");
    }
}

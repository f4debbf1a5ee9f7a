package io.github.duban.json;

import io.github.duban.error.InputException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.duban.model.Deadline;
import io.github.duban.model.Goal;
import io.github.duban.model.Milestone;
import io.github.duban.model.Plan;
import io.github.duban.model.ReportingRule;
import io.github.duban.model.Stage;
import io.github.duban.model.Target;
import io.github.duban.model.Task;
import io.github.duban.model.TaskPerson;
import io.github.duban.model.Unit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Reads and writes the plan JSON of DESIGN §8 ({@code plan.json}, what {@code duban plan} prints).
 * Thread-safe.
 */
public final class PlanJson {

    private static final String EMBEDDED = "/plan/lengshuitan-2021-3.json";

    private PlanJson() {
    }

    /** The embedded default plan: 冷优组发〔2021〕3号. */
    public static Plan embedded() {
        try (InputStream in = PlanJson.class.getResourceAsStream(EMBEDDED)) {
            if (in == null) {
                throw new IllegalStateException("the embedded plan " + EMBEDDED + " is missing from the jar");
            }
            return read(in.readAllBytes(), EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a plan file; errors name the file, the line and the field. */
    public static Plan read(Path file) {
        try {
            // parsed from the bytes: Jackson decodes UTF-8 as it reads, no string made first
            return read(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, null, "cannot read the plan file: " + e.getMessage());
        }
    }

    /** Reads plan JSON text; {@code source} names it in errors. */
    public static Plan read(String json, String source) {
        return read(json.getBytes(StandardCharsets.UTF_8), source);
    }

    private static Plan read(byte[] json, String source) {
        PlanDoc doc;
        try {
            doc = Mappers.MAPPER.readValue(json, PlanDoc.class);
        } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
            // Jackson places it at the end of the object it buffered: the line where the key is written says more
            InputException at = InputException.from(source, e);
            int line = lineOfKey(json, e.getPropertyName());
            throw line > 0 ? at.at(source, line) : at;
        } catch (JsonProcessingException e) {
            throw InputException.from(source, e);
        } catch (IOException e) {
            throw new InputException(source, 0, null, "cannot read the plan: " + e.getMessage());
        }
        return plan(doc, source);
    }

    /** The 1-based line where {@code "key":} is first written, 0 if nowhere. */
    private static int lineOfKey(byte[] json, String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + java.util.regex.Pattern.quote(key) + "\"\\s*:")
                .matcher(new String(json, StandardCharsets.UTF_8));
        if (!m.find()) {
            return 0;
        }
        String before = new String(json, StandardCharsets.UTF_8).substring(0, m.start());
        return (int) before.chars().filter(c -> c == '\n').count() + 1;
    }

    private static Plan plan(PlanDoc doc, String source) {
        if (doc == null) {
            throw new InputException(source, 1, null, "is null; expected the plan, a JSON object { … } with reporting, units and tasks");
        }
        if (doc.tasks() == null) {
            throw new InputException(source, 0, "tasks", "is missing or null; expected a list [ … ] of the plan's tasks");
        }
        try {
            return doc.toPlan();
        } catch (IllegalArgumentException e) {
            throw new InputException(source, 0, null, "the plan is not valid: " + e.getMessage());
        } catch (NullPointerException e) {
            throw new InputException(source, 0, null, "the plan is not valid: a value it needs is null or missing"
                    + (doc.tasks().contains(null) ? " (tasks holds a null where a task should be)" : ""));
        }
    }

    /** The plan as pretty JSON in the §8 shape, ending with a newline. */
    public static String write(Plan plan) {
        try {
            return Mappers.PRETTY.writeValueAsString(PlanDoc.of(plan)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    record PlanDoc(String title, String docNumber, LocalDate issuedOn, ReportingDoc reporting,
                   List<StageDoc> stages, List<GoalDoc> goals, List<UnitDoc> units, List<TaskDoc> tasks) {
        static PlanDoc of(Plan p) {
            return new PlanDoc(p.title(), p.docNumber(), p.issuedOn(),
                    new ReportingDoc(p.reporting().from(), p.reporting().to(), p.reporting().dueDay()),
                    p.stages().stream().map(s -> new StageDoc(s.name(), s.from(), s.to())).toList(),
                    p.goals().stream().map(g -> new GoalDoc(g.no(), g.title())).toList(),
                    p.units().stream().map(u -> new UnitDoc(u.id(), u.name(), u.aliases(), u.group(), u.leader(), u.person())).toList(),
                    p.tasks().stream().map(TaskDoc::of).toList());
        }

        Plan toPlan() {
            if (reporting == null) {
                throw new IllegalArgumentException("field reporting is missing");
            }
            return new Plan(title, docNumber, issuedOn,
                    new ReportingRule(reporting.from(), reporting.to(), reporting.dueDay()),
                    nn(stages).stream().map(s -> new Stage(s.name(), s.from(), s.to())).toList(),
                    nn(goals).stream().map(g -> new Goal(g.no(), g.title())).toList(),
                    nn(units).stream().map(u -> new Unit(u.id(), u.name(), u.aliases(), u.group(), u.leader(), u.person())).toList(),
                    nn(tasks).stream().map(TaskDoc::toTask).toList());
        }
    }

    record ReportingDoc(YearMonth from, YearMonth to, int dueDay) {
    }

    record StageDoc(String name, LocalDate from, LocalDate to) {
    }

    record GoalDoc(int no, String title) {
    }

    record UnitDoc(String id, String name, List<String> aliases, boolean group, String leader, String person) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MilestoneDoc(String text, LocalDate date, Integer percent) {
    }

    record PersonDoc(String unit, String leader, String person) {
    }

    record TargetDoc(BigDecimal value, String unit) {
    }

    /** A task; {@code parent}, {@code label}, {@code persons} and {@code target} are left out when absent (DESIGN §9). */
    @JsonPropertyOrder({"no", "parent", "label", "goal", "title", "measure", "leads", "supporting", "persons", "deadline",
            "ongoing", "deadlineText", "target", "milestones", "notes"})
    record TaskDoc(int no, @JsonInclude(JsonInclude.Include.NON_NULL) Integer parent,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String label, int goal, String title, String measure,
                   List<String> leads, List<String> supporting,
                   @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PersonDoc> persons,
                   LocalDate deadline, boolean ongoing, String deadlineText,
                   @JsonInclude(JsonInclude.Include.NON_NULL) TargetDoc target, List<MilestoneDoc> milestones,
                   List<String> notes) {
        static TaskDoc of(Task t) {
            Deadline d = t.deadline();
            return new TaskDoc(t.no(), t.parent(), t.label(), t.goal(), t.title(), t.measure(), t.leads(), t.supporting(),
                    t.persons().stream().map(p -> new PersonDoc(p.unit(), p.leader(), p.person())).toList(),
                    d == null ? null : d.date(), d != null && d.ongoing(), d == null ? null : d.text(),
                    t.target() == null ? null : new TargetDoc(t.target().value(), t.target().unit()),
                    t.milestones().stream().map(m -> new MilestoneDoc(m.text(), m.date(), m.percent())).toList(), t.notes());
        }

        Task toTask() {
            // a task that gives no deadline at all takes its parent's (the plan resolves it)
            Deadline d = deadline == null && !ongoing && deadlineText == null ? null : new Deadline(deadline, ongoing, deadlineText);
            return new Task(no, goal, title, measure, nn(leads), supporting, d,
                    nn(milestones).stream().map(m -> new Milestone(m.text(), m.date(), m.percent())).toList(), notes,
                    parent, label, nn(persons).stream().map(p -> new TaskPerson(p.unit(), p.leader(), p.person())).toList(),
                    target == null ? null : new Target(target.value(), target.unit()));
        }
    }

    private static <T> List<T> nn(List<T> list) {
        return list == null ? List.of() : list;
    }
}

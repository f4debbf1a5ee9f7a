package io.github.duban.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.duban.error.InputException;
import io.github.duban.importer.ImportProblem;
import io.github.duban.importer.ImportResult;
import io.github.duban.json.AssessmentJson;
import io.github.duban.json.PlanJson;
import io.github.duban.model.Facts;
import io.github.duban.model.Plan;
import io.github.duban.outcome.Assessment;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** Plans, months, explanations, bulletins, reminders and imports: what any client reads. */
@RestController
@RequestMapping("/api/v1")
final class ApiController {
    private final Office office;

    ApiController(Office office) {
        this.office = office;
    }

    @GetMapping("/plans")
    List<ObjectNode> plans() {
        return office.plans();
    }

    @GetMapping(value = "/plans/{plan}", produces = MediaType.APPLICATION_JSON_VALUE)
    String plan(@PathVariable("plan") String plan) {
        return PlanJson.write(office.store().read(plan).plan());
    }

    @PutMapping("/plans/{plan}")
    ObjectNode savePlan(@PathVariable("plan") String id, @RequestBody JsonNode body) {
        PlanStore.checkId(id);
        if (body == null || !body.isObject()) {
            throw new InputException("request", 0, null, "the body is not a plan (expected plan.json)");
        }
        Plan p = PlanJson.read(body.toString(), "plan");
        office.store().save(id, p);
        ObjectNode n = Office.JSON.createObjectNode();
        n.put("id", id);
        n.put("tasks", p.leaves().size());
        n.put("units", p.units().size());
        return n;
    }

    @PostMapping("/assess")
    JsonNode assess(@RequestBody JsonNode body) {
        YearMonth month = month(body, "month");
        LocalDate asOf = date(body, "asOf");
        JsonNode planNode = body.get("plan");
        Plan plan = office.planOf(planNode);
        Facts facts = office.factsOf(body.get("facts"), plan);
        if (facts == null && planNode.isTextual()) {
            if (body.hasNonNull("ledger")) {
                throw new InputException("request", 0, "ledger", "is only taken with facts; a held plan's months before are replayed from its own facts");
            }
            return AssessmentJson.tree(office.assessHeld(planNode.asText(), month, asOf));
        }
        if (facts == null) {
            throw new InputException("request", 0, "facts", "is missing (a plan given whole needs its facts)");
        }
        return AssessmentJson.tree(office.assess(plan, facts, month, asOf, office.ledgerOf(body.get("ledger"))));
    }

    @PostMapping("/replay")
    ObjectNode replay(@RequestBody JsonNode body) {
        YearMonth to = month(body, "to");
        JsonNode planNode = body.get("plan");
        Plan plan = office.planOf(planNode);
        Facts facts = office.factsOf(body.get("facts"), plan);
        List<Assessment> months;
        if (facts == null && planNode.isTextual()) {
            months = office.replayHeld(planNode.asText(), to);
        } else if (facts == null) {
            throw new InputException("request", 0, "facts", "is missing (a plan given whole needs its facts)");
        } else {
            months = office.replay(plan, facts, to);
        }
        ObjectNode out = Office.JSON.createObjectNode();
        ArrayNode list = out.putArray("months");
        months.forEach(a -> list.add(AssessmentJson.tree(a)));
        return out;
    }

    @GetMapping("/plans/{plan}/assessment")
    JsonNode assessment(@PathVariable("plan") String plan, @RequestParam("month") YearMonth month,
                        @RequestParam(value = "asOf", required = false) LocalDate asOf) {
        return AssessmentJson.tree(office.assessHeld(plan, month, asOf));
    }

    @PostMapping("/plans/{plan}/month-end")
    ObjectNode monthEnd(@PathVariable("plan") String plan, @RequestBody JsonNode body) {
        return office.monthEnd(plan, month(body, "month"), date(body, "asOf"));
    }

    @GetMapping("/plans/{plan}/explain")
    ObjectNode explain(@PathVariable("plan") String plan, @RequestParam("month") YearMonth month,
                       @RequestParam("unit") String unit, @RequestParam(value = "task", required = false) Integer task) {
        return office.explain(plan, month, unit, task);
    }

    @GetMapping("/plans/{plan}/tasks/{task}/history")
    ObjectNode history(@PathVariable("plan") String plan, @PathVariable("task") int task, @RequestParam("month") YearMonth month) {
        return office.history(plan, task, month);
    }

    @GetMapping("/plans/{plan}/bulletin")
    ResponseEntity<byte[]> bulletin(@PathVariable("plan") String plan, @RequestParam("month") YearMonth month,
                                    @RequestParam(value = "format", defaultValue = "html") String format) {
        byte[] b = office.bulletin(plan, month, format);
        MediaType type = switch (format) {
            case "md" -> new MediaType("text", "markdown", StandardCharsets.UTF_8);
            case "html" -> new MediaType("text", "html", StandardCharsets.UTF_8);
            default -> MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        };
        String name = plan + "-" + month + "-bulletin." + format;
        ContentDisposition cd = (format.equals("html") ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(name, StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, cd.toString()).body(b);
    }

    @GetMapping("/plans/{plan}/reminders")
    ObjectNode reminders(@PathVariable("plan") String plan, @RequestParam("date") LocalDate date) {
        return office.reminders(plan, date);
    }

    @GetMapping("/dashboard")
    ObjectNode dashboard(@RequestParam(value = "month", required = false) YearMonth month) {
        return office.dashboard(month);
    }

    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ObjectNode importPlan(@RequestParam("file") MultipartFile file, @RequestParam(value = "year", required = false) Integer year) {
        if (year != null && (year < 2000 || year > 2100)) {
            throw new InputException("request", 0, "year", year + " is not a plan's year (expected 2000..2100)");
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload", e);
        }
        String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename().replaceAll("[\\\\/\\p{C}]", "_");
        ImportResult r = office.importPlan(bytes, name, year);
        ObjectNode out = Office.JSON.createObjectNode();
        out.put("source", name);
        try {
            out.set("plan", Office.JSON.readTree(PlanJson.write(r.plan())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.put("tasks", r.plan().leaves().size());
        ArrayNode problems = out.putArray("problems");
        for (ImportProblem p : r.problems()) {
            ObjectNode n = problems.addObject();
            if (p.line() > 0) {
                n.put("line", p.line());
            }
            n.put("where", p.where());
            n.put("message", p.message());
            n.put("text", p.format(name));
        }
        ArrayNode dis = out.putArray("disagreements");
        r.disagreements().forEach(dis::add);
        ArrayNode defs = out.putArray("defaults");
        r.defaults().forEach(defs::add);
        return out;
    }

    static YearMonth month(JsonNode body, String field) {
        JsonNode n = body == null ? null : body.get(field);
        if (n == null || !n.isTextual()) {
            throw new InputException("request", 0, field, "is missing (expected a month as text, YYYY-MM)");
        }
        try {
            return YearMonth.parse(n.asText());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InputException("request", 0, field, "\"" + n.asText() + "\" is not a month (expected YYYY-MM, e.g. 2021-06)");
        }
    }

    static LocalDate date(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(n.asText());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InputException("request", 0, field, "\"" + n.asText() + "\" is not a date (expected YYYY-MM-DD)");
        }
    }
}

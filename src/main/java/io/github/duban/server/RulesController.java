package io.github.duban.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.duban.authoring.RulesCheck;
import io.github.duban.engine.RuleProblem;
import io.github.duban.error.InputException;
import io.github.duban.json.PolicyJson;
import io.github.duban.json.ScoringSheet;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The ruleset in force, the policy and scoring sheet, what-if, and the versions (saving and activating need the admin token). */
@RestController
@RequestMapping("/api/v1")
final class RulesController {
    private final Office office;

    RulesController(Office office) {
        this.office = office;
    }

    @GetMapping("/ruleset")
    ObjectNode ruleset() {
        RulesVersions.Active a = office.versions().active();
        ObjectNode n = Office.JSON.createObjectNode();
        n.put("version", a.version());
        n.put("fingerprint", a.fingerprint());
        n.put("activatedAt", a.activatedAt());
        n.put("activatedBy", a.activatedBy());
        return n;
    }

    @GetMapping("/policy")
    JsonNode policy() {
        return PolicyJson.tree(office.policy());
    }

    @PostMapping("/policy/validate")
    ObjectNode validatePolicy(@RequestBody String text) {
        try {
            Office.readPolicy(text, "policy");
            return verdict(List.of());
        } catch (InputException e) {
            return verdict(List.of(e));
        }
    }

    @GetMapping("/scoring")
    ObjectNode scoring() {
        String csv = ScoringSheet.write(office.policy());
        ObjectNode n = Office.JSON.createObjectNode();
        ArrayNode cols = n.putArray("columns");
        ScoringSheet.COLUMNS.forEach(cols::add);
        ArrayNode rows = n.putArray("rows");
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            while (it.hasNext()) {
                rows.add(Office.JSON.valueToTree(it.next()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        n.put("csv", csv);
        return n;
    }

    @PostMapping("/scoring/validate")
    ObjectNode validateScoring(@RequestBody String csv) {
        try {
            ScoringSheet.read(csv, "scoring", office.policy());
            return verdict(List.of());
        } catch (InputException e) {
            return verdict(List.of(e));
        }
    }

    @PostMapping("/rules/diff")
    JsonNode diff(@RequestBody JsonNode body) {
        JsonNode plan = body.get("plan");
        if (plan == null || !plan.isTextual()) {
            throw new InputException("request", 0, "plan", "is missing (expected a held plan's id)");
        }
        return Office.JSON.valueToTree(office.diff(plan.asText(), ApiController.month(body, "month"), body.get("policy"), body.get("scoring")));
    }

    @GetMapping("/rules/versions")
    ArrayNode versions() {
        RulesVersions.Active a = office.versions().active();
        ArrayNode list = Office.JSON.createArrayNode();
        for (RulesVersions.Version v : office.versions().versions()) {
            ObjectNode n = list.addObject();
            n.put("version", v.version());
            n.put("fingerprint", v.fingerprint());
            n.put("savedAt", v.savedAt());
            n.put("savedBy", v.savedBy());
            n.put("note", v.note());
            n.put("active", v.version() == a.version());
        }
        return list;
    }

    @PostMapping("/rules/versions")
    ResponseEntity<ObjectNode> save(@RequestBody JsonNode body, HttpServletRequest req) {
        JsonNode note = body.get("note");
        Office.Saved s = office.save(body.get("policy"), body.get("scoring"), note == null || note.isNull() ? "" : Access.clean(note.asText()),
                (String) req.getAttribute(Access.WHO));
        ObjectNode n = Office.JSON.createObjectNode();
        ArrayNode problems = n.putArray("problems");
        for (RulesCheck.Problem p : s.report().problems()) {
            ObjectNode x = problems.addObject();
            x.put("file", p.file());
            x.put("line", p.line());
            x.put("level", p.level().toString());
            x.put("message", p.message());
        }
        if (s.version() == null) {
            n.put("status", 400);
            n.put("error", "bad input");
            n.put("message", "the proposed rules do not check: " + s.report().problems().stream()
                    .filter(p -> p.level() == RulesCheck.Level.ERROR).findFirst().map(Object::toString).orElse(""));
            return ResponseEntity.badRequest().body(n);
        }
        n.put("version", s.version().version());
        n.put("fingerprint", s.version().fingerprint());
        return ResponseEntity.ok(n);
    }

    @PostMapping("/rules/versions/{version}/activate")
    ResponseEntity<ObjectNode> activate(@PathVariable("version") int version, HttpServletRequest req) {
        RulesVersions.Swapped s = office.versions().activate(version, (String) req.getAttribute(Access.WHO));
        ObjectNode n = Office.JSON.createObjectNode();
        n.put("version", version);
        n.put("fingerprint", s.fingerprint());
        n.put("previous", s.previous());
        if (!s.applied()) {
            n.put("status", 400);
            n.put("error", "bad input");
            ArrayNode problems = n.putArray("problems");
            for (RuleProblem p : s.problems()) {
                problems.add(p.toString());
            }
            n.put("message", "version " + version + " was not put in force: " + (s.problems().isEmpty() ? "" : s.problems().get(0)));
            return ResponseEntity.badRequest().body(n);
        }
        return ResponseEntity.ok(n);
    }

    @GetMapping("/rules/audit")
    ArrayNode audit() {
        ArrayNode list = Office.JSON.createArrayNode();
        office.versions().audit().forEach(list::add);
        return list;
    }

    private static ObjectNode verdict(List<InputException> problems) {
        ObjectNode n = Office.JSON.createObjectNode();
        n.put("ok", problems.isEmpty());
        ArrayNode list = n.putArray("problems");
        for (InputException e : problems) {
            ObjectNode x = list.addObject();
            x.put("file", e.file());
            if (e.line() > 0) {
                x.put("line", e.line());
            }
            x.put("field", e.field());
            x.put("message", e.getMessage());
        }
        return n;
    }

}

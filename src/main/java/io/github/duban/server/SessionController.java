package io.github.duban.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;

/** The console's sign-in (a session cookie holding the role, the name and the CSRF token), and the API's own description. */
@RestController
@RequestMapping("/api/v1")
final class SessionController {
    private static final Logger LOG = LoggerFactory.getLogger(SessionController.class);
    private final Access access;

    SessionController(Access access) {
        this.access = access;
    }

    @GetMapping("/session")
    ResponseEntity<ObjectNode> session(HttpServletRequest req) {
        HttpSession s = req.getSession(false);
        if (s == null || s.getAttribute(Access.ROLE) == null) {
            return ResponseEntity.status(401).body(Errors.body(401, "unauthorized", "not signed in"));
        }
        return ResponseEntity.ok(describe(s));
    }

    @PostMapping("/session")
    ResponseEntity<ObjectNode> signIn(@RequestBody JsonNode body, HttpServletRequest req) throws InterruptedException {
        String name = Access.clean(body.path("name").asText(null));
        String role = access.roleOf(body.path("token").asText(null));
        if (role == null) {
            Thread.sleep(400); // slows guessing; the token itself is never logged
            LOG.warn("a console sign-in with a wrong token from {}", req.getRemoteAddr());
            return ResponseEntity.status(401).body(Errors.body(401, "unauthorized", "口令不正确 (the token is not this server's)"));
        }
        if (name == null) {
            ObjectNode e = Errors.body(400, "bad input", "request: field name: is missing (the audit log names who changes the rules)");
            e.put("field", "name");
            return ResponseEntity.badRequest().body(e);
        }
        HttpSession old = req.getSession(false);
        if (old != null) {
            old.invalidate(); // a new session id at every sign-in
        }
        HttpSession s = req.getSession(true);
        s.setAttribute(Access.ROLE, role);
        s.setAttribute(Access.NAME, name);
        s.setAttribute(Access.CSRF, Access.newCsrf());
        LOG.info("{} signed in to the console as {}", name, role);
        return ResponseEntity.ok(describe(s));
    }

    @DeleteMapping("/session")
    ResponseEntity<Void> signOut(HttpServletRequest req) {
        HttpSession s = req.getSession(false);
        if (s != null) {
            s.invalidate();
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping(value = "/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] openApi() throws IOException {
        return resource("server/openapi.json");
    }

    @GetMapping(value = "/docs", produces = MediaType.TEXT_HTML_VALUE)
    byte[] docs() throws IOException {
        return resource("server/docs.html");
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static ObjectNode describe(HttpSession s) {
        ObjectNode n = Office.JSON.createObjectNode();
        n.put("name", (String) s.getAttribute(Access.NAME));
        n.put("role", (String) s.getAttribute(Access.ROLE));
        n.put("csrf", (String) s.getAttribute(Access.CSRF));
        return n;
    }
}

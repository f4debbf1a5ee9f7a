package io.github.duban.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.duban.authoring.RulesetPackage;
import io.github.duban.batch.SafeOutput;
import io.github.duban.engine.Duban;
import io.github.duban.engine.DubanRuntime;
import io.github.duban.engine.RuleProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Every ruleset version the server has saved, the one in force, and the audit log of every save
 * and activation, in {@code DATA/rules/}: {@code NNNN.zip} (a package as {@code duban rules pack}
 * writes it), {@code versions.jsonl} (one line a version), {@code active} (the version in force)
 * and {@code audit.jsonl}. Versions are never deleted or changed. The engine in force is held by a
 * {@link DubanRuntime}, so an activation is a hot swap: calls already running finish on the old
 * ruleset. Thread-safe.
 */
final class RulesVersions {
    private static final Logger LOG = LoggerFactory.getLogger(RulesVersions.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** One saved version. */
    record Version(int version, String fingerprint, String savedAt, String savedBy, String note) {
    }

    /** The version in force. */
    record Active(int version, String fingerprint, String activatedAt, String activatedBy) {
    }

    private final Path dir;
    private final DubanRuntime runtime;
    private final Clock clock;
    private final List<Version> versions = new ArrayList<>();
    private volatile Active active;

    /**
     * Opens {@code dir}; when it holds no version, {@code initial} (its rules, policy and calendar)
     * becomes version 1, saved and activated by {@code who}.
     */
    RulesVersions(Path dir, Duban initial, String who, Clock clock) {
        this.dir = dir;
        this.clock = clock;
        try {
            Files.createDirectories(dir);
            Path list = dir.resolve("versions.jsonl");
            if (Files.isRegularFile(list)) {
                for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        JsonNode n = JSON.readTree(line);
                        versions.add(new Version(n.path("version").asInt(), n.path("fingerprint").asText(),
                                n.path("savedAt").asText(), n.path("savedBy").asText(), n.path("note").asText("")));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules versions in " + dir, e);
        }
        if (versions.isEmpty()) {
            this.runtime = DubanRuntime.of(initial);
            Version v = save(initial, who, "启动时的规则");
            activate(v.version(), who);
        } else {
            int n = activeNumber();
            RulesetPackage.Contents c = RulesetPackage.read(file(n));
            this.runtime = DubanRuntime.of(c.builder().plan(initial.plan()).limits(initial.limits()).build());
            JsonNode last = lastActivation(n);
            this.active = new Active(n, runtime.fingerprint(), last.path("at").asText(""), last.path("who").asText(""));
        }
    }

    DubanRuntime runtime() {
        return runtime;
    }

    Active active() {
        return active;
    }

    synchronized List<Version> versions() {
        return List.copyOf(versions);
    }

    /** Saves {@code duban}'s rules, policy and calendar as the next version (not yet in force). */
    synchronized Version save(Duban duban, String who, String note) {
        int n = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
        try {
            RulesetPackage.write(duban, file(n));
            Version v = new Version(n, duban.fingerprint(), now(), who, note == null ? "" : note);
            ObjectNode line = JSON.createObjectNode();
            line.put("version", v.version());
            line.put("fingerprint", v.fingerprint());
            line.put("savedAt", v.savedAt());
            line.put("savedBy", v.savedBy());
            line.put("note", v.note());
            append("versions.jsonl", line);
            versions.add(v);
            audit(who, "save", v.version(), v.fingerprint(), null);
            LOG.info("rules version {} saved by {}: {}", n, who, v.fingerprint());
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save rules version " + n + " in " + dir, e);
        }
    }

    /**
     * Puts version {@code n} in force.
     *
     * @throws NotFoundException when there is no such version
     * @throws io.github.duban.error.RulesException (through {@link Swapped#problems}) never: a version that fails its trial is returned unapplied
     */
    synchronized Swapped activate(int n, String who) {
        Version v = versions.stream().filter(x -> x.version() == n).findFirst()
                .orElseThrow(() -> new NotFoundException("no rules version " + n));
        RulesetPackage.Contents c = RulesetPackage.read(file(n));
        Active before = active;
        DubanRuntime.Swap s = runtime.swap(c::rules, c.policy(), c.calendar());
        if (!s.applied()) {
            return new Swapped(false, n, s.fingerprint(), before == null ? null : before.fingerprint(), s.problems());
        }
        try {
            Path tmp = SafeOutput.tempFile(dir, ".active", ".txt");
            Files.writeString(tmp, n + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve("active"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            String at = now();
            audit(who, "activate", n, v.fingerprint(), before == null ? null : before.version());
            active = new Active(n, s.fingerprint(), at, who);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the active rules version in " + dir, e);
        }
        LOG.info("rules version {} activated by {}: {}", n, who, s.fingerprint());
        return new Swapped(true, n, s.fingerprint(), before == null ? null : before.fingerprint(), List.of());
    }

    /** What an activation did: applied, or the problems that kept the version out of force. */
    record Swapped(boolean applied, int version, String fingerprint, String previous, List<RuleProblem> problems) {
    }

    /** Every line of the audit log, oldest first. */
    synchronized List<JsonNode> audit() {
        Path f = dir.resolve("audit.jsonl");
        List<JsonNode> out = new ArrayList<>();
        try {
            if (Files.isRegularFile(f)) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        out.add(JSON.readTree(line));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
        return out;
    }

    private JsonNode lastActivation(int n) {
        JsonNode last = JSON.createObjectNode();
        for (JsonNode a : audit()) {
            if ("activate".equals(a.path("action").asText()) && a.path("version").asInt() == n) {
                last = a;
            }
        }
        return last;
    }

    private int activeNumber() throws UncheckedIOException {
        Path f = dir.resolve("active");
        try {
            int n = Integer.parseInt(Files.readString(f, StandardCharsets.UTF_8).trim());
            if (versions.stream().noneMatch(v -> v.version() == n)) {
                throw new IllegalStateException(f + " names version " + n + ", which versions.jsonl does not list");
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + " (the rules version in force)", e);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(f + " does not hold a version number", e);
        }
    }

    private void audit(String who, String action, int version, String fingerprint, Integer previous) throws IOException {
        ObjectNode line = JSON.createObjectNode();
        line.put("at", now());
        line.put("who", who);
        line.put("action", action);
        line.put("version", version);
        line.put("fingerprint", fingerprint);
        if (previous != null) {
            line.put("previous", previous);
        }
        append("audit.jsonl", line);
    }

    private void append(String name, ObjectNode line) throws IOException {
        Files.writeString(dir.resolve(name), JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    Path file(int n) {
        return dir.resolve(String.format("%04d.zip", n));
    }

    private String now() {
        return OffsetDateTime.now(clock.withZone(ZONE)).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}

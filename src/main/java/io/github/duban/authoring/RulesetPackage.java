package io.github.duban.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.duban.engine.Duban;
import io.github.duban.engine.Ruleset;
import io.github.duban.engine.WorkCalendar;
import io.github.duban.error.InputException;
import io.github.duban.error.LimitException;
import io.github.duban.json.PolicyJson;
import io.github.duban.model.Policy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A ruleset package (知识包): the rules, policy and working-day calendar in force, in one zip with a
 * manifest of their fingerprint and each file's sha-256, so that an old month can be assessed again
 * with exactly the ruleset it was assessed with. Layout: {@code manifest.json},
 * {@code policy.json}, {@code scoring.csv} (the policy's scoring as a sheet, for reading),
 * {@code calendar.txt}, {@code rules/*.drl}. A package whose contents do not
 * match its manifest, or whose fingerprint is not the one its contents give, is refused. The same
 * ruleset always packs to the same bytes.
 *
 * <p>This version writes format {@value #FORMAT}: rules that conclude everything themselves. It
 * still reads format 1, made when the rules fired in stages and the policy had no rating ceilings:
 * such a package's rules are given the stage facts they wait for ({@link Ruleset#asFormat1()}) and
 * its policy no rating ceilings, so it re-makes its months as it did. Thread-safe.
 */
public final class RulesetPackage {

    /** The package format this version writes. */
    public static final int FORMAT = 2;

    /** The formats this version reads. */
    public static final java.util.Set<Integer> READS = java.util.Set.of(1, 2);

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final LocalDateTime STAMP = LocalDateTime.of(2021, 1, 1, 0, 0);

    /** A package read and checked: what to build an engine with, and the fingerprint it gives. Immutable and thread-safe. */
    public record Contents(Ruleset rules, Policy policy, WorkCalendar calendar, String fingerprint) {
        /** A builder with these rules, policy and calendar (the plan is still to choose). */
        public Duban.Builder builder() {
            return Duban.builder().rules(rules).policy(policy).calendar(calendar);
        }
    }

    private RulesetPackage() {
    }

    /** Packs the rules, policy and calendar of {@code duban} into {@code out} (written aside, then renamed). */
    public static void write(Duban duban, Path out) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        for (Map.Entry<String, String> e : duban.rules().sources().entrySet()) {
            files.put("rules/" + e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8));
        }
        files.put("policy.json", PolicyJson.write(duban.policy()).getBytes(StandardCharsets.UTF_8));
        files.put("calendar.txt", duban.calendar().canonical().getBytes(StandardCharsets.UTF_8));
        files.put("scoring.csv", io.github.duban.json.ScoringSheet.write(duban.policy()).getBytes(StandardCharsets.UTF_8));
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("format", FORMAT);
        manifest.put("fingerprint", duban.fingerprint());
        ObjectNode sums = manifest.putObject("files");
        files.forEach((name, bytes) -> sums.put(name, sha256(bytes)));
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = io.github.duban.batch.SafeOutput.tempFile(parent, ".pack", ".zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
            put(zip, "manifest.json", (JSON.writeValueAsString(manifest) + "\n").getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                put(zip, e.getKey(), e.getValue());
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(STAMP);
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }

    /**
     * Reads and checks a package: every file listed in the manifest with the sha-256 it gives,
     * nothing else, and the fingerprint of the contents equal to the manifest's.
     *
     * @throws InputException naming the package and what does not match
     */
    public static Contents read(Path zip) {
        String source = zip.toString();
        if (!Files.isRegularFile(zip)) {
            throw new InputException(source, 0, null, "--ruleset names no readable file (expected a package made by duban rules pack)");
        }
        Map<String, byte[]> files = entries(zip, source);
        byte[] m = files.remove("manifest.json");
        if (m == null) {
            throw new InputException(source, 0, "manifest.json", "is missing; expected a package made by duban rules pack");
        }
        JsonNode manifest;
        try {
            manifest = JSON.readTree(m);
        } catch (IOException e) {
            throw new InputException(source, 0, "manifest.json", "is not JSON: " + e.getMessage());
        }
        int format = manifest.path("format").asInt(-1);
        if (!manifest.path("format").isInt() || !READS.contains(format)) {
            throw new InputException(source, 0, "manifest.json format", "is " + manifest.path("format") + "; this version reads packages of format "
                    + READS.stream().sorted().map(String::valueOf).collect(java.util.stream.Collectors.joining(" and ")), String.valueOf(manifest.path("format")),
                    READS.stream().sorted().map(String::valueOf).collect(java.util.stream.Collectors.joining(" or ")));
        }
        JsonNode sums = manifest.path("files");
        Iterator<String> names = sums.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            byte[] bytes = files.get(n);
            if (bytes == null) {
                throw new InputException(source, 0, n, "is listed in the manifest but missing from the package");
            }
            if (!sha256(bytes).equals(sums.get(n).asText())) {
                throw new InputException(source, 0, n, "does not match its sha-256 in the manifest: it was changed after the package was made");
            }
        }
        for (String n : files.keySet()) {
            if (!sums.has(n)) {
                throw new InputException(source, 0, n, "is in the package but not in its manifest");
            }
        }
        Map<String, String> drl = new TreeMap<>();
        files.forEach((n, b) -> {
            if (n.startsWith("rules/") && n.endsWith(".drl")) {
                drl.put(n.substring("rules/".length()), new String(b, StandardCharsets.UTF_8));
            }
        });
        byte[] policy = files.get("policy.json");
        byte[] calendar = files.get("calendar.txt");
        byte[] sheet = files.get("scoring.csv");
        if (drl.isEmpty() || policy == null || calendar == null || sheet == null) {
            throw new InputException(source, 0, null, "lacks rules/*.drl, policy.json, scoring.csv or calendar.txt");
        }
        // the built-in DRL texts are the built-in rules, already compiled at build time
        Ruleset rules = drl.equals(Ruleset.builtIn().sources()) ? Ruleset.builtIn() : Ruleset.compile(drl);
        Policy p = PolicyJson.read(new String(policy, StandardCharsets.UTF_8), source + "!policy.json");
        if (format == 1) {
            // rules that fired in stages, and a policy from before rating ceilings: as they were
            rules = rules.asFormat1();
            p = p.withCeilings(Map.of());
        }
        WorkCalendar c = WorkCalendar.parse(new String(calendar, StandardCharsets.UTF_8), source + "!calendar.txt");
        // the sheet must show the policy: read into it, it changes nothing (a format-1 sheet lacks the rows
        // added since, milestone points and rating ceilings, which keep the policy's values)
        if (!io.github.duban.json.ScoringSheet.read(new String(sheet, StandardCharsets.UTF_8), source + "!scoring.csv", p).equals(p)) {
            throw new InputException(source, 0, "scoring.csv", "does not show the scoring of policy.json: the package is refused");
        }
        String fingerprint = Duban.fingerprint(rules, p, c);
        String claimed = manifest.path("fingerprint").asText();
        if (!fingerprint.equals(claimed)) {
            throw new InputException(source, 0, "manifest.json fingerprint", "is " + claimed + " but the contents give " + fingerprint
                    + ": the package is refused");
        }
        return new Contents(rules, p, c, fingerprint);
    }

    /** The most entries a package may hold (one made by {@code rules pack} holds a few dozen). */
    static final int MAX_ENTRIES = 1_000;

    /** The most bytes one entry may inflate to (the largest rules file is some tens of KB). */
    static final long MAX_ENTRY_BYTES = 16L << 20;

    /** The most bytes all entries together may inflate to. */
    static final long MAX_TOTAL_BYTES = 64L << 20;

    /**
     * The files of the zip by name; refused, saying what is wrong, when it is not a whole zip, and
     * refused at once, naming the limit, when it holds more entries or inflates to more bytes than
     * any package does (a zip bomb): the bytes are counted as they inflate, the sizes the zip
     * claims are not trusted.
     */
    private static Map<String, byte[]> entries(Path zip, String source) {
        Map<String, byte[]> files = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            int count = 0;
            long total = 0;
            while ((e = in.getNextEntry()) != null) {
                if (++count > MAX_ENTRIES) {
                    throw new LimitException("ruleset package entries", null, source + ": holds more than " + MAX_ENTRIES
                            + " entries, the most a ruleset package may hold (a package made by duban rules pack holds a few dozen): refused");
                }
                if (!e.isDirectory()) {
                    byte[] bytes = readAtMost(in, Math.min(MAX_ENTRY_BYTES, MAX_TOTAL_BYTES - total));
                    if (bytes == null) {
                        boolean entry = MAX_ENTRY_BYTES <= MAX_TOTAL_BYTES - total;
                        throw new LimitException(entry ? "ruleset package entry size" : "ruleset package size", null, source + ": "
                                + (entry ? "entry " + e.getName() + " inflates to more than " + (MAX_ENTRY_BYTES >> 20)
                                + " MB, the most one entry of a ruleset package may hold"
                                : "its entries inflate to more than " + (MAX_TOTAL_BYTES >> 20) + " MB in all (at " + e.getName()
                                + "), the most a ruleset package may hold") + " (a zip bomb?): refused");
                    }
                    total += bytes.length;
                    files.put(e.getName(), bytes);
                }
            }
        } catch (java.io.EOFException e) {
            throw new InputException(source, 0, null, "is a zip cut short (it ends inside an entry; was it copied whole?)"
                    + " — expected a package made by duban rules pack");
        } catch (java.util.zip.ZipException e) {
            throw new InputException(source, 0, null, "is not a readable zip (" + (e.getMessage() != null ? e.getMessage()
                    : "its entries cannot be read") + ") — expected a package made by duban rules pack");
        } catch (IOException e) {
            throw new InputException(source, 0, null, "cannot be read: " + (e.getMessage() != null ? e.getMessage()
                    : e.getClass().getSimpleName()));
        }
        if (files.isEmpty()) {
            throw new InputException(source, 0, null, "is not a zip, or an empty one (no entry found) — expected a package made by duban rules pack");
        }
        return files;
    }

    /** The rest of the entry, or null as soon as it passes {@code limit} bytes. */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long n = 0;
        for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
            n += r;
            if (n > limit) {
                return null;
            }
            out.write(buf, 0, r);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

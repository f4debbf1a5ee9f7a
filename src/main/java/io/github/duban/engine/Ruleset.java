package io.github.duban.engine;

import io.github.duban.error.RulesException;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The compiled rules: the built-in DRL files ({@code lateness, escalation, scoring, board}),
 * each replaceable, and any further files, from a folder. Compiled once; immutable and thread-safe.
 */
public final class Ruleset {

    /** The built-in rule files, one per concern, in the order they are loaded. */
    public static final List<String> BUILT_IN = List.of("lateness.drl", "escalation.drl", "scoring.drl", "board.drl", "summary.drl");

    private static final Logger LOG = LoggerFactory.getLogger(Ruleset.class);
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final AtomicBoolean PRELOADING = new AtomicBoolean();
    private static final Pattern COLUMN = Pattern.compile("\\[(\\d+):(\\d+)\\]");
    private static final Pattern EXPRESSION = Pattern.compile("Unable to Analyse Expression (.+?):\\s*\\n");
    private static final Pattern RULE_NAME = Pattern.compile("Rule name='([^']+)'");

    private final Map<String, String> sources;
    private final KieBase kieBase;
    private final boolean precompiled;
    private final boolean legacyStages;

    private Ruleset(Map<String, String> sources, KieBase kieBase, boolean precompiled, boolean legacyStages) {
        this.sources = Collections.unmodifiableMap(sources);
        this.kieBase = kieBase;
        this.precompiled = precompiled;
        this.legacyStages = legacyStages;
    }

    /**
     * True for the rules of a ruleset package of format 1, which fired in three stages (waiting for
     * the month's {@link Settled} and {@link Tally}) and read the due date from the {@link Period}.
     */
    boolean legacyStages() {
        return legacyStages;
    }

    /** These rules as the rules of a ruleset package of format 1 (see {@link #legacyStages()}). */
    public Ruleset asFormat1() {
        return new Ruleset(new TreeMap<>(sources), kieBase, precompiled, true);
    }

    /** True when these rules were read from the image compiled at build time, not compiled from their DRL here. */
    boolean precompiled() {
        return precompiled;
    }

    /**
     * The built-in rules, loaded once per class loader and shared: read from the image the build
     * compiled ({@link RulesImage}), or, when that is missing or does not match the DRL files on
     * the class path, compiled from them here (with one warning).
     */
    public static Ruleset builtIn() {
        return BuiltIn.RULES;
    }

    /**
     * Starts loading the built-in rules on a background thread, for a process that is going to
     * use them (a command line, a server starting up): reading the plan and the rest meanwhile,
     * the later {@link #builtIn()} waits only for what is left. Calling it again does nothing.
     */
    public static void preloadBuiltIn() {
        if (PRELOADING.compareAndSet(false, true)) {
            Thread t = new Thread(() -> {
                try {
                    builtIn();
                } catch (RuntimeException | LinkageError e) {
                    LOG.debug("preloading the built-in rules failed; builtIn() will report it", e);
                }
            }, "duban-rules-preload");
            t.setDaemon(true);
            t.start();
        }
    }

    private static final class BuiltIn {
        static final Ruleset RULES = loadBuiltIn(RulesImage.RESOURCE);
    }

    /** The built-in rules from the image at class-path resource {@code image}, else compiled from their DRL. */
    static Ruleset loadBuiltIn(String image) {
        Map<String, String> sources = builtInSources();
        ClassLoader loader = Ruleset.class.getClassLoader();
        try (InputStream in = Ruleset.class.getResourceAsStream(image)) {
            if (in == null) {
                LOG.warn("the precompiled built-in rules ({}) are not on the class path; compiling the DRL files instead", image);
            } else {
                return new Ruleset(new TreeMap<>(sources), RulesImage.read(in, sources, loader), true, false);
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.warn("the precompiled built-in rules ({}) cannot be used ({}); compiling the DRL files instead", image, e.toString());
        }
        return compile(sources);
    }

    /**
     * The built-in rules with the {@code .drl} files of {@code dir}: a file named like a built-in
     * one replaces it, any other is added.
     *
     * @throws RulesException when they do not compile, with every problem found
     */
    public static Ruleset withFolder(Path dir) {
        Map<String, String> sources = builtInSources();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList()) {
                sources.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules folder " + dir, e);
        }
        return compile(sources);
    }

    /**
     * Compiles the given DRL texts by file name.
     *
     * @throws RulesException when they do not compile, with every problem found
     */
    public static Ruleset compile(Map<String, String> drlByName) {
        Map<String, String> sources = new TreeMap<>(drlByName);
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId id = ks.newReleaseId("io.github.duban", "duban-rules-" + BUILDS.incrementAndGet(), "1.0.0");
        kfs.generateAndWritePomXML(id);
        sources.forEach((name, text) -> kfs.write("src/main/resources/rules/" + name, text));
        KieBuilder builder = ks.newKieBuilder(kfs);
        List<RuleProblem> problems = new ArrayList<>();
        try {
            builder.buildAll();
        } catch (RuntimeException e) {
            problems.add(new RuleProblem("rules", 0, 0, "ERROR", String.valueOf(e.getMessage())));
            throw new RulesException(problems);
        }
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            String text = m.getText() == null ? "" : m.getText().strip();
            if (text.startsWith("Parser returned a null Package")) {
                continue;
            }
            String path = m.getPath() == null ? "rules" : m.getPath().replaceFirst("^.*/", "");
            int column = m.getColumn();
            Matcher c = COLUMN.matcher(text);
            if (column <= 0 && c.find()) {
                column = Integer.parseInt(c.group(2));
            }
            int line = m.getLine();
            if (line <= 0) {
                line = lineOfRule(sources.get(path), text);
            }
            problems.add(new RuleProblem(path, Math.max(line, 0), Math.max(column, 0), "ERROR", text));
        }
        if (!problems.isEmpty()) {
            throw new RulesException(problems);
        }
        KieContainer container = ks.newKieContainer(id);
        KieBase base = container.getKieBase();
        ks.getRepository().removeKieModule(id);
        return new Ruleset(sources, base, false, false);
    }

    /** The line of {@code rule "NAME"} in the DRL text, for a message that names the rule but gives no line; 0 if not found. */
    static int lineOfRule(String drl, String message) {
        if (drl == null) {
            return 0;
        }
        Matcher e = EXPRESSION.matcher(message);
        if (e.find()) {
            String expr = e.group(1).strip();
            String[] lines = drl.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].contains(expr)) {
                    return i + 1;
                }
            }
        }
        Matcher m = RULE_NAME.matcher(message);
        if (!m.find()) {
            return 0;
        }
        String wanted = "rule \"" + m.group(1) + "\"";
        String[] lines = drl.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().startsWith(wanted)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The DRL texts by file name, in name order. */
    public Map<String, String> sources() {
        return sources;
    }

    KieBase kieBase() {
        return kieBase;
    }

    /** A new session of these rules. */
    org.kie.api.runtime.KieSession session() {
        return kieBase.newKieSession();
    }

    /** Names of every rule, in name order. */
    public List<String> ruleNames() {
        return kieBase.getKiePackages().stream()
                .flatMap(p -> p.getRules().stream())
                .map(r -> r.getName())
                .sorted()
                .toList();
    }

    static Map<String, String> builtInSources() {
        Map<String, String> sources = new TreeMap<>();
        for (String name : BUILT_IN) {
            try (InputStream in = Ruleset.class.getResourceAsStream("/rules/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("the built-in rule file rules/" + name + " is missing from the jar");
                }
                sources.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }
}

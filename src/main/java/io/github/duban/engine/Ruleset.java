package io.github.duban.engine;

import io.github.duban.error.RulesException;

import org.kie.api.KieBase;
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
 * The compiled rules: the built-in DRL files ({@code lateness, escalation, scoring, board, summary, reminders}),
 * each replaceable, and any further files, from a folder. Compiled once; immutable and thread-safe.
 */
public final class Ruleset {

    /** The built-in rule files, one per concern, in the order they are loaded. */
    public static final List<String> BUILT_IN = List.of("lateness.drl", "escalation.drl", "scoring.drl", "board.drl", "summary.drl",
            "reminders.drl");

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
        Compilation c = compileWithMessages(drlByName);
        if (c.rules() == null) {
            List<RuleProblem> problems = new ArrayList<>();
            if (c.thrown() != null) {
                problems.add(new RuleProblem("rules", 0, 0, "ERROR", c.thrown()));
            }
            for (RuleProblem m : c.messages()) {
                if (m.level().equals("ERROR")) {
                    problems.add(m);
                }
            }
            throw new RulesException(problems);
        }
        return c.rules();
    }

    /**
     * What compiling DRL texts gave: every message of the compiler (errors and warnings, each at
     * its file and line, the column found in the message when it gives one), the rules when
     * nothing was in error (else null), and the failure when the compiler itself stopped (else null).
     * Immutable and thread-safe.
     */
    public record Compilation(List<RuleProblem> messages, Ruleset rules, String thrown) {
        /** Copies the messages. */
        public Compilation {
            messages = List.copyOf(messages);
        }
    }

    /**
     * Compiles DRL texts by file name with the classic compiler, the one place DRL is compiled:
     * the built-in files first, in their order ({@link #BUILT_IN}), then the others by name. Rules
     * that Drools finds ready to fire together fire in the order they are loaded, so the
     * conclusions of one concern are drawn before the next concern reads them; the answers do not
     * depend on it (what a later conclusion undoes, truth maintenance withdraws), only the work.
     */
    public static Compilation compileWithMessages(Map<String, String> drlByName) {
        Map<String, String> sources = new TreeMap<>(drlByName);
        List<String> order = new ArrayList<>();
        BUILT_IN.stream().filter(sources::containsKey).forEach(order::add);
        sources.keySet().stream().filter(n -> !BUILT_IN.contains(n)).forEach(order::add);
        // Facts are immutable and no rule modifies one, so property reactivity has nothing to do:
        // facts are class-reactive unless a class asks otherwise (@PropertyReactive), and Drools
        // stops warning that constraints such as "$p.inMonth(on)" cause class reactivity.
        org.kie.internal.builder.KnowledgeBuilderConfiguration conf = org.kie.internal.builder.KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration();
        conf.setOption(org.kie.internal.builder.conf.PropertySpecificOption.ALLOWED);
        org.kie.internal.builder.KnowledgeBuilder builder = org.kie.internal.builder.KnowledgeBuilderFactory.newKnowledgeBuilder(conf);
        List<RuleProblem> messages = new ArrayList<>();
        try {
            org.kie.internal.builder.CompositeKnowledgeBuilder batch = builder.batch();
            for (String name : order) {
                batch.add(org.kie.internal.io.ResourceFactory.newByteArrayResource(sources.get(name).getBytes(StandardCharsets.UTF_8))
                        .setSourcePath("rules/" + name), org.kie.api.io.ResourceType.DRL);
            }
            batch.build();
        } catch (RuntimeException e) {
            BUILDS.incrementAndGet();
            return new Compilation(messages, null, rootMessage(e));
        }
        boolean errors = false;
        for (org.kie.internal.builder.KnowledgeBuilderResult r : builder.getResults(
                org.kie.internal.builder.ResultSeverity.ERROR, org.kie.internal.builder.ResultSeverity.WARNING)) {
            String text = r.getMessage() == null ? "" : r.getMessage().strip();
            if (text.startsWith("Parser returned a null Package")) {
                continue;
            }
            boolean error = r.getSeverity() == org.kie.internal.builder.ResultSeverity.ERROR;
            errors |= error;
            String path = r.getResource() == null || r.getResource().getSourcePath() == null ? "rules"
                    : r.getResource().getSourcePath().replaceFirst("^.*/", "");
            int line = r.getLines() != null && r.getLines().length > 0 ? r.getLines()[0] : 0;
            int column = 0;
            Matcher c = COLUMN.matcher(text);
            if (c.find()) {
                column = Integer.parseInt(c.group(2));
            }
            if (line <= 0) {
                line = lineOfRule(sources.get(path), text);
            }
            messages.add(new RuleProblem(path, Math.max(line, 0), Math.max(column, 0), error ? "ERROR" : "WARNING", text));
        }
        if (errors) {
            return new Compilation(messages, null, null);
        }
        org.drools.kiesession.rulebase.InternalKnowledgeBase base = org.drools.kiesession.rulebase.KnowledgeBaseFactory.newKnowledgeBase();
        base.addPackages(builder.getKnowledgePackages());
        return new Compilation(messages, new Ruleset(sources, base, false, false), null);
    }

    private static String rootMessage(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            sb.append(" | ").append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return sb.toString();
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

    /** The compiled Drools knowledge base, for tools that inspect the rules (their names, files and conditions). */
    public KieBase kieBase() {
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

package io.github.duban.authoring;

import io.github.duban.engine.Duban;
import io.github.duban.engine.RuleProblem;
import io.github.duban.engine.Ruleset;
import io.github.duban.error.RulesException;
import io.github.duban.json.FactsJson;
import io.github.duban.error.InputException;
import io.github.duban.json.PolicyJson;
import io.github.duban.model.Policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * {@code duban rules check}: reads the built-in rules with a folder of the author's own (a file
 * named like a built-in one replaces it) with Drools' own DRL parser, compiles them as the engine
 * does ({@link Ruleset#compileWithMessages}) and reads a policy file, and reports every problem as
 * {@code file:line:column: level: message} in words a rule author can act on. Besides syntax and
 * compile errors (the line and column Drools gives; found in the text only where it gives none) it
 * warns of a rule name used twice, a conclusion inserted without the rule's name or a Chinese
 * reason, a rule that matches a type neither the engine nor any rule inserts, and an action or
 * function that does input or output or starts a process or thread; it notes an external file
 * that replaces a built-in one. The rules are run on the embedded sample year only when asked
 * ({@code --run}). Thread-safe.
 */
public final class RulesCheck {

    /** How bad a problem is: an error stops the rules from serving; a warning is very likely a mistake; a note is said so it is not hidden. */
    public enum Level {
        /** Stops the rules from serving: they do not parse or compile. */
        ERROR,
        /** Very likely a mistake, though the rules compile. */
        WARNING,
        /** Said so it is not hidden (such as an external file replacing a built-in one). */
        NOTE
    }

    /** One problem, where it is and what to do about it. Line and column are 1-based, 0 when unknown. Immutable and thread-safe. */
    public record Problem(String file, int line, int column, Level level, String message) {
        /** Checks that the file, the level and the message are given. */
        public Problem {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return file + ":" + Math.max(line, 0) + ":" + Math.max(column, 0) + ": " + level.name().toLowerCase(java.util.Locale.ROOT)
                    + ": " + message;
        }
    }

    /**
     * The outcome: every problem in file and line order, the rule texts checked by file name, the
     * policy (the default when none was given; null when it was refused) and how many rules compiled.
     */
    public record Report(List<Problem> problems, Map<String, String> sources, Policy policy, int rules) {
        /** Copies the problems and keeps the sources in file-name order; neither can change. */
        public Report {
            problems = List.copyOf(problems);
            sources = java.util.Collections.unmodifiableMap(new TreeMap<>(sources));
        }

        /** True when a problem is an {@link Level#ERROR}: the rules would not serve. */
        public boolean hasErrors() {
            return problems.stream().anyMatch(p -> p.level() == Level.ERROR);
        }

        /** Errors or warnings (notes alone leave a check clean). */
        public boolean clean() {
            return problems.stream().allMatch(p -> p.level() == Level.NOTE);
        }
    }

    /**
     * The types the engine inserts into every session (Duban's insertAll): the period, the policy,
     * the plan's reporting rule, its units, the tasks it judges, the tasks that group others, the
     * facts known by the as-of date and the previous month's cases.
     */
    static final List<Class<?>> ENGINE_FACTS = List.of(io.github.duban.engine.Period.class, Policy.class,
            io.github.duban.model.ReportingRule.class, io.github.duban.model.Unit.class, io.github.duban.model.Task.class,
            io.github.duban.outcome.TaskGroup.class, io.github.duban.model.ProgressReport.class, io.github.duban.model.Completion.class,
            io.github.duban.model.Extension.class, io.github.duban.model.InspectionFinding.class, io.github.duban.model.Rectification.class,
            io.github.duban.outcome.PreviousCase.class);

    /** The types the engine inserts only into the sessions that draw a date's reminders (Duban's reminders). */
    static final List<Class<?>> REMINDER_FACTS = List.of(io.github.duban.engine.RemindDate.class);

    /** The stage facts only ruleset packages of format 1 are given. */
    private static final Set<String> FORMAT1_STAGES = Set.of("Settled", "Tally");

    private static final java.util.regex.Pattern SYNTAX_PREFIX = java.util.regex.Pattern.compile("^\\[ERR \\d+\\] Line \\d+:\\d+\\s+", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern EXPRESSION = java.util.regex.Pattern.compile("Unable to Analyse Expression (.+?):\\s*\\n");
    private static final java.util.regex.Pattern STRICT = java.util.regex.Pattern.compile("unable to resolve method using strict-mode: ([\\w.$]+)\\.([\\w$]+)\\(\\)");
    private static final java.util.regex.Pattern COMPARE = java.util.regex.Pattern.compile("Comparison operation requires compatible types\\. Found class ([\\w.$]+) and class ([\\w.$]+)");
    private static final java.util.regex.Pattern CHINESE = java.util.regex.Pattern.compile("\"[^\"\\n]*[\\u4e00-\\u9fff][^\"\\n]*\"");
    /**
     * A call in an action's Java that inserts a fact: {@code insert(new T(…))}, {@code insert(T.of(…))},
     * {@code insert(function(…))} or {@code insert($var)}. The action is Java, which the DRL parser
     * hands over as text.
     */
    private static final java.util.regex.Pattern INSERT = java.util.regex.Pattern.compile("\\binsert(?:Logical)?\\s*\\(\\s*(new\\s+([\\w.]+)|([A-Z]\\w*)\\s*\\.\\s*\\w+\\s*\\(|(\\w+)\\s*\\(|(\\$?\\w+)\\s*\\))");
    /** Packages whose use in an action is input or output. */
    private static final List<String> IO_PACKAGES = List.of("java.io", "java.nio.file", "java.nio.channels", "java.net", "java.net.http");
    /** What an action may not call, written out: I/O, processes, threads, leaving the JVM. */
    private static final java.util.regex.Pattern IO_CALL = java.util.regex.Pattern.compile(
            "\\b(java\\s*\\.\\s*(?:io|nio\\s*\\.\\s*file|nio\\s*\\.\\s*channels|net)\\s*\\.\\s*\\w+"
                    + "|Runtime\\s*\\.\\s*getRuntime|Runtime\\b|ProcessBuilder|ProcessHandle|System\\s*\\.\\s*(?:exit|out|err|in|console|load\\w*)"
                    + "|(?:java\\s*\\.\\s*lang\\s*\\.\\s*)?Thread\\b|Executors\\b|CompletableFuture\\b)");
    /** Common classes of the I/O packages, for an action in a file that imports them whole. */
    private static final Set<String> IO_CLASSES = Set.of("File", "Files", "Path", "Paths", "FileInputStream", "FileOutputStream",
            "FileReader", "FileWriter", "PrintWriter", "PrintStream", "BufferedReader", "BufferedWriter", "InputStream", "OutputStream",
            "RandomAccessFile", "Socket", "ServerSocket", "URL", "HttpURLConnection", "URLConnection", "HttpClient", "InetAddress");
    private RulesCheck() {
    }

    /**
     * Checks the built-in rules with the {@code .drl} files of {@code rulesDir} (null: built-in
     * only) and the policy file {@code policyFile} (null: the default policy), without running them.
     *
     * @throws InputException when the folder or the policy file does not exist (bad usage, not a problem of the rules)
     */
    public static Report check(Path rulesDir, Path policyFile) {
        return check(rulesDir, policyFile, null, false);
    }

    /** As {@link #check(Path, Path)}, with a scoring sheet (CSV) read into the policy (null: none). */
    public static Report check(Path rulesDir, Path policyFile, Path scoringFile) {
        return check(rulesDir, policyFile, scoringFile, false);
    }

    /**
     * As {@link #check(Path, Path, Path)}; {@code run} also runs the rules once on the embedded
     * sample year when everything compiles, so that an action that fails is caught before it serves.
     */
    public static Report check(Path rulesDir, Path policyFile, Path scoringFile, boolean run) {
        Map<String, String> external = new TreeMap<>();
        if (rulesDir != null) {
            if (!Files.isDirectory(rulesDir)) {
                throw new InputException(rulesDir.toString(), 0, null, "--rules names no folder (expected a folder of .drl files)");
            }
            try (Stream<Path> files = Files.list(rulesDir)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList()) {
                    external.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new InputException(rulesDir.toString(), 0, null, "cannot read the rules folder: " + e.getMessage());
            }
        }
        Policy policy = Policy.DEFAULT;
        List<Problem> policyProblems = new ArrayList<>();
        if (policyFile != null) {
            if (!Files.isRegularFile(policyFile)) {
                throw new InputException(policyFile.toString(), 0, null, "--policy names no readable file");
            }
            try {
                policy = PolicyJson.read(policyFile);
            } catch (InputException e) {
                policyProblems.add(policyProblem(policyFile, e));
                policy = null;
            }
        }
        if (scoringFile != null) {
            if (!Files.isRegularFile(scoringFile)) {
                throw new InputException(scoringFile.toString(), 0, null, "--scoring names no readable file");
            }
            if (policy != null) {
                try {
                    policy = io.github.duban.authoring.ScoringSheets.read(scoringFile, policy);
                } catch (InputException e) {
                    policyProblems.add(sheetProblem(scoringFile, e));
                    policy = null;
                }
            }
        }
        return check(external, policy, policyProblems, run, true);
    }

    /**
     * Checks the built-in rules with {@code external} DRL texts by file name and an already read
     * policy; {@code run} also runs the sample year when everything compiles.
     */
    public static Report check(Map<String, String> external, Policy policy, boolean run) {
        return check(external, policy, List.of(), run, true);
    }

    /** Checks these rule texts alone, without the built-in ones (a package of the author's own). */
    static Report checkAlone(Map<String, String> sources, Policy policy) {
        return check(sources, policy, List.of(), false, false);
    }

    private static Report check(Map<String, String> external, Policy policy, List<Problem> policyProblems, boolean run,
                                boolean withBuiltIns) {
        List<Problem> problems = new ArrayList<>(policyProblems);
        Map<String, String> builtIn = builtIn();
        Map<String, String> sources = withBuiltIns ? new TreeMap<>(builtIn) : new TreeMap<>();
        for (Map.Entry<String, String> e : external.entrySet()) {
            if (sources.containsKey(e.getKey())) {
                problems.add(new Problem(e.getKey(), 1, 1, Level.NOTE, "replaces the built-in " + e.getKey() + " ("
                        + DrlOutline.parse(e.getKey(), sources.get(e.getKey())).rules().size()
                        + " rules); its rules are not loaded, only this file's"));
            }
            sources.put(e.getKey(), e.getValue());
        }
        Map<String, DrlOutline> outlines = DrlOutline.of(sources);
        for (DrlOutline o : outlines.values()) {
            for (DrlOutline.SyntaxError s : o.errors()) {
                problems.add(new Problem(o.file(), s.line(), s.column(), Level.ERROR,
                        "syntax error: " + syntaxWords(SYNTAX_PREFIX.matcher(s.message().strip()).replaceFirst(""))));
            }
        }
        boolean duplicates = duplicateNames(outlines, problems);
        Ruleset.Compilation compiled = Ruleset.compileWithMessages(sources);
        if (compiled.thrown() != null) {
            problems.add(new Problem("rules", 0, 0, Level.ERROR, "the compiler stopped: " + compiled.thrown()));
        }
        for (RuleProblem m : compiled.messages()) {
            DrlOutline o = outlines.get(m.file());
            if (o != null && !o.errors().isEmpty()) {
                continue; // the parser's errors, said above in an author's words
            }
            Problem p = translate(m, sources, duplicates);
            if (p != null) {
                problems.add(p);
            }
        }
        for (DrlOutline o : outlines.values()) {
            conclusions(o, problems);
            inputOutput(o, problems);
        }
        if (compiled.rules() != null) {
            neverInserted(outlines, problems);
            if (run && policy != null) {
                problems.addAll(trialRun(compiled.rules(), outlines, policy));
            }
        }
        int rules = outlines.values().stream().mapToInt(o -> o.rules().size()).sum();
        problems.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line).thenComparingInt(Problem::column)
                .thenComparing(Problem::message));
        return new Report(dedupe(problems), sources, policy, rules);
    }

    private static List<Problem> dedupe(List<Problem> problems) {
        return new ArrayList<>(new LinkedHashSet<>(problems));
    }

    // ------------------------------------------------------------------ policy

    private static Problem policyProblem(Path file, InputException e) {
        String key = e.field();
        String problem = e.problem() != null ? e.problem() : e.getMessage();
        int line = e.line();
        int column = 0;
        if (key != null && line <= 0) {
            int[] at = keyPosition(file, key);
            line = at[0];
            column = at[1];
        }
        return new Problem(file.toString(), line, column, Level.ERROR, (key != null ? key + ": " : "") + problem);
    }

    /** A sheet problem at its row (the file's line) and column (its position in the header). */
    private static Problem sheetProblem(Path file, InputException e) {
        String text = e.problem() != null ? e.problem() : e.getMessage();
        int column = e.field() == null ? 0 : io.github.duban.json.ScoringSheet.COLUMNS.indexOf(e.field()) + 1;
        return new Problem(file.toString(), e.line(), column, Level.ERROR, (e.field() != null ? "column " + e.field() + ": " : "") + text);
    }

    /** The line and column where the last part of a key path is written in a policy file (0, 0 when not found). */
    private static int[] keyPosition(Path file, String key) {
        String last = key.replaceAll("\\[\\d+\\]", "");
        last = last.substring(last.lastIndexOf('.') + 1);
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("(?<![\\w\"])\"?" + java.util.regex.Pattern.quote(last) + "\"?\\s*:");
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = p.matcher(lines.get(i));
                if (m.find()) {
                    return new int[] {i + 1, m.start() + 1};
                }
            }
        } catch (IOException e) {
            return new int[] {0, 0};
        }
        return new int[] {0, 0};
    }

    // ------------------------------------------------------------------ names and conclusions (from the parsed files)

    private static boolean duplicateNames(Map<String, DrlOutline> outlines, List<Problem> problems) {
        Map<String, String> firstSeen = new LinkedHashMap<>();
        boolean any = false;
        List<DrlOutline> files = new ArrayList<>(outlines.values());
        files.sort(Comparator.comparing((DrlOutline o) -> !Ruleset.BUILT_IN.contains(o.file()))
                .thenComparing(DrlOutline::file)); // built-in files first: the author's file is the one to rename
        for (DrlOutline o : files) {
            for (DrlOutline.Rule r : o.rules()) {
                String before = firstSeen.putIfAbsent(r.name(), o.file() + ":" + r.line());
                if (before != null) {
                    any = true;
                    problems.add(new Problem(o.file(), r.line(), r.column(), Level.WARNING,
                            "the rule name \"" + r.name() + "\" is used twice (first at " + before
                                    + "); give this rule a sentence of its own"));
                }
            }
        }
        return any;
    }

    /** Each rule's action that inserts a conclusion must name the rule, and one whose type has a reason must give a Chinese reason. */
    private static void conclusions(DrlOutline o, List<Problem> problems) {
        Map<String, String> functions = o.returnTypes();
        for (DrlOutline.Rule r : o.rules()) {
            String action = r.action();
            Matcher ins = INSERT.matcher(javaOnly(action));
            while (ins.find()) {
                int[] at = at(o, r, ins.start());
                if (!action.contains("getRule().getName()")) {
                    problems.add(new Problem(o.file(), at[0], at[1], Level.WARNING, "rule \"" + r.name()
                            + "\" inserts a conclusion without the rule's name; pass drools.getRule().getName() so that every conclusion says which rule made it"));
                }
                String type = insertedType(ins, functions, action);
                Class<?> c = type == null ? null : load(type, o);
                if (c != null && hasComponent(c, "reason") && !CHINESE.matcher(action).find() && !action.contains("reason")) {
                    problems.add(new Problem(o.file(), at[0], at[1], Level.WARNING, "rule \"" + r.name() + "\" inserts a " + c.getSimpleName()
                            + " without a reason; give it a Chinese sentence a unit can read (区住建局 任务9…逾期31天未完成)"));
                }
            }
        }
    }

    /**
     * Rules do no input or output: an action (or a function) that reads or writes files, opens a
     * connection, starts a process or a thread or ends the JVM is warned of where it does so.
     */
    private static void inputOutput(DrlOutline o, List<Problem> problems) {
        Set<String> ioNames = new LinkedHashSet<>();
        o.imports().forEach((simple, fq) -> {
            if (IO_PACKAGES.contains(fq.substring(0, Math.max(fq.lastIndexOf('.'), 0)))) {
                ioNames.add(simple);
            }
        });
        if (o.wildcards().stream().anyMatch(IO_PACKAGES::contains)) {
            ioNames.addAll(IO_CLASSES);
        }
        for (DrlOutline.Rule r : o.rules()) {
            String use = ioUse(r.action(), ioNames);
            if (use != null) {
                int[] at = r.actionAt() < 0 ? new int[] {r.line(), r.column()} : o.position(r.actionAt() + javaOnly(r.action()).indexOf(use));
                problems.add(new Problem(o.file(), at[0], at[1], Level.WARNING, "rule \"" + r.name() + "\" uses " + use
                        + " in its action: rules do no input or output and start no process or thread (the engine gives them every fact"
                        + " and keeps every conclusion); conclude a fact instead"));
            }
        }
        for (DrlOutline.Function f : o.functions()) {
            String use = ioUse(f.body(), ioNames);
            if (use != null) {
                int[] at = f.bodyAt() < 0 ? new int[] {f.line(), 1} : o.position(f.bodyAt() + javaOnly(f.body()).indexOf(use));
                problems.add(new Problem(o.file(), at[0], at[1], Level.WARNING, "function " + f.name() + " uses " + use
                        + ": rules and their functions do no input or output and start no process or thread"));
            }
        }
    }

    /** The first I/O, process or thread API the Java text uses, as written (null: none). */
    private static String ioUse(String source, Set<String> ioNames) {
        String code = javaOnly(source);
        Matcher m = IO_CALL.matcher(code);
        int best = -1;
        String found = null;
        if (m.find()) {
            best = m.start();
            found = m.group();
        }
        for (String n : ioNames) {
            Matcher w = java.util.regex.Pattern.compile("(?<![\\w.$])" + java.util.regex.Pattern.quote(n) + "\\b").matcher(code);
            if (w.find() && (best < 0 || w.start() < best)) {
                best = w.start();
                found = n;
            }
        }
        return found;
    }

    /** Java text with its string literals and comments blanked (same length), so that words in them are not taken for code. */
    static String javaOnly(String java) {
        StringBuilder sb = new StringBuilder(java);
        int i = 0;
        while (i < sb.length()) {
            char c = sb.charAt(i);
            if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < sb.length() && sb.charAt(j) != c && sb.charAt(j) != '\n') {
                    if (sb.charAt(j) == '\\') {
                        j++;
                    }
                    j++;
                }
                for (int k = i + 1; k < Math.min(j, sb.length()); k++) {
                    sb.setCharAt(k, ' ');
                }
                i = j + 1;
            } else if (c == '/' && i + 1 < sb.length() && sb.charAt(i + 1) == '/') {
                while (i < sb.length() && sb.charAt(i) != '\n') {
                    sb.setCharAt(i++, ' ');
                }
            } else if (c == '/' && i + 1 < sb.length() && sb.charAt(i + 1) == '*') {
                while (i < sb.length() && !(sb.charAt(i) == '*' && i + 1 < sb.length() && sb.charAt(i + 1) == '/')) {
                    if (sb.charAt(i) != '\n') {
                        sb.setCharAt(i, ' ');
                    }
                    i++;
                }
                for (int k = i; k < Math.min(i + 2, sb.length()); k++) {
                    sb.setCharAt(k, ' ');
                }
                i += 2;
            } else {
                i++;
            }
        }
        return sb.toString();
    }

    /** Line and column of offset {@code inAction} of a rule's action (the rule's own place when the action was not found in the file). */
    private static int[] at(DrlOutline o, DrlOutline.Rule r, int inAction) {
        return r.actionAt() < 0 ? new int[] {r.line(), r.column()} : o.position(r.actionAt() + inAction);
    }

    private static String insertedType(Matcher ins, Map<String, String> functions, String action) {
        if (ins.group(2) != null) {
            return simple(ins.group(2));
        }
        if (ins.group(3) != null) {
            return ins.group(3);
        }
        if (ins.group(4) != null) {
            return functions.get(ins.group(4));
        }
        if (ins.group(5) != null) {
            Matcher d = java.util.regex.Pattern.compile("\\b([A-Z]\\w*)\\s+" + java.util.regex.Pattern.quote(ins.group(5)) + "\\s*=").matcher(action);
            return d.find() ? d.group(1) : null;
        }
        return null;
    }

    /** Every type inserted by some rule's action, by simple name, and every type a file declares. */
    private static Set<String> insertedTypes(Map<String, DrlOutline> outlines) {
        Set<String> out = new LinkedHashSet<>();
        for (DrlOutline o : outlines.values()) {
            out.addAll(o.declared());
            Map<String, String> functions = o.returnTypes();
            for (DrlOutline.Rule r : o.rules()) {
                Matcher ins = INSERT.matcher(javaOnly(r.action()));
                while (ins.find()) {
                    String t = insertedType(ins, functions, r.action());
                    if (t != null) {
                        out.add(t);
                    }
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ rules that can never fire

    /** A rule whose conditions need a fact of a type that neither the engine nor any rule inserts. */
    private static void neverInserted(Map<String, DrlOutline> outlines, List<Problem> problems) {
        Set<String> inserted = insertedTypes(outlines);
        for (DrlOutline o : outlines.values()) {
            for (DrlOutline.Rule r : o.rules()) {
                for (String written : new LinkedHashSet<>(r.needs())) {
                    String name = simple(written);
                    if (inserted.contains(name)) {
                        continue;
                    }
                    Class<?> c = load(written, o);
                    if (c == null) {
                        continue; // a declared type or one the compiler already refused
                    }
                    boolean supplied = c == Object.class || c.isInterface() || Modifier.isAbstract(c.getModifiers())
                            || ENGINE_FACTS.stream().anyMatch(c::isAssignableFrom)
                            || REMINDER_FACTS.stream().anyMatch(c::isAssignableFrom);
                    if (!supplied) {
                        problems.add(new Problem(o.file(), r.line(), r.column(), Level.WARNING, "rule \"" + r.name()
                                + "\" can never fire: it matches " + c.getSimpleName() + ", which neither the engine nor any rule inserts"
                                + (FORMAT1_STAGES.contains(c.getSimpleName()) ? " (the engine gives " + c.getSimpleName()
                                + " only to ruleset packages of format 1: match the facts and conclusions themselves)" : "")));
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ a trial run (opt-in)

    private static List<Problem> trialRun(Ruleset rules, Map<String, DrlOutline> outlines, Policy policy) {
        try {
            // the trial run replays the sample year, so it runs on the sample plan
            Duban d = Duban.builder().plan(io.github.duban.json.PlanJson.embedded()).rules(rules).policy(policy).build();
            d.replay(d.plan().reporting().from(), d.plan().reporting().to(), FactsJson.sampleYear(d.plan()));
            return List.of();
        } catch (RulesException e) {
            return List.of();
        } catch (RuntimeException e) {
            Throwable t = e;
            while (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            }
            String rule = null;
            String file = "rules";
            int[] at = {0, 0};
            search:
            for (Throwable x = e; x != null; x = x.getCause() == x ? null : x.getCause()) {
                String msg = String.valueOf(x.getMessage());
                for (DrlOutline o : outlines.values()) {
                    for (DrlOutline.Rule r : o.rules()) {
                        if (msg.contains("\"" + r.name() + "\"") || msg.contains("'" + r.name() + "'") || msg.contains("[" + r.name() + "]")) {
                            rule = r.name();
                            file = o.file();
                            at = new int[] {r.line(), r.column()};
                            break search;
                        }
                    }
                }
            }
            return List.of(new Problem(file, at[0], at[1], Level.ERROR, "the rules fail when run on the embedded sample year"
                    + (rule != null ? " in rule \"" + rule + "\"" : "") + ": " + t.getClass().getSimpleName()
                    + (t.getMessage() != null ? ": " + t.getMessage() : "")));
        }
    }

    // ------------------------------------------------------------------ the compiler's messages, in an author's words

    static Problem translate(RuleProblem m, Map<String, String> sources, boolean duplicates) {
        String text = m.message();
        if (text.startsWith("Parser returned a null Package")) {
            return null;
        }
        String file = m.file() == null ? "rules" : m.file();
        String drl = sources.getOrDefault(file, "");
        Level level = m.level().equals("ERROR") ? Level.ERROR : Level.WARNING;
        int line = Math.max(m.line(), 0);
        int column = 0;
        String first = text.lines().findFirst().orElse("").strip();
        Matcher expr = EXPRESSION.matcher(text + "\n");
        if (text.startsWith("Unable to Analyse Expression") && expr.find()) {
            String e = expr.group(1).strip();
            int[] at = find(drl, e, line);
            line = at[0];
            column = at[1];
            Matcher strict = STRICT.matcher(text);
            Matcher compare = COMPARE.matcher(text);
            if (strict.find()) {
                String type = strict.group(1);
                String member = strict.group(2);
                if (member.startsWith("$")) {
                    int[] v = find(drl, member, line);
                    return new Problem(file, line, v[0] == line ? v[1] : column, level, member + " is not bound: no pattern before it says "
                            + member + " : Type( … ), so '" + e + "' cannot be read");
                }
                String near = nearestMember(type, member);
                return new Problem(file, line, column, level, simple(type) + " has no field " + member + " (in '" + e + "')"
                        + (near != null ? "; did you mean " + near + "?" : ""));
            }
            if (compare.find()) {
                return new Problem(file, line, column, level, "type mismatch in '" + e + "': a " + simple(compare.group(1))
                        + " cannot be compared with a " + simple(compare.group(2)));
            }
            return new Problem(file, line, column, level, "cannot read the condition '" + e + "': " + errorLine(text));
        }
        if (text.startsWith("Unable to resolve ObjectType")) {
            Matcher t = java.util.regex.Pattern.compile("'([^']+)'").matcher(text);
            String type = t.find() ? t.group(1) : "?";
            int[] at = find(drl, type + "(", line);
            if (at[0] == line) {
                column = at[1];
            }
            String near = PolicyJson.nearest(type, knownTypes(drl));
            return new Problem(file, line, column, level, "unknown fact type " + type + ": import it or check its spelling"
                    + (near != null ? " (did you mean " + near + "?)" : ""));
        }
        if (text.startsWith("Duplicate rule name")) {
            String name = text.substring(text.indexOf(':') + 1).strip();
            return new Problem(file, line, 0, level, "a rule named \"" + name + "\" already exists in this package; rule names must be unique");
        }
        if (text.startsWith("Rule Compilation error")) {
            String rest = text.substring("Rule Compilation error".length()).strip();
            rest = rest.replaceFirst("^:?\\s*\\[Rule name='[^']*'\\]\\s*", "");
            rest = rest.replaceAll("(?m)^\\s*\\S+\\.java \\(\\d+:\\d+\\) : ", "").strip();
            if (duplicates && rest.matches("The type Rule_\\w+ is already defined")) {
                return null;
            }
            String[] parts = rest.split("\\R");
            String msg = parts[parts.length - 1].strip();
            Matcher var = java.util.regex.Pattern.compile("^(\\S+) cannot be resolved to a variable$").matcher(msg);
            Matcher type = java.util.regex.Pattern.compile("^(\\S+) cannot be resolved to a type$").matcher(msg);
            Matcher method = java.util.regex.Pattern.compile("^The method (\\w+)\\(([^)]*)\\) is undefined for the type (\\S+)$").matcher(msg);
            Matcher mismatch = java.util.regex.Pattern.compile("^Type mismatch: cannot convert from (.+) to (.+)$").matcher(msg);
            if (var.matches()) {
                int[] at = findInAction(drl, line, var.group(1));
                return new Problem(file, at[0], at[1], level, "in the action: " + var.group(1) + " is not defined; bind it in the when part ("
                        + var.group(1) + " : Type( … )) or declare it before use");
            }
            if (type.matches()) {
                int[] at = findInAction(drl, line, type.group(1));
                return new Problem(file, at[0], at[1], level, "in the action: unknown type " + type.group(1) + "; import it at the top of the file");
            }
            if (method.matches()) {
                int[] at = findInAction(drl, line, method.group(1) + "(");
                return new Problem(file, at[0], at[1], level, "in the action: " + simple(method.group(3)) + " has no method " + method.group(1)
                        + "(" + method.group(2) + ")");
            }
            if (mismatch.matches()) {
                return new Problem(file, line, 0, level, "type mismatch in the action: a " + mismatch.group(1) + " cannot be used as a "
                        + mismatch.group(2) + " (reported at the rule; look in its action)");
            }
            return new Problem(file, line, 0, level, "in the action: " + msg);
        }
        return new Problem(file, line, column, level, first);
    }

    private static String syntaxWords(String s) {
        Matcher mis = java.util.regex.Pattern.compile("^mismatched input '(.*)' (?:expecting (.+?) )?in rule \"?([^\"]*)\"?.*$").matcher(s);
        if (mis.matches()) {
            return "did not expect '" + mis.group(1) + "' here in rule \"" + mis.group(3) + "\""
                    + (mis.group(2) != null ? " (expected " + mis.group(2) + ")" : " (is a parenthesis or quote left open before it?)");
        }
        Matcher viable = java.util.regex.Pattern.compile("^no viable alternative at input '(.*)'(.*)$").matcher(s);
        if (viable.matches()) {
            return "cannot read '" + viable.group(1) + "' here" + viable.group(2);
        }
        Matcher extra = java.util.regex.Pattern.compile("^extraneous input '(.*)' expecting (.+?)(?: in .*)?$").matcher(s);
        if (extra.matches()) {
            return "'" + extra.group(1) + "' is out of place (expected " + extra.group(2) + ")";
        }
        Matcher missing = java.util.regex.Pattern.compile("^missing (.+?) at '(.*)'(.*)$").matcher(s);
        if (missing.matches()) {
            return missing.group(1) + " is missing before '" + missing.group(2) + "'" + missing.group(3);
        }
        return s;
    }

    private static String errorLine(String text) {
        Matcher m = java.util.regex.Pattern.compile("\\[Error: ([^\\]]+)\\]").matcher(text);
        return m.find() ? m.group(1) : text.lines().findFirst().orElse("");
    }

    /** Line and column of {@code what} in the DRL: on {@code line} if it is there, else its first occurrence; else {@code line}, 0. */
    private static int[] find(String drl, String what, int line) {
        String[] lines = drl.split("\n", -1);
        if (line > 0 && line <= lines.length) {
            int i = lines[line - 1].indexOf(what);
            if (i >= 0) {
                return new int[] {line, i + 1};
            }
        }
        for (int i = 0; i < lines.length; i++) {
            int at = lines[i].indexOf(what);
            if (at >= 0) {
                return new int[] {i + 1, at + 1};
            }
        }
        return new int[] {line, 0};
    }

    /** The first place after {@code then} of the rule starting at {@code ruleLine} where {@code what} is written. */
    private static int[] findInAction(String drl, int ruleLine, String what) {
        String[] lines = drl.split("\n", -1);
        boolean inAction = false;
        for (int i = Math.max(ruleLine - 1, 0); i < lines.length; i++) {
            String l = lines[i].strip();
            if (!inAction && (l.equals("then") || l.startsWith("then "))) {
                inAction = true;
                continue;
            }
            if (inAction) {
                if (l.equals("end")) {
                    break;
                }
                int at = lines[i].indexOf(what);
                if (at >= 0) {
                    return new int[] {i + 1, at + 1};
                }
            }
        }
        return new int[] {ruleLine, 0};
    }

    private static String nearestMember(String type, String member) {
        try {
            Class<?> c = Class.forName(type, false, RulesCheck.class.getClassLoader());
            List<String> names = new ArrayList<>();
            if (c.isRecord()) {
                for (var rc : c.getRecordComponents()) {
                    names.add(rc.getName());
                }
            }
            for (Method m : c.getMethods()) {
                if (m.getParameterCount() == 0 && m.getDeclaringClass() != Object.class) {
                    String n = m.getName();
                    names.add(n.startsWith("get") && n.length() > 3 ? Character.toLowerCase(n.charAt(3)) + n.substring(4) : n);
                }
            }
            return PolicyJson.nearest(member, names);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static List<String> knownTypes(String drl) {
        List<String> out = new ArrayList<>(DrlOutline.parse("rules", drl).imports().keySet());
        for (Class<?> c : ENGINE_FACTS) {
            out.add(c.getSimpleName());
        }
        for (Class<?> c : REMINDER_FACTS) {
            out.add(c.getSimpleName());
        }
        return out;
    }

    /** The class a type name written in the file stands for: by its imports, its whole-package imports, java.lang or its full name (null: none). */
    private static Class<?> load(String written, DrlOutline o) {
        List<String> candidates = new ArrayList<>();
        String name = written.replaceAll("<.*>", "").strip();
        if (o.imports().containsKey(name)) {
            candidates.add(o.imports().get(name));
        }
        if (name.contains(".")) {
            candidates.add(name);
        }
        for (String w : o.wildcards()) {
            candidates.add(w + "." + name);
        }
        candidates.add("java.lang." + name);
        for (String fq : candidates) {
            try {
                return Class.forName(fq, false, RulesCheck.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // the next candidate
            }
        }
        return null;
    }

    private static boolean hasComponent(Class<?> c, String name) {
        if (!c.isRecord()) {
            return false;
        }
        for (var rc : c.getRecordComponents()) {
            if (rc.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    static String simple(String type) {
        String t = type.replaceAll("<.*>", "");
        int dot = Math.max(t.lastIndexOf('.'), t.lastIndexOf('$'));
        return dot >= 0 ? t.substring(dot + 1) : t;
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    static int column(String text, int offset) {
        int start = text.lastIndexOf('\n', offset - 1) + 1;
        return offset - start + 1;
    }

    /** The built-in rule texts by file name. */
    static Map<String, String> builtIn() {
        Map<String, String> sources = new TreeMap<>();
        for (String name : Ruleset.BUILT_IN) {
            try (InputStream in = RulesCheck.class.getResourceAsStream("/rules/" + name)) {
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

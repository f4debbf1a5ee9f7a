package io.github.duban.authoring;

import io.github.duban.engine.Duban;
import io.github.duban.engine.Ruleset;
import io.github.duban.error.RulesException;
import io.github.duban.json.FactsJson;
import io.github.duban.error.InputException;
import io.github.duban.json.PolicyJson;
import io.github.duban.model.Policy;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

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
 * {@code duban rules check}: compiles the built-in rules with a folder of the author's own (a file
 * named like a built-in one replaces it) and reads a policy file, and reports every problem as
 * {@code file:line:column: level: message} in words a rule author can act on. Besides the
 * compiler's errors (translated, with the line and column found in the text when the compiler
 * gives none) it warns of a rule name used twice, a conclusion inserted without the rule's name
 * or a reason, a rule that matches a type nothing inserts, and notes an external file that
 * replaces a built-in one. When everything compiles it runs the embedded sample year once, so a
 * rule whose action fails is caught before it serves. Thread-safe.
 */
public final class RulesCheck {

    /** How bad a problem is: an error stops the rules from serving; a warning is very likely a mistake; a note is said so it is not hidden. */
    public enum Level { ERROR, WARNING, NOTE }

    /** One problem, where it is and what to do about it. Line and column are 1-based, 0 when unknown. Immutable and thread-safe. */
    public record Problem(String file, int line, int column, Level level, String message) {
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
        public Report {
            problems = List.copyOf(problems);
            sources = java.util.Collections.unmodifiableMap(new TreeMap<>(sources));
        }

        public boolean hasErrors() {
            return problems.stream().anyMatch(p -> p.level() == Level.ERROR);
        }

        /** Errors or warnings (notes alone leave a check clean). */
        public boolean clean() {
            return problems.stream().allMatch(p -> p.level() == Level.NOTE);
        }
    }

    /** The types the engine inserts into every session. */
    private static final List<String> ENGINE_FACTS = List.of("io.github.duban.engine.Period", "io.github.duban.model.Policy",
            "io.github.duban.model.Unit", "io.github.duban.model.Task", "io.github.duban.model.ProgressReport",
            "io.github.duban.model.Completion", "io.github.duban.model.Extension", "io.github.duban.model.InspectionFinding",
            "io.github.duban.model.Rectification", "io.github.duban.outcome.PreviousCase", "io.github.duban.engine.Settled",
            "io.github.duban.engine.Tally");

    private static final java.util.regex.Pattern RULE = java.util.regex.Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"");
    private static final java.util.regex.Pattern IMPORT = java.util.regex.Pattern.compile("(?m)^\\s*import\\s+([\\w.]+)\\s*;");
    private static final java.util.regex.Pattern FUNCTION = java.util.regex.Pattern.compile("(?m)^\\s*function\\s+([\\w.<>\\[\\]]+)\\s+(\\w+)\\s*\\(");
    private static final java.util.regex.Pattern INSERT = java.util.regex.Pattern.compile("\\binsert(?:Logical)?\\s*\\(\\s*(new\\s+([\\w.]+)|([A-Z]\\w*)\\s*\\.\\s*\\w+\\s*\\(|(\\w+)\\s*\\(|(\\$?\\w+)\\s*\\))");
    private static final java.util.regex.Pattern SYNTAX = java.util.regex.Pattern.compile("^\\[ERR (\\d+)\\] Line (\\d+):(\\d+) (.*)$", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern EXPRESSION = java.util.regex.Pattern.compile("Unable to Analyse Expression (.+?):\\s*\\n");
    private static final java.util.regex.Pattern STRICT = java.util.regex.Pattern.compile("unable to resolve method using strict-mode: ([\\w.$]+)\\.([\\w$]+)\\(\\)");
    private static final java.util.regex.Pattern COMPARE = java.util.regex.Pattern.compile("Comparison operation requires compatible types\\. Found class ([\\w.$]+) and class ([\\w.$]+)");
    private static final java.util.regex.Pattern CHINESE = java.util.regex.Pattern.compile("\"[^\"\\n]*[\\u4e00-\\u9fff][^\"\\n]*\"");

    private RulesCheck() {
    }

    /**
     * Checks the built-in rules with the {@code .drl} files of {@code rulesDir} (null: built-in
     * only) and the policy file {@code policyFile} (null: the default policy).
     *
     * @throws InputException when the folder or the policy file does not exist (bad usage, not a problem of the rules)
     */
    public static Report check(Path rulesDir, Path policyFile) {
        return check(rulesDir, policyFile, null);
    }

    /** As {@link #check(Path, Path)}, with a scoring sheet (CSV) read into the policy (null: none). */
    public static Report check(Path rulesDir, Path policyFile, Path scoringFile) {
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
        return check(external, policy, policyProblems, true, true);
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
                        + ruleNames(sources.get(e.getKey())).size() + " rules); its rules are not loaded, only this file's"));
            }
            sources.put(e.getKey(), e.getValue());
        }
        boolean duplicates = duplicateNames(sources, problems);
        RuleCompiler.Result compiled = RuleCompiler.compile(sources);
        if (compiled.thrown() != null) {
            problems.add(new Problem("rules", 0, 0, Level.ERROR, "the compiler stopped: " + compiled.thrown()));
        }
        for (RuleCompiler.Raw m : compiled.messages()) {
            Problem p = translate(m, sources, duplicates);
            if (p != null) {
                problems.add(p);
            }
        }
        conclusions(sources, problems);
        stages(sources, builtIn, problems);
        int rules = 0;
        if (compiled.kieBase() != null) {
            rules = neverInserted(compiled.kieBase(), sources, problems);
            if (run && policy != null) {
                problems.addAll(trialRun(sources, policy));
            }
        }
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
        String text = e.getMessage();
        String prefix = file + (e.line() > 0 ? ":" + e.line() : "") + (key != null ? ": field " + key : "") + ": ";
        String problem = text.startsWith(prefix) ? text.substring(prefix.length()) : text;
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
        String prefix = file + (e.line() > 0 ? ":" + e.line() : "") + (e.field() != null ? ": field " + e.field() : "") + ": ";
        String text = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
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

    // ------------------------------------------------------------------ names and conclusions (from the texts)

    static List<String> ruleNames(String drl) {
        List<String> out = new ArrayList<>();
        Matcher m = RULE.matcher(drl);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static boolean duplicateNames(Map<String, String> sources, List<Problem> problems) {
        Map<String, String> firstSeen = new LinkedHashMap<>();
        boolean any = false;
        List<Map.Entry<String, String>> files = new ArrayList<>(sources.entrySet());
        files.sort(Comparator.comparing((Map.Entry<String, String> e) -> !Ruleset.BUILT_IN.contains(e.getKey()))
                .thenComparing(Map.Entry::getKey)); // built-in files first: the author's file is the one to rename
        for (Map.Entry<String, String> e : files) {
            Matcher m = RULE.matcher(e.getValue());
            while (m.find()) {
                String name = m.group(1);
                int line = lineOf(e.getValue(), m.start(1));
                String where = e.getKey() + ":" + line;
                String before = firstSeen.putIfAbsent(name, where);
                if (before != null) {
                    any = true;
                    problems.add(new Problem(e.getKey(), line, column(e.getValue(), m.start(1)) - 1, Level.WARNING,
                            "the rule name \"" + name + "\" is used twice (first at " + before
                                    + "); give this rule a sentence of its own"));
                }
            }
        }
        return any;
    }

    /** Each rule's action that inserts a conclusion must name the rule, and one whose type has a reason must give a Chinese reason. */
    private static void conclusions(Map<String, String> sources, List<Problem> problems) {
        for (Map.Entry<String, String> e : sources.entrySet()) {
            String drl = e.getValue();
            Map<String, String> functions = functions(drl);
            Map<String, String> imports = imports(drl);
            for (RuleText rt : rules(drl)) {
                int from = rt.from();
                String rule = rt.text();
                int then = indexOfWord(rule, "then");
                if (then < 0) {
                    continue;
                }
                String action = rule.substring(then);
                String name = ruleNames(rule).isEmpty() ? "?" : ruleNames(rule).get(0);
                Matcher ins = INSERT.matcher(action);
                while (ins.find()) {
                    int at = from + then + ins.start();
                    int line = lineOf(drl, at);
                    int col = column(drl, at);
                    if (!action.contains("getRule().getName()")) {
                        problems.add(new Problem(e.getKey(), line, col, Level.WARNING, "rule \"" + name
                                + "\" inserts a conclusion without the rule's name; pass drools.getRule().getName() so that every conclusion says which rule made it"));
                    }
                    String type = insertedType(ins, functions, action);
                    Class<?> c = type == null ? null : load(type, imports);
                    if (c != null && hasComponent(c, "reason") && !CHINESE.matcher(action).find() && !action.contains("reason")) {
                        problems.add(new Problem(e.getKey(), line, col, Level.WARNING, "rule \"" + name + "\" inserts a " + c.getSimpleName()
                                + " without a reason; give it a Chinese sentence a unit can read (区住建局 任务9…逾期31天未完成)"));
                    }
                }
            }
        }
    }

    /** The facts the built-in rules that wait for the month's {@code Settled} read as final (decisions S41). */
    private static final Set<String> SETTLED_INPUTS = Set.of("CountedCompletion", "ReportOwed", "DeadlineInForce",
            "LatestPercent", "LowestPercent");
    private static final java.util.regex.Pattern SETTLED_KIND =
            java.util.regex.Pattern.compile("FindingKind\\s*\\.\\s*(REPORT_LATE|REPORT_MISSING|TASK_OVERDUE|TASK_DUE_SOON)\\b");
    private static final java.util.regex.Pattern WAITS = java.util.regex.Pattern.compile("\\b(Settled|Tally)\\s*\\(");

    /**
     * An author's rule that breaks what the staged built-in rules rely on (docs/rules.md, the
     * {@code Settled} fact): concluding a fact they read as final only once {@code Settled} or
     * {@code Tally} is in, or inserting logically a lateness finding or a task's progress, which the
     * board's signals read as never withdrawn. Files equal to the built-in ones are not looked at,
     * nor is a concern whose reading file the author replaced.
     */
    private static void stages(Map<String, String> sources, Map<String, String> builtIn, List<Problem> problems) {
        boolean lateness = builtIn.get("lateness.drl").equals(sources.get("lateness.drl"));
        boolean board = builtIn.get("board.drl").equals(sources.get("board.drl"));
        if (!lateness && !board) {
            return;
        }
        for (Map.Entry<String, String> e : sources.entrySet()) {
            String drl = e.getValue();
            if (drl.equals(builtIn.get(e.getKey()))) {
                continue;
            }
            Map<String, String> functions = functions(drl);
            for (RuleText rt : rules(drl)) {
                int from = rt.from();
                String rule = rt.text();
                int when = indexOfWord(rule, "when");
                int then = indexOfWord(rule, "then");
                if (when < 0 || then < when) {
                    continue;
                }
                boolean waits = WAITS.matcher(rule.substring(when, then)).find();
                String action = rule.substring(then);
                String name = ruleNames(rule).get(0);
                Matcher ins = INSERT.matcher(action);
                while (ins.find()) {
                    String type = insertedType(ins, functions, action);
                    if (type == null) {
                        continue;
                    }
                    int at = from + then + ins.start();
                    if (waits && SETTLED_INPUTS.contains(type)) {
                        problems.add(new Problem(e.getKey(), lineOf(drl, at), column(drl, at), Level.WARNING, "rule \"" + name
                                + "\" concludes a " + type + " only once Settled or Tally is in, but the built-in lateness findings"
                                + " and board read every " + type + " as final by then: draw it without Settled() or Tally()"
                                + " among its conditions (docs/rules.md, the Settled fact)"));
                    }
                    boolean lateFinding = type.equals("Finding") && SETTLED_KIND.matcher(action).find();
                    if (board && ins.group().startsWith("insertLogical") && (lateFinding || type.equals("TaskProgress"))) {
                        problems.add(new Problem(e.getKey(), lineOf(drl, at), column(drl, at), Level.WARNING, "rule \"" + name
                                + "\" inserts a " + (lateFinding ? "lateness Finding" : "TaskProgress") + " logically, but the board's"
                                + " built-in signals read it as never withdrawn: if it were withdrawn its signal would stay on the board."
                                + " Give the rule Settled() among its conditions and insert it plainly (docs/rules.md, the Settled fact)"));
                    }
                }
            }
        }
    }

    /** A rule's text, from its {@code rule} keyword to the next rule's, and where it starts in its file. */
    private record RuleText(int from, String text) {
    }

    private static List<RuleText> rules(String drl) {
        Matcher r = RULE.matcher(drl);
        List<Integer> starts = new ArrayList<>();
        while (r.find()) {
            starts.add(r.start());
        }
        List<RuleText> out = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int from = starts.get(i);
            out.add(new RuleText(from, drl.substring(from, i + 1 < starts.size() ? starts.get(i + 1) : drl.length())));
        }
        return out;
    }

    /** The functions a DRL file declares, by name, with the simple name of the type each returns. */
    private static Map<String, String> functions(String drl) {
        Map<String, String> functions = new TreeMap<>();
        Matcher f = FUNCTION.matcher(drl);
        while (f.find()) {
            functions.put(f.group(2), simple(f.group(1)));
        }
        return functions;
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

    /** Every type inserted by some rule's action, by simple name. */
    private static Set<String> insertedTypes(Map<String, String> sources) {
        Set<String> out = new LinkedHashSet<>();
        for (String drl : sources.values()) {
            Map<String, String> functions = new TreeMap<>();
            Matcher f = FUNCTION.matcher(drl);
            while (f.find()) {
                functions.put(f.group(2), simple(f.group(1)));
            }
            Matcher ins = INSERT.matcher(drl);
            while (ins.find()) {
                String t = insertedType(ins, functions, drl);
                if (t != null) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ rules that can never fire (from the compiled rules)

    private static int neverInserted(KieBase base, Map<String, String> sources, List<Problem> problems) {
        Set<String> inserted = insertedTypes(sources);
        List<Class<?>> engine = new ArrayList<>();
        for (String n : ENGINE_FACTS) {
            try {
                engine.add(Class.forName(n, false, RulesCheck.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                // a type the engine no longer inserts
            }
        }
        int count = 0;
        for (KiePackage p : base.getKiePackages()) {
            for (Rule r : p.getRules()) {
                count++;
                if (!(r instanceof RuleImpl impl)) {
                    continue;
                }
                Set<Class<?>> needed = new LinkedHashSet<>();
                try {
                    positivePatterns(impl.getLhs(), needed);
                } catch (RuntimeException | LinkageError e) {
                    continue;
                }
                for (Class<?> c : needed) {
                    boolean supplied = inserted.contains(c.getSimpleName()) || c == Object.class || c.isInterface()
                            || Modifier.isAbstract(c.getModifiers()) || engine.stream().anyMatch(c::isAssignableFrom);
                    if (!supplied) {
                        int[] at = ruleLine(sources, r.getName());
                        problems.add(new Problem(at[0] < 0 ? "rules" : fileOfRule(sources, r.getName()), Math.max(at[0], 0), Math.max(at[1], 0),
                                Level.WARNING, "rule \"" + r.getName() + "\" can never fire: it matches " + c.getSimpleName()
                                        + ", which neither the engine nor any rule inserts"));
                    }
                }
            }
        }
        return count;
    }

    private static void positivePatterns(GroupElement ge, Set<Class<?>> out) {
        if (ge.isNot()) {
            return;
        }
        for (RuleConditionElement child : ge.getChildren()) {
            if (child instanceof GroupElement g) {
                positivePatterns(g, out);
            } else if (child instanceof org.drools.base.rule.Pattern p && p.getSource() == null
                    && p.getObjectType() instanceof ClassObjectType c) {
                out.add(c.getClassType());
            }
        }
    }

    private static String fileOfRule(Map<String, String> sources, String name) {
        for (Map.Entry<String, String> e : sources.entrySet()) {
            if (ruleNames(e.getValue()).contains(name)) {
                return e.getKey();
            }
        }
        return "rules";
    }

    private static int[] ruleLine(Map<String, String> sources, String name) {
        for (String drl : sources.values()) {
            Matcher m = RULE.matcher(drl);
            while (m.find()) {
                if (m.group(1).equals(name)) {
                    return new int[] {lineOf(drl, m.start(1)), column(drl, m.start(1)) - 1};
                }
            }
        }
        return new int[] {-1, -1};
    }

    // ------------------------------------------------------------------ a trial run

    private static List<Problem> trialRun(Map<String, String> sources, Policy policy) {
        try {
            Duban d = Duban.builder().rules(Ruleset.compile(sources)).policy(policy).build();
            d.replay(d.plan().reporting().from(), d.plan().reporting().to(), FactsJson.sampleYear(d.plan()));
            return List.of();
        } catch (RulesException e) {
            return List.of();
        } catch (RuntimeException e) {
            Throwable t = e;
            while (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            }
            String rule = ruleInStack(e, sources);
            int[] at = rule == null ? new int[] {0, 0} : ruleLine(sources, rule);
            return List.of(new Problem(rule == null ? "rules" : fileOfRule(sources, rule), Math.max(at[0], 0), Math.max(at[1], 0),
                    Level.ERROR, "the rules fail when run on the embedded sample year" + (rule != null ? " in rule \"" + rule + "\"" : "")
                    + ": " + t.getClass().getSimpleName() + (t.getMessage() != null ? ": " + t.getMessage() : "")));
        }
    }

    private static String ruleInStack(Throwable e, Map<String, String> sources) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String msg = String.valueOf(t.getMessage());
            for (String drl : sources.values()) {
                for (String n : ruleNames(drl)) {
                    if (msg.contains("\"" + n + "\"") || msg.contains("'" + n + "'") || msg.contains("[" + n + "]")) {
                        return n;
                    }
                }
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ the compiler's messages, in an author's words

    static Problem translate(RuleCompiler.Raw m, Map<String, String> sources, boolean duplicates) {
        String text = m.text();
        if (text.startsWith("Parser returned a null Package")) {
            return null;
        }
        String file = m.file() == null ? "rules" : m.file();
        String drl = sources.getOrDefault(file, "");
        Level level = m.error() ? Level.ERROR : Level.WARNING;
        int line = Math.max(m.line(), 0);
        int column = 0;
        String first = text.lines().findFirst().orElse("").strip();
        Matcher syntax = SYNTAX.matcher(text);
        if (syntax.matches()) {
            line = Integer.parseInt(syntax.group(2));
            column = Integer.parseInt(syntax.group(3)) + 1;
            return new Problem(file, line, column, level, "syntax error: " + syntaxWords(syntax.group(4).strip()));
        }
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
        List<String> out = new ArrayList<>(imports(drl).keySet());
        for (String n : ENGINE_FACTS) {
            out.add(simple(n));
        }
        return out;
    }

    private static Map<String, String> imports(String drl) {
        Map<String, String> out = new TreeMap<>();
        Matcher m = IMPORT.matcher(drl);
        while (m.find()) {
            out.put(simple(m.group(1)), m.group(1));
        }
        return out;
    }

    private static Class<?> load(String simpleName, Map<String, String> imports) {
        String fq = imports.get(simpleName);
        if (fq == null) {
            return null;
        }
        try {
            return Class.forName(fq, false, RulesCheck.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
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

    private static int indexOfWord(String s, String word) {
        Matcher m = java.util.regex.Pattern.compile("(?m)^\\s*" + word + "\\b").matcher(s);
        return m.find() ? m.start() : -1;
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

package io.github.duban.authoring;

import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One DRL file as Drools' own parser reads it: its imports, functions, declared types and rules
 * (each with its line and column, its action's text and where that is in the file, and the fact
 * types its conditions match), or the syntax errors that kept it from being read. Immutable and
 * thread-safe.
 */
final class DrlOutline {

    /** A syntax error of the file: 1-based line and column (0 when Drools gave none) and the parser's words. */
    record SyntaxError(int line, int column, String message) {
    }

    /**
     * A rule: its name, 1-based line and column of its {@code rule} keyword, its action's text and the
     * offset in the file where that text starts (-1 when it cannot be found), and the types of the
     * patterns its conditions need (outside {@code not}, {@code forall}, {@code eval} and {@code from}),
     * as written.
     */
    record Rule(String name, int line, int column, String action, int actionAt, List<String> needs) {
    }

    /** A function: its name, the type it returns as written, its 1-based line, its body and the body's offset in the file (-1: not found). */
    record Function(String name, String returnType, int line, String body, int bodyAt) {
    }

    private final String file;
    private final String text;
    private final List<SyntaxError> errors;
    private final Map<String, String> imports;
    private final List<String> wildcards;
    private final List<Function> functions;
    private final List<String> declared;
    private final List<Rule> rules;

    private DrlOutline(String file, String text, List<SyntaxError> errors, Map<String, String> imports, List<String> wildcards,
                       List<Function> functions, List<String> declared, List<Rule> rules) {
        this.file = file;
        this.text = text;
        this.errors = List.copyOf(errors);
        this.imports = java.util.Collections.unmodifiableMap(imports);
        this.wildcards = List.copyOf(wildcards);
        this.functions = List.copyOf(functions);
        this.declared = List.copyOf(declared);
        this.rules = List.copyOf(rules);
    }

    /** Reads {@code text}, the DRL file named {@code file}. */
    static DrlOutline parse(String file, String text) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(text, "text");
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        List<SyntaxError> errors = new ArrayList<>();
        try {
            pkg = parser.parse(false, text);
        } catch (DroolsParserException e) {
            pkg = null;
            errors.add(new SyntaxError(0, 0, String.valueOf(e.getMessage())));
        }
        for (DroolsError e : parser.getErrors()) {
            if (e instanceof ParserError p) {
                errors.add(new SyntaxError(Math.max(p.getRow(), 0), p.getRow() > 0 ? p.getCol() + 1 : 0, p.getMessage()));
            } else {
                int[] lines = e.getLines();
                errors.add(new SyntaxError(lines != null && lines.length > 0 ? Math.max(lines[0], 0) : 0, 0, e.getMessage()));
            }
        }
        if (pkg == null || !errors.isEmpty()) {
            if (errors.isEmpty()) {
                errors.add(new SyntaxError(0, 0, "the file cannot be read as DRL"));
            }
            return new DrlOutline(file, text, errors, new TreeMap<>(), List.of(), List.of(), List.of(), List.of());
        }
        Map<String, String> imports = new TreeMap<>();
        List<String> wildcards = new ArrayList<>();
        for (ImportDescr i : pkg.getImports()) {
            String target = i.getTarget();
            if (target.endsWith(".*")) {
                wildcards.add(target.substring(0, target.length() - 2));
            } else {
                imports.put(RulesCheck.simple(target), target);
            }
        }
        List<Function> functions = new ArrayList<>();
        for (FunctionDescr f : pkg.getFunctions()) {
            int from = Math.max(f.getStartCharacter(), 0);
            int at = f.getBody() == null ? -1 : text.indexOf(f.getBody(), from);
            functions.add(new Function(f.getName(), f.getReturnType(), f.getLine(), f.getBody() == null ? "" : f.getBody(), at));
        }
        List<String> declared = new ArrayList<>();
        for (TypeDeclarationDescr t : pkg.getTypeDeclarations()) {
            declared.add(t.getTypeName());
        }
        List<Rule> rules = new ArrayList<>();
        for (RuleDescr r : pkg.getRules()) {
            if (!r.isRule()) {
                continue;
            }
            String action = r.getConsequence() == null ? "" : r.getConsequence().toString();
            int at = -1;
            if (!action.isEmpty()) {
                int then = r.getConsequenceLine() > 0 ? offsetOfLine(text, r.getConsequenceLine()) : Math.max(r.getStartCharacter(), 0);
                at = text.indexOf(action, Math.max(then, 0));
            }
            List<String> needs = new ArrayList<>();
            needed(r.getLhs(), needs);
            rules.add(new Rule(r.getName(), r.getLine(), r.getColumn() + 1, action, at, needs));
        }
        return new DrlOutline(file, text, errors, imports, wildcards, functions, declared, rules);
    }

    /** The types of the patterns a match needs: through and, or and exists, not under not, forall, eval or a from. */
    private static void needed(BaseDescr d, List<String> out) {
        if (d instanceof PatternDescr p) {
            if (p.getSource() == null && p.getObjectType() != null) {
                out.add(p.getObjectType());
            }
        } else if (d instanceof AndDescr || d instanceof OrDescr || d instanceof ExistsDescr) {
            for (BaseDescr c : ((ConditionalElementDescr) d).getDescrs()) {
                needed(c, out);
            }
        }
    }

    private static int offsetOfLine(String text, int line) {
        int at = 0;
        for (int l = 1; l < line; l++) {
            int nl = text.indexOf('\n', at);
            if (nl < 0) {
                return text.length();
            }
            at = nl + 1;
        }
        return at;
    }

    String file() {
        return file;
    }

    String text() {
        return text;
    }

    /** Syntax errors; when there are any the file has no rules, imports or functions here. */
    List<SyntaxError> errors() {
        return errors;
    }

    /** Single-type imports: simple name → qualified name. */
    Map<String, String> imports() {
        return imports;
    }

    /** The packages imported whole ({@code import java.io.*;}). */
    List<String> wildcards() {
        return wildcards;
    }

    List<Function> functions() {
        return functions;
    }

    /** The names of the types the file declares ({@code declare Name … end}). */
    List<String> declared() {
        return declared;
    }

    List<Rule> rules() {
        return rules;
    }

    /** The rules' names, in file order. */
    List<String> ruleNames() {
        return rules.stream().map(Rule::name).toList();
    }

    /** The functions by name with the simple name of the type each returns. */
    Map<String, String> returnTypes() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Function f : functions) {
            out.put(f.name(), f.returnType() == null ? null : RulesCheck.simple(f.returnType()));
        }
        return out;
    }

    /** The 1-based line and column of character {@code offset} of the file. */
    int[] position(int offset) {
        return new int[] {RulesCheck.lineOf(text, offset), RulesCheck.column(text, offset)};
    }

    /** Each file read by the parser, in the order given. */
    static Map<String, DrlOutline> of(Map<String, String> sources) {
        Map<String, DrlOutline> out = new LinkedHashMap<>();
        sources.forEach((name, drl) -> out.put(name, parse(name, drl)));
        return out;
    }

    /** Where each rule is written, rule name → {@code file:line} (the first file that has it). */
    static Map<String, String> ruleLocations(Map<String, String> sources) {
        Map<String, String> out = new TreeMap<>();
        for (DrlOutline o : of(new TreeMap<>(sources)).values()) {
            for (Rule r : o.rules()) {
                out.putIfAbsent(r.name(), o.file() + ":" + r.line());
            }
        }
        return out;
    }
}

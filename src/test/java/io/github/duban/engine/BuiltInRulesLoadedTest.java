package io.github.duban.engine;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule written in the built-in files is in the compiled rules: a file whose package does not
 * match its folder can compile to a KieBase without its rules, with no more than a warning.
 */
class BuiltInRulesLoadedTest {

    static final Pattern RULE = Pattern.compile("(?m)^rule \"([^\"]+)\"");

    @Test
    void everyRuleOfTheBuiltInFiles_isCompiledIn() {
        Ruleset rules = Ruleset.builtIn();
        java.util.List<String> written = new java.util.ArrayList<>();
        for (String text : rules.sources().values()) {
            assertThat(text).contains("package rules;");
            Matcher m = RULE.matcher(text);
            while (m.find()) {
                written.add(m.group(1));
            }
        }
        assertThat(written).isNotEmpty();
        assertThat(rules.ruleNames()).containsExactlyInAnyOrderElementsOf(written);
    }
}

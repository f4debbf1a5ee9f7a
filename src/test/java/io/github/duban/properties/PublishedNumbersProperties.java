package io.github.duban.properties;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.duban.bulletin.Bulletin;
import io.github.duban.bulletin.BulletinSettings;
import io.github.duban.bulletin.Bulletins;
import io.github.duban.engine.Duban;
import io.github.duban.json.ScoresCsv;
import io.github.duban.model.Band;
import io.github.duban.model.Policy;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.Sanction;
import io.github.duban.outcome.UnitScore;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.duban.properties.Generators.FROM;
import static io.github.duban.properties.Generators.monthCases;
import static io.github.duban.properties.Generators.shapedPolicies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

/**
 * Every number an office publishes about a unit is the rules' own conclusion (DESIGN §6): over
 * random policies (caps per category, bonus cap, base, bounds, bands of any length, supporting
 * weight, milestone points, rating ceilings) and random months, the score, rating, rank,
 * deductions and bonuses in scores.csv, the Markdown bulletin's ranking table, the database's score
 * rows and {@code explain --json} (the lowest-ranked unit of each month) equal the
 * unit's {@code UnitScore}; score = clamp(base + deductions + bonuses); deductions are never
 * positive, bonuses never above {@code bonusCap}; a unit issued a sanction is rated no better than
 * its level's ceiling. Property tests use QuickTheories.
 */
class PublishedNumbersProperties {

    static final int EXAMPLES = 120;
    private static final CsvMapper CSV = new CsvMapper();

    @Test
    void everyPublishedScoreNumberIsTheRulesConclusion() {
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger units = new AtomicInteger();
        AtomicInteger explained = new AtomicInteger();
        qt().withExamples(EXAMPLES).withShrinkCycles(50).forAll(monthCases(), shapedPolicies()).checkAssert((c, policy) -> {
            Duban d = Engines.engine(c.scenario().plan(), policy);
            List<Assessment> months = d.replay(FROM, c.month(), c.scenario().facts());
            Assessment a = months.get(months.size() - 1);
            runs.incrementAndGet();
            units.addAndGet(a.scores().size());

            Map<String, Map<String, String>> csv = csvRows(ScoresCsv.write(a));
            Map<String, List<String>> md = rankingRows(Bulletins.markdown(
                    Bulletin.of(d.plan(), a, BulletinSettings.DEFAULT, policy.bands()), null));
            assertThat(csv.keySet()).containsExactlyInAnyOrderElementsOf(a.scores().stream().map(UnitScore::unit).toList());
            assertThat(md.keySet()).containsExactlyInAnyOrderElementsOf(csv.keySet());

            for (UnitScore s : a.scores()) {
                String who = s.unit() + " in " + a.period();
                // the arithmetic the rules concluded
                assertThat(s.deductions().signum()).as(who).isLessThanOrEqualTo(0);
                assertThat(s.bonuses()).as(who).isBetween(BigDecimal.ZERO, policy.bonusCap());
                BigDecimal raw = policy.base().add(s.deductions()).add(s.bonuses());
                BigDecimal clamped = raw.max(policy.lowerBound()).min(policy.upperBound());
                assertThat(s.score()).as(who).isEqualByComparingTo(clamped);

                // scores.csv prints it
                Map<String, String> row = csv.get(s.unit());
                assertThat(new BigDecimal(row.get("score"))).as(who).isEqualByComparingTo(s.score());
                assertThat(new BigDecimal(row.get("deductions"))).as(who).isEqualByComparingTo(s.deductions());
                assertThat(new BigDecimal(row.get("bonuses"))).as(who).isEqualByComparingTo(s.bonuses());
                assertThat(row.get("rating")).as(who).isEqualTo(s.rating().name());
                assertThat(Integer.parseInt(row.get("rank"))).as(who).isEqualTo(s.rank());

                // the bulletin's ranking table prints it: 序号 | 单位 | 得分 | 等次 | 扣分 | 加分 | 排名
                List<String> cells = md.get(s.unit());
                assertThat(new BigDecimal(cells.get(2))).as(who).isEqualByComparingTo(s.score());
                assertThat(cells.get(3)).as(who).isEqualTo(s.rating().chinese());
                assertThat(new BigDecimal(cells.get(4))).as(who).isEqualByComparingTo(s.deductions().negate());
                assertThat(new BigDecimal(cells.get(5))).as(who).isEqualByComparingTo(s.bonuses());
                assertThat(Integer.parseInt(cells.get(6))).as(who).isEqualTo(s.rank());

                // the database's score row holds it
                Map<String, Object> db = io.github.duban.jdbc.ScoreRows.of("p", a.period().toString(), a.ruleset(), s);
                assertThat((BigDecimal) db.get("score")).as(who).isEqualByComparingTo(s.score());
                assertThat((BigDecimal) db.get("deductions")).as(who).isEqualByComparingTo(s.deductions());
                assertThat((BigDecimal) db.get("bonuses")).as(who).isEqualByComparingTo(s.bonuses());
                assertThat(db.get("rating")).as(who).isEqualTo(s.rating().name());
                assertThat(db.get("rank")).as(who).isEqualTo(s.rank());
                assertThat(db.get("ceiling")).as(who).isEqualTo(s.ceiling() == null ? null : s.ceiling().name());
            }
            // explain --json prints it, for the lowest-ranked unit (explain replays the window, so one a month)
            if (!a.scores().isEmpty()) {
                UnitScore last = a.scores().get(a.scores().size() - 1);
                com.fasterxml.jackson.databind.JsonNode ex;
                try {
                    ex = new com.fasterxml.jackson.databind.ObjectMapper().readTree(io.github.duban.authoring.Explain.json(
                            io.github.duban.authoring.Explain.explain(d, null, c.scenario().facts(), a.period(), last.unit(), null)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                assertThat(ex.get("score").decimalValue()).isEqualByComparingTo(last.score());
                assertThat(ex.get("deductions").decimalValue()).isEqualByComparingTo(last.deductions());
                assertThat(ex.get("bonuses").decimalValue()).isEqualByComparingTo(last.bonuses());
                assertThat(ex.get("rank").asInt()).isEqualTo(last.rank());
                assertThat(ex.get("rating").asText()).isEqualTo(last.rating().name());
                assertThat(ex.get("ceiling").isNull()).isEqualTo(last.ceiling() == null);
                explained.incrementAndGet();
            }
            for (Sanction s : a.sanctions()) {
                Band ceiling = policy.ceilingOf(s.level().name());
                if (ceiling != null) {
                    UnitScore u = a.scores().stream().filter(x -> x.unit().equals(s.unit())).findFirst().orElseThrow();
                    assertThat(policy.bandIndex(u.rating().name())).as("%s issued a %s in %s", s.unit(), s.level(), a.period())
                            .isGreaterThanOrEqualTo(policy.bandIndex(ceiling.name()));
                }
            }
        });
        System.out.println("PublishedNumbersProperties: " + runs.get() + " months under random policies, " + units.get()
                + " unit scores checked in scores.csv, the bulletin and the database rows, " + explained.get() + " through explain --json");
        assertThat(runs.get()).isGreaterThanOrEqualTo(EXAMPLES);
    }

    private static Map<String, Map<String, String>> csvRows(String text) {
        try (MappingIterator<Map<String, String>> it = CSV.readerFor(Map.class).with(CsvSchema.emptySchema().withHeader())
                .readValues(text.substring(1))) {
            Map<String, Map<String, String>> rows = new HashMap<>();
            for (Map<String, String> r : it.readAll()) {
                rows.put(r.get("unit"), r);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of the table under 四、考核得分与排名, by unit: cells in order. */
    private static Map<String, List<String>> rankingRows(String md) {
        int at = md.indexOf("考核得分与排名");
        assertThat(at).as("the ranking section").isPositive();
        Map<String, List<String>> rows = new HashMap<>();
        boolean inTable = false;
        for (String line : md.substring(at).split("\n")) {
            String t = line.trim();
            if (!t.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            inTable = true;
            List<String> cells = new ArrayList<>();
            for (String cell : t.substring(1, t.length() - 1).split("\\|")) {
                cells.add(cell.trim());
            }
            if (cells.get(0).matches("\\d+")) {
                rows.put(cells.get(1), cells);
            }
        }
        return rows;
    }
}

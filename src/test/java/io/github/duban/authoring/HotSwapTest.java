package io.github.duban.authoring;

import io.github.duban.json.PlanJson;
import io.github.duban.engine.Duban;
import io.github.duban.engine.DubanRuntime;
import io.github.duban.engine.DubanRuntime.Swap;
import io.github.duban.engine.Ruleset;
import io.github.duban.engine.WorkCalendar;
import io.github.duban.json.AssessmentJson;
import io.github.duban.json.FactsJson;
import io.github.duban.json.PolicyJson;
import io.github.duban.model.Facts;
import io.github.duban.model.Policy;
import io.github.duban.outcome.Assessment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hot swap under load: threads replay the sample year through a {@link DubanRuntime} while the
 * rules and policy are swapped back and forth (and broken rules are offered and refused); every
 * replay is entirely one ruleset's, byte for byte what that ruleset gives alone, and names its fingerprint.
 */
class HotSwapTest {

    static final YearMonth FEB = YearMonth.of(2021, 2);
    static final YearMonth JUN = YearMonth.of(2021, 6);

    static Ruleset builtIn;
    static Ruleset other;
    static Policy county;
    static Facts facts;
    static io.github.duban.error.RulesException broken;

    @BeforeAll
    static void compile() {
        builtIn = Ruleset.builtIn();
        Map<String, String> sources = new TreeMap<>(builtIn.sources());
        sources.put("county.drl", "package rules;\n// a county's own file: no rules yet\n");
        other = Ruleset.compile(sources);
        county = PolicyJson.read(Path.of("src/test/resources/authoring/county.yaml"));
        facts = FactsJson.sampleYear(PlanJson.embedded());
        Map<String, String> bad = new TreeMap<>(builtIn.sources());
        bad.put("county.drl", "package rules;\nrule \"A broken rule\"\nwhen\n  $f : Finding( \nthen\nend\n");
        try {
            Ruleset.compile(bad);
        } catch (io.github.duban.error.RulesException e) {
            broken = e; // compiled once; every swap below offers the same broken rules again
        }
        assertThat(broken).isNotNull();
    }

    static List<String> bytes(List<Assessment> year) {
        return year.stream().map(AssessmentJson::write).toList();
    }

    @Test
    void assessmentsDuringSwaps_areEachEntirelyOldOrEntirelyNew() throws Exception {
        Duban a = Duban.builder().plan(PlanJson.embedded()).rules(builtIn).build();
        Duban b = Duban.builder().plan(PlanJson.embedded()).rules(other).policy(county).build();
        assertThat(a.fingerprint()).isNotEqualTo(b.fingerprint());
        Map<String, List<String>> reference = new HashMap<>();
        reference.put(a.fingerprint(), bytes(a.replay(FEB, JUN, facts)));
        reference.put(b.fingerprint(), bytes(b.replay(FEB, JUN, facts)));
        assertThat(reference.get(a.fingerprint())).isNotEqualTo(reference.get(b.fingerprint()));

        DubanRuntime live = DubanRuntime.of(a);
        ConcurrentLinkedQueue<List<Assessment>> results = new ConcurrentLinkedQueue<>();
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            workers.add(pool.submit(() -> {
                while (!done.get()) {
                    results.add(live.replay(FEB, JUN, facts));
                }
            }));
        }
        List<Swap> refused = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String now = live.fingerprint();
            // let at least two replays finish on the ruleset in force before the next swap
            while (results.stream().filter(r -> r.get(0).ruleset().equals(now)).count() < 2) {
                Thread.sleep(5);
            }
            Swap s = i % 2 == 0 ? live.swap(() -> other, county) : live.swap(() -> builtIn, Policy.DEFAULT);
            assertThat(s.applied()).isTrue();
            assertThat(s.previous()).isEqualTo(now);
            assertThat(s.fingerprint()).isEqualTo(live.fingerprint()).isNotEqualTo(now);
            Swap bad = live.swap(() -> {
                throw broken;
            }, null);
            refused.add(bad);
            assertThat(live.fingerprint()).as("a refused swap keeps the ruleset in force").isEqualTo(s.fingerprint());
        }
        String last = live.fingerprint();
        while (results.stream().filter(r -> r.get(0).ruleset().equals(last)).count() < 2) {
            Thread.sleep(5);
        }
        done.set(true);
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();

        assertThat(refused).allSatisfy(r -> {
            assertThat(r.applied()).isFalse();
            assertThat(r.problems()).anySatisfy(p -> {
                assertThat(p.file()).isEqualTo("county.drl");
                assertThat(p.line()).isEqualTo(6);
            });
        });
        Map<String, Integer> seen = new HashMap<>();
        for (List<Assessment> year : results) {
            String fp = year.get(0).ruleset();
            assertThat(year).as("one replay, one ruleset").allSatisfy(m -> assertThat(m.ruleset()).isEqualTo(fp));
            assertThat(bytes(year)).as("a replay under %s equals that ruleset's own", fp).isEqualTo(reference.get(fp));
            seen.merge(fp, 1, Integer::sum);
        }
        assertThat(seen).containsOnlyKeys(a.fingerprint(), b.fingerprint());
        assertThat(seen.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(2));
    }

    @Test
    void aSwapWhoseRulesFailAtRunTime_isRefused_andTheFingerprintCoversTheCalendar() {
        Duban a = Duban.builder().plan(PlanJson.embedded()).rules(builtIn).build();
        DubanRuntime live = DubanRuntime.of(a);
        Map<String, String> failing = new TreeMap<>(builtIn.sources());
        failing.put("county.drl", "package rules;\nimport io.github.duban.model.Task;\n\nrule \"Every task breaks\"\nwhen\n"
                + "    $t : Task( )\nthen\n    Object o = null;\n    o.toString();\nend\n");
        Swap s = live.swap(() -> Ruleset.compile(failing), null);
        assertThat(s.applied()).isFalse();
        assertThat(s.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("the new rules fail on a trial month 2021-02: NullPointerException"));
        assertThat(live.current()).isSameAs(a);

        Swap weekends = live.swap(null, null, WorkCalendar.weekendsOnly());
        assertThat(weekends.applied()).isTrue();
        assertThat(weekends.fingerprint()).as("another calendar, another fingerprint").isNotEqualTo(a.fingerprint());
        assertThat(live.swap(null, null, WorkCalendar.china()).fingerprint()).isEqualTo(a.fingerprint());
    }
}

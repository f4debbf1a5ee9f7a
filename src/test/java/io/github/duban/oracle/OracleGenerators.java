package io.github.duban.oracle;

import io.github.duban.model.Completion;
import io.github.duban.model.Facts;
import io.github.duban.model.InspectionFinding;
import io.github.duban.model.InspectionKind;
import io.github.duban.model.Plan;
import io.github.duban.model.ProgressReport;
import io.github.duban.model.Rectification;
import io.github.duban.model.Task;
import io.github.duban.model.Unit;
import io.github.duban.properties.Generators;
import io.github.duban.properties.Generators.Scenario;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's scenarios ({@link Generators#scenarios()}) with more of what escalation turns on:
 * several inspection findings on one case in a month, rectifications a few days before or after a
 * finding and around the rectify-by dates month ends lead to, reports submitted before their
 * month, and completions on the due day. Every addition is a "maybe" that shrinks to "no".
 */
final class OracleGenerators {

    static final LocalDate FIRST = Generators.FIRST;
    static final LocalDate LAST = Generators.LAST;

    private OracleGenerators() {
    }

    static Gen<Scenario> scenarios() {
        Gen<Scenario> base = Generators.scenarios();
        return in -> {
            Scenario s = base.generate(in);
            return s.withFacts(enrich(in, s.plan(), s.facts()));
        };
    }

    static int between(RandomnessSource in, int lo, int hi) {
        return Generate.range(lo, hi).generate(in);
    }

    static boolean maybe(RandomnessSource in, int percent) {
        return between(in, 0, 99) >= 100 - percent;
    }

    static <T> T pick(RandomnessSource in, List<T> from) {
        return from.get(between(in, 0, from.size() - 1));
    }

    static LocalDate inWindow(LocalDate d) {
        return d.isBefore(FIRST) ? FIRST : d.isAfter(LAST) ? LAST : d;
    }

    static Facts enrich(RandomnessSource in, Plan plan, Facts f) {
        List<String> units = plan.units().stream().filter(u -> !u.group()).map(Unit::id).toList();
        List<ProgressReport> reports = new ArrayList<>(f.reports());
        List<Completion> completions = new ArrayList<>(f.completions());
        List<InspectionFinding> inspections = new ArrayList<>(f.inspections());
        List<Rectification> rectifications = new ArrayList<>(f.rectifications());

        // a burst of inspection findings on one (unit, task) in one month, some naming persons
        if (maybe(in, 40)) {
            String unit = pick(in, units);
            Integer task = maybe(in, 70) ? pick(in, plan.leaves()).no() : null;
            YearMonth m = Generators.FROM.plusMonths(between(in, 0, 4));
            int n = between(in, 1, 3);
            for (int i = 0; i < n; i++) {
                InspectionKind kind = pick(in, List.of(InspectionKind.values()));
                inspections.add(new InspectionFinding(unit, task, kind, m.atDay(between(in, 1, 28)),
                        maybe(in, 50) ? pick(in, List.of("张三", "李四", "王五")) : null, null));
            }
        }
        // the same kind of finding on the same matter in consecutive months (repeat offences)
        if (maybe(in, 30)) {
            String unit = pick(in, units);
            Integer task = maybe(in, 70) ? pick(in, plan.leaves()).no() : null;
            InspectionKind kind = pick(in, List.of(InspectionKind.values()));
            YearMonth m = Generators.FROM.plusMonths(between(in, 0, 3));
            inspections.add(new InspectionFinding(unit, task, kind, m.atDay(between(in, 1, 28)), null, null));
            inspections.add(new InspectionFinding(unit, task, kind, m.plusMonths(1).atDay(between(in, 1, 28)), null, null));
        }
        // rectifications a few days before or after an inspection finding, of the same matter
        for (InspectionFinding i : List.copyOf(inspections)) {
            if (maybe(in, 35)) {
                rectifications.add(Rectification.of(i.unit(), i.task(), inWindow(i.on().plusDays(between(in, 0, 12) - 4))));
            }
        }
        // rectifications of a lead unit's matter around a rectify-by date (a month's end + 15 or so)
        if (maybe(in, 40)) {
            Task t = pick(in, plan.leaves());
            YearMonth m = Generators.FROM.plusMonths(between(in, 0, 3));
            rectifications.add(Rectification.of(pick(in, t.leads()), t.no(),
                    inWindow(m.atEndOfMonth().plusDays(between(in, 0, 25)))));
        }
        // a rectification of a lead unit's matter on a month's last day (the day persistent findings are dated)
        if (maybe(in, 25)) {
            Task t = pick(in, plan.leaves());
            YearMonth m = Generators.FROM.plusMonths(between(in, 0, 4));
            rectifications.add(Rectification.of(pick(in, t.leads()), t.no(), m.atEndOfMonth()));
        }
        // a report submitted before its month starts (decisions §5)
        if (maybe(in, 20)) {
            Task t = pick(in, plan.leaves());
            YearMonth m = Generators.FROM.plusMonths(between(in, 1, 4));
            reports.add(new ProgressReport(t.no(), pick(in, t.leads()), m, m.minusMonths(1).atDay(between(in, 20, 28)),
                    maybe(in, 50) ? between(in, 0, 100) : null, "提前报送"));
        }
        // a completion on the due day or just after it (does it stand for the month's report?)
        if (maybe(in, 25)) {
            Task t = pick(in, plan.leaves());
            YearMonth m = Generators.FROM.plusMonths(between(in, 0, 4));
            completions.add(Completion.of(t.no(), m.atDay(Generators.DUE_DAY + between(in, 0, 2))));
        }
        return new Facts(reports, completions, f.extensions(), inspections, rectifications);
    }
}

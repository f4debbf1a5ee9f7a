package io.github.duban.oracle;

import io.github.duban.model.Completion;
import io.github.duban.model.Extension;
import io.github.duban.model.Facts;
import io.github.duban.model.InspectionFinding;
import io.github.duban.model.InspectionKind;
import io.github.duban.model.Plan;
import io.github.duban.model.ProgressReport;
import io.github.duban.model.Rectification;
import io.github.duban.model.ReportingRule;
import io.github.duban.model.Task;
import io.github.duban.model.Unit;
import io.github.duban.properties.Generators;
import io.github.duban.properties.Generators.Scenario;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static io.github.duban.oracle.OracleGenerators.between;
import static io.github.duban.oracle.OracleGenerators.inWindow;
import static io.github.duban.oracle.OracleGenerators.maybe;
import static io.github.duban.oracle.OracleGenerators.pick;

/**
 * Facts whose dates fall on the days the rules turn on: a due day and the days either side, a
 * month's first and last days, a deadline and the days around it, the day a deadline is
 * {@code earlyDays} or {@code dueSoonDays} away, the rectify-by dates month ends lead to, and the
 * very dates of other facts (a rectification on the day of its finding, an extension approved on
 * the day it was asked). Also chains of extensions, resubmissions with falling percents, completions
 * with an acceptance date, units named by alias, and as-of dates inside the month.
 */
final class EdgeGenerators {

    static final YearMonth FROM = Generators.FROM;
    static final YearMonth TO = Generators.TO;

    private EdgeGenerators() {
    }

    /** A scenario, a month and an as-of day in it (the month's last day half the time). */
    record AsOfCase(Scenario scenario, YearMonth month, LocalDate asOf, LocalDate previousAsOf) {
        @Override
        public String toString() {
            return "month " + month + " as of " + asOf + ", the month before as of " + previousAsOf + "\n" + scenario;
        }
    }

    static Gen<Scenario> scenarios() {
        Gen<Plan> plans = Generators.plans();
        return in -> {
            Plan p = plans.generate(in);
            Facts f = facts(in, p);
            if (maybe(in, 35)) {
                // another reporting window and due day; reports for months outside it are dropped
                ReportingRule rule = ReportingRule.of(YearMonth.of(2021, between(in, 1, 3)), YearMonth.of(2021, between(in, 5, 7)),
                        between(in, 1, 31));
                p = new Plan(p.title(), p.docNumber(), p.issuedOn(), rule, p.stages(), p.goals(), p.units(), p.tasks());
                f = new Facts(f.reports().stream().filter(r -> rule.covers(r.month())).toList(), f.completions(), f.extensions(),
                        f.inspections(), f.rectifications());
            }
            return new Scenario(p, f);
        };
    }

    static Gen<AsOfCase> asOfCases() {
        Gen<Scenario> scenarios = scenarios();
        return in -> {
            Scenario s = scenarios.generate(in);
            YearMonth first = s.plan().reporting().from();
            YearMonth m = first.plusMonths(between(in, 0, (int) first.until(s.plan().reporting().to(), java.time.temporal.ChronoUnit.MONTHS)));
            LocalDate a = maybe(in, 50) ? m.atDay(between(in, 1, m.lengthOfMonth())) : m.atEndOfMonth();
            YearMonth before = m.minusMonths(1);
            LocalDate b = maybe(in, 30) ? before.atDay(between(in, 1, before.lengthOfMonth())) : before.atEndOfMonth();
            return new AsOfCase(s, m, a, b);
        };
    }

    /** A day the rules care about, near {@code around} (a deadline, say), or in general. */
    static LocalDate special(RandomnessSource in, Plan plan, LocalDate around) {
        YearMonth m = FROM.plusMonths(between(in, 0, 4));
        LocalDate d = switch (between(in, 0, 9)) {
            case 0 -> m.atDay(1);
            case 1 -> m.atEndOfMonth();
            case 2 -> m.atDay(25 + between(in, -1, 1));
            case 3 -> m.atEndOfMonth().plusDays(15 + between(in, -1, 1));
            case 4 -> around != null ? around.plusDays(between(in, -1, 1)) : m.atDay(25);
            case 5 -> around != null ? around.minusDays(15 + between(in, -1, 1)) : m.atDay(10);
            case 6 -> around != null ? around.minusDays(30 + between(in, -1, 1)) : m.atDay(20);
            default -> m.atDay(between(in, 1, m.lengthOfMonth()));
        };
        return inWindow(d);
    }

    static LocalDate deadline(Task t) {
        return t.ongoing() ? null : t.deadline().date();
    }

    static String named(RandomnessSource in, Plan plan, String id) {
        Unit u = plan.unit(id).orElseThrow();
        return !u.aliases().isEmpty() && maybe(in, 30) ? u.aliases().get(0) : id;
    }

    static Facts facts(RandomnessSource in, Plan plan) {
        List<String> units = plan.units().stream().filter(u -> !u.group()).map(Unit::id).toList();
        List<ProgressReport> reports = new ArrayList<>();
        List<Completion> completions = new ArrayList<>();
        List<Extension> extensions = new ArrayList<>();
        List<InspectionFinding> inspections = new ArrayList<>();
        List<Rectification> rectifications = new ArrayList<>();
        int skip = between(in, 0, 40);
        for (Task t : plan.leaves()) {
            for (String lead : t.leads()) {
                for (YearMonth m = FROM; !m.isAfter(TO); m = m.plusMonths(1)) {
                    if (maybe(in, skip)) {
                        continue;
                    }
                    int n = maybe(in, 25) ? between(in, 2, 3) : 1;
                    for (int i = 0; i < n; i++) {
                        LocalDate on = switch (between(in, 0, 5)) {
                            case 0 -> m.atDay(24);
                            case 1 -> m.atDay(25);
                            case 2 -> m.atDay(26);
                            case 3 -> m.atDay(25).plusDays(between(in, 2, 12));
                            case 4 -> m.minusMonths(1).atDay(28);
                            default -> m.atDay(between(in, 1, 28));
                        };
                        reports.add(new ProgressReport(t.no(), named(in, plan, lead), m, on,
                                maybe(in, 80) ? between(in, 0, 100) : null, null));
                    }
                }
            }
            if (maybe(in, 10)) {
                String other = pick(in, plan.units()).id();
                YearMonth m = FROM.plusMonths(between(in, 0, 4));
                reports.add(new ProgressReport(t.no(), other, m, m.atDay(20), between(in, 0, 100), null));
            }
            if (maybe(in, t.ongoing() ? 15 : 45)) {
                int n = maybe(in, 20) ? 2 : 1;
                for (int i = 0; i < n; i++) {
                    LocalDate on = special(in, plan, deadline(t));
                    completions.add(maybe(in, 20) ? new Completion(t.no(), on, on.plusDays(between(in, 0, 20))) : Completion.of(t.no(), on));
                }
            }
            if (maybe(in, t.ongoing() ? 10 : 40)) {
                int n = between(in, 1, 3);
                LocalDate dl = deadline(t);
                for (int i = 0; i < n; i++) {
                    LocalDate req = dl != null && maybe(in, 60) ? inWindow(dl.plusDays(between(in, -10, 1))) : special(in, plan, dl);
                    LocalDate appr = inWindow(req.plusDays(maybe(in, 15) ? -1 : between(in, 0, 20)));
                    LocalDate nd = inWindow((dl != null ? dl : req).plusDays(between(in, -5, 40)));
                    extensions.add(new Extension(t.no(), req, appr, nd, "理由" + between(in, 1, 2)));
                    if (maybe(in, 50)) {
                        dl = nd;
                    }
                }
            }
        }
        int nInspections = between(in, 0, 6);
        for (int i = 0; i < nInspections; i++) {
            Task t = pick(in, plan.leaves());
            String unit = maybe(in, 60) ? pick(in, t.leads()) : pick(in, units);
            Integer task = maybe(in, 70) ? t.no() : null;
            InspectionFinding x = new InspectionFinding(named(in, plan, unit), task, pick(in, List.of(InspectionKind.values())),
                    special(in, plan, deadline(t)), maybe(in, 40) ? pick(in, List.of("张三", "李四")) : null, null);
            inspections.add(x);
            if (maybe(in, 40)) {
                rectifications.add(Rectification.of(named(in, plan, unit), task, inWindow(x.on().plusDays(between(in, -1, 1)))));
            }
        }
        int nRect = between(in, 0, 5);
        for (int i = 0; i < nRect; i++) {
            Task t = pick(in, plan.leaves());
            String unit = maybe(in, 70) ? pick(in, t.leads()) : pick(in, units);
            rectifications.add(Rectification.of(named(in, plan, unit), maybe(in, 80) ? t.no() : null, special(in, plan, deadline(t))));
        }
        return new Facts(reports, completions, extensions, inspections, rectifications);
    }
}

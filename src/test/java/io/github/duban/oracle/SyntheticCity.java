package io.github.duban.oracle;

import io.github.duban.json.PlanJson;
import io.github.duban.model.Completion;
import io.github.duban.model.Deadline;
import io.github.duban.model.Extension;
import io.github.duban.model.Facts;
import io.github.duban.model.InspectionFinding;
import io.github.duban.model.InspectionKind;
import io.github.duban.model.Plan;
import io.github.duban.model.ProgressReport;
import io.github.duban.model.Rectification;
import io.github.duban.model.Task;
import io.github.duban.model.Unit;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A synthetic city: many district plans shaped like the embedded one (19 tasks, about 10 lead
 * units, deadlines at the end of April, May or June, one ongoing task), each with a year of facts
 * as a supervision office sees them: most reports on time, some late or missing, some resubmitted,
 * percents rising towards the deadline, most tasks completed around their deadline, a few
 * extensions, about ten inspection findings and a few rectifications. Seeded, so every run builds
 * the same city.
 */
final class SyntheticCity {

    static final String[] PERSONS = {"张三", "李四", "王五", "赵六", "钱七"};

    /** A district's plan and its year of facts. */
    record District(Plan plan, Facts facts) {
        int factCount() {
            return facts.reports().size() + facts.completions().size() + facts.extensions().size()
                    + facts.inspections().size() + facts.rectifications().size();
        }
    }

    private SyntheticCity() {
    }

    static List<District> build(int plans, long seed) {
        Plan template = PlanJson.embedded();
        Random r = new Random(seed);
        List<District> out = new ArrayList<>();
        for (int i = 0; i < plans; i++) {
            Plan p = plan(template, i, r);
            out.add(new District(p, facts(p, r)));
        }
        return out;
    }

    /** The embedded plan, its dated tasks' deadlines moved to the end of April, May or June. */
    static Plan plan(Plan t, int i, Random r) {
        List<Task> tasks = new ArrayList<>();
        for (Task task : t.tasks()) {
            Deadline d = task.deadline();
            if (!task.ongoing()) {
                YearMonth m = YearMonth.of(2021, 4 + r.nextInt(3));
                d = Deadline.of(m.atEndOfMonth(), "2021年" + m.getMonthValue() + "月底");
            }
            tasks.add(new Task(task.no(), task.goal(), task.title(), task.measure(), task.leads(), task.supporting(), d,
                    task.milestones(), task.notes()));
        }
        return Plan.of(t.title() + "（第" + (i + 1) + "区）", t.docNumber(), t.issuedOn(), t.reporting(), t.stages(), t.goals(),
                t.units(), tasks);
    }

    static Facts facts(Plan p, Random r) {
        YearMonth from = p.reporting().from();
        YearMonth to = p.reporting().to();
        List<ProgressReport> reports = new ArrayList<>();
        List<Completion> completions = new ArrayList<>();
        List<Extension> extensions = new ArrayList<>();
        List<InspectionFinding> inspections = new ArrayList<>();
        List<Rectification> rectifications = new ArrayList<>();
        List<String> units = p.units().stream().filter(u -> !u.group()).map(Unit::id).toList();
        for (Task t : p.tasks()) {
            LocalDate dl = t.ongoing() ? null : t.deadline().date();
            LocalDate done = null;
            if (dl != null && r.nextInt(100) < 75) {
                done = dl.plusDays(r.nextInt(50) - 35);
                completions.add(Completion.of(t.no(), done));
                if (r.nextInt(100) < 5) {
                    completions.add(Completion.of(t.no(), done.plusDays(1 + r.nextInt(10))));
                }
            }
            if (dl != null && r.nextInt(100) < 15) {
                LocalDate req = dl.minusDays(r.nextInt(15));
                LocalDate appr = req.plusDays(r.nextInt(10));
                extensions.add(new Extension(t.no(), req, appr, dl.plusDays(30), "客观原因"));
            }
            for (String lead : t.leads()) {
                int percent = 0;
                for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                    if (done != null && m.isAfter(YearMonth.from(done))) {
                        break;
                    }
                    int roll = r.nextInt(100);
                    if (roll < 6) {
                        continue; // missing
                    }
                    LocalDate on = roll < 16 ? m.atDay(26 + r.nextInt(3)) : m.atDay(10 + r.nextInt(16));
                    percent = Math.min(100, percent + 10 + r.nextInt(25));
                    reports.add(new ProgressReport(t.no(), lead, m, on, percent, "完成" + percent + "%，工作推进中。"));
                    if (r.nextInt(100) < 8) {
                        percent = Math.min(100, percent + 5);
                        reports.add(new ProgressReport(t.no(), lead, m, on.plusDays(1 + r.nextInt(3)), percent, "更正"));
                    }
                }
            }
        }
        int n = 6 + r.nextInt(8);
        InspectionKind[] kinds = InspectionKind.values();
        for (int i = 0; i < n; i++) {
            Task t = p.tasks().get(r.nextInt(p.tasks().size()));
            String unit = r.nextInt(100) < 70 ? t.leads().get(r.nextInt(t.leads().size())) : units.get(r.nextInt(units.size()));
            Integer task = r.nextInt(100) < 85 ? t.no() : null;
            LocalDate on = from.plusMonths(r.nextInt(5)).atDay(1 + r.nextInt(28));
            String person = r.nextInt(100) < 30 ? PERSONS[r.nextInt(PERSONS.length)] : null;
            inspections.add(new InspectionFinding(unit, task, kinds[r.nextInt(kinds.length)], on, person, "督查记录"));
            if (r.nextInt(100) < 40) {
                LocalDate fix = on.plusDays(3 + r.nextInt(20));
                rectifications.add(Rectification.of(unit, task, fix.isAfter(to.atEndOfMonth()) ? to.atEndOfMonth() : fix));
            }
        }
        return new Facts(reports, completions, extensions, inspections, rectifications);
    }
}
